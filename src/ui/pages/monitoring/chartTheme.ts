import { calendarDate, hourMinute } from '../../components/time';
import type { ThemeMode } from '../../state/preferences';

/**
 * Chart colours for each theme. Recharts writes colours as SVG attributes, where CSS variables
 * (Cloudscape's tokens) do not apply, so the values are resolved here: Cloudscape's categorical
 * chart palette, and its text and divider colours, in light and dark mode.
 */
export interface ChartTheme {
  series: string[];
  axis: string;
  grid: string;
  tooltipBackground: string;
  tooltipBorder: string;
  tooltipText: string;
}

const light: ChartTheme = {
  series: ['#688ae8', '#c33d69', '#2ea597', '#8456ce', '#e07941', '#3759ce', '#962249', '#096f64', '#6237a7', '#a84401'],
  axis: '#5f6b7a',
  grid: '#e9ebed',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#c6c6cd',
  tooltipText: '#0f141a',
};

const dark: ChartTheme = {
  series: ['#8ea9ff', '#ff5d93', '#5fcbb8', '#b98ef7', '#f89256', '#6f92fa', '#ec7ea5', '#3ab5a1', '#a277ec', '#d6763a'],
  axis: '#a4abb3',
  grid: '#414d5c',
  tooltipBackground: '#0f1b2a',
  tooltipBorder: '#5f6b7a',
  tooltipText: '#e9ebed',
};

export const chartTheme = (mode: ThemeMode): ChartTheme => (mode === 'dark' ? dark : light);

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
