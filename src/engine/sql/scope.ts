import type { Expr } from './ast';
import { analysisError } from './errors';
import type { SqlType } from './types';

/** One column visible to an expression: where it sits in the input row, and the names that reach it. */
export interface Field {
  name: string;
  type: SqlType;
  index: number;
  /** Stream name and alias that may qualify it (`ctrail.ROWTIME`). */
  qualifiers: string[];
  /** ROWTIME and APPROXIMATE_ARRIVAL_TIME: selectable by name, not part of `*`. */
  hidden: boolean;
  /** A subquery column that is its ROWTIME under another name (`rowtime AS window_time`): equal to the row's ROWTIME, so monotonic. */
  rowtimeCopy?: boolean;
}

/** Qualifier prefix of a column reference by position (internal, from `*`). */
export const BY_INDEX = '\u0000#';

type ColumnExpr = Extract<Expr, { kind: 'Column' }>;

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/**
 * The closest candidate: first one equal ignoring case (the usual quoting mistake, `sensorId`
 * folded to SENSORID), else the nearest by edit distance within a third of the name's length.
 */
export function didYouMean(name: string, candidates: string[]): string | undefined {
  const ci = candidates.find((c) => c.toUpperCase() === name.toUpperCase());
  if (ci) return ci;
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const dist = editDistance(name.toUpperCase(), c.toUpperCase());
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best;
}

/** How a name is written back in a message: quoted when SQL would need the quotes. */
export const sqlName = (n: string) => (/^[A-Z_][A-Z0-9_$#]*$/.test(n) ? n : `"${n.replace(/"/g, '""')}"`);

export class Scope {
  constructor(readonly fields: Field[]) {}

  /** Resolves a column reference; throws an analysis error (Calcite's texts) with a hint if unknown. */
  resolve(c: ColumnExpr): Field {
    const q = c.qualifier?.value;
    const name = c.name.value;
    // Columns made by `*` expansion carry their position, so equal names from two joined streams stay apart.
    if (q !== undefined && q.startsWith(BY_INDEX)) return this.fields[Number(q.slice(BY_INDEX.length))];
    const inScope = q === undefined ? this.fields : this.fields.filter((f) => f.qualifiers.includes(q));
    if (q !== undefined && inScope.length === 0) {
      const hint = didYouMean(q, [...new Set(this.fields.flatMap((f) => f.qualifiers))]);
      throw analysisError(`Table '${q}' not found${hint ? `; did you mean ${sqlName(hint)}?` : ''}`, c.qualifier!.loc);
    }
    const matches = inScope.filter((f) => f.name === name);
    if (matches.length === 1 || (matches.length > 1 && matches[0].index === 0)) return matches[0];
    if (matches.length > 1) throw analysisError(`Column '${name}' is ambiguous`, c.loc);
    const hint = didYouMean(name, [...new Set(inScope.map((f) => f.name))]);
    const where = q !== undefined ? ` in table '${q}'` : ' in any table';
    throw analysisError(`Column '${name}' not found${where}${hint ? `; did you mean ${sqlName(hint)}?` : ''}`, c.name.loc);
  }

  /** The columns `*` (or `alias.*`) expands to. */
  star(qualifier?: string): Field[] {
    return this.fields.filter((f) => !f.hidden && (qualifier === undefined || f.qualifiers.includes(qualifier)));
  }
}
