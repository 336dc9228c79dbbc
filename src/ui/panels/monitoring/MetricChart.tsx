import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { usePreferences } from '../../state/preferences';
import { chartTheme, exact, tickTime, tooltipTime } from './chartTheme';

export interface SeriesDef {
  key: string;
  label: string;
}

export interface MetricChartProps {
  testId: string;
  data: readonly Record<string, number | undefined>[] | undefined;
  series: SeriesDef[];
  unit?: string;
  loading: boolean;
  /** Shown instead of the chart when no series has a data point above 0 (or any point, with zeroIsData). */
  emptyText: string;
  /** A 0 is a real reading (iterator age of a reader that is caught up), not the absence of data. */
  zeroIsData?: boolean;
  height?: number;
  /** Stacked bars (one segment per series) instead of lines: parts of a whole, e.g. shards of a stream. */
  stacked?: boolean;
}

const compact = (v: number) =>
  Math.abs(v) >= 1000 ? `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 2 })}k` : String(v);

/** A time series chart: one-minute points, local time axis, exact values in the tooltip. */
export function MetricChart({
  testId,
  data,
  series,
  unit,
  loading,
  emptyText,
  zeroIsData,
  stacked,
  height = 220,
}: MetricChartProps) {
  const theme = chartTheme(usePreferences((s) => s.theme));
  const hasData = !!data?.some((p) =>
    series.some((s) => (zeroIsData ? p[s.key] !== undefined : (p[s.key] ?? 0) > 0)),
  );
  if (!data && loading)
    return (
      <Box padding="l" textAlign="center" data-testid={`${testId}-loading`}>
        <StatusIndicator type="loading">Loading metrics</StatusIndicator>
      </Box>
    );
  if (!hasData)
    return (
      <Box padding="l" textAlign="center" color="text-body-secondary" data-testid={`${testId}-empty`}>
        <b>No data</b>
        <Box variant="p" color="inherit">
          {emptyText}
        </Box>
      </Box>
    );
  const common = (
    <>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        {...(stacked
          ? { type: 'category' as const }
          : { type: 'number' as const, scale: 'time' as const, domain: ['dataMin', 'dataMax'] })}
        tickFormatter={tickTime}
        stroke={theme.axis}
        tick={{ fill: theme.axis, fontSize: 12 }}
        minTickGap={24}
      />
      <YAxis
        stroke={theme.axis}
        tick={{ fill: theme.axis, fontSize: 12 }}
        tickFormatter={compact}
        width={52}
        allowDecimals={false}
      />
      <Tooltip
        labelFormatter={(t) => tooltipTime(Number(t))}
        formatter={(v) => exact(Number(v), unit)}
        contentStyle={{
          background: theme.tooltipBackground,
          border: `1px solid ${theme.tooltipBorder}`,
          color: theme.tooltipText,
          borderRadius: 8,
        }}
        labelStyle={{ color: theme.tooltipText, fontWeight: 700 }}
      />
      {series.length > 1 && <Legend wrapperStyle={{ color: theme.axis, fontSize: 12 }} />}
    </>
  );
  return (
    <div data-testid={testId} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {stacked ? (
          <BarChart
            data={data as Record<string, number>[]}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            {common}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={theme.series[i % theme.series.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart
            data={data as Record<string, number>[]}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            {common}
            {series.map((s, i) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={theme.series[i % theme.series.length]}
                strokeWidth={2}
                dot={(data?.length ?? 0) <= 30 ? { r: 2.5 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
