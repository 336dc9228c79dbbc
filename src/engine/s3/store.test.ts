import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3Store } from './store';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('S3Store', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 1000, 100_003])(
    'gives an object of %i bytes the MD5 of its body, in quotes, as ETag',
    (n) => {
      const body = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      const store = new S3Store(() => 0);
      store.createBucket('b-1', 'us-east-1');
      expect(store.putObject('b-1', 'k', body).ETag).toBe(
        `"${createHash('md5').update(body).digest('hex')}"`,
      );
    },
  );

  it('accounts the bytes of the bodies it holds, through overwrites and deletes', () => {
    const store = new S3Store(() => 0);
    store.createBucket('b-1', 'us-east-1');
    store.putObject('b-1', 'a', bytes('12345'));
    store.putObject('b-1', 'b', bytes('123'));
    store.putObject('b-1', 'a', bytes('1'));
    expect(store.usage()).toEqual({ buckets: 1, objects: 2, bytes: 4 });
    store.deleteObject('b-1', 'b');
    store.deleteObject('b-1', 'no-such-key');
    expect(store.usage()).toEqual({ buckets: 1, objects: 1, bytes: 1 });
  });

  it('refuses a body that would take it past its cap, and keeps what it had', () => {
    const store = new S3Store(() => 0);
    store.capBytes = 10;
    store.createBucket('b-1', 'us-east-1');
    store.putObject('b-1', 'a', bytes('12345678'));
    expect(() => store.putObject('b-1', 'b', bytes('123'))).toThrow(/storage cap of 10 bytes/);
    expect(store.usage().bytes).toBe(8);
    store.putObject('b-1', 'a', bytes('1234567890'));
    expect(store.usage().bytes).toBe(10);
  });

  it('snapshots buckets and metadata as JSON, and takes the bodies back apart', () => {
    let t = Date.UTC(2026, 0, 1);
    const store = new S3Store(() => t);
    store.createBucket('b-1', 'us-west-2');
    t += 1000;
    store.putObject('b-1', 'x/y', bytes('hello'), { contentType: 'text/plain', metadata: { owner: 'me' } });
    const snap = JSON.parse(JSON.stringify(store.snapshot()));
    expect(snap).toEqual({
      version: 1,
      seq: 1,
      buckets: [
        {
          Name: 'b-1',
          CreationDate: Date.UTC(2026, 0, 1),
          _region: 'us-west-2',
          objects: [
            {
              Key: 'x/y',
              Size: 5,
              ETag: '"5d41402abc4b2a76b9719d911017c592"',
              LastModified: t,
              ContentType: 'text/plain',
              Metadata: { owner: 'me' },
              _seq: 1,
            },
          ],
        },
      ],
    });
    const bodies = store.bodyList();
    const again = new S3Store(() => t);
    again.restore(snap);
    expect(again.usage()).toEqual({ buckets: 1, objects: 1, bytes: 0 });
    expect(again.loadBody('b-1', 'x/y', bytes('stale'), 0)).toBe(false);
    for (const b of bodies) expect(again.loadBody(b.bucket, b.key, b.body, b.seq)).toBe(true);
    expect(again.loadBody('b-1', 'gone', bytes('x'))).toBe(false);
    expect(new TextDecoder().decode(again.getObject('b-1', 'x/y').body)).toBe('hello');
    expect(again.usage().bytes).toBe(5);
  });

  it('numbers every write, and trims the objects written before a time, oldest first', () => {
    let t = 1000;
    const store = new S3Store(() => t);
    store.createBucket('b-1', 'us-east-1');
    store.putObject('b-1', 'old', bytes('1234'));
    t = 2000;
    store.putObject('b-1', 'new', bytes('12'));
    t = 2500;
    expect(store.putObject('b-1', 'old', bytes('123'))._seq).toBe(3);
    expect(store.objectsByAge().map((o) => o.object.Key)).toEqual(['new', 'old']);
    t = 3000;
    store.putObject('b-1', 'newest', bytes('1'));
    expect(store.trimBefore(3000)).toEqual({ objects: 2, bytes: 5 });
    expect(store.keys('b-1')).toEqual(['newest']);
    expect(store.usage().bytes).toBe(1);
  });
});
