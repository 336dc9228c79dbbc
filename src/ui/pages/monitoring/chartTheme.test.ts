import { describe, expect, it } from 'vitest';
import { chartTheme, contrastRatio, textOn } from './chartTheme';

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
