import type { ComponentType } from 'react';

export interface PageProps {
  /** Route parameters, decoded (`/streams/:name` gives `{ name }`). */
  params: Record<string, string>;
  /** The query part of the hash (`?tab=shards`). */
  query: Record<string, string>;
}

export interface Crumb {
  text: string;
  /** A path such as `/streams`; the shell turns it into a link. */
  path: string;
}

/**
 * One page of the console: a route, its place in the side navigation, its breadcrumbs and
 * its component. Adding a page means adding one of these to the list in src/ui/pages.tsx;
 * use React.lazy for the component of a heavy page so it stays out of the first load.
 */
export interface PageDefinition {
  id: string;
  /** Route pattern: `/streams`, `/streams/:name`. */
  path: string;
  /** The side navigation entry, grouped under `section`. Omit for pages reached by links. */
  nav?: { section: string; label: string };
  /** The page the bare address and the console's name open (else the first page in the navigation). */
  home?: boolean;
  /** The side navigation entry this page belongs to, when it has none of its own. */
  navPath?: string;
  /** Shown on its own, without the top bar, side navigation and breadcrumbs (the presenter view). */
  bare?: boolean;
  title(p: PageProps): string;
  breadcrumbs(p: PageProps): Crumb[];
  component: ComponentType<PageProps>;
}

export const definePage = (p: PageDefinition): PageDefinition => p;
