import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { EMULATOR_SNAPSHOT_VERSION, type EmulatorSnapshot } from '../engine/emulator';
import type { VersionedState } from '../engine/module';
import type { ClockState } from './protocol';

/**
 * The whole emulated workshop as one file an instructor can hand out: every service module's
 * snapshot and bulk data (what the saver stores, read through the same module hooks), the clock,
 * and whatever the page adds (the walkthrough's progress). Gzipped JSON. Credentials are never in
 * it: the emulator holds none (the connection store lives in the page).
 */
export const WORKSHOP_FILE_FORMAT = 'kinesis-workshop-export';
/** Bumped when the document's shape changes; a file of a newer version is refused. */
export const WORKSHOP_FILE_VERSION = 1;

export interface WorkshopDocument {
  format: typeof WORKSHOP_FILE_FORMAT;
  version: typeof WORKSHOP_FILE_VERSION;
  /** Wall-clock time of the export (ms). */
  exportedAt: number;
  clock: ClockState;
  /** Module name -> its versioned snapshot. */
  modules: Record<string, VersionedState>;
  /** Module name -> collection key -> items, in the chunks the module wrote. */
  bulk: EmulatorSnapshot['bulk'];
  /** The page's own part (the walkthrough's progress); opaque here. */
  progress?: unknown;
}

/** A file that cannot be imported; the message is for the user. */
export class WorkshopFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkshopFileError';
  }
}

export const encodeWorkshop = (
  snapshot: EmulatorSnapshot,
  clock: ClockState,
  exportedAt: number,
  progress?: unknown,
): Uint8Array => {
  const doc: WorkshopDocument = {
    format: WORKSHOP_FILE_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    exportedAt,
    clock,
    modules: snapshot.services,
    bulk: snapshot.bulk,
    ...(progress === undefined ? {} : { progress }),
  };
  return gzipSync(strToU8(JSON.stringify(doc)));
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a file written by {@link encodeWorkshop}; throws {@link WorkshopFileError} saying what is wrong. */
export const decodeWorkshop = (
  bytes: Uint8Array,
  knownModules: readonly string[],
): { doc: WorkshopDocument; snapshot: EmulatorSnapshot } => {
  // gzip starts with 1f 8b (RFC 1952).
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new WorkshopFileError(
      'This is not a workshop export: the file is not gzip-compressed (an export ends in .json.gz).',
    );
  let text: string;
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch (e) {
    throw new WorkshopFileError(
      `The file could not be decompressed (${e instanceof Error ? e.message : String(e)}); it may be cut short.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkshopFileError('The file is not a workshop export: its content is not JSON.');
  }
  if (!isObject(raw) || raw.format !== WORKSHOP_FILE_FORMAT)
    throw new WorkshopFileError(
      `The file is not a workshop export (its format is not "${WORKSHOP_FILE_FORMAT}").`,
    );
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    throw new WorkshopFileError('The file has no valid export version.');
  if (raw.version > WORKSHOP_FILE_VERSION)
    throw new WorkshopFileError(
      `The file was exported by a newer console (export version ${raw.version}; this console reads version ${WORKSHOP_FILE_VERSION}). Update the console to import it.`,
    );
  if (!isObject(raw.modules) || !isObject(raw.bulk))
    throw new WorkshopFileError('The file is incomplete: it has no service state.');
  if (!isObject(raw.clock) || !Number.isFinite(raw.clock.now) || !(Number(raw.clock.speed) > 0))
    throw new WorkshopFileError('The file is incomplete: its clock is missing or invalid.');
  if (typeof raw.exportedAt !== 'number')
    throw new WorkshopFileError('The file is incomplete: it does not say when it was exported.');
  const unknown = [...Object.keys(raw.modules), ...Object.keys(raw.bulk)].filter(
    (m) => !knownModules.includes(m),
  );
  if (unknown.length > 0)
    throw new WorkshopFileError(
      `The file holds state of services this console does not emulate: ${[...new Set(unknown)].join(', ')}.`,
    );
  for (const [name, state] of Object.entries(raw.modules)) {
    if (!isObject(state) || typeof state.version !== 'number')
      throw new WorkshopFileError(`The file's ${name} state has no version.`);
  }
  const doc = raw as unknown as WorkshopDocument;
  return { doc, snapshot: { version: EMULATOR_SNAPSHOT_VERSION, services: doc.modules, bulk: doc.bulk } };
};
