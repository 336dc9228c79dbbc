/** Plain helpers for the consumer applications' lease table. */

/** A lag (MillisBehindLatest) as people read it: `0 ms`, `850 ms`, `4.2 s`, `3 min 5 s`; `-` before the first read. */
export const formatLag = (ms: number | undefined): string => {
  if (ms === undefined) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
};

/** Digits of a sequence number shown in a compact cell (its tail: where it differs from its neighbours). */
const TAIL_DIGITS = 8;

/** A checkpoint for a narrow cell: a sequence number's last digits after an ellipsis, the rest as written; `full` for a tooltip or copy. */
export const compactCheckpoint = (c: string | { sequenceNumber: string }): { short: string; full: string } => {
  if (typeof c === 'string') return { short: c, full: c };
  const s = c.sequenceNumber;
  return { short: s.length > TAIL_DIGITS ? `…${s.slice(-TAIL_DIGITS)}` : s, full: s };
};

/** What a lease is doing, in words (the state the engine derives, with its details). */
export type LeaseStateInfo =
  | { state: 'processing'; owner: string }
  | { state: 'waiting-for-parent'; parents: string[] }
  | { state: 'shard-end' }
  | { state: 'unassigned'; heldBy?: string };

export const leaseStateText = (l: LeaseStateInfo): string => {
  switch (l.state) {
    case 'processing':
      return 'Processing';
    case 'waiting-for-parent':
      return `Waiting for parent ${l.parents.join(' and ')}`;
    case 'shard-end':
      return 'Shard end (finished)';
    case 'unassigned':
      return l.heldBy ? `Held by stopped ${l.heldBy} until its lease expires` : 'Unassigned';
    default: {
      const never: never = l;
      return never;
    }
  }
};
