/** Where `vite preview` serves the console in this run (E2E_PORT lets two runs share a machine). */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;

/** The page's origin as a browser sends it in an Origin header (no trailing slash). */
export const PAGE_ORIGIN = new URL(ORIGIN).origin;

/** A request that stays inside the page: the console's own origin, or data: and blob: URLs. */
export const isPageLocal = (url: string, ...alsoAllowed: string[]): boolean =>
  url.startsWith(ORIGIN) ||
  url.startsWith('data:') ||
  url.startsWith('blob:') ||
  alsoAllowed.some((prefix) => url.startsWith(prefix));
