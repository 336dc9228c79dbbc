import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { useCallback, useMemo } from 'react';
import { create } from 'zustand';
import { RealClock } from '../../engine/common/clock';
import { SeededRng } from '../../engine/common/rng';
import type { GeneratorStats, PartitionKeyStrategy } from '../../engine/generator/run';
import { validateRate } from '../../engine/generator/run';
import { checkTemplate, compileTemplate, TemplateError, TemplateRenderer } from '../../engine/generator/template';
import { emulatorClient } from '../../worker/client';
import { generatorClient } from '../../worker/generatorClient';
import type { GeneratorJob, JobRejection } from '../../worker/generatorProtocol';
import { describeError, type ShownError } from './errors';
import { useServices } from './services';

export type { GeneratorStats, JobRejection, PartitionKeyStrategy };

/** A template problem, placed: 1-based line and column. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

/** Every problem in a template, in source order (empty when it compiles). */
export const templateProblems = (source: string): TemplateProblem[] =>
  checkTemplate(source).map((e) => ({ line: e.line, column: e.column, message: e.message }));

export type Preview = { ok: true; records: string[] } | { ok: false; problem: TemplateProblem };

/** `count` sample records from a template; the same seed gives the same records. */
export const previewRecords = (source: string, seed: number, count = 5): Preview => {
  try {
    const renderer = new TemplateRenderer(compileTemplate(source), { clock: new RealClock(), rng: new SeededRng(seed) });
    const records: string[] = [];
    for (let i = 0; i < count; i++) records.push(renderer.render());
    return { ok: true, records };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, problem: { line: e.line, column: e.column, message: e.message } };
    throw e;
  }
};

/** The rate field's problem, or undefined when it holds a rate the generator accepts. */
export const rateProblem = (text: string): string | undefined => {
  try {
    validateRate(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

/** The record-limit field's problem (empty means no limit). */
export const limitProblem = (text: string): string | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? undefined : 'The number of records must be a whole number greater than 0, or empty for no limit';
};

/** What the page shows about the current (or last) run. */
interface RunState {
  stream?: string;
  stats?: GeneratorStats;
  rejection?: JobRejection;
  error?: ShownError;
  starting: boolean;
  /** When the stream last answered with ProvisionedThroughputExceededException (page time). */
  throttledAt?: number;
  set(p: Partial<RunState>): void;
}

// Module scope: the run goes on in its worker while the user looks at another page.
const useRunStore = create<RunState>((set) => ({ starting: false, set: (p) => set(p) }));

/** Throttling shown for this long after the last throttled record. */
export const THROTTLE_HOLD_MS = 3000;
const THROTTLED = 'ProvisionedThroughputExceededException';

export interface GeneratorForm {
  stream: string;
  templates: { name: string; source: string; weight: number }[];
  rate: string;
  limit: string;
  partitionKey: PartitionKeyStrategy;
  newline: boolean;
  gzip: boolean;
}

/** The generator: start and stop a run, and its live counters (from the generator worker). */
export const useGenerator = () => {
  const { kinesis, settings } = useServices();
  const state = useRunStore();
  const client = useMemo(
    () =>
      generatorClient((port) => emulatorClient().connectPort(port), (job) => (batch) =>
        kinesis.send(new PutRecordsCommand({ StreamName: job.stream, Records: batch })),
      ),
    [kinesis],
  );

  const start = useCallback(
    async (form: GeneratorForm) => {
      const set = useRunStore.getState().set;
      const job: GeneratorJob = {
        stream: form.stream,
        templates: form.templates,
        rate: form.rate,
        limit: form.limit.trim() ? Number(form.limit) : undefined,
        partitionKey: form.partitionKey,
        newline: form.newline,
        gzip: form.gzip,
        connection: settings,
      };
      set({ starting: true, rejection: undefined, error: undefined, stats: undefined, throttledAt: undefined, stream: form.stream });
      try {
        const result = await client.start(job, (stats) => {
          const prev = useRunStore.getState();
          const throttled =
            stats.lastError?.code === THROTTLED && stats.failed > (prev.stats?.failed ?? 0) ? Date.now() : prev.throttledAt;
          useRunStore.getState().set({ stats, throttledAt: throttled });
        });
        set({ starting: false, ...(result.ok ? {} : { rejection: result.rejection }) });
      } catch (e) {
        set({ starting: false, error: describeError(e) });
      }
    },
    [client, settings],
  );

  const stop = useCallback(() => client.stop('Stopped by the user'), [client]);

  const running = state.starting || state.stats?.state === 'running';
  const throttling = running && state.throttledAt !== undefined && Date.now() - state.throttledAt < THROTTLE_HOLD_MS;
  return {
    start,
    stop,
    running,
    stream: state.stream,
    stats: state.stats,
    rejection: state.rejection,
    error: state.error,
    throttling,
    everThrottled: state.throttledAt !== undefined,
    inWorker: client.kind === 'worker',
  };
};
