import { create } from 'zustand';

export type ThemeMode = 'light' | 'dark';

const THEME_KEY = 'kwc.theme';

const readTheme = (): ThemeMode => {
  try {
    const v = globalThis.localStorage?.getItem(THEME_KEY);
    if (v === 'light' || v === 'dark') return v;
    return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
};

interface PreferencesState {
  theme: ThemeMode;
  setTheme(theme: ThemeMode): void;
  navigationOpen: boolean;
  setNavigationOpen(open: boolean): void;
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
  navigationOpen: true,
  setNavigationOpen: (navigationOpen) => set({ navigationOpen }),
}));
