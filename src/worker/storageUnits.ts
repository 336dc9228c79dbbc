/*
 * Figures about the emulator's stored records: the one definition for the worker host, the Node
 * server and the page (the storage dialog). They live apart from host.ts and the engine so the page
 * can use them without loading either.
 */

export const MiB = 1024 * 1024;
/** The cap on record bytes a fresh console starts with. */
export const DEFAULT_RECORD_CAP = 256 * MiB;
export const MIN_RECORD_CAP = MiB;
/** Over the cap, records go until this share of it is left, so a steady writer is trimmed in batches. */
export const CAP_LOW_WATER = 0.9;

export const formatBytes = (n: number): string =>
  n >= 1024 * MiB ? `${+(n / (1024 * MiB)).toFixed(2)} GiB` : n >= MiB ? `${+(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`;

/** What each storing service's items are called, in the order the console lists them. */
export const STORED_ITEMS: ReadonlyArray<{ service: string; title: string; one: string; many: string }> = [
  { service: 'kinesis', title: 'Kinesis Data Streams', one: 'Kinesis record', many: 'Kinesis records' },
  { service: 's3', title: 'S3', one: 'S3 object', many: 'S3 objects' },
  { service: 'firehose', title: 'Firehose', one: 'Firehose record held for a reading application', many: 'Firehose records held for reading applications' },
];

/** "1,200 Kinesis records (1.2 MiB) and 3 S3 objects (12 KiB)": what a trim dropped, per service, in words. */
export const droppedInWords = (services: Readonly<Record<string, { records: number; bytes: number }>>): string => {
  const known = new Set(STORED_ITEMS.map((i) => i.service));
  const parts = [
    ...STORED_ITEMS.map((i) => ({ ...i, d: services[i.service] })),
    ...Object.keys(services)
      .filter((s) => !known.has(s))
      .map((s) => ({ one: `${s} item`, many: `${s} items`, d: services[s] })),
  ]
    .filter(({ d }) => d !== undefined && d.records > 0)
    .map(({ one, many, d }) => `${d!.records.toLocaleString('en-US')} ${d!.records === 1 ? one : many} (${formatBytes(d!.bytes)})`);
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
};
