import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { KinesisClient, type KinesisClientConfig } from '@aws-sdk/client-kinesis';
import { EmulatorRequestHandler, type Transport } from './handler';

export interface AwsCredentialsInput {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Where the console's SDK clients send their requests.
 * - `emulated`: the emulator worker (no network, fixed dummy credentials).
 * - `aws`: a real account (or, with `endpoint`, any AWS-compatible server) with the user's credentials.
 */
export interface ConnectionSettings {
  mode: 'emulated' | 'aws';
  region: string;
  credentials?: AwsCredentialsInput;
  /** Overrides the service endpoint (kinesalite, LocalStack, `npm run emulator`). */
  endpoint?: string;
}

export const EMULATED_REGION = 'us-east-1';

export const defaultConnectionSettings: ConnectionSettings = { mode: 'emulated', region: EMULATED_REGION };

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
  destroy(): void;
}

export interface ClientDeps {
  /** How emulated requests reach the emulator (the worker client's transport). */
  emulatorTransport?: Transport;
}

type CommonConfig = KinesisClientConfig & CloudWatchClientConfig;

const commonConfig = (settings: ConnectionSettings, deps: ClientDeps): CommonConfig => {
  if (settings.mode === 'emulated') {
    if (!deps.emulatorTransport) throw new Error('emulated mode needs the emulator transport');
    return {
      region: settings.region || EMULATED_REGION,
      endpoint: EMULATOR_ENDPOINT,
      credentials: EMULATOR_CREDENTIALS,
      requestHandler: new EmulatorRequestHandler(deps.emulatorTransport),
      // Throttling is part of what the emulator teaches: show it rather than retry it away.
      maxAttempts: 1,
    };
  }
  // AWS mode: wired fully in a later step (settings UI); the shape is fixed here.
  if (!settings.credentials) throw new Error('AWS mode needs credentials');
  return {
    region: settings.region,
    credentials: settings.credentials,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  };
};

/** Builds every SDK client the console uses for one connection setting. */
export const createServiceClients = (settings: ConnectionSettings, deps: ClientDeps = {}): ServiceClients => {
  const config = commonConfig(settings, deps);
  const kinesis = new KinesisClient(config);
  const cloudwatch = new CloudWatchClient(config);
  return {
    settings,
    kinesis,
    cloudwatch,
    destroy: () => {
      kinesis.destroy();
      cloudwatch.destroy();
    },
  };
};
