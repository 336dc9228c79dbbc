import { describe, expect, it } from 'vitest';
import { listPage, type ListRequest } from './list';

const KEYS = [
  '2026/01/01/10/a',
  '2026/01/01/10/b',
  '2026/01/01/11/c',
  '2026/01/02/00/d',
  'errors/x',
  'readme.txt',
].sort();

/** Every page until the listing ends. */
const allPages = (req: Omit<ListRequest, 'continuationToken'>) => {
  const pages = [];
  let token: string | undefined;
  for (;;) {
    const p = listPage(KEYS, { ...req, ...(token ? { continuationToken: token } : {}) });
    pages.push({ keys: p.keys, commonPrefixes: p.commonPrefixes, isTruncated: p.isTruncated });
    if (!p.isTruncated) return pages;
    token = p.nextContinuationToken;
  }
};

describe('listPage (ListObjectsV2)', () => {
  it('lists every key in order without a delimiter', () => {
    expect(listPage(KEYS, { prefix: '', maxKeys: 1000 })).toEqual({
      keys: KEYS,
      commonPrefixes: [],
      isTruncated: false,
    });
  });

  it('rolls keys up into common prefixes at the delimiter after the prefix', () => {
    expect(listPage(KEYS, { prefix: '', delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: ['readme.txt'],
      commonPrefixes: ['2026/', 'errors/'],
      isTruncated: false,
    });
    expect(listPage(KEYS, { prefix: '2026/01/01/', delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: [],
      commonPrefixes: ['2026/01/01/10/', '2026/01/01/11/'],
      isTruncated: false,
    });
  });

  it('pages keys and common prefixes together by MaxKeys, never repeating a rolled-up prefix', () => {
    expect(allPages({ prefix: '', delimiter: '/', maxKeys: 1 })).toEqual([
      { keys: [], commonPrefixes: ['2026/'], isTruncated: true },
      { keys: [], commonPrefixes: ['errors/'], isTruncated: true },
      { keys: ['readme.txt'], commonPrefixes: [], isTruncated: false },
    ]);
    expect(allPages({ prefix: '2026/', maxKeys: 3 })).toEqual([
      {
        keys: ['2026/01/01/10/a', '2026/01/01/10/b', '2026/01/01/11/c'],
        commonPrefixes: [],
        isTruncated: true,
      },
      { keys: ['2026/01/02/00/d'], commonPrefixes: [], isTruncated: false },
    ]);
  });

  it('says a page is truncated only when something follows it', () => {
    expect(listPage(KEYS, { prefix: 'errors/', maxKeys: 1 })).toEqual({
      keys: ['errors/x'],
      commonPrefixes: [],
      isTruncated: false,
    });
  });

  it('starts after StartAfter', () => {
    expect(listPage(KEYS, { prefix: '', maxKeys: 1000, startAfter: '2026/01/02/00/d' }).keys).toEqual([
      'errors/x',
      'readme.txt',
    ]);
  });

  it('refuses a continuation token it did not issue', () => {
    expect(() => listPage(KEYS, { prefix: '', maxKeys: 10, continuationToken: 'not-a-token' })).toThrow(
      'The continuation token provided is incorrect',
    );
  });
});
