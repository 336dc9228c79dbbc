import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { TextWithCode } from '../../components/TextWithCode';
import { SERVICES, type ServiceCheck } from '../../hooks/useConnection';

const nameOf = (key: ServiceCheck['service']) => SERVICES.find((s) => s.key === key)?.name ?? key;

/**
 * A connection test's outcome, service by service: what each list call found, or its error, and
 * below them what to check (each hint once, though several services may share it).
 */
export function TestResult({ checks, where }: { checks: ServiceCheck[]; where: string }) {
  const failed = checks.filter((c) => !c.ok);
  const hints = [...new Set(failed.map((c) => c.failure.hint).filter((h): h is string => !!h))];
  const type = failed.length === 0 ? 'success' : failed.length === checks.length ? 'error' : 'warning';
  const header =
    failed.length === 0
      ? 'Connection works'
      : failed.length === checks.length
        ? 'No service answered'
        : `${checks.length - failed.length} of ${checks.length} services answered`;
  return (
    <Alert type={type} header={header} data-testid="connection-test-result">
      <SpaceBetween size="xs">
        {checks.map((c) => (
          <div key={c.service} data-testid={`connection-test-${c.service}`}>
            <StatusIndicator type={c.ok ? 'success' : 'error'}>
              {nameOf(c.service)}: {c.action}{' '}
              {c.ok ? `answered, ${c.found} in ${where}.` : `failed: ${c.failure.type}. ${c.failure.message}`}
            </StatusIndicator>
            {c.endpoint !== 'emulator' && (c.ok || !c.failure.message.includes(c.endpoint)) && (
              <Box variant="small" color="text-body-secondary" margin={{ left: 'l' }}>
                {c.endpoint}
              </Box>
            )}
          </div>
        ))}
        {hints.map((h) => (
          <Box key={h} data-testid="connection-test-hint">
            <TextWithCode text={h} />
          </Box>
        ))}
      </SpaceBetween>
    </Alert>
  );
}
