import type { RecordBlock } from './log';

/**
 * The binary form of a chunk of one shard's records: what saves hold (IndexedDB in the browser, the
 * server's data directory), one byte block per chunk, so that restoring is a few typed-array copies
 * into the shard's slabs instead of an object or a Base64 string per record. Workshop files keep the
 * JSON columns (`RecordColumns` in log.ts); `load` reads both.
 *
 * Layout (numbers little-endian; every column starts aligned to its element size):
 *
 * | bytes | what |
 * |---|---|
 * | 4 | magic `KRC` and the codec version ({@link RECORD_CHUNK_VERSION}) |
 * | 4 | u32 records (n) |
 * | 4 | u32 flags: bit 0, every partition key is well-formed UTF-16 |
 * | 4 | u32 UTF-16 code units of all partition keys (u) |
 * | 4 | u32 data bytes of all records (d) |
 * | 4 | reserved, 0 |
 * | 8n | f64 sequence counters |
 * | 8n | f64 arrival times (ms) |
 * | 4n | i32 sizes (data + partition key bytes) |
 * | 4n | i32 data lengths |
 * | 2n | u16 partition key lengths (code units) |
 * | 2u | the partition keys, one after another, as UTF-16 code units |
 * | d | the data bytes, one record after another |
 *
 * Integrity is the storage's: IndexedDB commits whole transactions, the data directory checksums
 * every entry. A block whose lengths do not add up is refused, never half read.
 */

export const RECORD_CHUNK_VERSION = 1;
const MAGIC = [0x4b, 0x52, 0x43]; // "KRC"
const HEAD = 24;
const PER_RECORD = 8 + 8 + 4 + 4 + 2;
const WELL_FORMED_KEYS = 1;

/** Typed arrays are read and written in the platform's byte order: little-endian wherever the console runs (every browser, x64 and arm64 Node). */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const checkByteOrder = () => {
  if (!littleEndian) throw new Error('saved records need a little-endian platform');
};

/** Whether `c` is a chunk in this binary form (of any codec version). */
export const isBinaryRecordChunk = (c: unknown): c is Uint8Array =>
  c instanceof Uint8Array && c.length >= 4 && c[0] === MAGIC[0] && c[1] === MAGIC[1] && c[2] === MAGIC[2];

/** The block as one byte block that owns its whole buffer (structured clone copies a view's entire buffer). */
export const encodeRecordChunk = (block: RecordBlock): Uint8Array => {
  checkByteOrder();
  const n = block.counters.length;
  let units = 0;
  for (const k of block.keys) units += k.length;
  const out = new Uint8Array(HEAD + PER_RECORD * n + 2 * units + block.data.length);
  const head = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[3] = RECORD_CHUNK_VERSION;
  head.setUint32(4, n, true);
  head.setUint32(12, units, true);
  head.setUint32(16, block.data.length, true);
  let at = HEAD;
  new Float64Array(out.buffer, at, n).set(block.counters);
  new Float64Array(out.buffer, (at += 8 * n), n).set(block.arrivals);
  new Int32Array(out.buffer, (at += 8 * n), n).set(block.sizes);
  new Int32Array(out.buffer, (at += 4 * n), n).set(block.lengths);
  const keyLengths = new Uint16Array(out.buffer, (at += 4 * n), n);
  const keyUnits = new Uint16Array(out.buffer, (at += 2 * n), units);
  let u = 0;
  let wellFormed = true;
  for (let i = 0; i < n; i++) {
    const k = block.keys[i];
    if (k.length > 0xffff) throw new Error(`a partition key of ${k.length} characters cannot be saved`);
    keyLengths[i] = k.length;
    for (let j = 0; j < k.length; j++) {
      const c = k.charCodeAt(j);
      keyUnits[u++] = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        // A high surrogate followed by a low one is a pair; anything else is a lone surrogate.
        const next = j + 1 < k.length ? k.charCodeAt(j + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) keyUnits[u++] = k.charCodeAt(++j);
        else wellFormed = false;
      }
    }
  }
  head.setUint32(8, wellFormed ? WELL_FORMED_KEYS : 0, true);
  out.set(block.data, at + 2 * units);
  return out;
};

const utf16 = new TextDecoder('utf-16le');

/**
 * The records of a chunk written by {@link encodeRecordChunk}. The columns are views onto `bytes`
 * when it is aligned (a copy of the column part when not); `data` is a view: copy what you keep.
 * Throws, saying what is wrong, on a block of another codec version or whose lengths do not add up.
 */
export const decodeRecordChunk = (bytes: Uint8Array): RecordBlock => {
  checkByteOrder();
  if (!isBinaryRecordChunk(bytes)) throw new Error('it is not a chunk of records');
  if (bytes[3] !== RECORD_CHUNK_VERSION) throw new Error(`it is a chunk of records of codec version ${bytes[3]}, this console reads version ${RECORD_CHUNK_VERSION}`);
  if (bytes.length < HEAD) throw new Error('the chunk of records is cut short');
  const head = new DataView(bytes.buffer, bytes.byteOffset, HEAD);
  const n = head.getUint32(4, true);
  const flags = head.getUint32(8, true);
  const units = head.getUint32(12, true);
  const dataBytes = head.getUint32(16, true);
  const columnBytes = PER_RECORD * n;
  if (bytes.length !== HEAD + columnBytes + 2 * units + dataBytes) throw new Error('the chunk of records is cut short or has bytes to spare');
  // Float64Array needs an 8-aligned start: copy the columns out when the block sits elsewhere in its buffer.
  const aligned = (bytes.byteOffset + HEAD) % 8 === 0;
  const cols = aligned ? bytes.buffer : Uint8Array.prototype.slice.call(bytes, HEAD, HEAD + columnBytes).buffer;
  let at = aligned ? bytes.byteOffset + HEAD : 0;
  const counters = new Float64Array(cols, at, n);
  const arrivals = new Float64Array(cols, (at += 8 * n), n);
  const sizes = new Int32Array(cols, (at += 8 * n), n);
  const lengths = new Int32Array(cols, (at += 4 * n), n);
  const keyLengths = new Uint16Array(cols, (at += 4 * n), n);
  let sumKeys = 0;
  let sumData = 0;
  for (let i = 0; i < n; i++) {
    sumKeys += keyLengths[i];
    if (lengths[i] < 0) throw new Error('the chunk of records has a negative length');
    sumData += lengths[i];
  }
  if (sumKeys !== units || sumData !== dataBytes) throw new Error('the lengths in the chunk of records do not add up');
  const keyStart = HEAD + columnBytes;
  const keys = new Array<string>(n);
  if (flags & WELL_FORMED_KEYS) {
    // One decode for all keys, then a slice each.
    const all = utf16.decode(bytes.subarray(keyStart, keyStart + 2 * units));
    for (let i = 0, u = 0; i < n; u += keyLengths[i++]) keys[i] = all.slice(u, u + keyLengths[i]);
  } else {
    // A lone surrogate would become U+FFFD through a decoder: build such keys unit by unit.
    const view = new DataView(bytes.buffer, bytes.byteOffset + keyStart, 2 * units);
    for (let i = 0, u = 0; i < n; i++) {
      let k = '';
      for (let j = 0; j < keyLengths[i]; j++, u++) k += String.fromCharCode(view.getUint16(2 * u, true));
      keys[i] = k;
    }
  }
  const data = bytes.subarray(keyStart + 2 * units);
  return { counters, arrivals, sizes, lengths, keys, data };
};
