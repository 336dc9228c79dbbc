import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/streams/my-stream?tab=shards`): works under `vite preview`, a static
 * server or a file, with no server-side rewrites.
 */
export interface Location {
  /** `/streams/my-stream` */
  path: string;
  query: Record<string, string>;
}

export const parseHash = (hash: string): Location => {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(queryPart)) query[k] = v;
  return { path, query };
};

/** `href` for a path and query, e.g. `#/streams/s1?tab=shards`. Path segments are encoded by the caller. */
export const hrefFor = (path: string, query: Record<string, string | undefined> = {}): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v);
  const qs = q.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
};

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/**
 * Matches `/streams/:name` against a path; returns the decoded params or null. A last segment
 * `*name` takes the rest of the path, zero or more segments, each decoded and joined with `/`,
 * empty segments and a trailing slash kept: `/s3/:bucket/*path` matches `/s3/b` ({ path: '' }) and
 * `/s3/b/2026/12/` ({ path: '2026/12/' }), so an S3 prefix or key survives the trip.
 */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const p = pattern.split('/').filter(Boolean);
  const rest = p.length > 0 && p[p.length - 1].startsWith('*') ? p.pop()!.slice(1) : undefined;
  const all = path.split('/');
  if (all[0] === '') all.shift();
  // Fixed segments never match an empty one (`/streams//x`), as before.
  const s = rest === undefined ? all.filter(Boolean) : all;
  if (rest === undefined ? p.length !== s.length : s.length < p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      const v = decode(s[i]);
      if (v === undefined || s[i] === '') return null;
      params[p[i].slice(1)] = v;
    } else if (p[i] !== s[i]) return null;
  }
  if (rest !== undefined) {
    const tail = s.slice(p.length).map(decode);
    if (tail.some((t) => t === undefined)) return null;
    params[rest] = tail.join('/');
  }
  return params;
};

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const snapshot = () => window.location.hash;

export const useLocation = (): Location => parseHash(useSyncExternalStore(subscribe, snapshot, () => ''));

export const navigate = (href: string, opts: { replace?: boolean } = {}) => {
  const target = href.startsWith('#') ? href : `#${href}`;
  if (opts.replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = target;
};
