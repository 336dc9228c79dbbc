import { describe, expect, it } from 'vitest';
import { defaultPixels, presentationTokens } from './presentation';

describe('presentation type sizes', () => {
  it("reads a design token's default size", () => {
    expect(defaultPixels('var(--font-size-body-m-a7nh2n, 14px)')).toBe(14);
    expect(defaultPixels('{fontSizeBodyM}')).toBeUndefined();
  });

  it('enlarges body text from 14 to 18 px and headings alike, with their line heights', () => {
    const t = presentationTokens();
    expect(t.fontSizeBodyM).toBe('18px');
    expect(t.lineHeightBodyM).toBe('26px');
    expect(t.fontSizeHeadingXl).toBe('31px');
    expect(Object.keys(t)).toHaveLength(18);
  });
});
