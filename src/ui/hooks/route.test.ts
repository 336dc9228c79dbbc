import { describe, expect, it } from 'vitest';
import { hrefFor, matchPath, parseHash } from './route';

describe('hash routes', () => {
  it('parses path and query from the hash, defaulting to /', () => {
    expect(parseHash('')).toEqual({ path: '/', query: {} });
    expect(parseHash('#/streams/a.b?tab=shards&x=1')).toEqual({ path: '/streams/a.b', query: { tab: 'shards', x: '1' } });
  });

  it('matches patterns and decodes parameters', () => {
    expect(matchPath('/streams/:name', '/streams/my_stream-1.0')).toEqual({ name: 'my_stream-1.0' });
    expect(matchPath('/streams/:name', '/streams')).toBeNull();
    expect(matchPath('/streams', '/streams/')).toEqual({});
    expect(matchPath('/streams/:name', '/streams/%E0%A4%A')).toBeNull();
  });

  it('gives the rest of the path to a trailing *name, empty segments and a trailing slash kept', () => {
    const route = '/s3/:bucket/*path';
    expect(matchPath(route, '/s3/my-bucket')).toEqual({ bucket: 'my-bucket', path: '' });
    expect(matchPath(route, '/s3/my-bucket/')).toEqual({ bucket: 'my-bucket', path: '' });
    expect(matchPath(route, '/s3/my-bucket/2026/12/02/')).toEqual({ bucket: 'my-bucket', path: '2026/12/02/' });
    expect(matchPath(route, '/s3/b/a%2Fb/c%20d')).toEqual({ bucket: 'b', path: 'a/b/c d' });
    expect(matchPath(route, '/s3/b//x')).toEqual({ bucket: 'b', path: '/x' });
    expect(matchPath(route, '/s3')).toBeNull();
    expect(matchPath(route, '/s3/')).toBeNull();
    expect(matchPath(route, '/s3/b/%E0%A4%A')).toBeNull();
    expect(matchPath('/s3', '/s3/b')).toBeNull();
  });

  it('builds hrefs that parse back to the same location', () => {
    const href = hrefFor('/streams/s1', { tab: 'put', skip: undefined });
    expect(href).toBe('#/streams/s1?tab=put');
    expect(parseHash(href)).toEqual({ path: '/streams/s1', query: { tab: 'put' } });
  });
});
