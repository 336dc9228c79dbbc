import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ServiceClients } from '../../aws/clients';
import type { ConnectionSettings } from '../../aws/connection';
import { localAnalyticsClient } from '../../aws/localAnalyticsClient';
import { emulatorClient, type EmulatorClient } from '../../worker/client';
import { useConnectionStore } from '../state/connection';

type ClientsModule = typeof import('../../aws/clients');

/*
 * The SDK is most of a page's JavaScript and none of the shell's, so it is not part of the
 * page's first download: it starts loading as soon as this module runs, beside the shell's first
 * paint, and a page that asks for the clients before it is there waits in its Suspense fallback.
 */
let loaded: ClientsModule | undefined;
const sdk: Promise<ClientsModule> = import('../../aws/clients').then((m) => (loaded = m));
// A failed load is reported where a page asks for the clients (its error boundary), not here.
sdk.catch(() => {});

/** The SDK's client factory and the connection test, once loaded. */
export const loadSdk = async () => {
  const [{ createServiceClients }, { checkServices }] = await Promise.all([sdk, import('../../aws/connectionTest')]);
  return { createServiceClients, checkServices };
};

/** One set of clients per connection setting (a new setting is a new object in the store). */
const made = new WeakMap<ConnectionSettings, ServiceClients>();
const clientsFor = (m: ClientsModule, settings: ConnectionSettings): ServiceClients => {
  let clients = made.get(settings);
  if (!clients) {
    clients = m.createServiceClients(
      settings,
      settings.mode === 'emulated' ? { emulatorTransport: emulatorClient().transport } : { analyticsTransport: analyticsChannel(settings).transport },
    );
    made.set(settings, clients);
  }
  return clients;
};

/**
 * Where SQL applications run: the emulator in emulated mode; in AWS mode this browser's local
 * analytics over the account's streams (AWS no longer runs them). Its console channel gives their rows.
 */
export const analyticsChannel = (settings: ConnectionSettings): EmulatorClient =>
  settings.mode === 'emulated' ? emulatorClient() : localAnalyticsClient(settings);

const ServicesContext = createContext<ConnectionSettings | null>(null);

/** Hands the active connection to the hooks below, which build its SDK clients on first use. */
export function ServicesProvider({ children }: { children: ReactNode }) {
  const settings = useConnectionStore((s) => s.settings);
  // A new connection: every cached answer came from the other world. Reset them all (active
  // queries refetch with the new clients, which the pages below already hold by now).
  const queryClient = useQueryClient();
  const first = useRef(settings);
  useEffect(() => {
    if (first.current === settings) return;
    first.current = settings;
    void queryClient.resetQueries();
  }, [settings, queryClient]);
  return <ServicesContext.Provider value={settings}>{children}</ServicesContext.Provider>;
}

/**
 * The SDK clients. Only hooks in src/ui/hooks call this; pages use the hooks. Suspends (once,
 * while the SDK loads) so call it under a Suspense boundary: every page has one.
 */
export const useServices = (): ServiceClients => {
  const settings = useContext(ServicesContext);
  if (!settings) throw new Error('useServices outside ServicesProvider');
  return clientsFor(loaded ?? use(sdk), settings);
};

/** Which world the console talks to, for the mode indicator. */
export const useConnectionMode = () => useConnectionStore((s) => s.settings.mode);

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 1000 },
      mutations: { retry: false },
    },
  });
