/**
 * How a transformation function's source becomes a handler: the contract every runner (the browser's
 * transform worker, the Node server's worker thread) follows, so a function behaves the same in both.
 *
 * The source is plain JavaScript (no imports) that defines a function named `handler`, in any of the
 * forms a Lambda function is written in:
 *
 *   export const handler = async (event) => ({ records: ... });     // ES module style (`export` is dropped)
 *   exports.handler = async (event) => ...;                         // CommonJS (also module.exports.handler)
 *   async function handler(event) { ... }                           // a plain declaration
 *   async (event) => ({ records: ... })                             // a bare function expression
 *
 * The handler gets the Firehose data-transformation event `{ invocationId, deliveryStreamArn, region,
 * records: [{ recordId, approximateArrivalTimestamp, data }] }` and a small context
 * (`awsRequestId`, `getRemainingTimeInMillis()`); it returns (or resolves with, or passes
 * to a third `callback(error, result)` parameter) `{ records: [{ recordId, result, data }] }`. What it
 * returns travels as JSON, as Lambda's response does. Available besides the language itself: `atob`,
 * `btoa`, `TextEncoder`, `TextDecoder`, `console`, and a small `Buffer` (`Buffer.from(text | bytes,
 * 'utf8' | 'base64')`, `.toString('utf8' | 'base64')`), enough for the usual `Buffer.from(record.data,
 * 'base64').toString('utf8')`. No network, no storage, no access to the console's pages or state.
 */

/**
 * The runtime, as JavaScript text: evaluated inside the isolated runner (never in the page, never in
 * the emulator's own scope), where it defines `runHandler(source, event, context, deadline)`: a promise
 * of the handler's result as JSON data, rejected when the source defines no handler or the handler fails.
 * Kept as text so the browser worker and the Node worker thread run the very same code.
 */
export const HANDLER_RUNTIME = String.raw`
const __utf8e = new TextEncoder();
const __utf8d = new TextDecoder();
class Buffer extends Uint8Array {
  static from(value, encoding) {
    if (typeof value === 'string') {
      if (encoding === 'base64') {
        const bin = atob(value.replace(/[^A-Za-z0-9+/=]/g, ''));
        const out = new Buffer(bin.length);
        for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
        return out;
      }
      const bytes = __utf8e.encode(value);
      const out = new Buffer(bytes.length);
      out.set(bytes);
      return out;
    }
    const out = new Buffer(value.length);
    out.set(value);
    return out;
  }
  static concat(list) {
    let n = 0;
    for (const b of list) n += b.length;
    const out = new Buffer(n);
    let o = 0;
    for (const b of list) { out.set(b, o); o += b.length; }
    return out;
  }
  static isBuffer(v) { return v instanceof Buffer; }
  static byteLength(s, encoding) { return Buffer.from(s, encoding).length; }
  toString(encoding) {
    if (encoding === 'base64') {
      let bin = '';
      for (let i = 0; i < this.length; i += 0x8000) bin += String.fromCharCode.apply(null, this.subarray(i, i + 0x8000));
      return btoa(bin);
    }
    return __utf8d.decode(this);
  }
}

const __findHandler = (source) => {
  const text = source
    .replace(/(^|[\n;{}])(\s*)export\s+default\s+/g, '$1$2module.exports.handler = ')
    .replace(/(^|[\n;{}])(\s*)export\s+(?=(?:async\s+)?function\b|const\b|let\b|var\b|class\b)/g, '$1$2');
  const module = { exports: {} };
  let found;
  let syntax;
  try {
    found = new Function('exports', 'module', 'Buffer', text + '\n;return typeof handler === "function" ? handler : undefined;')(module.exports, module, Buffer);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    syntax = e;
  }
  const exported = module.exports && typeof module.exports.handler === 'function' ? module.exports.handler : typeof module.exports === 'function' ? module.exports : undefined;
  found = found || exported;
  if (!found) {
    let expression;
    try {
      expression = new Function('Buffer', 'return (\n' + text + '\n);')(Buffer);
    } catch (e) {
      if (syntax) throw syntax;
      if (!(e instanceof SyntaxError)) throw e;
    }
    if (typeof expression === 'function') found = expression;
  }
  if (!found) throw new Error(syntax ? String(syntax) : 'The source defines no function named handler (nor exports.handler).');
  return found;
};

const runHandler = async (source, event, context, deadline) => {
  const handler = __findHandler(source);
  const ctx = Object.assign({}, context, { getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) });
  const out = handler.length >= 3
    ? await new Promise((resolve, reject) => {
        const done = (err, value) => (err ? reject(err) : resolve(value));
        Promise.resolve(handler(event, ctx, done)).then((v) => { if (v !== undefined) resolve(v); }, reject);
      })
    : await handler(event, ctx);
  return out === undefined ? null : JSON.parse(JSON.stringify(out));
};
`;
