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
import { ChartFigure } from '../../components/ChartFigure';
import { exact, tickTime, tooltipTime, useChartStyle } from './chartTheme';

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
  /** For a projector: axis labels in large type and the text colour, a thicker line. */
  large?: boolean;
  /** What the chart measures, as its heading says ("IncomingRecords (1-minute Sum)"): the start of its text alternative. */
  title: string;
}

/**
 * The chart's text alternative for screen readers: what it measures and over which minutes, then
 * per series the total over the range, the highest one-minute value and when, and the latest value.
 */
export const chartSummary = (
  data: readonly Record<string, number | undefined>[],
  series: SeriesDef[],
  unit?: string,
  title = 'Chart',
): string => {
  const times = data.map((p) => Number(p.t)).filter((t) => Number.isFinite(t));
  const period = times.length > 0 ? ` from ${tickTime(Math.min(...times))} to ${tickTime(Math.max(...times))}` : '';
  const parts = series.map((s) => {
    const points = data.filter((p) => p[s.key] !== undefined);
    if (points.length === 0) return `${s.label}: no data`;
    const top = points.reduce((a, b) => ((b[s.key] ?? 0) > (a[s.key] ?? 0) ? b : a));
    const total = points.reduce((sum, p) => sum + (p[s.key] ?? 0), 0);
    const last = points[points.length - 1];
    return `${s.label}: total ${exact(total, unit)}, highest ${exact(top[s.key] ?? 0, unit)} at ${tickTime(Number(top.t))}, latest ${exact(last[s.key] ?? 0, unit)} at ${tickTime(Number(last.t))}`;
  });
  return `${title}, ${data.length} one-minute points${period}. ${parts.join('; ')}.`;
};

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
  large,
  title,
  height = 220,
}: MetricChartProps) {
  const style = useChartStyle(large);
  const { theme } = style;
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
        {...style.axis}
        minTickGap={24}
      />
      <YAxis {...style.valueAxis} />
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
      {series.length > 1 && <Legend wrapperStyle={style.legend} />}
    </>
  );
  return (
    <ChartFigure testId={testId} summary={chartSummary(data ?? [], series, unit, title)} height={height}>
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
                strokeWidth={style.lineWidth}
                dot={(data?.length ?? 0) <= 30 ? { r: style.lineWidth + 0.5 } : false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </ChartFigure>
  );
}
