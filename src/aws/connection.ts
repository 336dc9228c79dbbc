/*
 * The connection settings and what the console says about them. No SDK here: the top bar and the
 * settings store use these on the first paint, and the SDK clients (clients.ts) load after it.
 */

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
  /** Overrides the endpoint of every service (kinesalite, LocalStack, `npm run emulator`). */
  endpoint?: string;
  /** One service's own endpoint, over `endpoint` (Kinesis at kinesalite, the rest at AWS). */
  endpoints?: Partial<Record<ServiceKey, string>>;
}

/** The services the console calls, each with its own SDK client and (optionally) its own endpoint. */
export type ServiceKey = 'kinesis' | 'firehose' | 's3' | 'cloudwatch' | 'analytics';

export interface ServiceInfo {
  key: ServiceKey;
  /** As people name it: "Kinesis Data Streams". */
  name: string;
  /** The short name for labels: "Kinesis". */
  short: string;
  /** The call a connection test makes, with no resource needed. */
  testAction: string;
}

/** The services in the order the console lists them. */
export const SERVICES: readonly ServiceInfo[] = [
  { key: 'kinesis', name: 'Kinesis Data Streams', short: 'Kinesis', testAction: 'ListStreams' },
  { key: 'firehose', name: 'Amazon Data Firehose', short: 'Firehose', testAction: 'ListDeliveryStreams' },
  { key: 's3', name: 'Amazon S3', short: 'S3', testAction: 'ListBuckets' },
  { key: 'cloudwatch', name: 'CloudWatch', short: 'CloudWatch', testAction: 'ListMetrics' },
  { key: 'analytics', name: 'Kinesis Data Analytics', short: 'Kinesis Analytics', testAction: 'ListApplications' },
];

/** Where one service's calls go: its own override, else the override for all, else AWS itself (undefined). */
export const endpointFor = (settings: ConnectionSettings, service: ServiceKey): string | undefined =>
  settings.mode === 'emulated' ? undefined : settings.endpoints?.[service] || settings.endpoint || undefined;

/** Every endpoint the settings name (the one for all services and the per-service ones), for validation. */
export const namedEndpoints = (settings: ConnectionSettings): string[] => [
  ...(settings.endpoint ? [settings.endpoint] : []),
  ...Object.values(settings.endpoints ?? {}).filter((e): e is string => !!e),
];

export const EMULATED_REGION = 'us-east-1';

export const defaultConnectionSettings: ConnectionSettings = { mode: 'emulated', region: EMULATED_REGION };

/**
 * Why an endpoint override cannot be used, or undefined when it can: an absolute http(s) URL
 * with a host, and no path, query or credentials (the SDK appends nothing to it).
 */
export const endpointError = (endpoint: string): string | undefined => {
  let url: URL;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint.trim()))
    return 'The endpoint must start with http:// or https://.';
  try {
    url = new URL(endpoint.trim());
  } catch {
    return 'Enter a full URL such as http://127.0.0.1:4567.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The endpoint must start with http:// or https://.';
  if (!url.hostname) return 'The endpoint needs a host name.';
  if (url.username || url.password) return 'Do not put credentials in the endpoint URL.';
  if (url.search || url.hash) return 'The endpoint cannot have a query string or fragment.';
  return undefined;
};

const hostOf = (endpoint: string): string => {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
};

/** Where one service's calls go, in words: "http://127.0.0.1:4567" or "AWS in us-west-2". */
export const targetOf = (settings: ConnectionSettings, service: ServiceKey): string =>
  endpointFor(settings, service) ?? `AWS in ${settings.region}`;

/**
 * What to call this connection in the top bar: "Emulated", "AWS · us-west-2",
 * "Endpoint · 127.0.0.1:4567", and with per-service overrides the services that go elsewhere:
 * "AWS · us-west-2 · Kinesis at 127.0.0.1:4615", "Endpoint · 127.0.0.1:4567 · 2 overrides".
 */
export const connectionLabel = (settings: ConnectionSettings): string => {
  if (settings.mode === 'emulated') return 'Emulated';
  const targets = SERVICES.map((s) => endpointFor(settings, s.key));
  // Every service at the same server, however it was said.
  if (targets[0] && targets.every((t) => t === targets[0])) return `Endpoint · ${hostOf(targets[0])}`;
  const base = settings.endpoint ? `Endpoint · ${hostOf(settings.endpoint)}` : `AWS · ${settings.region}`;
  const elsewhere = SERVICES.filter((_, i) => targets[i] !== (settings.endpoint || undefined));
  if (elsewhere.length === 0) return base;
  if (elsewhere.length > 1) return `${base} · ${elsewhere.length} overrides`;
  const own = endpointFor(settings, elsewhere[0].key);
  return `${base} · ${elsewhere[0].short} at ${own ? hostOf(own) : 'AWS'}`;
};

/** Where each service's calls go, one line each, for the top bar's tooltip and the dialog. */
export const connectionTargets = (settings: ConnectionSettings): string => {
  if (settings.mode === 'emulated') return 'the emulator inside this page';
  const targets = SERVICES.map((s) => targetOf(settings, s.key));
  if (targets.every((t) => t === targets[0])) return targets[0];
  return SERVICES.map((s, i) => `${s.short}: ${targets[i]}`).join('; ');
};
