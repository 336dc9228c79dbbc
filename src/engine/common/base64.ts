/**
 * Base64 as AWS's JSON protocols carry blobs. The platform's own codecs where there are any
 * (Uint8Array.fromBase64/toBase64 in current browsers, atob/btoa everywhere), one copy for the engine.
 */
const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

type WithBase64 = typeof Uint8Array & { fromBase64?(s: string): Uint8Array };

export const base64ToBytes = (s: string): Uint8Array => {
  const native = (Uint8Array as WithBase64).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

export const bytesToBase64 = (b: Uint8Array): string => {
  const native = (b as Uint8Array & { toBase64?(): string }).toBase64;
  if (native) return native.call(b);
  let bin = '';
  // In slices: String.fromCharCode takes a bounded number of arguments.
  for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(bin);
};

/** Base64 of UTF-8 text, and back (invalid UTF-8 becomes U+FFFD, as TextDecoder does). */
export const textToBase64 = (s: string): string => bytesToBase64(utf8.encode(s));
export const base64ToText = (s: string): string => utf8d.decode(base64ToBytes(s));
