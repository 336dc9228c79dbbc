/*
 * What a failed AWS call means, in words a person can act on: for the connection test and for
 * every error the console shows. No SDK here: an error is read by its shape (`name`, `message`,
 * `$metadata.httpStatusCode`, and the call it came from, which clients.ts attaches).
 */
import { endpointFor, SERVICES, type ConnectionSettings, type ServiceKey } from './connection';

/** A failed call, as the connection test shows it: AWS's error type and message, or what went wrong on the way. */
export interface ConnectionFailure {
  /** AWS's error type (UnrecognizedClientException), or `NetworkError` when no answer came back. */
  type: string;
  message: string;
  /** A plain-words hint at what to check. */
  hint?: string;
}

/** The call an error came from: the console's clients attach it to every error they throw (see clients.ts). */
export interface CallSite {
  service: ServiceKey;
  /** The API operation: `PutRecords`, `ListObjectsV2`. */
  operation: string;
}

/** The property of an SDK error that holds its CallSite. */
export const CALL_SITE = '$call';

/**
 * What the page found out about a request that got no answer: the page's Content-Security-Policy
 * forbids the address (`csp`), a server answers there but not to this page (`cors`: no CORS
 * headers for its origin), or nothing answers at all (`unreachable`).
 */
export type Reachability = 'csp' | 'cors' | 'unreachable';

interface ErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  [CALL_SITE]?: CallSite;
}

const IAM_PREFIX: Record<ServiceKey, string> = {
  kinesis: 'kinesis',
  firehose: 'firehose',
  s3: 's3',
  cloudwatch: 'cloudwatch',
  analytics: 'kinesisanalytics',
};

/** S3's permissions are not always named after the operation (IAM's "Actions defined by Amazon S3"). */
const S3_PERMISSIONS: Record<string, string> = {
  ListBuckets: 'ListAllMyBuckets',
  ListObjects: 'ListBucket',
  ListObjectsV2: 'ListBucket',
  HeadBucket: 'ListBucket',
  HeadObject: 'GetObject',
  DeleteObjects: 'DeleteObject',
};

/** The IAM permission a call needs: `kinesis:PutRecords`, `s3:ListAllMyBuckets` for ListBuckets. */
export const permissionFor = (service: ServiceKey, operation: string): string =>
  `${IAM_PREFIX[service]}:${service === 's3' ? (S3_PERMISSIONS[operation] ?? operation) : operation}`;

/** The public AWS endpoint of a service in a region (what the SDK calls without an override). */
const AWS_HOSTS: Record<ServiceKey, string> = {
  kinesis: 'kinesis',
  firehose: 'firehose',
  s3: 's3',
  cloudwatch: 'monitoring',
  analytics: 'kinesisanalytics',
};

/** Where one service's calls go, as a URL: the override, or the service's AWS endpoint in the region. */
export const endpointUrlFor = (settings: ConnectionSettings, service: ServiceKey): string =>
  endpointFor(settings, service) ?? `https://${AWS_HOSTS[service]}.${settings.region}.amazonaws.com`;

/** The region an AWS endpoint URL belongs to (`https://kinesis.eu-west-1.amazonaws.com`), if it names one. */
export const regionOfEndpoint = (endpoint: string): string | undefined => {
  try {
    return /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(endpoint).hostname)?.[1];
  } catch {
    return undefined;
  }
};

const testActionOf = (service: ServiceKey): string => SERVICES.find((s) => s.key === service)?.testAction ?? '';

const shortOf = (service: ServiceKey): string => SERVICES.find((s) => s.key === service)?.short ?? service;

/** What an "is not authorized to perform" message says: who, which permission, on what, and whether a Deny said so. */
export interface AccessDenial {
  principal?: string;
  /** The permission, as IAM names it: `kinesis:ListStreams`. */
  action?: string;
  resource?: string;
  explicitDeny: boolean;
}

/**
 * Reads AWS's access-denied text: "User: arn:aws:iam::123456789012:user/x is not authorized to
 * perform: kinesis:ListStreams on resource: arn:aws:kinesis:us-east-1:123456789012:stream/* because
 * no identity-based policy allows the kinesis:ListStreams action" (or "... with an explicit deny in
 * an identity-based policy"). S3 may say only "Access Denied".
 */
export const parseAccessDenial = (message: string): AccessDenial => {
  const principal = /User: (\S+) is not authorized/.exec(message)?.[1];
  const action = /not authorized to perform: ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
  const resource = /on resource: (\S+?)[.,;]?(?:\s|$)/.exec(message)?.[1];
  return {
    ...(principal ? { principal } : {}),
    ...(action ? { action } : {}),
    ...(resource ? { resource } : {}),
    explicitDeny: /explicit deny/i.test(message),
  };
};

