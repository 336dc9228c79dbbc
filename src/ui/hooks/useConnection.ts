import regionList from '../../engine/common/regions.json';
import { useMutation } from '@tanstack/react-query';
import { connectionLabel, describeConnectionFailure, endpointError, type ConnectionFailure, type ConnectionSettings } from '../../aws/connection';
import { loadSdk } from './services';
import { emulatorClient } from '../../worker/client';
import { useConnectionStore } from '../state/connection';

export type { ConnectionFailure, ConnectionSettings };
export { connectionLabel, endpointError };

/** Regions where Kinesis Data Streams is offered: the one list (data only, so the shell's first download stays engine-free). */
export const KINESIS_REGIONS: { id: string; name: string }[] = regionList.regions;

/** The result of a connection test: how many streams one ListStreams page showed. */
export interface ConnectionTestResult {
  streams: number;
  hasMore: boolean;
}

/** Runs ListStreams with the given (unsaved) settings, through the same client factory the console uses. */
export const testConnection = async (settings: ConnectionSettings): Promise<ConnectionTestResult> => {
  const { createServiceClients, ListStreamsCommand } = await loadSdk();
  const clients = createServiceClients(
    settings,
    settings.mode === 'emulated' ? { emulatorTransport: emulatorClient().transport } : {},
  );
  try {
    const out = await clients.kinesis.send(new ListStreamsCommand({ Limit: 100 }));
    return { streams: out.StreamNames?.length ?? 0, hasMore: out.HasMoreStreams ?? false };
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
  const test = useMutation<ConnectionTestResult, ConnectionFailure, ConnectionSettings>({
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
