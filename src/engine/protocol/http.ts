/** The HTTP request as the emulator sees it, whether it came over a socket or from the worker channel. */
export interface HttpRequestLike {
  method: string;
  /** Path without the query string, e.g. `/` or `/bucket/key`. */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface HttpResponseLike {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();
export const encodeUtf8 = (s: string): Uint8Array => utf8.encode(s);
export const decodeUtf8 = (b: Uint8Array): string => utf8d.decode(b);