/** What kind of credential or permission problem an error is, if it is one. */
export type AuthProblem =
  | { kind: 'unknown-key' }
  | { kind: 'bad-secret' }
  | { kind: 'expired' }
  | { kind: 'clock' }
  | { kind: 'unsigned' }
  | { kind: 'wrong-service' }
  | { kind: 'region'; signedFor?: string; expected?: string }
  | ({ kind: 'denied' } & AccessDenial);

const BY_NAME: Record<string, AuthProblem['kind']> = {
  UnrecognizedClientException: 'unknown-key', // Kinesis, Firehose, Kinesis Analytics
  InvalidClientTokenId: 'unknown-key', // CloudWatch
  InvalidAccessKeyId: 'unknown-key', // S3
  InvalidSignatureException: 'bad-secret',
  SignatureDoesNotMatch: 'bad-secret',
  ExpiredTokenException: 'expired',
  ExpiredToken: 'expired',
  RequestExpired: 'clock',
  RequestTimeTooSkewed: 'clock',
  IncompleteSignatureException: 'unsigned',
  MissingAuthenticationToken: 'unsigned',
  MissingAuthenticationTokenException: 'unsigned',
  AccessDeniedException: 'denied',
  AccessDenied: 'denied',
  AuthorizationHeaderMalformed: 'region',
};

/** Classifies an AWS error as a credential or permission problem (by its message first, then its type), or undefined. */
export const authProblemOf = (error: unknown): AuthProblem | undefined => {
  const e = (error ?? {}) as ErrorShape;
  const message = e.message ?? '';
  const signedFor = /scoped to a valid region, not '([^']+)'/.exec(message)?.[1];
  if (signedFor) return { kind: 'region', signedFor };
  const s3Region = /the region '([^']+)' is wrong; expecting '([^']+)'/.exec(message);
  if (s3Region) return { kind: 'region', signedFor: s3Region[1], expected: s3Region[2] };
  if (/scoped to correct service/i.test(message)) return { kind: 'wrong-service' };
  if (/Signature expired|Signature not yet current/i.test(message)) return { kind: 'clock' };
  if (/token (?:included in the request )?(?:is|has) expired/i.test(message)) return { kind: 'expired' };
  const kind = e.name ? BY_NAME[e.name] : undefined;
  if (kind === 'denied' || (kind === undefined && e.$metadata?.httpStatusCode === 403))
    return { kind: 'denied', ...parseAccessDenial(message) };
  if (kind === 'region') return { kind };
  return kind ? { kind } : undefined;
};

/** The call an error came from, when one of the console's clients threw it. */
export const callOf = (error: unknown): CallSite | undefined => (error as ErrorShape | undefined)?.[CALL_SITE];

/** The permission a denied call lacked: AWS's words if they name it, else the one the call needs. */
const deniedAction = (p: AccessDenial, call: CallSite | undefined): string | undefined =>
  p.action ?? (call ? permissionFor(call.service, call.operation) : undefined);

/**
 * A denied call in words: the permission, the resource, and what to change. For every error the
 * console shows (hooks/errors.ts) as well as the connection test.
 */
export const deniedText = (p: AccessDenial, call?: CallSite): string => {
  const action = deniedAction(p, call);
  const what = action ? `\`${action}\`` : 'this call';
  const on = p.resource ? ` on \`${p.resource}\`` : '';
  const who = p.principal ? ` (\`${p.principal}\`)` : '';
  return p.explicitDeny
    ? `A policy explicitly denies ${what}${on} to these credentials${who}; no Allow can override a Deny. Remove or narrow that Deny statement.`
    : `These credentials${who} are not allowed ${what}${on}. Add ${action ? `\`${action}\`` : 'the permission'} to their IAM policy (Connection settings can generate a least-privilege policy for the workshop).`;
};

/** The words for each credential problem (denied calls and regions have their own). */
const AUTH_HINTS: Record<Exclude<AuthProblem['kind'], 'denied' | 'region'>, string> = {
  'unknown-key': 'AWS does not know this access key id: check it for typos, and that the key is still active in IAM.',
  'bad-secret': 'The secret access key does not match the access key id: copy the secret again (it is easy to lose a character).',
  expired: 'The session token has expired: get fresh temporary credentials (for example `aws configure export-credentials`) and paste them again.',
  clock: "This computer's clock is too far off: AWS refuses requests signed more than 5 minutes from its time. Set the clock right.",
  unsigned: 'The request was not fully signed: a session token may be missing (temporary keys start with ASIA and need one) or malformed.',
  'wrong-service': "The endpoint belongs to another AWS service: each service's endpoint override must point at that service.",
};

const regionHint = (p: Extract<AuthProblem, { kind: 'region' }>, settings: ConnectionSettings, service: ServiceKey): string => {
  const endpoint = endpointFor(settings, service);
  const named = endpoint ? regionOfEndpoint(endpoint) : undefined;
  const other = p.expected ?? (named && named !== settings.region ? named : undefined);
  const where = endpoint ? `\`${endpoint}\`` : `the ${shortOf(service)} endpoint`;
  return other
    ? `The request was signed for ${p.signedFor ?? settings.region}, but ${where} answers for ${other}. Choose ${other} as the region${endpoint ? ', or change the endpoint override' : ''}.`
    : `The request was signed for ${p.signedFor ?? settings.region}, but ${where} answers for another region. Choose the region the endpoint belongs to${endpoint ? ', or change the endpoint override' : ''}.`;
};

