/*
 * Figures about the emulator's stored records that the page needs too (the storage dialog).
 * They live apart from host.ts so the page can use them without loading the engine.
 */

export const MiB = 1024 * 1024;
/** The cap on record bytes a fresh console starts with. */
export const DEFAULT_RECORD_CAP = 256 * MiB;
export const MIN_RECORD_CAP = MiB;

export const formatBytes = (n: number): string =>
  n >= 1024 * MiB ? `${+(n / (1024 * MiB)).toFixed(2)} GiB` : n >= MiB ? `${+(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
