// The text the walkthrough offers to paste. The SQL has one copy each: the golden case the SQL
// engine's tests run (and the e2e specs and benchmarks read), so what the steps offer is proven
// to run. The Activity 2 SQL is the lab's, verbatim; the two other scenarios' SQL and generator
// templates sit beside their golden cases.
import WORKSHOP_SQL from '../../engine/sql/golden/workshop_activity2/app.sql?raw';
import CLOUDTRAIL_SQL from '../../engine/sql/golden/scenario_cloudtrail_calls_per_ip/app.sql?raw';
import CLOUDTRAIL_TEMPLATE from '../../engine/sql/golden/scenario_cloudtrail_calls_per_ip/template.txt?raw';
import CLICKSTREAM_SQL from '../../engine/sql/golden/scenario_clickstream_anomaly_score/app.sql?raw';
import CLICKSTREAM_TEMPLATE from '../../engine/sql/golden/scenario_clickstream_anomaly_score/template.txt?raw';

export { WORKSHOP_SQL, CLOUDTRAIL_SQL, CLOUDTRAIL_TEMPLATE, CLICKSTREAM_SQL, CLICKSTREAM_TEMPLATE };

/** The script's statements, split at blank lines, each kept byte for byte. */
export const sqlStatements = (script: string): string[] =>
  script
    .split(/\r?\n[ \t]*\r?\n/)
    .map((s) => s.replace(/^\s*\n/, '').replace(/\s+$/, ''))
    .filter((s) => s.trim() !== '');

/** An in-application stream and the pump that fills it, as pasted in one step, with their names. */
export interface SqlStep {
  stream: string;
  pump: string;
  /** The pump's name and the stream it inserts into, as the pump statement spells them (unquoted). */
  pumpName: string;
  into: string;
}

/** A script of stream, pump, stream, pump, ... as its steps, in order. */
const pairs = (script: string): SqlStep[] => {
  const s = sqlStatements(script);
  return Array.from({ length: s.length / 2 }, (_, i) => {
    const m = /PUMP\s+"?([\w$]+)"?\s+AS\s+INSERT\s+INTO\s+"?([\w$]+)"?/i.exec(s[2 * i + 1]);
    return { stream: s[2 * i], pump: s[2 * i + 1], pumpName: m?.[1] ?? '', into: m?.[2] ?? '' };
  });
};

const [dedup, filter, aggregate] = pairs(WORKSHOP_SQL);
/** Activity 2's three steps: each creates an in-application stream and the pump that fills it. */
export const WORKSHOP_SQL_STEPS = { dedup, filter, aggregate } as const;

const [perIp, byEventTime, topCalls] = pairs(CLOUDTRAIL_SQL);
/** The CloudTrail scenario's three analyses: calls per IP by ROWTIME, by event time, and the top 10 calls. */
export const CLOUDTRAIL_SQL_STEPS = { perIp, byEventTime, topCalls } as const;

const [score, anomalies] = pairs(CLICKSTREAM_SQL);
/** The clickstream scenario's two steps: every click scored, then the unusual ones. */
export const CLICKSTREAM_SQL_STEPS = { score, anomalies } as const;

/** The SQL of `steps` up to and including the k-th (from 0), statements as offered, one blank line apart. */
export const sqlUpTo = (steps: readonly SqlStep[], k: number): string =>
  steps
    .slice(0, k + 1)
    .flatMap((s) => [s.stream, s.pump])
    .join('\n\n');
