import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../common/base64';
import { columnsOf, RecordLog, SLAB_BYTES, seekCounter, seekTime, trimBefore } from './log';

/** Whether two byte arrays hold the same bytes (a plain loop: toEqual is slow on large arrays). */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);

/** Appends records of `len` bytes (Base64, as PutRecord takes them), counters from `from`, arriving at `at + i`. */
const fill = (log: RecordLog, count: number, len: number, from = 1, at = 0) => {
  for (let i = 0; i < count; i++) log.append(from + i, at + i, bytesToBase64(bytes(len, from + i)), `k${from + i}`, len + `k${from + i}`.length);
};

describe('RecordLog', () => {
  it('gives back each record as it was put: Base64 data, partition key, arrival time, size, counter', () => {
    const log = new RecordLog();
    log.append(1, 1000, '', 'empty', 5);
    fill(log, 200, 1, 2);
    fill(log, 50, 1000, 202);
    expect(log.count).toBe(251);
    expect([log.data(0), log.partitionKey(0), log.size(0), log.bytes(0).length]).toEqual(['', 'empty', 5, 0]);
    for (const i of [1, 2, 200, 201, 250]) {
      const c = log.counter(i);
      const len = c < 202 ? 1 : 1000;
      expect(log.data(i)).toBe(bytesToBase64(bytes(len, c)));
      expect(log.bytes(i)).toEqual(bytes(len, c));
      expect([log.partitionKey(i), log.size(i)]).toEqual([`k${c}`, len + `k${c}`.length]);
    }
  });

  it('keeps a record that crosses from one slab into the next whole', () => {
    const log = new RecordLog();
    const len = 300_000;
    fill(log, 5, len);
    // Records 4 and 5 start in the first slab and end in the second.
    expect(Math.floor((3 * len) / SLAB_BYTES)).toBe(0);
    expect(Math.floor((4 * len - 1) / SLAB_BYTES)).toBe(1);
    for (let i = 0; i < 5; i++) expect(same(log.bytes(i), bytes(len, i + 1))).toBe(true);
    expect(log.data(3)).toBe(bytesToBase64(bytes(len, 4)));
  });

  it('starts small: one record in an idle shard does not take a whole slab', () => {
    const log = new RecordLog();
    fill(log, 1, 10);
    expect(log.heldBytes()).toBeLessThan(10_000);
  });

  it('frees whole slabs once every record with bytes in them is gone, and all memory when none is left', () => {
    const log = new RecordLog();
    // 10 KiB records: about 102 per slab; 1,000 of them fill ~10 slabs.
    fill(log, 1000, 10_240);
    const full = log.heldBytes();
    expect(full).toBeGreaterThan(9 * SLAB_BYTES);
    trimBefore(log, 500);
    expect(log.count).toBe(500);
    expect(log.heldBytes()).toBeLessThan(full / 2 + 2 * SLAB_BYTES);
    expect(same(log.bytes(log.head), bytes(10_240, 501))).toBe(true);
    trimBefore(log, 1000);
    expect(log.count).toBe(0);
    expect(log.heldBytes()).toBeLessThan(4096);
    fill(log, 1, 5, 1001, 1000);
    expect([log.count, log.counter(log.head), log.bytes(log.head)]).toEqual([1, 1001, bytes(5, 1001)]);
  });

  it('compacts its columns as the head moves, keeping positions and lookups right', () => {
    const log = new RecordLog();
    fill(log, 5000, 3);
    trimBefore(log, 3000);
    // Compacted: the oldest live record is at index 0 again.
    expect([log.head, log.end, log.counter(0)]).toEqual([0, 2000, 3001]);
    fill(log, 10, 3, 5001, 5000);
    expect(seekCounter(log, 4000, false)).toBe(999);
    expect(seekCounter(log, 4000, true)).toBe(1000);
    expect(seekTime(log, 5005)).toBe(2005);
    expect(log.data(2005)).toBe(bytesToBase64(bytes(3, 5006)));
  });

  it('reads back as plain columns (the bulk chunk format) with Base64 data', () => {
    const log = new RecordLog();
    fill(log, 3, 4);
    expect(columnsOf(log, 1, 3)).toEqual({
      counter: [2, 3],
      at: [1, 2],
      data: [bytesToBase64(bytes(4, 2)), bytesToBase64(bytes(4, 3))],
      partitionKey: ['k2', 'k3'],
      size: [6, 6],
    });
  });
});
