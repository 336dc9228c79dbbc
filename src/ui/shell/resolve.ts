import { matchPath } from '../hooks/route';
import type { PageDefinition, PageProps } from './page';

export interface Resolved {
  page: PageDefinition;
  props: PageProps;
}

/** The page for a path: the first registered page whose pattern matches. */
export const resolvePage = (pages: readonly PageDefinition[], path: string, query: Record<string, string>): Resolved | undefined => {
  for (const page of pages) {
    const params = matchPath(page.path, path);
    if (params) return { page, props: { params, query } };
  }
  return undefined;
};

/** Side navigation sections in registration order. */
export const navSections = (pages: readonly PageDefinition[]) => {
  const sections = new Map<string, { label: string; path: string }[]>();
  for (const p of pages) {
    if (!p.nav) continue;
    const list = sections.get(p.nav.section) ?? [];
    list.push({ label: p.nav.label, path: p.path });
    sections.set(p.nav.section, list);
  }
  return [...sections].map(([section, items]) => ({ section, items }));
};
