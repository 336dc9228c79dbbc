import { create } from 'zustand';

export type ThemeMode = 'light' | 'dark';

const THEME_KEY = 'kwc.theme';
const WALKTHROUGH_KEY = 'kwc.walkthrough.open';
const NAVIGATION_KEY = 'kwc.navigation.open';
const PRESENTATION_KEY = 'kwc.presentation';

/**
 * Below this width an open side navigation leaves tables too little room (a 1024-px laptop, or
 * 1280 px at 125% zoom): the navigation starts closed there, unless the user opened or closed it.
 */
export const NAVIGATION_OPEN_MIN_WIDTH = 1200;

/** How much larger everything reads in presentation mode: 14-px body text becomes 18 px. */
export const PRESENTATION_SCALE = 1.3;

/**
 * The width rule: the navigation is open when the window holds at least NAVIGATION_OPEN_MIN_WIDTH
 * pixels of normal-sized content. Presentation mode's larger type takes PRESENTATION_SCALE times
 * the room, so a 1280-px projector holds as much as a 985-px laptop: the navigation starts closed.
 */
export const navigationFits = (width: number, presentation: boolean): boolean =>
  width / (presentation ? PRESENTATION_SCALE : 1) >= NAVIGATION_OPEN_MIN_WIDTH;

/** The address parameter that turns presentation mode on (`?presentation=1`) or off (`=0`), before or after the `#`. */
export const PRESENTATION_PARAM = 'presentation';

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const storageOf = (kind: 'localStorage' | 'sessionStorage'): Storage | undefined => {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
};

/** The user's last explicit choice of the navigation (kept across reloads); undefined when there is none. */
const navigationChoice = (storage: Storage | undefined): boolean | undefined => {
  const choice = storage?.getItem(NAVIGATION_KEY);
  return choice === 'true' || choice === 'false' ? choice === 'true' : undefined;
};

/**
 * Whether the side navigation is open: the user's last explicit choice (kept across reloads),
 * else the width rule (navigationFits), in presentation mode by the content's larger size.
 */
export const initialNavigationOpen = (width: number, storage: Storage | undefined, presentation = false): boolean =>
  navigationChoice(storage) ?? navigationFits(width, presentation);

/** `?presentation=1` / `=0` in the page's address (before the `#`) or in the route's query; undefined when absent. */
export const presentationFromAddress = (search: string, hash: string): boolean | undefined => {
  const hashQuery = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  for (const q of [hashQuery, search.replace(/^\?/, '')]) {
    const v = new URLSearchParams(q).get(PRESENTATION_PARAM);
    if (v !== null) return v === '1' || v === 'true';
  }
  return undefined;
};

/** Presentation mode: the address says so (and the tab remembers it), else what this tab last chose (session storage). */
export const initialPresentation = (search: string, hash: string, storage: Storage | undefined): boolean => {
  const fromAddress = presentationFromAddress(search, hash);
  if (fromAddress === undefined) return storage?.getItem(PRESENTATION_KEY) === 'true';
  try {
    storage?.setItem(PRESENTATION_KEY, String(fromAddress));
  } catch {
    // private mode: the address alone says it
  }
  return fromAddress;
};

/** The page's address with the presentation parameter set (before the `#`, so it stays as the route changes) or removed. */
export const addressWithPresentation = (search: string, on: boolean): string => {
  const q = new URLSearchParams(search);
  if (on) q.set(PRESENTATION_PARAM, '1');
  else q.delete(PRESENTATION_PARAM);
  const qs = q.toString();
  return qs ? `?${qs}` : '';
};

const readTheme = (): ThemeMode => {
  try {
    const v = globalThis.localStorage?.getItem(THEME_KEY);
    if (v === 'light' || v === 'dark') return v;
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
};

const readWalkthroughOpen = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(WALKTHROUGH_KEY) === 'true';
  } catch {
    return false;
  }
};

interface PreferencesState {
  theme: ThemeMode;
  setTheme(theme: ThemeMode): void;
  navigationOpen: boolean;
  /** The user opened or closed the navigation: remembered, and it overrides the width rule from then on. */
  setNavigationOpen(open: boolean): void;
  /** Presentation mode: larger type, charts and tables on every page, for a projector. Kept for the tab. */
  presentation: boolean;
  setPresentation(on: boolean): void;
  /** The workshop walkthrough beside every page (the layout's tools panel); kept across reloads. */
  walkthroughOpen: boolean;
  setWalkthroughOpen(open: boolean): void;
}

const startsInPresentation = initialPresentation(globalThis.location?.search ?? '', globalThis.location?.hash ?? '', storageOf('sessionStorage'));

export const usePreferences = create<PreferencesState>((set) => ({
  theme: readTheme(),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ theme });
  },
  navigationOpen: initialNavigationOpen(globalThis.innerWidth ?? 1440, storageOf('localStorage'), startsInPresentation),
  setNavigationOpen: (navigationOpen) => {
    try {
      storageOf('localStorage')?.setItem(NAVIGATION_KEY, String(navigationOpen));
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ navigationOpen });
  },
  presentation: startsInPresentation,
  setPresentation: (presentation) => {
    try {
      storageOf('sessionStorage')?.setItem(PRESENTATION_KEY, String(presentation));
    } catch {
      // private mode: the mode lasts for this page only
    }
    // Unless the user chose, the navigation follows the width rule for the new type size.
    set({ presentation, navigationOpen: initialNavigationOpen(globalThis.innerWidth ?? 1440, storageOf('localStorage'), presentation) });
  },
  walkthroughOpen: readWalkthroughOpen(),
  setWalkthroughOpen: (walkthroughOpen) => {
    try {
      globalThis.localStorage?.setItem(WALKTHROUGH_KEY, String(walkthroughOpen));
    } catch {
      // private mode: the panel stays as it is for this page only
    }
    set({ walkthroughOpen });
  },
}));
