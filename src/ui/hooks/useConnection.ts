import regionList from '../../engine/common/regions.json';
import { useMutation } from '@tanstack/react-query';
import {
  connectionLabel,
  connectionTargets,
  endpointError,
  SERVICES,
  type ConnectionSettings,
  type ServiceKey,
} from '../../aws/connection';
import type { ServiceCheck } from '../../aws/connectionTest';
import { describeConnectionFailure, type ConnectionFailure, type Reachability } from '../../aws/failures';
import { cspAllows } from '../lib/csp';
import { loadSdk } from './services';
import { emulatorClient } from '../../worker/client';
import { useConnectionStore } from '../state/connection';

export type { ConnectionFailure, ConnectionSettings, ServiceCheck, ServiceKey };
export { connectionLabel, connectionTargets, endpointError, SERVICES };

/** Regions where Kinesis Data Streams is offered: the one list (data only, so the shell's first download stays engine-free). */
export const KINESIS_REGIONS: { id: string; name: string }[] = regionList.regions;

/** The policy this page carries (the build's <meta>; `vite preview` also sends it as a header). */
const pagePolicy = (): string =>
  document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';

/**
 * Why a request to `url` got no answer, as far as a page can tell: its own CSP forbids the address;
 * or a request the browser needs no CORS for (mode `no-cors`) gets an answer, so a server is there
 * but does not allow this page; or nothing answers at all.
 */
export const probeReachability = async (url: string): Promise<Reachability> => {
  if (!cspAllows(pagePolicy(), url, location.origin)) return 'csp';
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(5000) });
    return 'cors';
  } catch {
    return 'unreachable';
  }
};

/** Tests every service with the given (unsaved) settings, through the same client factory the console uses. */
export const testConnection = async (settings: ConnectionSettings): Promise<ServiceCheck[]> => {
  const { createServiceClients, checkServices } = await loadSdk();
  const clients = createServiceClients(
    settings,
    settings.mode === 'emulated' ? { emulatorTransport: emulatorClient().transport } : {},
  );
  try {
    return await checkServices(clients, { probe: probeReachability });
  } finally {
    clients.destroy();
  }
};

/** The connection settings panel's state and actions. */
export const useConnection = () => {
  const settings = useConnectionStore((s) => s.settings);
  const remember = useConnectionStore((s) => s.remember);
  const lastAws = useConnectionStore((s) => s.lastAws);
  const panelOpen = useConnectionStore((s) => s.panelOpen);
  const setPanelOpen = useConnectionStore((s) => s.setPanelOpen);
  const setSettings = useConnectionStore((s) => s.setSettings);
  const forget = useConnectionStore((s) => s.forget);
  const test = useMutation<ServiceCheck[], ConnectionFailure, ConnectionSettings>({
    mutationFn: async (draft) => {
      try {
        return await testConnection(draft);
      } catch (e) {
        throw describeConnectionFailure(e, draft);
      }
    },
  });
  return {
    settings,
    remember,
    /** What the AWS fields start with: the current AWS settings, or the last ones used in this page. */
    awsDefaults: settings.mode === 'aws' ? settings : lastAws,
    label: connectionLabel(settings),
    /** Where each service's calls go, in words (the top bar's tooltip). */
    targets: connectionTargets(settings),
    panelOpen,
    open: () => setPanelOpen(true),
    close: () => setPanelOpen(false),
    /** Switches the console to these settings: the SDK clients are rebuilt and every cached answer dropped. */
    save: (next: ConnectionSettings, keep: boolean) => {
      setSettings(next, keep);
      setPanelOpen(false);
    },
    /** Forgets the AWS credentials (memory and this tab's storage) and returns to the emulator. */
    forget,
    test,
  };
};
