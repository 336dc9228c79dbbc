/**
 * Who may talk to the emulator server. It listens on loopback, but a web page on any site the user
 * visits can still reach 127.0.0.1: so only the console's own page (and origins named with
 * `--cors-origin`) get CORS headers, and a request addressed to another host name (DNS
 * rebinding: evil.example resolving to 127.0.0.1) is refused. A client that sends no Origin (the
 * AWS CLI, the SDKs in Node, Java or Python) is not a page and is served as before.
 */

/** The ports the console's page is served on: `npm start` (5173), `npm run dev` (5174), `npm run preview` and the end-to-end tests (4173). */
export const CONSOLE_PORTS: readonly number[] = [5173, 5174, 4173];

/** `--cors-origin '*'`: any origin, only when asked for in so many words. */
export const ANY_ORIGIN = '*';

/**
 * The request headers a page's SDK sends: SigV4 and its date, token and payload hash, the SDK's
 * own headers (browsers refuse to let a page set User-Agent), the JSON protocols' target and
 * CloudWatch's query mode, and the S3 headers of the calls the console makes. A fixed list: a
 * preflight asking for anything else gets this list, and the browser refuses the request.
 */
export const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-amz-target',
  'x-amzn-query-mode',
  'content-encoding',
  'content-md5',
  'range',
  'if-match',
  'if-none-match',
  // GetObject asks for checksum validation by default (SDK v3's responseChecksumValidation WHEN_SUPPORTED).
  'x-amz-checksum-mode',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
  'x-amz-sdk-checksum-algorithm',
  'x-amz-decoded-content-length',
  'x-amz-expected-bucket-owner',
].join(',');

/** The methods the services use: the JSON protocols POST; S3 also GETs, HEADs, PUTs and DELETEs. */
export const ALLOWED_METHODS = 'GET,HEAD,PUT,POST,DELETE';

/** How long a browser may cache a preflight answer: ten minutes, so a narrowed list takes effect soon. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Why `--cors-origin VALUE` cannot be used, or undefined: an origin is `scheme://host[:port]`, nothing more. */
export const corsOriginError = (value: string): string | undefined => {
  if (value === ANY_ORIGIN) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--cors-origin must be an origin such as http://127.0.0.1:8080 (or '*' for any), got '${value}'`;
  }
  if (url.origin === 'null' || url.origin !== value.replace(/\/$/, '').toLowerCase())
    return `--cors-origin must be an origin (scheme://host[:port], no path), got '${value}'`;
  return undefined;
};

export interface AccessPolicy {
  /** The origin to send back in Access-Control-Allow-Origin, or undefined when this origin gets no CORS headers. */
  allowOrigin(origin: string): string | undefined;
  /** Whether a Host header (or HTTP/2 :authority) names this server as a loopback address. */
  hostAllowed(host: string | undefined): boolean;
}

/** The access policy of a server on `port` that also admits `extraOrigins` (from `--cors-origin`). */
export const accessPolicy = (port: number, extraOrigins: readonly string[] = []): AccessPolicy => {
  const any = extraOrigins.includes(ANY_ORIGIN);
  const origins = new Set<string>();
  for (const p of [...CONSOLE_PORTS, port])
    for (const host of ['127.0.0.1', 'localhost']) origins.add(`http://${host}:${p}`);
  for (const o of extraOrigins) if (o !== ANY_ORIGIN) origins.add(o.replace(/\/$/, '').toLowerCase());
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    allowOrigin: (origin) => (any ? ANY_ORIGIN : origins.has(origin.toLowerCase()) ? origin : undefined),
    // No Host at all is not a browser (every browser request names its host): such a client is served.
    hostAllowed: (host) => host === undefined || hosts.has(host.toLowerCase()),
  };
};
