import { create } from 'zustand';
import {
  defaultConnectionSettings,
  endpointError,
  endpointFor,
  namedEndpoints,
  SERVICES,
  type ConnectionSettings,
  type ServiceKey,
} from '../../aws/connection';

/**
 * Which world the console talks to. Credentials live in this store (memory) only, unless the
 * user ticks "Remember for this browser tab": then in sessionStorage, which the browser drops
 * when the tab closes. Never localStorage, never anywhere else.
 */
export const SESSION_KEY = 'kinesis-console.connection';

interface ConnectionState {
  settings: ConnectionSettings;
  /** Whether the settings are kept in sessionStorage for this tab. */
  remember: boolean;
  /** The last AWS-mode settings of this page, so a switch back to the emulator and back again need not retype them (memory only). */
  lastAws?: ConnectionSettings;
  /** The connection settings panel is open. */
  panelOpen: boolean;
  setSettings(settings: ConnectionSettings, remember?: boolean): void;
  /** Drops the AWS credentials from memory and from this tab's sessionStorage at once; the console goes back to the emulator. */
  forget(): void;
  setPanelOpen(open: boolean): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This tab's sessionStorage, if the browser allows it. */
export const tabStorage = (): StorageLike | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage disabled by the browser
  }
};

const isSettings = (v: unknown): v is ConnectionSettings => {
  const s = v as ConnectionSettings | null;
  return (
    !!s &&
    (s.mode === 'emulated' || s.mode === 'aws') &&
    typeof s.region === 'string' &&
    (s.mode === 'emulated' ||
      (typeof s.credentials?.accessKeyId === 'string' &&
        typeof s.credentials?.secretAccessKey === 'string')) &&
    (s.endpoint === undefined || typeof s.endpoint === 'string') &&
    (s.endpoints === undefined ||
      (typeof s.endpoints === 'object' &&
        s.endpoints !== null &&
        Object.entries(s.endpoints).every(
          ([k, v]) => SERVICES.some((x) => x.key === k) && (v === undefined || typeof v === 'string'),
        ))) &&
    // A bad endpoint would stop the console from building its clients at all.
    namedEndpoints(s).every((e) => endpointError(e) === undefined)
  );
};

/** The settings this tab remembered, if any. */
export const loadRemembered = (
  storage: StorageLike | undefined = tabStorage(),
): ConnectionSettings | undefined => {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isSettings(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

export const saveRemembered = (
  settings: ConnectionSettings,
  remember: boolean,
  storage: StorageLike | undefined = tabStorage(),
) => {
  try {
    if (remember) storage?.setItem(SESSION_KEY, JSON.stringify(settings));
    else storage?.removeItem(SESSION_KEY);
  } catch {
    // storage full or disabled: the settings still hold in memory
  }
};

const remembered = loadRemembered();

export const useConnectionStore = create<ConnectionState>((set) => ({
  settings: remembered ?? defaultConnectionSettings,
  remember: remembered !== undefined,
  lastAws: remembered?.mode === 'aws' ? remembered : undefined,
  panelOpen: false,
  setSettings: (settings, remember = false) => {
    saveRemembered(settings, remember);
    set(settings.mode === 'aws' ? { settings, remember, lastAws: settings } : { settings, remember });
  },
  forget: () => {
    saveRemembered(defaultConnectionSettings, false);
    set({ settings: defaultConnectionSettings, remember: false, lastAws: undefined });
  },
  setPanelOpen: (panelOpen) => set({ panelOpen }),
}));

/**
 * The AWS CLI's global options for the active connection, appended to every command the console
 * shows: none in emulated mode (the commands read as they would for AWS), `--region` in AWS mode,
 * and `--endpoint-url` when the command's service has an endpoint override.
 */
export const cliConnectionArgs = (
  service: ServiceKey,
  settings: ConnectionSettings = useConnectionStore.getState().settings,
): string[] => {
  if (settings.mode === 'emulated') return [];
  const endpoint = endpointFor(settings, service);
  return ['--region', settings.region, ...(endpoint ? ['--endpoint-url', endpoint] : [])];
};
