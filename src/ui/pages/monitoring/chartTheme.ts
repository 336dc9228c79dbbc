import { calendarDate, hourMinute } from '../../components/time';
import { PRESENTATION_SCALE, usePreferences, type ThemeMode } from '../../state/preferences';

/**
 * Chart colours for each theme. Recharts writes colours as SVG attributes, where CSS variables
 * (Cloudscape's tokens) do not apply, so the values are resolved here: Cloudscape's categorical
 * chart palette, and its text and divider colours, in light and dark mode.
 */
export interface ChartTheme {
  series: string[];
  /** Axis lines and their labels: the secondary text colour, at 4.5:1 or better on `background`. */
  axis: string;
  /** The container a chart sits in. */
  background: string;
  grid: string;
  tooltipBackground: string;
  tooltipBorder: string;
  tooltipText: string;
}

const light: ChartTheme = {
  series: ['#688ae8', '#c33d69', '#2ea597', '#8456ce', '#e07941', '#3759ce', '#962249', '#096f64', '#6237a7', '#a84401'],
  axis: '#424650',
  background: '#ffffff',
  grid: '#e9ebed',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#c6c6cd',
  tooltipText: '#0f141a',
};

const dark: ChartTheme = {
  series: ['#8ea9ff', '#ff5d93', '#5fcbb8', '#b98ef7', '#f89256', '#6f92fa', '#ec7ea5', '#3ab5a1', '#a277ec', '#d6763a'],
  axis: '#c6c6cd',
  background: '#161d26',
  grid: '#414d5c',
  tooltipBackground: '#0f1b2a',
  tooltipBorder: '#5f6b7a',
  tooltipText: '#e9ebed',
};

export const chartTheme = (mode: ThemeMode): ChartTheme => (mode === 'dark' ? dark : light);

const AXIS_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * Every chart's value axis: 950, 18k, 1.25k, 1.2M, 3B, at most two decimals and no trailing zeros,
 * so the same number reads the same on every chart (the tooltip gives the exact value).
 */
export const axisNumber = (v: number): string => {
  const [size, unit] = AXIS_UNITS.find(([n]) => Math.abs(v) >= n) ?? [1, ''];
  return `${Number((v / size).toFixed(2)).toString()}${unit}`;
};

/** Chart label sizes in pixels: the body text's size, larger in presentation mode and on the presenter view. */
export const CHART_FONT = { body: 14, presentation: Math.round(14 * PRESENTATION_SCALE), large: 20 };

/**
 * What every chart draws with: the theme's colours, axis labels at body size in the secondary text
 * colour (larger in presentation mode or with `large`), and lines to match.
 */
export const useChartStyle = (large?: boolean) => {
  const mode = usePreferences((s) => s.theme);
  const presentation = usePreferences((s) => s.presentation);
  const theme = chartTheme(mode);
  const fontSize = large ? CHART_FONT.large : presentation ? CHART_FONT.presentation : CHART_FONT.body;
  const axis = { stroke: theme.axis, tick: { fill: theme.axis, fontSize } };
  return {
    theme,
    fontSize,
    /** Props for an XAxis or YAxis. */
    axis,
    /** Props for a YAxis of counts: compact numbers, wide enough for "1.25M" at this size. */
    valueAxis: { ...axis, tickFormatter: axisNumber, width: Math.round(fontSize * 3.8), allowDecimals: false },
    legend: { color: theme.axis, fontSize },
    lineWidth: large || presentation ? 3 : 2,
  };
};

/** Axis ticks in the browser's local time: 14:05. */
export const tickTime = hourMinute;

/** Tooltip heading in local time, with the date: 2026-11-22 14:05 (1 minute from then). */
export const tooltipTime = (t: number): string => `${calendarDate(t)} ${hourMinute(t)} (1-minute period, local time)`;

/** Exact values in tooltips: 12,034. */
export const exact = (v: number, unit = ''): string => `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ''}`;

/** WCAG relative luminance of a #rrggbb colour. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** Text on a filled colour: near-black or white, whichever contrasts more with it. */
export const textOn = (hex: string): string => (contrastRatio(hex, '#0f141a') >= contrastRatio(hex, '#ffffff') ? '#0f141a' : '#ffffff');
