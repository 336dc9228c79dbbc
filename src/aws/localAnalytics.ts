/*
 * AWS mode's analytics: AWS no longer runs Kinesis Data Analytics SQL applications, so the console
 * runs them itself, in this browser, over the account's real streams. An emulator host with the
 * analytics module alone, its environment the real account (remoteAnalytics.ts): applications'
 * definitions and checkpoints are saved in this browser per endpoint and region (never the keys),
 * and the SQL runs while the tab is open.
 */
import { analyticsModuleOver } from '../engine/analytics/module';
import { ScaledClock } from '../engine/common/clock';
import { AwsError } from '../engine/common/errors';
import { EmulatorHost } from '../worker/host';
import type { PersistentStorage, SaveTimers } from '../worker/persistence';
import type { Configure } from '../worker/protocol';
import { createServiceClients, type ClientDeps } from './clients';
import { RemoteAnalyticsEnvironment } from './remoteAnalytics';

export type LocalAnalyticsConnection = Configure['connection'];

/** The name of the IndexedDB database that keeps one account's applications: by endpoint and region, nothing secret. */
export const localAnalyticsDbName = (c: Pick<LocalAnalyticsConnection, 'region' | 'endpoint'>): string =>
  `kinesis-console-analytics ${c.endpoint ?? 'aws'} ${c.region}`;

/** The pump runs at least this often while there is work, and at most this long apart. */
const MIN_WAIT_MS = 20;
const MAX_WAIT_MS = 250;

export interface LocalAnalytics {
  host: EmulatorHost;
  env: RemoteAnalyticsEnvironment;
  /** Ends the pump and the host's timed work, once what is pending is saved. */
  stop(): Promise<void>;
}

export interface LocalAnalyticsDeps {
  storage?: PersistentStorage;
  /** Why there is no storage, for the user. */
  noStorageReason?: string;
  httpHandler?: ClientDeps['httpHandler'];
  timers?: SaveTimers;
}

/** A look-up of the account failed: its answer is the analytics request's answer (AccessDenied, no network, ...). */
const asAwsError = (e: unknown): AwsError => {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  if (status === undefined)
    return new AwsError(
      'ServiceUnavailableException',
      `The account's streams could not be reached: ${err.message ?? String(e)}`,
      503,
    );
  return new AwsError(err.name ?? 'Error', err.message ?? String(e), status);
};

/** Starts the local analytics for one connection: the host answers the analytics API, a pump moves records to and from the account. */
export const startLocalAnalytics = (
  connection: LocalAnalyticsConnection,
  deps: LocalAnalyticsDeps = {},
): LocalAnalytics => {
  const clients = createServiceClients(
    { mode: 'aws', ...connection },
    deps.httpHandler ? { httpHandler: deps.httpHandler } : {},
  );
  const clock = new ScaledClock();
  const env = new RemoteAnalyticsEnvironment({
    kinesis: clients.kinesis,
    firehose: clients.firehose,
    region: connection.region,
    now: () => clock.now(),
  });
  const host = new EmulatorHost({
    clock,
    modules: [analyticsModuleOver(() => env)],
    defaultRegion: connection.region,
    ...(deps.storage
      ? { storage: deps.storage }
      : { noStorageReason: deps.noStorageReason ?? 'this browser offers no IndexedDB here' }),
    ...(deps.timers ? { timers: deps.timers } : {}),
    beforeRequest: async (request) => {
      try {
        await env.prepare(request);
      } catch (e) {
        throw asAwsError(e);
      }
    },
    resourceProblems: (arns) => env.problems(arns),
  });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = async () => {
    if (stopped) return;
    // A round's failures are kept by the pollers and outboxes (and shown); the loop carries on.
    await env.pump().catch(() => {});
    if (stopped) return;
    const due = env.nextDue();
    const wait =
      due === undefined ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, due - clock.now()));
    timer = setTimeout(() => void loop(), wait);
  };
  void host.ready.then(loop);
  return {
    host,
    env,
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await host.stop();
      clients.destroy();
    },
  };
};
