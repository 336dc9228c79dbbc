import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { hrefFor } from '../../hooks/route';
import type { GeneratorStats } from '../../hooks/useGenerator';
import { bytes, count, elapsed, perSecond } from './format';
import { RunModeDetails } from './RunModeDetails';

const configHref = (stream: string) =>
  hrefFor(`/streams/${encodeURIComponent(stream)}`, { tab: 'configuration' });

function Counter({
  label,
  value,
  testId,
  info,
}: {
  label: string;
  value: string;
  testId: string;
  info?: string;
}) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box fontSize="heading-l" fontWeight="bold" data-testid={testId}>
        {value}
      </Box>
      {info && (
        <Box variant="small" color="text-body-secondary">
          {info}
        </Box>
      )}
    </div>
  );
}

export interface RunPanelProps {
  stats?: GeneratorStats;
  stream?: string;
  /** A data stream (the default) or a Firehose delivery stream. */
  target?: 'kinesis' | 'firehose';
  running: boolean;
  throttling: boolean;
  everThrottled: boolean;
  shards?: number;
  /** A run a page reload cut off, which did not carry on by itself: why, and how to resume it. */
  interrupted?: { reason: string; onResume(): void; onDismiss(): void };
}

/** Live counters of the run, and what it means when it stops or throttles. */
export function RunPanel({
  stats,
  stream,
  target = 'kinesis',
  running,
  throttling,
  everThrottled,
  shards,
  interrupted,
}: RunPanelProps) {
  const s = stats;
  const firehose = target === 'firehose';
  const what = firehose ? 'delivery stream' : 'stream';
  const backfillDone = s?.state === 'completed' && s.stopReason?.startsWith('Backfill complete');
  const status = !s ? (
    <StatusIndicator type="stopped">Not started</StatusIndicator>
  ) : s.state === 'running' ? (
    <StatusIndicator type="in-progress">{s.backfill ? 'Backfilling' : 'Sending'}</StatusIndicator>
  ) : interrupted ? (
    <StatusIndicator type="warning">Interrupted</StatusIndicator>
  ) : s.state === 'completed' ? (
    <StatusIndicator type="success">{backfillDone ? 'Backfill complete' : 'Completed'}</StatusIndicator>
  ) : s.stopReason?.startsWith('The stream no longer exists') ? (
    <StatusIndicator type="error">Stopped: {what} deleted</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">Stopped</StatusIndicator>
  );
  return (
    <Container
      data-testid="run-panel"
      header={
        <Header
          variant="h2"
          description={`Acknowledged records are those ${firehose ? 'Firehose' : 'Kinesis'} accepted. A failed attempt is retried with jittered exponential backoff until it is acknowledged or you stop.`}
          info={<span data-testid="run-status">{status}</span>}
          actions={
            stream ? (
              <Link
                href={hrefFor('/monitoring', firehose ? { deliveryStream: stream } : { stream })}
                data-testid="monitoring-link"
              >
                Watch {stream} on the Monitoring page
              </Link>
            ) : undefined
          }
        >
          Progress
        </Header>
      }
    >
      <ColumnLayout columns={4} variant="text-grid" minColumnWidth={140}>
        <Counter
          label="Acknowledged"
          value={count(s?.acknowledged ?? 0)}
          testId="stat-acknowledged"
          info={`Accepted by the ${what}`}
        />
        <Counter
          label="Failed attempts"
          value={count(s?.failed ?? 0)}
          testId="stat-failed"
          info="Throttled or rejected tries"
        />
        <Counter
          label="Retried"
          value={count(s?.retried ?? 0)}
          testId="stat-retried"
          info="Records sent again"
        />
        <Counter
          label="Pending"
          value={count(s?.pending ?? 0)}
          testId="stat-pending"
          info="Queued, in flight or waiting to retry"
        />
        <Counter
          label="Achieved rate"
          value={perSecond(
            s ? (s.state === 'running' && s.elapsedMs > 5000 ? s.recentRate : s.achievedRate) : 0,
          )}
          testId="stat-rate"
          info={
            s
              ? s.backfill
                ? `As fast as acknowledged; average ${perSecond(s.achievedRate)}`
                : `Target ${s.periodic ? perSecond(s.periodic.expected) : `${count(s.targetRate)}/s`}; average ${perSecond(s.achievedRate)}`
              : undefined
          }
        />
        <Counter
          label="Bytes sent"
          value={bytes(s?.bytesSent ?? 0)}
          testId="stat-bytes"
          info="Data of acknowledged records"
        />
        <Counter label="Elapsed" value={elapsed(s?.elapsedMs ?? 0)} testId="stat-elapsed" />
        <Counter
          label="Generated"
          value={count(s?.rendered ?? 0)}
          testId="stat-rendered"
          info={
            s && s.state !== 'running'
              ? s.dropped
                ? `${count(s.dropped)} not sent (pending at the stop)`
                : 'All sent'
              : 'Rendered from the template'
          }
        />
      </ColumnLayout>
      {s && <RunModeDetails stats={s} />}
      {s && Object.keys(s.renderedByTemplate).length > 1 && (
        <Box margin={{ top: 's' }} color="text-body-secondary" data-testid="stat-by-template">
          Generated per template:{' '}
          {Object.entries(s.renderedByTemplate)
            .map(
              ([name, n]) =>
                `${name} ${count(n)} (${s.rendered ? ((n / s.rendered) * 100).toFixed(1) : '0'}%)`,
            )
            .join(' · ')}
        </Box>
      )}
      <span data-testid="stat-dropped" hidden>
        {s?.dropped ?? 0}
      </span>
      {(throttling || (everThrottled && !running)) && stream && (
        <Box margin={{ top: 'm' }}>
          <Alert
            type="warning"
            header={
              throttling ? 'The stream is throttling writes' : 'The stream throttled writes during this run'
            }
            data-testid="throttling-alert"
          >
            Records failed with ProvisionedThroughputExceededException and the stream's
            WriteProvisionedThroughputExceeded metric counts them: each shard accepts at most 1,000 records
            and 1 MiB per second
            {shards
              ? `, so ${shards === 1 ? '1 shard takes' : `${shards} shards take`} at most ${count(shards * 1000)} records per second`
              : ''}
            . The generator retries throttled records with backoff. To send faster,{' '}
            <Link href={configHref(stream)} data-testid="add-shards-link">
              add shards in the stream's configuration
            </Link>
            .
          </Alert>
        </Box>
      )}
      {s && s.state !== 'running' && (
        <Box margin={{ top: 'm' }}>
          {interrupted ? (
            <Alert
              type="warning"
              header="The run was interrupted by a page reload"
              data-testid="run-interrupted"
              action={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={interrupted.onDismiss} data-testid="dismiss-interrupted">
                    Dismiss
                  </Button>
                  <Button variant="primary" onClick={interrupted.onResume} data-testid="resume-run">
                    Resume
                  </Button>
                </SpaceBetween>
              }
            >
              {count(s.acknowledged)} records had been acknowledged by {stream ?? `the ${what}`} (
              {count(s.rendered)} generated). It did not carry on by itself because {interrupted.reason}.
              Resume sends on at the same rate, and the counters continue from here.
            </Alert>
          ) : s.stopReason?.startsWith('The stream no longer exists') ? (
            <Alert type="error" header={`The ${what} was deleted while sending`} data-testid="run-stopped">
              ResourceNotFoundException: {s.stopReason.replace(/\.+$/, '')}. The
              generator stopped; {count(s.acknowledged)} records had been acknowledged and {count(s.dropped)}{' '}
              pending records were given up.
            </Alert>
          ) : s.state === 'completed' ? (
            <Alert type="success" header={backfillDone ? 'Backfill complete' : 'Done'} data-testid="run-stopped">
              {s.stopReason}.
            </Alert>
          ) : s.stopReason && s.stopReason !== 'Stopped by the user' ? (
            <Alert type="error" header="The generator stopped" data-testid="run-stopped">
              {s.stopReason}
            </Alert>
          ) : (
            <Alert type="info" header="Stopped" data-testid="run-stopped">
              {count(s.rendered)} records generated: {count(s.acknowledged)} acknowledged by the {what}
              {s.dropped
                ? `, ${count(s.dropped)} still pending at the stop and not sent`
                : ', none left unsent'}
              {s.pending ? `, ${count(s.pending)} still settling` : ''}.
            </Alert>
          )}
        </Box>
      )}
    </Container>
  );
}
