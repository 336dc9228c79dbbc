import { describe, expect, it } from 'vitest';
import type { PageDefinition } from './page';
import { navSections, resolvePage } from './resolve';

const page = (id: string, path: string, nav?: PageDefinition['nav']): PageDefinition => ({
  id,
  path,
  nav,
  title: () => id,
  breadcrumbs: () => [],
  component: () => null,
});

const pages = [
  page('streams', '/streams', { section: 'Kinesis Data Streams', label: 'Data streams' }),
  page('stream', '/streams/:name'),
  page('generator', '/generator', { section: 'Tools', label: 'Data generator' }),
  page('charts', '/monitoring', { section: 'Kinesis Data Streams', label: 'Monitoring' }),
];

describe('page registry', () => {
  it('resolves a path to the first matching page with its params and query', () => {
    expect(resolvePage(pages, '/streams/orders', { tab: 'put' })).toMatchObject({
      page: { id: 'stream' },
      props: { params: { name: 'orders' }, query: { tab: 'put' } },
    });
    expect(resolvePage(pages, '/nowhere', {})).toBeUndefined();
  });

  it('groups navigation entries by section in registration order', () => {
    expect(navSections(pages)).toEqual([
      { section: 'Kinesis Data Streams', items: [{ label: 'Data streams', path: '/streams' }, { label: 'Monitoring', path: '/monitoring' }] },
      { section: 'Tools', items: [{ label: 'Data generator', path: '/generator' }] },
    ]);
  });
});
