import { base64ToBytes } from '../../engine/common/base64';
/** How the data viewer shows a record's bytes: as text (JSON pretty-printed) and as Base64. */
export interface DecodedData {
  /** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
  text?: string;
  /** Pretty-printed JSON when the text parses as a JSON object or array. */
  json?: string;
  base64: string;
  size: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const toBase64 = (bytes: Uint8Array): string => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};

export const decodeData = (bytes: Uint8Array): DecodedData => {
  let text: string | undefined;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = undefined;
  }
  let json: string | undefined;
  const t = text?.trim();
  if (t && (t.startsWith('{') || t.startsWith('['))) {
    try {
      json = JSON.stringify(JSON.parse(t), null, 2);
    } catch {
      json = undefined;
    }
  }
  return { text, json, base64: toBase64(bytes), size: bytes.length };
};

/** A record's Data as the JSON protocol carries it (Base64), decoded for the viewer. */
export const decodeBase64Data = (data: string): DecodedData => decodeData(base64ToBytes(data));
