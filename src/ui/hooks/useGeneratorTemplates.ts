import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { WORKSHOP_SENSOR_TEMPLATE } from '../../engine/generator/workshop';

/** The workshop's Activity 1-C record format (IoT sensor readings), as the attendees paste it. */
export const SENSOR_TEMPLATE = WORKSHOP_SENSOR_TEMPLATE;

export interface SavedTemplate {
  id: string;
  name: string;
  source: string;
  /** Share of the mix (relative to the other templates in it). */
  weight: number;
  /** Part of the mix when mixing is on. */
  inMix: boolean;
}

interface TemplatesState {
  templates: SavedTemplate[];
  activeId: string;
  /** Send a weighted mix of the templates marked `inMix`, rather than the active one alone. */
  mix: boolean;
  select(id: string): void;
  add(name?: string, source?: string): string;
  rename(id: string, name: string): void;
  remove(id: string): void;
  setSource(id: string, source: string): void;
  setWeight(id: string, weight: number): void;
  setInMix(id: string, inMix: boolean): void;
  setMix(mix: boolean): void;
}

const first: SavedTemplate = { id: 't1', name: 'Sensor readings', source: SENSOR_TEMPLATE, weight: 1, inMix: true };

/** localStorage, or a plain map where there is none (tests, some private windows): settings then last for the page only. */
const memory = new Map<string, string>();
export const localOrMemory = (): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> =>
  globalThis.localStorage ?? {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };

let counter = 0;
const newId = () => `t${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A name not yet taken: "Template 2", "Template 3", ... */
export const freeName = (taken: readonly string[], base = 'Template'): string => {
  for (let i = 2; ; i++) if (!taken.includes(`${base} ${i}`)) return `${base} ${i}`;
};

/** Named templates, kept across reloads in localStorage. */
export const useGeneratorTemplates = create<TemplatesState>()(
  persist(
    (set, get) => ({
      templates: [first],
      activeId: first.id,
      mix: false,
      select: (id) => set({ activeId: id }),
      add: (name, source = '') => {
        const id = newId();
        const taken = get().templates.map((t) => t.name);
        const t: SavedTemplate = { id, name: name?.trim() || freeName(taken), source, weight: 1, inMix: true };
        set((s) => ({ templates: [...s.templates, t], activeId: id }));
        return id;
      },
      rename: (id, name) => set((s) => ({ templates: s.templates.map((t) => (t.id === id ? { ...t, name } : t)) })),
      remove: (id) =>
        set((s) => {
          if (s.templates.length <= 1) return s;
          const templates = s.templates.filter((t) => t.id !== id);
          return { templates, activeId: s.activeId === id ? templates[0].id : s.activeId };
        }),
      setSource: (id, source) => set((s) => ({ templates: s.templates.map((t) => (t.id === id ? { ...t, source } : t)) })),
      setWeight: (id, weight) => set((s) => ({ templates: s.templates.map((t) => (t.id === id ? { ...t, weight } : t)) })),
      setInMix: (id, inMix) => set((s) => ({ templates: s.templates.map((t) => (t.id === id ? { ...t, inMix } : t)) })),
      setMix: (mix) => set({ mix }),
    }),
    {
      name: 'kwc.generator.templates',
      version: 1,
      storage: createJSONStorage(localOrMemory),
    },
  ),
);

export const activeTemplate = (s: { templates: SavedTemplate[]; activeId: string }): SavedTemplate =>
  s.templates.find((t) => t.id === s.activeId) ?? s.templates[0];
