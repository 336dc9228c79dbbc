import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** S3's XML namespace, on every response document. */
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

/** A response document as S3 writes one: the declaration, then the root element. */
export const xmlDocument = (root: string, body: Record<string, unknown>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: body }) as string}`;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'Object',
});

/** A request document's root element, or undefined when the text is not well-formed XML. */
export const parseXml = (text: string): Record<string, unknown> | undefined => {
  try {
    return parser.parse(text, true) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** S3's timestamps in XML: ISO 8601 with milliseconds. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** S3's timestamps in headers (Last-Modified): RFC 7231. */
export const httpTime = (ms: number): string => new Date(ms).toUTCString();
