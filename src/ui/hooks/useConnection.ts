import { useMutation } from '@tanstack/react-query';
import { connectionLabel, describeConnectionFailure, endpointError, type ConnectionFailure, type ConnectionSettings } from '../../aws/connection';
import { loadSdk } from './services';
import { emulatorClient } from '../../worker/client';
import { useConnectionStore } from '../state/connection';

export type { ConnectionFailure, ConnectionSettings };
export { connectionLabel, endpointError };

/** Regions where Kinesis Data Streams is offered (AWS's service endpoints list, commercial partition). */
export const KINESIS_REGIONS: { id: string; name: string }[] = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-east-2', name: 'US East (Ohio)' },
  { id: 'us-west-1', name: 'US West (N. California)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'af-south-1', name: 'Africa (Cape Town)' },
  { id: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { id: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { id: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { id: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { id: 'ca-central-1', name: 'Canada (Central)' },
  { id: 'ca-west-1', name: 'Canada West (Calgary)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-central-2', name: 'Europe (Zurich)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
  { id: 'eu-west-2', name: 'Europe (London)' },
  { id: 'eu-west-3', name: 'Europe (Paris)' },
  { id: 'eu-south-1', name: 'Europe (Milan)' },
  { id: 'eu-south-2', name: 'Europe (Spain)' },
  { id: 'eu-north-1', name: 'Europe (Stockholm)' },
  { id: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { id: 'me-south-1', name: 'Middle East (Bahrain)' },
  { id: 'me-central-1', name: 'Middle East (UAE)' },
  { id: 'sa-east-1', name: 'South America (São Paulo)' },
];

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
    test,
  };
};
