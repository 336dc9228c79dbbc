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

/**
 * Matches `/streams/:name` against a path; returns the decoded params or null.
 */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) return null;
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
