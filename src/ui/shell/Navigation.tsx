import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { hrefFor } from '../hooks/route';
import type { PageDefinition } from './page';
import { navSections } from './resolve';

export function Navigation({ pages, activePath }: { pages: PageDefinition[]; activePath: string }) {
  const items: SideNavigationProps.Item[] = navSections(pages).map(({ section, items }) => ({
    type: 'section',
    text: section,
    items: items.map((i) => ({ type: 'link', text: i.label, href: hrefFor(i.path) })),
  }));
  return (
    <SideNavigation
      header={{ text: 'Amazon Kinesis', href: hrefFor((pages.find((p) => p.home) ?? pages.find((p) => p.nav))?.path ?? '/') }}
      activeHref={hrefFor(activePath)}
      items={items}
    />
  );
}
