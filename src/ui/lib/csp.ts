/*
 * Whether the page's Content-Security-Policy lets it call a URL (its connect-src), read from the
 * policy the page carries, so a blocked endpoint override can be named as such rather than as a
 * network failure.
 */

/** The sources of connect-src (or default-src, which stands in for it) in a policy's text. */
export const connectSources = (policy: string): string[] | undefined => {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values] as const),
  );
  return directives.get('connect-src') ?? directives.get('default-src');
};

/** Whether one CSP source expression (`'self'`, `https://*.amazonaws.com`, `http://127.0.0.1:*`) matches a URL. */
const matches = (source: string, url: URL, self: string): boolean => {
  if (source === "'self'") return url.origin === self;
  if (source === '*') return url.protocol === 'http:' || url.protocol === 'https:';
  const m = /^([a-z][a-z0-9+.-]*:)(?:\/\/)?([^/:]*)(?::(\d+|\*))?/i.exec(source);
  if (!m) return false;
  const [, scheme, host, port] = m;
  if (!host) return url.protocol === scheme.toLowerCase(); // a scheme source such as `https:`
  if (url.protocol !== scheme.toLowerCase()) return false;
  const hostOk = host.startsWith('*.') ? url.hostname.endsWith(host.slice(1).toLowerCase()) : url.hostname === host.toLowerCase();
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const portOk = port === '*' || (port ?? defaultPort) === (url.port || defaultPort);
  return hostOk && portOk;
};

/** Whether the policy lets the page connect to the URL; true when the policy says nothing about connections. */
export const cspAllows = (policy: string, target: string, self: string): boolean => {
  const sources = connectSources(policy);
  if (!sources) return true;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return true;
  }
  return sources.some((s) => matches(s, url, self));
};
