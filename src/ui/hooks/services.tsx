import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createServiceClients, type ServiceClients } from '../../aws/clients';
import { emulatorClient } from '../../worker/client';
import { useConnectionStore } from '../state/connection';

const ServicesContext = createContext<ServiceClients | null>(null);

/** Builds the SDK clients for the active connection and hands them to the hooks below. */
export function ServicesProvider({ children }: { children: ReactNode }) {
  const settings = useConnectionStore((s) => s.settings);
  const clients = useMemo(
    () =>
      createServiceClients(settings, settings.mode === 'emulated' ? { emulatorTransport: emulatorClient().transport } : {}),
    [settings],
  );
  // A new connection: every cached answer came from the other world. Reset them all (active
  // queries refetch with the new clients, which the pages below already hold by now).
  const queryClient = useQueryClient();
  const first = useRef(clients);
  useEffect(() => {
    if (first.current === clients) return;
    first.current = clients;
    void queryClient.resetQueries();
  }, [clients, queryClient]);
  return <ServicesContext.Provider value={clients}>{children}</ServicesContext.Provider>;
}

/** The SDK clients. Only hooks in src/ui/hooks call this; panels use the hooks. */
export const useServices = (): ServiceClients => {
  const clients = useContext(ServicesContext);
  if (!clients) throw new Error('useServices outside ServicesProvider');
  return clients;
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
