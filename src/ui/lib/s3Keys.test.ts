import { describe, expect, it } from 'vitest';
import { matchPath } from '../hooks/route';
import { bucketNameProblem } from './bucketName';
import { baseName, folderOf, isFolderPath, nameUnder, parentFolder, s3Crumbs, s3Path } from './s3Keys';

describe('S3 paths in the console', () => {
  it('links a bucket, a folder and an object with each segment encoded, and the route gives them back', () => {
    expect(s3Path('b')).toBe('/s3/b');
    expect(s3Path('b', '2026/12/02/10/')).toBe('/s3/b/2026/12/02/10/');
    expect(s3Path('b', 'out put/a?b#c.csv')).toBe('/s3/b/out%20put/a%3Fb%23c.csv');
    for (const path of ['', '2026/12/', 'a b/c%d.csv', '/lead', 'a//b']) {
      expect(matchPath('/s3/:bucket/*path', s3Path('my.bucket', path))).toEqual({ bucket: 'my.bucket', path });
    }
  });

  it('tells folders from objects and walks up', () => {
    expect(isFolderPath('')).toBe(true);
    expect(isFolderPath('2026/')).toBe(true);
    expect(isFolderPath('2026/x')).toBe(false);
    expect(folderOf('a/b/c.csv')).toBe('a/b/');
    expect(folderOf('c.csv')).toBe('');
    expect(parentFolder('a/b/')).toBe('a/');
    expect(parentFolder('a/')).toBe('');
    expect(nameUnder('2026/', '2026/12/')).toBe('12/');
    expect(baseName('2026/12/02/10/s-1-2026-12-02-10-59-36-abc')).toBe('s-1-2026-12-02-10-59-36-abc');
    expect(baseName('dir/')).toBe('dir');
  });

  it('makes breadcrumbs for each folder down to the path', () => {
    expect(s3Crumbs('b', '')).toEqual([{ text: 'b', path: '/s3/b' }]);
    expect(s3Crumbs('b', '2026/12/')).toEqual([
      { text: 'b', path: '/s3/b' },
      { text: '2026', path: '/s3/b/2026/' },
      { text: '12', path: '/s3/b/2026/12/' },
    ]);
    expect(s3Crumbs('b', '2026/x y.csv')).toEqual([
      { text: 'b', path: '/s3/b' },
      { text: '2026', path: '/s3/b/2026/' },
      { text: 'x y.csv', path: '/s3/b/2026/x%20y.csv' },
    ]);
  });

  it('checks bucket names with S3’s rule, and asks for one when empty', () => {
    expect(bucketNameProblem('')).toBe('Enter a bucket name.');
    expect(bucketNameProblem('Bad_Name')).toMatch(/lowercase letters/);
    expect(bucketNameProblem('jane-filtered-iot-data')).toBeUndefined();
  });
});
