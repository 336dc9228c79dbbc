import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/ChartFigure';
import { DAY_NAMES, weekPreview, type PeriodicRate } from '../../hooks/generatorRate';
import { exact, useChartStyle } from '../monitoring/chartTheme';

const at = (t: number) => {
  const day = DAY_NAMES[Math.min(6, Math.floor(t / 24))];
  const h = Math.floor(t % 24);
  const m = Math.round((t % 1) * 60);
  return `${day} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

/** Mu over the 168 hours of a week (every 15 minutes), with a band of one Sigma either side. */
export function PeriodicPreviewChart({ rate, height = 200 }: { rate: PeriodicRate; height?: number }) {
  const style = useChartStyle();
  const { theme } = style;
  const data = useMemo(() => weekPreview(rate), [rate]);
  const summary = useMemo(() => {
    const mus = data.map((p) => p.mu);
    const hi = data.reduce((a, b) => (b.mu > a.mu ? b : a));
    const lo = data.reduce((a, b) => (b.mu < a.mu ? b : a));
    const mean = mus.reduce((a, b) => a + b, 0) / mus.length;
    return `Chart of the expected records per second over a week: average Mu ${exact(mean)}, highest ${exact(hi.mu)} on ${at(hi.t)}, lowest ${exact(lo.mu)} on ${at(lo.t)}.`;
  }, [data]);
  return (
    <ChartFigure testId="periodic-preview" summary={summary} height={height}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, 168]}
            ticks={[0, 24, 48, 72, 96, 120, 144, 168]}
            tickFormatter={(t: number) => (t >= 168 ? '' : DAY_NAMES[t / 24].slice(0, 3))}
            {...style.axis}
          />
          <YAxis {...style.valueAxis} />
          <Tooltip
            labelFormatter={(t) => at(Number(t))}
            formatter={(v, name) => (Array.isArray(v) ? `${exact(Number(v[0]))} to ${exact(Number(v[1]))}` : exact(Number(v))) + (name === 'band' ? '' : '/s')}
            contentStyle={{
              background: theme.tooltipBackground,
              border: `1px solid ${theme.tooltipBorder}`,
              color: theme.tooltipText,
              borderRadius: 8,
            }}
            labelStyle={{ color: theme.tooltipText, fontWeight: 700 }}
          />
          <Area
            type="linear"
            dataKey="band"
            name="Mu ± Sigma"
            stroke="none"
            fill={theme.series[0]}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="mu"
            name="Mu"
            stroke={theme.series[0]}
            strokeWidth={style.lineWidth}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
