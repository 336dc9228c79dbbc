import { create } from 'zustand';

export type ThemeMode = 'light' | 'dark';

const THEME_KEY = 'kwc.theme';
const WALKTHROUGH_KEY = 'kwc.walkthrough.open';
const NAVIGATION_OPEN_MIN_WIDTH = 1024;

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
  setNavigationOpen(open: boolean): void;
  /** The workshop walkthrough beside every page (the layout's tools panel); kept across reloads. */
  walkthroughOpen: boolean;
  setWalkthroughOpen(open: boolean): void;
}

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
  // Below this width an open navigation leaves the tables too little room: it starts closed (the menu button opens it).
  navigationOpen: (globalThis.innerWidth ?? 1440) >= NAVIGATION_OPEN_MIN_WIDTH,
  setNavigationOpen: (navigationOpen) => set({ navigationOpen }),
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
