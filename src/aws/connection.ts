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
  /** Overrides the service endpoint (kinesalite, LocalStack, `npm run emulator`). */
  endpoint?: string;
}

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

/** What to call this connection in the top bar: "Emulated", "AWS · us-west-2", "Endpoint · 127.0.0.1:4567". */
export const connectionLabel = (settings: ConnectionSettings): string => {
  if (settings.mode === 'emulated') return 'Emulated';
  if (settings.endpoint) {
    try {
      return `Endpoint · ${new URL(settings.endpoint).host}`;
    } catch {
      return `Endpoint · ${settings.endpoint}`;
    }
  }
  return `AWS · ${settings.region}`;
};

/** A failed call, as the connection test shows it: AWS's error type and message, or what went wrong on the way. */
export interface ConnectionFailure {
  /** AWS's error type (UnrecognizedClientException), or `NetworkError` when no answer came back. */
  type: string;
  message: string;
  /** A plain-words hint at what to check. */
  hint?: string;
}

const hints: Record<string, string> = {
  UnrecognizedClientException: 'The access key id is not known to AWS: check it, and the region.',
  InvalidSignatureException: 'The secret access key does not match the access key id.',
  SignatureDoesNotMatch: 'The secret access key does not match the access key id.',
  ExpiredTokenException: 'The session token has expired: get fresh temporary credentials.',
  AccessDeniedException: 'The keys work, but their policy does not allow kinesis:ListStreams.',
  IncompleteSignatureException:
    'The request was not fully signed: a session token may be missing or malformed.',
};

/** Turns whatever a connection test threw into something a person can act on. */
export const describeConnectionFailure = (
  error: unknown,
  settings: ConnectionSettings,
): ConnectionFailure => {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode;
  const name = e?.name ?? 'Error';
  const message = e?.message ?? String(error);
  // The SDK reports a request that got no HTTP answer at all as a TypeError from fetch (browser)
  // or a system error (Node): no status code.
  if (
    status === undefined &&
    (name === 'TypeError' || /fetch|network|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket/i.test(message))
  ) {
    const where = settings.endpoint ?? `the Kinesis endpoint of ${settings.region}`;
    return {
      type: 'NetworkError',
      message: `No answer from ${where}.`,
      hint: settings.endpoint
        ? "Check that a server is listening at that address, and that it sends CORS headers so a web page may call it (the console's own `npm run emulator` does)."
        : 'Check your network connection and the region. A browser extension or proxy that blocks the request can also cause this.',
    };
  }
  return { type: name, message, ...(hints[name] ? { hint: hints[name] } : {}) };
};
