import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import * as tokens from '@cloudscape-design/design-tokens';

/** The AWS CLI command equivalent to an action, with a copy button. */
export function CliCommand({ command, testId, label = 'AWS CLI equivalent' }: { command: string; testId?: string; label?: string }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div
        style={{
          display: 'flex',
          alignItems: 'flex-start',
          gap: 8,
          padding: '6px 10px',
          borderRadius: 8,
          border: `1px solid ${tokens.colorBorderDividerDefault}`,
          background: tokens.colorBackgroundLayoutMain,
        }}
      >
        <code
          data-testid={testId ?? 'cli-command'}
          style={{ flex: 1, fontFamily: tokens.fontFamilyMonospace, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {command}
        </code>
        <CopyToClipboard
          variant="icon"
          textToCopy={command}
          copyButtonAriaLabel="Copy AWS CLI command"
          copySuccessText="Command copied"
          copyErrorText="Could not copy the command"
        />
      </div>
    </div>
  );
}
