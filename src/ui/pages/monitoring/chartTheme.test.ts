import { describe, expect, it } from 'vitest';
import { chartTheme, textOn } from './chartTheme';

describe('textOn, the text colour on a filled chart colour', () => {
  it('is white on a deep colour and near-black on a light one', () => {
    expect(textOn('#c33d69')).toBe('#ffffff');
    expect(textOn('#8ea9ff')).toBe('#0f141a');
  });

  it('reads at 4.5:1 or better on every series colour of both themes', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const mode of ['light', 'dark'] as const)
      for (const c of chartTheme(mode).series) {
        const [hi, lo] = [lum(c), lum(textOn(c))].sort((a, b) => b - a);
        expect((hi + 0.05) / (lo + 0.05), `${mode} ${c}`).toBeGreaterThanOrEqual(4.5);
      }
  });
});
