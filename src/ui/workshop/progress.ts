import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { localOrMemory } from '../hooks/useGeneratorTemplates';
import type { Check, Remembered, WorkshopSnapshot } from './detectors';
import { DEFAULT_SCENARIO, SCENARIOS, scenarioById, type ScenarioId } from './scenarios';
import type { WorkshopStep } from './steps';

/** A ticked step: when, and what the console saw then. */
export interface Ticked {
  at: number;
  detail: string;
  manual?: boolean;
}

export interface Progress {
  ticked: Record<string, Ticked>;
  remembered: Remembered;
}

export interface Evaluation {
  /** Each step's check as of this snapshot (a ticked step keeps its tick whatever it says now). */
  checks: Record<string, Check>;
  /** Steps that tick now, in order, with the names they teach the walkthrough. */
  newlyTicked: { id: string; detail: string; remember?: Remembered }[];
  remembered: Remembered;
}

/**
 * Runs every automatic step's detector over the snapshot, in step order, so a step that ticks
 * now (and the names it remembers) counts for the steps after it in the same pass. Once ticked a
 * step stays ticked: later states (a stream deleted at clean-up) never untick it.
 */
export const evaluate = (steps: readonly WorkshopStep[], snapshot: WorkshopSnapshot, progress: Progress): Evaluation => {
  let remembered = { ...progress.remembered };
  const done = new Set(Object.keys(progress.ticked));
  const checks: Record<string, Check> = {};
  const newlyTicked: Evaluation['newlyTicked'] = [];
  for (const step of steps) {
    if (step.check.kind !== 'auto') continue;
    const c = step.check.detector(snapshot, { remembered, done });
    checks[step.id] = c;
    if (c.done && !done.has(step.id)) {
      done.add(step.id);
      newlyTicked.push({ id: step.id, detail: c.detail, remember: c.remember });
      // A name is learned once: a later step never changes the stream 1-A ticked with.
      remembered = { ...c.remember, ...remembered };
    }
  }
  return { checks, newlyTicked, remembered };
};

/** The first step not ticked: the one the walkthrough opens. */
export const currentStep = (steps: readonly WorkshopStep[], ticked: Record<string, Ticked>): WorkshopStep | undefined =>
  steps.find((s) => !ticked[s.id]);

interface ProgressState extends Progress {
  apply(e: Evaluation, now: number): void;
  markDone(id: string, now: number): void;
  /** Learns names a step made for the user (names already learned stay). */
  remember(r: Remembered): void;
  reset(): void;
}

/** The immersion day's progress, under the key it has always had (progress from before the other scenarios loads as it was). */
export const PROGRESS_KEY = 'kwc.workshop.progress';

/** Where a scenario's progress is kept: the immersion day's key, or that key with the scenario's id. */
export const progressKey = (scenario: string): string => (scenario === DEFAULT_SCENARIO ? PROGRESS_KEY : `${PROGRESS_KEY}.${scenario}`);

/** A walkthrough's progress, kept across reloads in localStorage under `key`. */
const createProgressStore = (key: string) =>
  create<ProgressState>()(
    persist(
      (set) => ({
        ticked: {},
        remembered: {},
        apply: (e, now) =>
          set((s) => {
            if (e.newlyTicked.length === 0) return s;
            const ticked = { ...s.ticked };
            for (const t of e.newlyTicked) ticked[t.id] ??= { at: now, detail: t.detail };
            return { ticked, remembered: { ...e.remembered, ...s.remembered } };
          }),
        markDone: (id, now) => set((s) => (s.ticked[id] ? s : { ticked: { ...s.ticked, [id]: { at: now, detail: 'Marked as done.', manual: true } } })),
        remember: (r) => set((s) => ({ remembered: { ...r, ...s.remembered } })),
        reset: () => set({ ticked: {}, remembered: {} }),
      }),
      {
        name: key,
        version: 1,
        storage: createJSONStorage(localOrMemory),
        partialize: (s) => ({ ticked: s.ticked, remembered: s.remembered }),
      },
    ),
  );