/**
 * An AWS error about credentials or permissions in words, for wherever the console shows an error
 * (no settings needed): a denied call names the permission it lacked; the others say what to fix.
 * Undefined for every other error.
 */
export const authWords = (error: unknown): string | undefined => {
  const p = authProblemOf(error);
  if (!p || p.kind === 'region') return undefined;
  return p.kind === 'denied' ? deniedText(p, callOf(error)) : AUTH_HINTS[p.kind];
};

/** The hint for an AWS error, if it is a credential or permission problem. */
export const authHint = (error: unknown, settings: ConnectionSettings, service: ServiceKey): string | undefined => {
  const p = authProblemOf(error);
  if (!p) return undefined;
  if (p.kind === 'denied') return deniedText(p, callOf(error) ?? { service, operation: testActionOf(service) });
  if (p.kind === 'region') return regionHint(p, settings, service);
  return AUTH_HINTS[p.kind];
};

const networkHint = (settings: ConnectionSettings, service: ServiceKey, reach: Reachability | undefined): string => {
  const endpoint = endpointFor(settings, service);
  const url = endpointUrlFor(settings, service);
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // shown as typed
  }
  switch (reach) {
    case 'csp':
      return `The page's Content-Security-Policy does not allow calls to \`${origin}\` (only AWS and this machine). Add that origin to \`connect-src\` in \`vite.config.ts\` and rebuild: see the README.`;
    case 'cors':
      return `A server answers at \`${origin}\`, but not to this page: its answer lacks CORS headers for this page's origin, so the browser withholds it. Allow this origin on that server (the console's own \`npm run emulator\` allows the console's ports; kinesalite allows any origin).`;
    case 'unreachable':
      return endpoint
        ? `Nothing answers at \`${origin}\`: check that the server is running and listening on that host and port (\`npm run emulator\` listens on 127.0.0.1:4567).`
        : 'No AWS endpoint answered: check your network connection and the region. A proxy, firewall or browser extension that blocks amazonaws.com can also cause this.';
    case undefined:
      return endpoint
        ? "Check that a server is listening at that address, and that it sends CORS headers so a web page may call it (the console's own `npm run emulator` does)."
        : 'Check your network connection and the region. A browser extension or proxy that blocks the request can also cause this.';
  }
};

/** Whether an error means the request got no HTTP answer at all (a network, CORS or CSP failure). */
export const isNoAnswer = (error: unknown): boolean => {
  const e = error as ErrorShape | undefined;
  // The SDK reports a request that got no HTTP answer as a TypeError from fetch (browser) or a
  // system error (Node): no status code.
  return (
    e?.$metadata?.httpStatusCode === undefined &&
    (e?.name === 'TypeError' || /fetch|network|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket/i.test(e?.message ?? String(error)))
  );
};

/** Turns whatever one service's connection test threw into something a person can act on. */
export const describeConnectionFailure = (
  error: unknown,
  settings: ConnectionSettings,
  service: ServiceKey = 'kinesis',
  reach?: Reachability,
): ConnectionFailure => {
  const e = error as ErrorShape | undefined;
  if (isNoAnswer(error)) {
    const endpoint = endpointFor(settings, service);
    return {
      type: 'NetworkError',
      message: `No answer from ${endpoint ?? `the ${shortOf(service)} endpoint of ${settings.region}`}.`,
      hint: networkHint(settings, service, reach),
    };
  }
  const type = e?.name ?? 'Error';
  const message = e?.message ?? String(error);
  const hint = authHint(error, settings, service);
  return { type, message, ...(hint ? { hint } : {}) };
};
