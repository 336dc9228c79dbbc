/**
 * AWS's CBOR flavour of the JSON protocols (`application/x-amz-cbor-1.1`), which the Java SDK and
 * the Kinesis Client Library send by default. The same operations and shapes as awsJson 1.1, with
 * two members carried differently:
 *   - a blob is a CBOR byte string, not Base64 text;
 *   - a timestamp is tag 1 over epoch MILLISECONDS (the Java SDK's `AwsCborProtocolFactory` writes
 *     and reads payload timestamps as UNIX_TIMESTAMP_MILLIS), not epoch seconds.
 * So a CBOR request is turned into the value its JSON twin would parse to, runs the one JSON path,
 * and the answer goes back the other way. Codec: cborg (well kept, pure JavaScript).
 */
import { decode, encode, Tagged, type TagDecoder } from 'cborg';
import { base64ToBytes, bytesToBase64 } from '../common/base64';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

/**
 * The members of one operation's output that CBOR carries differently, as paths from the output's
 * top (`Records[].Data`: the member `Data` of every item of the list `Records`).
 */
export interface BinaryMembers {
  blobs: readonly string[];
  timestamps: readonly string[];
}

const CBOR_TAG_EPOCH = 1;

/** A CBOR value as the JSON protocol would have carried it: bytes as Base64, tag-1 times as epoch seconds. */
const toJsonValue = (v: unknown): unknown => {
  if (v instanceof Uint8Array) return bytesToBase64(v);
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJsonValue(x);
    return out;
  }
  return v;
};

/**
 * Decodes a CBOR request body into the value its JSON twin parses to; throws on a body that is not
 * one well-formed CBOR item.
 */
export const cborRequestToJson = (body: Uint8Array): unknown => {
  const tags: TagDecoder[] = [];
  tags[CBOR_TAG_EPOCH] = (content) => {
    const inner = content();
    if (typeof inner !== 'number' && typeof inner !== 'bigint') throw new Error('tag 1 needs a number');
    return Number(inner) / 1000;
  };
  return toJsonValue(decode(body, { tags }));
};

type Path = readonly string[];
const parsePath = (p: string): Path => p.split('.').flatMap((seg) => (seg.endsWith('[]') ? [seg.slice(0, -2), '[]'] : [seg]));

/** Replaces, in place, the values found at `path` inside `node` by `f(value)`. */
const rewriteAt = (node: unknown, path: Path, f: (v: unknown) => unknown): void => {
  if (node === null || typeof node !== 'object' || path.length === 0) return;
  const [head, ...rest] = path;
  if (head === '[]') {
    if (!Array.isArray(node)) return;
    if (rest.length === 0) node.forEach((x, i) => (node[i] = f(x)));
    else for (const x of node) rewriteAt(x, rest, f);
    return;
  }
  const o = node as Record<string, unknown>;
  if (!(head in o) || o[head] === undefined || o[head] === null) return;
  if (rest.length === 0) o[head] = f(o[head]);
  else rewriteAt(o[head], rest, f);
};

/**
 * Encodes a JSON-protocol output (or error body) as CBOR, turning the named blob members back into
 * byte strings and the named timestamps (epoch seconds) into tag 1 over epoch milliseconds.
 */
export const jsonToCborResponse = (value: unknown, members?: BinaryMembers): Uint8Array => {
  // A structured clone keeps the caller's object (it may be cached or logged) as it was.
  const out = value === undefined ? {} : (JSON.parse(JSON.stringify(value)) as unknown);
  if (members) {
    for (const p of members.blobs) rewriteAt(out, parsePath(p), (v) => (typeof v === 'string' ? base64ToBytes(v) : v));
    for (const p of members.timestamps) {
      rewriteAt(out, parsePath(p), (v) => (typeof v === 'number' ? new Tagged(CBOR_TAG_EPOCH, Math.round(v * 1000)) : v));
    }
  }
  return encode(out);
};
