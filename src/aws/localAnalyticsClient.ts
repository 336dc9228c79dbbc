import {
  createInThreadClient,
  createWorkerClient,
  type EmulatorClient,
  type WorkerLike,
} from '../worker/client';
import { WorkerCommand, type Configure } from '../worker/protocol';
import type { ConnectionSettings } from './connection';

/*
 * How the page reaches AWS mode's local analytics (localAnalytics.ts): a worker of its own that
 * speaks the emulator worker's protocol, told once which account to reach. No SDK here: the
 * worker (or, where there is none, a lazily loaded module) builds the clients.
 */

let shared: { key: string; client: EmulatorClient; stop: () => void } | undefined;

const connectionOf = (settings: ConnectionSettings): Configure['connection'] => {
  if (settings.mode !== 'aws' || !settings.credentials)
    throw new Error('the local analytics runs in AWS mode, with credentials');
  // A copy of the keys' own fields: the SDK marks the credentials object it was given (`$source`).
  const { accessKeyId, secretAccessKey, sessionToken } = settings.credentials;
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  };
};

const inThread = (connection: Configure['connection']) => {
  const started = Promise.all([import('./localAnalytics'), import('../worker/persistence')]).then(([m, p]) =>
    m.startLocalAnalytics(connection, { storage: p.openIdbStorage(m.localAnalyticsDbName(connection)) }),
  );
  return {
    client: createInThreadClient(started.then((l) => l.host)),
    stop: () => void started.then((l) => l.stop()),
  };
};

/**
 * The page's local analytics for this AWS connection, started on first use. Another connection (a
 * region, an endpoint or keys changed) ends the previous one: its applications are kept in this
 * browser under their own endpoint and region, and run again when that connection comes back.
 */
export const localAnalyticsClient = (settings: ConnectionSettings): EmulatorClient => {
  const connection = connectionOf(settings);
  const key = JSON.stringify(connection);
  if (shared?.key === key) return shared.client;
  if (shared) console.warn('DBG key change', shared.key, key);
  shared?.stop();
  let made: { client: EmulatorClient; stop: () => void };
  if (typeof Worker === 'undefined') made = inThread(connection);
  else {
    const start = (): WorkerLike => {
      const worker = new Worker(new URL('../worker/analytics.worker.ts', import.meta.url), {
        type: 'module',
        name: 'analytics',
      });
      // First of all, in memory only: which account to reach, and with which keys.
      worker.postMessage({ cmd: WorkerCommand.Configure, connection } satisfies Configure);
      return worker as WorkerLike;
    };
    const client = createWorkerClient(start);
    made = { client, stop: () => client.dispose() };
  }
  shared = { key, ...made };
  return made.client;
};
