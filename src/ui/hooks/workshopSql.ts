// The workshop's Activity 2 SQL, exactly as the lab has it. There is one copy: the golden case
// the SQL engine's tests run (and the e2e specs and benchmarks read); the walkthrough offers the
// same text to paste, statement by statement.
import WORKSHOP_SQL from '../../engine/sql/golden/workshop_activity2/app.sql?raw';

export { WORKSHOP_SQL };

/** The script's statements, split at blank lines, each kept byte for byte. */
export const sqlStatements = (script: string): string[] =>
  script
    .split(/\r?\n[ \t]*\r?\n/)
    .map((s) => s.replace(/^\s*\n/, '').replace(/\s+$/, ''))
    .filter((s) => s.trim() !== '');

const [cleanStream, dedupPump, filteredStream, filterPump, aggregateStream, aggregatePump] = sqlStatements(WORKSHOP_SQL);

/** Activity 2's three steps: each creates an in-application stream and the pump that fills it. */
export const WORKSHOP_SQL_STEPS = {
  dedup: { stream: cleanStream, pump: dedupPump },
  filter: { stream: filteredStream, pump: filterPump },
  aggregate: { stream: aggregateStream, pump: aggregatePump },
} as const;
