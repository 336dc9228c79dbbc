import * as tokens from '@cloudscape-design/design-tokens';
import { applyTheme, type Theme } from '@cloudscape-design/components/theming';
import { PRESENTATION_SCALE } from '../state/preferences';

/** The design system's type tokens that presentation mode enlarges (sizes and their line heights). */
const TYPE_TOKENS = [
  'fontSizeBodyM',
  'fontSizeBodyS',
  'fontSizeDisplayL',
  'fontSizeHeadingXl',
  'fontSizeHeadingL',
  'fontSizeHeadingM',
  'fontSizeHeadingS',
  'fontSizeHeadingXs',
  'fontSizeTabs',
  'lineHeightBodyM',
  'lineHeightBodyS',
  'lineHeightDisplayL',
  'lineHeightHeadingXl',
  'lineHeightHeadingL',
  'lineHeightHeadingM',
  'lineHeightHeadingS',
  'lineHeightHeadingXs',
  'lineHeightTabs',
] as const;

/** The default pixel size in a design token's value, `var(--font-size-body-m-a7nh2n, 14px)` gives 14. */
export const defaultPixels = (value: string): number | undefined => {
  const m = /(\d+(?:\.\d+)?)px\)?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
};

/** Every type token scaled by PRESENTATION_SCALE, rounded to whole pixels. */
export const presentationTokens = (): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name of TYPE_TOKENS) {
    const px = defaultPixels(tokens[name]);
    if (px !== undefined) out[name] = `${Math.round(px * PRESENTATION_SCALE)}px`;
  }
  return out;
};

/** Turns presentation mode's larger type on for the whole page (components, portals, dialogs); returns how to undo it. */
export const applyPresentation = (): (() => void) => {
  const { reset } = applyTheme({ theme: { tokens: presentationTokens() } as Theme });
  document.documentElement.classList.add('kwc-presentation');
  return () => {
    reset();
    document.documentElement.classList.remove('kwc-presentation');
  };
};
