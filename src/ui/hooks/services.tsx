import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
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