export type ProgressStore = ReturnType<typeof createProgressStore>;

/** The immersion day's progress (what a workshop export carries). */
export const useProgressStore = createProgressStore(PROGRESS_KEY);

const stores = new Map<string, ProgressStore>([[DEFAULT_SCENARIO, useProgressStore]]);

/** Each scenario's own progress: switching scenarios keeps every one's ticks and names. */
export const progressStore = (scenario: string): ProgressStore => {
  let s = stores.get(scenario);
  if (!s) stores.set(scenario, (s = createProgressStore(progressKey(scenario))));
  return s;
};

interface ScenarioState {
  scenario: ScenarioId;
  select(id: ScenarioId): void;
}

/** The scenario the Workshop page and the walkthrough panel follow, kept across reloads. */
export const useScenarioStore = create<ScenarioState>()(
  persist((set) => ({ scenario: DEFAULT_SCENARIO, select: (scenario) => set({ scenario }) }), {
    name: 'kwc.workshop.scenario',
    version: 1,
    storage: createJSONStorage(localOrMemory),
    partialize: (s) => ({ scenario: s.scenario }),
    // A stored id this build does not know falls back to the immersion day.
    merge: (stored, current) => ({ ...current, scenario: scenarioById((stored as Partial<ScenarioState> | undefined)?.scenario ?? DEFAULT_SCENARIO).id }),
  }),
);

/** The selected scenario's progress store, read now (for code that runs outside rendering). */
export const selectedProgress = (): ProgressStore => progressStore(useScenarioStore.getState().scenario);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Progress as carried in a workshop export: read back only when it has the shape written; anything else is nothing. */
export const readProgress = (value: unknown): Progress | undefined => {
  if (!isRecord(value) || !isRecord(value.ticked) || !isRecord(value.remembered)) return undefined;
  const ticked: Record<string, Ticked> = {};
  for (const [id, t] of Object.entries(value.ticked)) {
    if (!isRecord(t) || typeof t.at !== 'number' || typeof t.detail !== 'string') continue;
    ticked[id] = { at: t.at, detail: t.detail, ...(t.manual === true ? { manual: true } : {}) };
  }
  const remembered = Object.fromEntries(Object.entries(value.remembered).filter(([, v]) => typeof v === 'string')) as Remembered;
  return { ticked, remembered };
};

/**
 * What a workshop export carries of the walkthrough: the immersion day's progress at the top level
 * (as files from before the other scenarios have it), every other scenario's under `scenarios`,
 * and which scenario was open.
 */
export interface ExportedProgress extends Progress {
  scenarios?: Record<string, Progress>;
  scenario?: string;
}

/** Every scenario's progress, read now, as an export carries it. */
export const exportProgress = (): ExportedProgress => {
  const pick = (s: ProgressStore): Progress => {
    const { ticked, remembered } = s.getState();
    return { ticked, remembered };
  };
  const scenarios: Record<string, Progress> = {};
  for (const s of SCENARIOS) if (s.id !== DEFAULT_SCENARIO) scenarios[s.id] = pick(progressStore(s.id));
  return { ...pick(useProgressStore), scenarios, scenario: useScenarioStore.getState().scenario };
};

/**
 * Replaces this browser's progress with a file's: each scenario the file knows takes its progress,
 * each it does not starts afresh (a file from before the scenarios restores the immersion day only).
 */
export const importProgress = (value: unknown): void => {
  const empty = (): Progress => ({ ticked: {}, remembered: {} });
  useProgressStore.setState(readProgress(value) ?? empty());
  const scenarios = isRecord(value) && isRecord(value.scenarios) ? value.scenarios : {};
  for (const s of SCENARIOS) if (s.id !== DEFAULT_SCENARIO) progressStore(s.id).setState(readProgress(scenarios[s.id]) ?? empty());
  if (isRecord(value) && typeof value.scenario === 'string') useScenarioStore.getState().select(scenarioById(value.scenario).id);
};
