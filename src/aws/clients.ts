import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { KinesisClient, type KinesisClientConfig } from '@aws-sdk/client-kinesis';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { MiddlewareStack, RetryErrorInfo, StandardRetryToken } from '@smithy/types';
import {
  endpointError,
  endpointFor,
  EMULATED_REGION,
  namedEndpoints,
  type AwsCredentialsInput,
  type ConnectionSettings,
  type ServiceKey,
} from './connection';
import { CALL_SITE, type CallSite } from './failures';
import { EmulatorRequestHandler, type Transport } from './handler';

/** Dummy keys the emulator accepts: requests are still signed, as they would be for AWS. */
export const EMULATOR_CREDENTIALS: AwsCredentialsInput = {
  accessKeyId: 'AKIAEMULATOREXAMPLE',
  secretAccessKey: 'emulator-secret-key-not-a-real-one',
};

/**
 * A name under `.localhost`, which never leaves the machine. The emulator's request handler
 * replaces the network, so this only shapes the signed request (the Host header).
 */
export const EMULATOR_ENDPOINT = 'http://emulator.localhost';

export interface ServiceClients {
  readonly settings: ConnectionSettings;
  readonly kinesis: KinesisClient;
  readonly cloudwatch: CloudWatchClient;
  /** Kinesis Data Analytics (API v2): SQL applications. */
  readonly analytics: KinesisAnalyticsV2Client;
  /** Kinesis Data Firehose: delivery streams. */
  readonly firehose: FirehoseClient;
  /** S3, path-style (`/bucket/key`), as the emulator and most endpoint overrides serve it. */
  readonly s3: S3Client;
  destroy(): void;
}

export interface ClientDeps {
  /** How emulated requests reach the emulator (the worker client's transport). */
  emulatorTransport?: Transport;
  /**
   * AWS mode's HTTP handler; by default the SDK's own, which is fetch in a browser or worker.
   * (In Node the Kinesis client defaults to HTTP/2, which servers such as kinesalite do not speak.)
   */
  httpHandler?: KinesisClientConfig['requestHandler'];
  /**
   * AWS mode: where the analytics client's requests go. AWS no longer runs SQL applications, so the
   * console runs them itself (localAnalytics.ts); without it the client calls the account's endpoint.
   */
  analyticsTransport?: Transport;
}

type CommonConfig = KinesisClientConfig & CloudWatchClientConfig;

/**
 * Emulated mode retries only what the emulator asks to be sent again: a call it never answered (it
 * stopped and was restarted: the error carries `$retryable`) and a change it could not save (HTTP 500).
 * Throttling (400, 429, Firehose's 503 "Slow down.") is part of what the emulator teaches: shown, not retried.
 */
export class EmulatorRetryStrategy extends StandardRetryStrategy {
  constructor() {
    super(3);
  }

  override refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    const e = errorInfo.error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
    const unanswered = e?.$retryable !== undefined && e.$metadata?.httpStatusCode === undefined;
    if (errorInfo.errorType !== 'TRANSIENT' || !(unanswered || e?.$metadata?.httpStatusCode === 500)) {
      return Promise.reject(new Error('No retry token available'));
    }
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

const commonConfig = (settings: ConnectionSettings, deps: ClientDeps): CommonConfig => {
  if (settings.mode === 'emulated') {
    if (!deps.emulatorTransport) throw new Error('emulated mode needs the emulator transport');
    return {
      region: settings.region || EMULATED_REGION,
      endpoint: EMULATOR_ENDPOINT,
      credentials: EMULATOR_CREDENTIALS,
      requestHandler: new EmulatorRequestHandler(deps.emulatorTransport),
      // Throttling is part of what the emulator teaches: show it rather than retry it away.
      retryStrategy: new EmulatorRetryStrategy(),
    };
  }
  if (!settings.credentials) throw new Error('AWS mode needs credentials');
  const endpointProblem = namedEndpoints(settings).map(endpointError).find(Boolean);
  if (endpointProblem) throw new Error(endpointProblem);
  return {
    region: settings.region,
    // Only the SDK sees the keys: it signs each request with them (SigV4) and never sends them.
    credentials: settings.credentials,
    // By default the SDK's own handler: fetch in a browser or worker.
    ...(deps.httpHandler ? { requestHandler: deps.httpHandler } : {}),
    // Standard retry mode: jittered backoff for throttling and transient faults, 3 attempts.
    retryMode: 'standard',
    maxAttempts: 3,
  };
};

/**
 * Marks every error a client throws with the call it came from (service and operation), so the
 * console can name the permission a denied call lacked even when AWS's message does not (S3's
 * "Access Denied"). See failures.ts.
 */
const markCalls = <I extends object, O extends object>(stack: MiddlewareStack<I, O>, service: ServiceKey): void => {
  stack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (typeof e === 'object' && e !== null) {
          const call: CallSite = { service, operation: (context.commandName ?? '').replace(/Command$/, '') };
          Object.defineProperty(e, CALL_SITE, { value: call, enumerable: false, configurable: true });
        }
        throw e;
      }
    },
    { step: 'initialize', name: 'consoleCallSite', override: true },
  );
};

/** Builds every SDK client the console uses for one connection setting, each at its service's endpoint. */
export const createServiceClients = (settings: ConnectionSettings, deps: ClientDeps = {}): ServiceClients => {
  const config = commonConfig(settings, deps);
  const at = (service: ServiceKey) => {
    const endpoint = endpointFor(settings, service);
    return endpoint ? { ...config, endpoint } : config;
  };
  const kinesis = new KinesisClient(at('kinesis'));
  const cloudwatch = new CloudWatchClient(at('cloudwatch'));
  // In AWS mode SQL applications run in this tab (AWS no longer runs them): the local worker answers.
  const analytics = new KinesisAnalyticsV2Client(
    settings.mode === 'aws' && deps.analyticsTransport ? commonConfig({ mode: 'emulated', region: settings.region }, { emulatorTransport: deps.analyticsTransport }) : at('analytics'),
  );
  const firehose = new FirehoseClient(at('firehose'));
  // Path-style addressing: the emulator (and an endpoint override) serves every bucket on one host.
  // Against AWS itself virtual-hosted style is the default and the one that works for every region.
  const s3 = new S3Client({
    ...(at('s3') as S3ClientConfig),
    forcePathStyle: settings.mode === 'emulated' || endpointFor(settings, 's3') !== undefined,
  });
  markCalls(kinesis.middlewareStack, 'kinesis');
  markCalls(cloudwatch.middlewareStack, 'cloudwatch');
  markCalls(analytics.middlewareStack, 'analytics');
  markCalls(firehose.middlewareStack, 'firehose');
  markCalls(s3.middlewareStack, 's3');
  const all = [kinesis, cloudwatch, analytics, firehose, s3];
  return {
    settings,
    kinesis,
    cloudwatch,
    analytics,
    firehose,
    s3,
    destroy: () => all.forEach((c) => c.destroy()),
  };
};
