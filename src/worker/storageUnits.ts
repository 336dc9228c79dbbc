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
