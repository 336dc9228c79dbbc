import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';

/** Text boxes framed in a neutral grey that reads in light and dark mode alike. */
export const framed = { border: '1px solid rgba(128, 128, 128, 0.45)', borderRadius: 8, padding: '6px 10px' } as const;

/** The AWS CLI command equivalent to an action, with a copy button, so attendees learn the real tool. */
export function CliCommand({
  command,
  testId,
  label = 'AWS CLI equivalent',
  copyLabel = 'Copy AWS CLI command',
  copiedText = 'Command copied',
}: {
  command: string;
  testId?: string;
  label?: string;
  copyLabel?: string;
  copiedText?: string;
}) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div style={{ ...framed, display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          <Box variant="code" data-testid={testId ?? 'cli-command'}>
            {command}
          </Box>
        </div>
        <CopyToClipboard
          variant="icon"
          textToCopy={command}
          copyButtonAriaLabel={copyLabel}
          copySuccessText={copiedText}
          copyErrorText="Could not copy the text"
        />
      </div>
    </div>
  );
}
