/*
 * S3 keys and prefixes as the console shows and links them. The console browses with Delimiter '/',
 * so a "folder" is a prefix ending in '/', as in the S3 console. Nothing here imports the engine:
 * the shell's first download uses these paths (breadcrumbs).
 */

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The console path of a bucket, a prefix (ends in '/') or an object: `/s3/<bucket>/<each segment encoded>`. */
export const s3Path = (bucket: string, path = ''): string => `/s3/${encodeURIComponent(bucket)}${path ? `/${encodePath(path)}` : ''}`;

/** Opens a listing (a prefix ending in '/', or '') rather than an object. */
export const isFolderPath = (path: string): boolean => path === '' || path.endsWith('/');

/** The folder that holds a key: `a/b/c.csv` gives `a/b/`, `c.csv` gives ''. */
export const folderOf = (key: string): string => key.slice(0, key.lastIndexOf('/') + 1);

/** The prefix above a folder: `a/b/` gives `a/`, `a/` gives ''. */
export const parentFolder = (prefix: string): string => folderOf(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);

/** What a row shows for a key or common prefix under `prefix`: `2026/12/` under `2026/` is `12/`. */
export const nameUnder = (prefix: string, key: string): string => (key.startsWith(prefix) ? key.slice(prefix.length) : key);

/** The last part of a key, for a file name: `a/b/c.csv` gives `c.csv`. */
export const baseName = (key: string): string => {
  const name = key.slice(key.lastIndexOf('/') + 1);
  return name || key.replace(/\/+$/, '').split('/').pop() || 'object';
};

export interface S3Crumb {
  text: string;
  path: string;
}

/**
 * Breadcrumbs for a bucket and a path inside it: the bucket, then each folder down to the path;
 * an object (a path not ending in '/') ends with its own name. `b` + `2026/12/x.csv` gives
 * b, 2026, 12, x.csv linking to `/s3/b`, `/s3/b/2026/`, `/s3/b/2026/12/`, `/s3/b/2026/12/x.csv`.
 */
export const s3Crumbs = (bucket: string, path: string): S3Crumb[] => {
  const crumbs: S3Crumb[] = [{ text: bucket, path: s3Path(bucket) }];
  if (!path) return crumbs;
  const parts = path.split('/');
  // The last part is an object's name, or '' after a folder's trailing slash.
  let at = '';
  for (const part of parts.slice(0, -1)) {
    at += `${part}/`;
    crumbs.push({ text: part || '/', path: s3Path(bucket, at) });
  }
  if (!isFolderPath(path)) crumbs.push({ text: parts[parts.length - 1], path: s3Path(bucket, path) });
  return crumbs;
};
