import type { Clock } from '../../common/clock';
import type { Rng } from '../../common/rng';
import type { FromItem, Statement } from '../ast';
import { SqlCompileError } from '../errors';
import type { ErrorReporter } from '../operators/operator';
import type { ParsedScript } from '../parser';
import { planSelect, type QueryPlan, type StreamDef } from '../planner';
import type { Scope } from '../scope';
import { T } from '../types';
import { selectsOf, type AnalysisContext, type Rule } from './context';
import { rules as allRules } from './rules';

export interface AnalyzeOptions {
  clock: Clock;
  rng?: Rng;
  /** Where each pump's run-time errors go (bare queries are named QUERY_1, QUERY_2, ...); diagnostics alone need none. */
  reporter?: (pumpName: string) => ErrorReporter;
  /** The rules to run (all registered ones unless given: tests run one at a time). */
  rules?: Rule[];
}

export interface StatementAnalysis {
  statement: Statement;
  /** The pump's name, or QUERY_n for a bare query. */
  name?: string;
  /** Its plan, built once here and used by the application as it is. */
  plan?: QueryPlan;
  /** What the rules reported. */
  ruleErrors: SqlCompileError[];
  /** The error planning stopped at, unless a rule reported the same. */
  planError?: SqlCompileError;
  /** Not analysed: it names a stream whose CREATE has a syntax error (reporting it unknown would be noise). */
  skipped: boolean;
}

export interface ScriptAnalysis {
  statements: StatementAnalysis[];
  /** Every error of every statement, sorted by position, one per problem. */
  errors: SqlCompileError[];
}

const noReport: ErrorReporter = () => {};

const streamDefOf = (st: Extract<Statement, { kind: 'CreateStream' }>): StreamDef => ({
  name: st.name.value,
  columns: [{ name: 'ROWTIME', type: T.TIMESTAMP, hidden: true }, ...st.columns.map((c) => ({ name: c.name.value, type: c.type }))],
});

/** The streams a statement reads or writes. */
function streamsNamed(st: Statement): string[] {
  if (st.kind === 'CreateStream') return [];
  const names = st.kind === 'CreatePump' ? [st.target.value] : [];
  const visit = (f: FromItem) => {
    if (f.kind === 'StreamRef') names.push(f.name.value);
    if (f.kind === 'Join') {
      visit(f.left);
      visit(f.right);
    }
  };
  for (const q of selectsOf(st)) visit(q.from);
  return names;
}

/**
 * One pass over the parsed statements, in script order, each seeing the streams declared before it:
 * plan the statement's query once, then run every rule with the plan's findings. A planning error
 * is reported unless a rule already reported the same problem at the same place.
 */
export function analyzeScript(parsed: Pick<ParsedScript, 'statements'> & { broken?: string[] }, initial: Map<string, StreamDef>, opts: AnalyzeOptions): ScriptAnalysis {
  const catalog = new Map(initial);
  const pumps = new Set<string>();
  const broken = new Set(parsed.broken ?? []);
  const rules = opts.rules ?? allRules;
  const out: StatementAnalysis[] = [];
  const errors: SqlCompileError[] = [];
  let queries = 0;
  for (const st of parsed.statements) {
    const name = st.kind === 'CreatePump' ? st.name.value : st.kind === 'Query' ? `QUERY_${++queries}` : undefined;
    const result: StatementAnalysis = { statement: st, name, ruleErrors: [], skipped: false };
    out.push(result);
    if (streamsNamed(st).some((n) => broken.has(n) && !catalog.has(n))) result.skipped = true;
    else {
      const scopes = new Map<import('../ast').Select, Scope>();
      if (st.kind !== 'CreateStream') {
        try {
          result.plan = planSelect(st.query, { streams: new Map(catalog), clock: opts.clock, rng: opts.rng, report: opts.reporter?.(name!) ?? noReport, scopes });
        } catch (e) {
          if (!(e instanceof SqlCompileError)) throw e;
          result.planError = e;
        }
      }
      const ctx: AnalysisContext = { catalog, pumps, clock: opts.clock, plan: result.plan, scopeOf: (q) => scopes.get(q) };
      const seen = new Set<string>();
      for (const rule of rules)
        for (const e of rule.check(st, ctx)) {
          const k = `${e.loc.offset}:${e.message}`;
          if (seen.has(k)) continue;
          seen.add(k);
          result.ruleErrors.push(e);
        }
      if (result.planError && seen.has(`${result.planError.loc.offset}:${result.planError.message}`)) result.planError = undefined;
      errors.push(...result.ruleErrors, ...(result.planError ? [result.planError] : []));
    }
    if (st.kind === 'CreateStream') catalog.set(st.name.value, streamDefOf(st));
    if (st.kind === 'CreatePump') pumps.add(st.name.value);
  }
  return { statements: out, errors: errors.sort((a, b) => a.loc.offset - b.loc.offset) };
}

export { streamDefOf };
