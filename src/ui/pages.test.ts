import { describe, expect, it } from 'vitest';
import { pages } from './pages';
import { navSections, resolvePage } from './shell/resolve';

describe('the S3 and clean-up routes', () => {
  const at = (path: string) => {
    const r = resolvePage(pages, path, {});
    return r && { id: r.page.id, params: r.props.params, title: r.page.title(r.props), crumbs: r.page.breadcrumbs(r.props).map((c) => c.path) };
  };

  it('opens the bucket list, the create form and the clean-up page', () => {
    expect(at('/s3')?.id).toBe('s3');
    expect(at('/create-bucket')?.id).toBe('create-bucket');
    expect(at('/cleanup')?.id).toBe('cleanup');
  });

  it('opens a bucket, a folder or an object with breadcrumbs down to it', () => {
    expect(at('/s3/b')).toEqual({ id: 's3-browse', params: { bucket: 'b', path: '' }, title: 'b', crumbs: ['/s3', '/s3/b'] });
    expect(at('/s3/b/2026/12/')).toMatchObject({ params: { bucket: 'b', path: '2026/12/' }, crumbs: ['/s3', '/s3/b', '/s3/b/2026/', '/s3/b/2026/12/'] });
    expect(at('/s3/b/2026/x%20y.csv')).toMatchObject({ params: { path: '2026/x y.csv' }, title: 'b/2026/x y.csv' });
  });

  it('lists Amazon S3 and Workshop in the side navigation', () => {
    const sections = navSections(pages);
    expect(sections.find((s) => s.section === 'Amazon S3')?.items).toEqual([{ label: 'Buckets', path: '/s3' }]);
    expect(sections.find((s) => s.section === 'Workshop')?.items).toEqual([
      { label: 'Activities 1-3', path: '/workshop' },
      { label: 'Clean up', path: '/cleanup' },
    ]);
    // The walkthrough comes first: it is what an attendee opens.
    expect(sections[0].section).toBe('Workshop');
  });
});
