import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../common/base64';
import { columnsOf, RecordLog, SLAB_BYTES } from './log';
import { decodeRecordChunk, encodeRecordChunk, isBinaryRecordChunk, RECORD_CHUNK_VERSION } from './recordChunk';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);

/** A log of `keys.length` records: counters from 10, data of `len(i)` bytes, arriving at 1000 + i. */
const logOf = (keys: string[], len: (i: number) => number = (i) => i % 7) => {
  const log = new RecordLog();
  keys.forEach((k, i) => log.append(10 + i, 1000 + i, bytesToBase64(bytes(len(i), i)), k, len(i) + k.length));
  return log;
};

/** The records of a chunk restored into a fresh log, as plain columns (data in Base64). */
const restored = (chunk: Uint8Array, from = 0) => {
  const log = new RecordLog();
  log.appendBlock(decodeRecordChunk(chunk), from);
  return columnsOf(log);
};

describe('record chunk codec', () => {
  it('round-trips every column: counters, arrival times, sizes, partition keys and data bytes, empty data included', () => {
    const keys = ['a', 'k-1', 'ключ', '🙂 pair', 'x'.repeat(256), '', 'tail'];
    const log = logOf(keys);
    const chunk = encodeRecordChunk(log.block(log.head, log.end));
    expect(isBinaryRecordChunk(chunk)).toBe(true);
    expect([...chunk.subarray(0, 4)]).toEqual([0x4b, 0x52, 0x43, RECORD_CHUNK_VERSION]);
    // The block owns its whole buffer (a structured clone of a view would copy all of a larger one).
    expect(chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length).toBe(true);
    expect(restored(chunk)).toEqual(columnsOf(log));
  });

  it('keeps partition keys with lone surrogates exactly (no replacement character)', () => {
    const keys = ['\ud800', 'a\udc00b', 'ok'];
    expect(restored(encodeRecordChunk(logOf(keys).block(0, 3))).partitionKey).toEqual(keys);
  });

  it('restores from a block at any offset of a larger buffer (as storage hands it back), and from a given record on', () => {
    const log = logOf(Array.from({ length: 50 }, (_, i) => `k${i}`));
    const chunk = encodeRecordChunk(log.block(0, 50));
    const cols = columnsOf(log);
    for (const shift of [1, 3, 8]) {
      const host = new Uint8Array(chunk.length + shift);
      host.set(chunk, shift);
      expect(restored(host.subarray(shift))).toEqual(cols);
    }
    const tail = restored(chunk, 20);
    expect(tail.counter).toEqual(cols.counter.slice(20));
    expect(tail.data).toEqual(cols.data.slice(20));
  });

  it('copies data across slabs: a restored log reads the same records as the one written', () => {
    const big = 300_000;
    const log = logOf(['a', 'b', 'c', 'd', 'e'], () => big);
    const into = new RecordLog();
    into.append(1, 999, bytesToBase64(bytes(SLAB_BYTES - 1000, 9)), 'first', SLAB_BYTES - 995);
    into.appendBlock(decodeRecordChunk(encodeRecordChunk(log.block(0, 5))));
    expect(into.count).toBe(6);
    expect(columnsOf(into, 1)).toEqual(columnsOf(log));
  });

  it('refuses a block that is cut short, has bytes to spare, is of another codec version, or whose lengths do not add up', () => {
    const chunk = encodeRecordChunk(logOf(['a', 'b', 'c']).block(0, 3));
    expect(() => decodeRecordChunk(chunk.subarray(0, chunk.length - 1))).toThrow('the chunk of records is cut short or has bytes to spare');
    expect(() => decodeRecordChunk(chunk.subarray(0, 10))).toThrow('the chunk of records is cut short');
    const longer = new Uint8Array(chunk.length + 1);
    longer.set(chunk);
    expect(() => decodeRecordChunk(longer)).toThrow('the chunk of records is cut short or has bytes to spare');
    const v2 = chunk.slice();
    v2[3] = RECORD_CHUNK_VERSION + 1;
    expect(() => decodeRecordChunk(v2)).toThrow(`it is a chunk of records of codec version ${RECORD_CHUNK_VERSION + 1}, this console reads version ${RECORD_CHUNK_VERSION}`);
    // The first data length (after the header and two f64 and one i32 column of 3 records) made one longer.
    const bad = chunk.slice();
    new DataView(bad.buffer).setInt32(24 + 3 * 20, 1 + new DataView(bad.buffer).getInt32(24 + 3 * 20, true), true);
    expect(() => decodeRecordChunk(bad)).toThrow('the lengths in the chunk of records do not add up');
    expect(isBinaryRecordChunk({ counter: [] })).toBe(false);
    expect(() => decodeRecordChunk(new Uint8Array([1, 2, 3, 4]))).toThrow('it is not a chunk of records');
  });
});
