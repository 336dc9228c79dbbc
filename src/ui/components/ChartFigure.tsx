import type { ReactNode } from 'react';
import { PRESENTATION_SCALE, usePreferences } from '../state/preferences';

/**
 * The frame of every chart: one image for assistive technology, named by a text summary of what
 * the chart shows (its measure, its period and its latest or notable values), since the drawing
 * itself says nothing to a screen reader.
 */
export function ChartFigure({ testId, summary, height, children }: { testId: string; summary: string; height: number; children: ReactNode }) {
  // Presentation mode enlarges the chart with its labels.
  const scale = usePreferences((s) => (s.presentation ? PRESENTATION_SCALE : 1));
  return (
    <div data-testid={testId} role="img" aria-label={summary} style={{ width: '100%', height: Math.round(height * scale) }}>
      {children}
    </div>
  );
}
