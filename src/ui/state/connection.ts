import { create } from 'zustand';
import { defaultConnectionSettings, type ConnectionSettings } from '../../aws/clients';

/** Which world the console talks to. Only emulated mode is wired to the UI for now. */
interface ConnectionState {
  settings: ConnectionSettings;
  setSettings(settings: ConnectionSettings): void;
}

export const useConnectionStore = create<ConnectionState>((set) => ({
  settings: defaultConnectionSettings,
  setSettings: (settings) => set({ settings }),
}));
