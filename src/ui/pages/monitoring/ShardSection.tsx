import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/ChartFigure';
import { describeError, formatError } from '../../hooks/errors';
import { sumOf, useShardMetrics, type RangeKey } from '../../hooks/useMetrics';
import { useEnhancedMonitoring, useShards, useStreamSummary, type Shard } from '../../hooks/useStreams';
import { exact, useChartStyle } from './chartTheme';
import { MetricChart } from './MetricChart';

const TITLE = 'IncomingRecords per shard (1-minute Sum)';

/** Bars stacked one segment per shard up to this many shards; past it only the per-shard totals are drawn. */
const MAX_SHARD_LINES = 10;

const shortId = (id: string) => id.replace(/^shardId-0*(?=\d)/, 'shard ');

const hashShare = (s: Shard): string => {
  const start = BigInt(s.HashKeyRange?.StartingHashKey ?? '0');
  const end = BigInt(s.HashKeyRange?.EndingHashKey ?? '0');
  // basis points of 2^128, rounded to the nearest
  const share = Number(((end - start + 1n) * 10000n + (1n << 127n)) >> 128n) / 100;
  return `${share.toFixed(share < 1 ? 2 : 1)}%`;
};

/** IncomingRecords per shard: where the partition keys' MD5 hashes sent the records. */
export function ShardSection({ stream, range }: { stream: string; range: RangeKey }) {
  const style = useChartStyle();
  const { theme } = style;
  const summary = useStreamSummary(stream);
  const shardsQuery = useShards(stream);
  const enable = useEnhancedMonitoring();
  const levels = summary.data?.EnhancedMonitoring?.[0]?.ShardLevelMetrics ?? [];
  const on = levels.includes('IncomingRecords') || levels.includes('ALL');
  const shards = [...(shardsQuery.data ?? [])].sort((a, b) => (a.ShardId ?? '').localeCompare(b.ShardId ?? ''));
  const ids = shards.map((s) => s.ShardId!);
  const metrics = useShardMetrics(stream, ids, range, on);
  const totals = shards.map((s) => ({ shard: s, id: s.ShardId!, total: sumOf(metrics.data ?? [], s.ShardId!) }));
  const grand = totals.reduce((a, t) => a + t.total, 0);

  const header = (
    <Header
      variant="h2"
      description="Kinesis puts each record in the shard whose hash key range holds the MD5 hash of its partition key. Random keys spread evenly; one hot key lands in one shard."
      actions={
        on ? (
          <StatusIndicator type="success">Shard-level metrics on</StatusIndicator>
        ) : undefined
      }
    >
      {TITLE}
    </Header>
  );

  if (summary.error)
    return (
      <Container header={header}>
        {describeError(summary.error).type === 'ResourceNotFoundException' ? (
          // The page's warning already says the stream is gone: say what that means here.
          <Box color="text-body-secondary" data-testid="shard-section-error">
            The per-shard view reads the stream&apos;s shards, and this stream no longer exists.
          </Box>
        ) : (
          <Box color="text-status-error" data-testid="shard-section-error">
            {formatError(describeError(summary.error))}
          </Box>
        )}
      </Container>
    );

  if (!summary.data)
    return (
      <Container header={header}>
        <StatusIndicator type="loading">Loading the stream</StatusIndicator>
      </Container>
    );

  if (!on)
    return (
      <Container header={header} data-testid="shard-metrics-off">
        <Alert
          type="info"
          header="Shard-level metrics are off for this stream"
          action={
            <Button
              data-testid="enable-shard-metrics"
              loading={enable.isPending}
              onClick={() => enable.mutate({ stream, enable: true, metrics: ['IncomingRecords', 'IncomingBytes', 'WriteProvisionedThroughputExceeded'] })}
            >
              Enable shard-level metrics
            </Button>
          }
        >
          Kinesis reports per-shard metrics (with a ShardId dimension) only after EnableEnhancedMonitoring, and on AWS they cost extra.
          Enabling IncomingRecords, IncomingBytes and WriteProvisionedThroughputExceeded at shard level shows which shard each record
          went to, from now on (earlier minutes have no shard data).
          {enable.error && (
            <Box color="text-status-error" margin={{ top: 'xs' }}>
              {formatError(describeError(enable.error))}
            </Box>
          )}
        </Alert>
      </Container>
    );

  return (
    <Container header={header} data-testid="shard-section">
      <SpaceBetween size="l">
        {ids.length <= MAX_SHARD_LINES && (
          <MetricChart
            testId="chart-shard-incoming-records"
            title={TITLE}
            data={metrics.data}
            series={ids.map((id) => ({ key: id, label: id }))}
            unit="records"
            stacked
            loading={metrics.isLoading}
            emptyText="No records reached any shard in this range since shard-level metrics were enabled."
          />
        )}
        {grand > 0 && (
          <ChartFigure
            testId="chart-shard-totals"
            summary={`Records per shard over the range, ${exact(grand, 'records')} in all: ${totals.map((t) => `${t.id} ${exact(t.total)}`).join(', ')}.`}
            height={ids.length > 20 ? 260 : 200}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={totals.map((t) => ({ name: shortId(t.id), id: t.id, total: t.total }))} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
                <XAxis
                  dataKey="name"
                  {...style.axis}
                  interval={ids.length > 12 ? Math.ceil(ids.length / 10) - 1 : 0}
                />
                <YAxis {...style.valueAxis} />
                <Tooltip
                  formatter={(v) => exact(Number(v), 'records')}
                  labelFormatter={(_l, p) => `${(p?.[0]?.payload as { id?: string } | undefined)?.id ?? ''}: total in range`}
                  contentStyle={{ background: theme.tooltipBackground, border: `1px solid ${theme.tooltipBorder}`, color: theme.tooltipText, borderRadius: 8 }}
                  labelStyle={{ color: theme.tooltipText, fontWeight: 700 }}
                  cursor={{ fill: theme.grid, opacity: 0.4 }}
                />
                <Bar dataKey="total" name="Records" isAnimationActive={false}>
                  {totals.map((t, i) => (
                    <Cell key={t.id} fill={theme.series[i % theme.series.length]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
        )}
        <Table
          variant="embedded"
          data-testid="shard-totals-table"
          ariaLabels={{ tableLabel: 'Records per shard' }}
          items={totals}
          trackBy="id"
          loading={metrics.isLoading}
          loadingText="Loading shard metrics"
          columnDefinitions={[
            { id: 'shard', header: 'Shard', cell: (t) => <span data-testid={`shard-total-row-${t.id}`}>{t.id}</span>, isRowHeader: true },
            { id: 'state', header: 'State', cell: (t) => (t.shard.SequenceNumberRange?.EndingSequenceNumber ? 'Closed' : 'Open') },
            { id: 'hash', header: 'Share of the hash space', cell: (t) => hashShare(t.shard) },
            { id: 'total', header: 'Records in range', cell: (t) => <span data-testid={`shard-total-${t.id}`}>{exact(t.total)}</span> },
            { id: 'pct', header: 'Share of records', cell: (t) => (grand > 0 ? `${((t.total / grand) * 100).toFixed(1)}%` : '-') },
          ]}
          empty={<Box textAlign="center">No shards</Box>}
        />
      </SpaceBetween>
    </Container>
  );
}
