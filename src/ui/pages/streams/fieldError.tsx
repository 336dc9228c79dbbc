import Box from '@cloudscape-design/components/box';
import type { FieldMessage } from '../../lib/fieldMessages';

/**
 * A FormField (or Form) error that e2e tests can find: `errorText={fieldError('x-error', message)}`.
 * The words for people come first; AWS's exact text, when there is one, beneath it as code
 * (testid `x-error-detail`).
 */
export const fieldError = (testId: string, message: string | FieldMessage | undefined) => {
  if (!message) return undefined;
  const { text, detail } = typeof message === 'string' ? { text: message, detail: undefined } : message;
  return (
    <span data-testid={testId}>
      {text}
      {detail && (
        <Box variant="small" display="block" color="text-body-secondary" margin={{ top: 'xxxs' }}>
          <span data-testid={`${testId}-detail`} style={{ overflowWrap: 'anywhere' }}>
            <Box variant="code" display="inline" color="inherit">
              {detail}
            </Box>
          </span>
        </Box>
      )}
    </span>
  );
};
