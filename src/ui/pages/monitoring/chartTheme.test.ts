import { describe, expect, it } from 'vitest';
import { axisNumber, chartTheme, contrastRatio, textOn } from './chartTheme';

describe('contrastRatio, as WCAG defines it', () => {
  it('is 21 for black on white, 1 for a colour on itself, whatever the order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#688ae8', '#688ae8')).toBe(1);
  });
});

describe('textOn, the text colour on a filled chart colour', () => {
  it('is white on a deep colour and near-black on a light one', () => {
    expect(textOn('#c33d69')).toBe('#ffffff');
    expect(textOn('#8ea9ff')).toBe('#0f141a');
  });

  it('reads at 4.5:1 or better on every series colour of both themes', () => {
    for (const mode of ['light', 'dark'] as const)
      for (const c of chartTheme(mode).series) expect(contrastRatio(c, textOn(c)), `${mode} ${c}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('axis labels', () => {
  it('read at 4.5:1 or better (WCAG AA) on the chart background in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const t = chartTheme(mode);
      expect(contrastRatio(t.axis, t.background), mode).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.tooltipText, t.tooltipBackground), `${mode} tooltip`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('axisNumber, the one value-axis format of every chart', () => {
  it('writes numbers below a thousand as they are', () => {
    expect(axisNumber(0)).toBe('0');
    expect(axisNumber(950)).toBe('950');
    expect(axisNumber(0.25)).toBe('0.25');
  });

  it('writes thousands with k, millions with M, billions with B, trillions with T', () => {
    expect(axisNumber(18000)).toBe('18k');
    expect(axisNumber(1000)).toBe('1k');
    expect(axisNumber(1_200_000)).toBe('1.2M');
    expect(axisNumber(3_000_000_000)).toBe('3B');
    expect(axisNumber(4.5e12)).toBe('4.5T');
  });

  it('keeps at most two decimals, without trailing zeros', () => {
    expect(axisNumber(1250)).toBe('1.25k');
    expect(axisNumber(1500)).toBe('1.5k');
    expect(axisNumber(12_345_678)).toBe('12.35M');
  });

  it('keeps the sign of a negative value', () => {
    expect(axisNumber(-2500)).toBe('-2.5k');
  });
});
