import { useCallback, useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { sendBatchFor } from '../../aws/generatorSend';
import { VirtualClock } from '../../engine/common/clock';
import { SeededRng } from '../../engine/common/rng';
import type { GeneratorStats, PartitionKeyStrategy } from '../../engine/generator/run';
import { validateRate } from '../../engine/generator/run';
import {
  checkTemplate,
  compileTemplate,
  EMPTY_TEMPLATE,
  isBlankTemplate,
  jsonLookalikeProblem,
  TemplateError,
  TemplateRenderer,
  templatePlaceOf,
} from '../../engine/generator/template';
import { emulatorClient } from '../../worker/client';
import { generatorClient, type GeneratorClient } from '../../worker/generatorClient';
import type { GeneratorJob, GeneratorTarget, JobRejection, StartResult } from '../../worker/generatorProtocol';
import { tabStorage } from '../state/connection';
import { useNotificationStore } from '../state/notifications';
import { describeError, type ShownError } from './errors';
import type { BackfillRange, PeriodicRate } from './generatorRate';
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
  isBlankTemplate(source)
    ? [{ line: 1, column: 1, message: EMPTY_TEMPLATE }]
    : checkTemplate(source).map((e) => ({ line: e.line, column: e.column, message: e.message }));

/**
 * A warning (not a blocker) for a template whose records look like JSON but are not: they would
 * spoil schema discovery in Activity 2. Read off a sample record; `line`/`column` place it in that
 * record, `templateLine`/`templateColumn` in the template (the text, or the helper, it comes from).
 */
export const jsonWarning = (
  source: string,
  now: number,
): (TemplateProblem & { record: string; templateLine: number; templateColumn: number }) | undefined => {
  let sample: { record: string; values: string[] };
  try {
    sample = new TemplateRenderer(compileTemplate(source), { clock: new VirtualClock(now), rng: new SeededRng(1) }).renderTraced();
  } catch (e) {
    if (e instanceof TemplateError) return undefined;
    throw e;
  }
  const problem = jsonLookalikeProblem(sample.record);
  if (!problem) return undefined;
  const at = templatePlaceOf(source, sample.values, problem.offset);
  return { line: problem.line, column: problem.column, message: problem.message, record: sample.record, templateLine: at.line, templateColumn: at.column };
};

export type Preview = { ok: true; records: string[] } | { ok: false; problem: TemplateProblem };

/**
 * `count` sample records from a template; the same seed gives the same records. `now` is the
 * services' time (the emulator's in emulated mode, see useServiceTime) that date helpers read.
 */
export const previewRecords = (source: string, seed: number, count = 5, now: number = Date.now()): Preview => {
  try {
    const renderer = new TemplateRenderer(compileTemplate(source), { clock: new VirtualClock(now), rng: new SeededRng(seed) });
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

/**
 * A run in progress as this browser tab keeps it (sessionStorage, which a reload keeps and
 * closing the tab drops), so a reload can resume it with its counters. Never the credentials:
 * a resumed run uses the console's connection as it is after the reload.
 */
export interface SavedRun {
  job: Omit<GeneratorJob, 'connection' | 'clock' | 'resume'>;
  mode: GeneratorJob['connection']['mode'];
  stats: GeneratorStats;
}

const RUN_KEY = 'kwc.generator.run';

export const runStorage = {
  save(run: SavedRun): void {
    try {
      tabStorage()?.setItem(RUN_KEY, JSON.stringify(run));
    } catch {
      // full or refused: a reload then cannot resume, which the page says
    }
  },
  load(): SavedRun | undefined {
    try {
      const text = tabStorage()?.getItem(RUN_KEY);
      const run = text ? (JSON.parse(text) as SavedRun) : undefined;
      return run?.job && run.stats?.state === 'running' ? run : undefined;
    } catch {
      return undefined;
    }
  },
  clear(): void {
    tabStorage()?.removeItem(RUN_KEY);
  },
};

/** What the page shows about the current (or last) run. */
interface RunState {
  stream?: string;
  target?: GeneratorTarget;
  stats?: GeneratorStats;
  rejection?: JobRejection;
  error?: ShownError;
  starting: boolean;
  /** A run a page reload cut off and that could not carry on by itself: what it had done, and why. */
  interrupted?: { run: SavedRun; reason: string };
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
  /** A Kinesis data stream (the default) or a Firehose delivery stream. */
  target?: GeneratorTarget;
  templates: { name: string; source: string; weight: number }[];
  rate: string;
  /** KDG's Periodic rate instead of `rate`. */
  periodic?: PeriodicRate;
  /** Simulated time instead of the clock's. */
  backfill?: BackfillRange;
  limit: string;
  partitionKey: PartitionKeyStrategy;
  newline: boolean;
  gzip: boolean;
}

/** Whether the generator follows the emulator's restarts already (it is made once per page). */
let relinks = false;

/**
 * The page's one generator client (in its worker), linked to the page's one emulator, and linked
 * again to each emulator worker that replaces one that stopped (its calls in flight are retried there).
 */
const useGeneratorClient = (): GeneratorClient => {
  const clients = useServices();
  return useMemo(() => {
    const client = generatorClient((port) => emulatorClient().connectPort(port), (job) => sendBatchFor(clients, job));
    if (!relinks) {
      relinks = true;
      emulatorClient().onRestart((e) => e.restarted && client.reconnect());
    }
    return client;
  }, [clients]);
};

/**
 * Starts `job` on `client` (on the emulator's clock in emulated mode) and keeps the page's view
 * of it, and this tab's saved copy, up to date.
 */
const runJob = async (client: GeneratorClient, job: GeneratorJob, resumed?: GeneratorStats): Promise<StartResult['ok']> => {
  const set = useRunStore.getState().set;
  set({
    starting: true,
    rejection: undefined,
    error: undefined,
    interrupted: undefined,
    // a resumed run shows its counters from the start, not zeros
    stats: resumed && { ...resumed, state: 'running', stopReason: undefined },
    throttledAt: undefined,
    stream: job.stream,
    target: job.target ?? 'kinesis',
  });
  const { connection: _c, clock: _k, resume: _r, ...saved } = job;
  try {
    if (job.connection.mode === 'emulated') job = { ...job, clock: await emulatorClient().console.clockReading() };
    const result = await client.start(job, (stats) => {
      const prev = useRunStore.getState();
      const throttled =
        stats.lastError?.code === THROTTLED && stats.failed > (prev.stats?.failed ?? 0) ? Date.now() : prev.throttledAt;
      useRunStore.getState().set({ stats, throttledAt: throttled });
      if (stats.state === 'running') runStorage.save({ job: saved, mode: job.connection.mode, stats });
      else runStorage.clear();
    });
    set({ starting: false, ...(result.ok ? {} : { rejection: result.rejection }) });
    return result.ok;
  } catch (e) {
    set({ starting: false, error: describeError(e) });
    return false;
  }
};

/**
 * Starting, stopping and resuming a run, without its state: a component that only acts on the
 * generator (the walkthrough's actions, clean-up) does not re-render with every counter update.
 */
export const useGeneratorControls = () => {
  const { settings } = useServices();
  const client = useGeneratorClient();

  const start = useCallback(
    (form: GeneratorForm) =>
      runJob(client, {
        stream: form.stream,
        target: form.target,
        templates: form.templates,
        rate: form.rate,
        periodic: form.periodic,
        backfill: form.backfill,
        limit: form.limit.trim() ? Number(form.limit) : undefined,
        partitionKey: form.partitionKey,
        newline: form.newline,
        gzip: form.gzip,
        connection: settings,
      }),
    [client, settings],
  );

  /** Carries on a run a reload cut off, from its counters. */
  const resume = useCallback(() => {
    const cut = useRunStore.getState().interrupted;
    if (cut) void runJob(client, { ...cut.run.job, connection: settings, resume: cut.run.stats }, cut.run.stats);
  }, [client, settings]);

  const stop = useCallback(() => client.stop('Stopped by the user'), [client]);
  const dismissInterrupted = useCallback(() => {
    runStorage.clear();
    useRunStore.getState().set({ interrupted: undefined });
  }, []);

  return { start, stop, resume, dismissInterrupted, inWorker: client.kind === 'worker' };
};

/** The generator's controls and its run's full state (counters included: re-renders with each update). */
export const useGenerator = () => {
  const controls = useGeneratorControls();
  const state = useRunStore();
  const running = state.starting || state.stats?.state === 'running';
  const throttling = running && state.throttledAt !== undefined && Date.now() - state.throttledAt < THROTTLE_HOLD_MS;
  return {
    ...controls,
    running,
    stream: state.stream,
    target: state.target,
    stats: state.stats,
    rejection: state.rejection,
    error: state.error,
    interrupted: state.interrupted,
    throttling,
    everThrottled: state.throttledAt !== undefined,
  };
};

/**
 * The current (or last) run's destination, rate and whether anything was acknowledged, read
 * without starting a generator client. Only these few values: a reader re-renders when one
 * changes, not with every counter update.
 */
export const useGeneratorRun = () => {
  const stream = useRunStore((s) => s.stream);
  const target = useRunStore((s) => s.target);
  const targetRate = useRunStore((s) => s.stats?.targetRate ?? 0);
  const anyAcknowledged = useRunStore((s) => (s.stats?.acknowledged ?? 0) > 0);
  const running = useRunStore((s) => s.starting || s.stats?.state === 'running');
  return { stream, target, targetRate, anyAcknowledged, running };
};

/** The same values read once, now (for code that waits on a run rather than renders it). */
export const generatorRunNow = () => {
  const s = useRunStore.getState();
  return {
    stream: s.stream,
    target: s.target,
    targetRate: s.stats?.targetRate ?? 0,
    anyAcknowledged: (s.stats?.acknowledged ?? 0) > 0,
    running: s.starting || s.stats?.state === 'running',
    problem: s.rejection?.message ?? (s.error ? `${s.error.type}: ${s.error.message}` : undefined),
  };
};

/** Once per page load: the saved run is looked at once, however often the hook mounts. */
let resumeChecked = false;

/**
 * A run that was going when the page reloaded carries on, with its counters, on whatever page
 * the console opens. If it cannot (the console is connected elsewhere now, the stream is gone),
 * the Generator page says the run was interrupted, with what was acknowledged, and offers to resume.
 */
export const useResumeGeneratorRun = () => {
  const { settings } = useServices();
  const client = useGeneratorClient();
  const push = useNotificationStore((s) => s.push);
  useEffect(() => {
    if (resumeChecked) return;
    resumeChecked = true;
    const run = runStorage.load();
    if (!run) return;
    const set = useRunStore.getState().set;
    const acked = run.stats.acknowledged.toLocaleString('en-US');
    const interrupted = { ...run.stats, state: 'stopped' as const, stopReason: 'Interrupted by a page reload' };
    if (run.mode !== settings.mode) {
      // AWS credentials are not kept unless the user asked: after a reload the console may be emulated again.
      const was = run.mode === 'aws' ? 'to AWS' : 'to the emulator';
      set({ stream: run.job.stream, stats: interrupted, interrupted: { run, reason: `the run sent ${was}, and the console is not connected ${was} now` } });
      return;
    }
    void runJob(client, { ...run.job, connection: settings, resume: run.stats }, run.stats).then((ok) => {
      if (ok) {
        push({ type: 'info', header: 'Data generator', content: `The run to ${run.job.stream} carries on after the page reload, from ${acked} acknowledged records.` });
        return;
      }
      const now = useRunStore.getState();
      set({ stats: interrupted, interrupted: { run, reason: now.rejection?.message ?? now.error?.message ?? 'it could not be restarted' } });
    });
  }, [client, settings, push]);
};
