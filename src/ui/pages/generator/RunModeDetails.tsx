import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { dateTime } from '../../components/time';
import type { GeneratorStats } from '../../hooks/useGenerator';
import { count, perSecond } from './format';

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A run's Periodic cell in force, and a backfill's progress through its simulated range. */
export function RunModeDetails({ stats: s }: { stats: GeneratorStats }) {
  if (!s.periodic && !s.backfill) return null;
  const b = s.backfill;
  const done = b ? (s.state === 'completed' && !s.stopReason?.startsWith('Sent') ? b.totalSeconds : b.secondsDone) : 0;
  const percent = b ? Math.floor((done / b.totalSeconds) * 1000) / 10 : 0;
  return (
    <Box margin={{ top: 'm' }}>
      <SpaceBetween size="s">
        {s.periodic && (
          <ColumnLayout columns={3} variant="text-grid" minColumnWidth={140}>
            <div>
              <Box variant="awsui-key-label">Mu now</Box>
              <Box fontSize="heading-m" fontWeight="bold" data-testid="stat-mu">
                {num(s.periodic.mu)}
              </Box>
              <Box variant="small" color="text-body-secondary">
                {b ? 'At the simulated second' : 'This hour and weekday, local time'}
              </Box>
            </div>
            <div>
              <Box variant="awsui-key-label">Sigma now</Box>
              <Box fontSize="heading-m" fontWeight="bold" data-testid="stat-sigma">
                {num(s.periodic.sigma)}
              </Box>
            </div>
            <div>
              <Box variant="awsui-key-label">Expected rate</Box>
              <Box fontSize="heading-m" fontWeight="bold" data-testid="stat-expected">
                {perSecond(s.periodic.expected)}
              </Box>
              <Box variant="small" color="text-body-secondary">
                {b ? 'Records per simulated second' : 'Average records per second'}
              </Box>
            </div>
          </ColumnLayout>
        )}
        {b && (
          <>
            <ProgressBar
              data-testid="backfill-progress"
              label="Simulated time (backfill)"
              value={percent}
              status={s.state === 'completed' ? 'success' : s.state === 'running' ? 'in-progress' : 'error'}
              resultText={
                s.state === 'completed'
                  ? `Backfill complete: ${count(b.totalSeconds)} simulated seconds, ${count(s.acknowledged)} records`
                  : `Stopped at ${dateTime(b.simulatedAt)} (${percent}%)`
              }
              description={`${dateTime(b.start)} to ${dateTime(b.end)}, ${count(b.totalSeconds)} simulated seconds`}
              additionalInfo={`Reached ${dateTime(b.simulatedAt)}: ${count(done)} of ${count(b.totalSeconds)} seconds`}
            />
            <ColumnLayout columns={2} variant="text-grid" minColumnWidth={140}>
              <div>
                <Box variant="awsui-key-label">Simulated time reached</Box>
                <Box fontWeight="bold" data-testid="backfill-reached">
                  {dateTime(b.simulatedAt)}
                </Box>
                <span data-testid="backfill-percent" hidden>
                  {percent}
                </span>
              </div>
              <div>
                <Box variant="awsui-key-label">Records per wall second</Box>
                <Box fontWeight="bold" data-testid="backfill-wall-rate">
                  {perSecond(b.wallRate)}
                </Box>
                <Box variant="small" color="text-body-secondary">
                  {b.wallElapsedMs > 0 && b.secondsDone > 0
                    ? `${num((b.secondsDone * 1000) / b.wallElapsedMs)} simulated seconds per wall second`
                    : 'Acknowledged per second of real time'}
                </Box>
              </div>
            </ColumnLayout>
          </>
        )}
      </SpaceBetween>
    </Box>
  );
}
