import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { localOrMemory } from './useGeneratorTemplates';

export type KeyKind = 'random' | 'field' | 'fixed';

/** The Generator page's settings: kept while the user visits other pages, and across reloads. */
export interface GeneratorFormValues {
  stream?: string;
  rate: string;
  limit: string;
  keyKind: KeyKind;
  keyField: string;
  fixedKey: string;
  newline: boolean;
  gzip: boolean;
}

export const defaultGeneratorForm: GeneratorFormValues = {
  rate: '200',
  limit: '',
  keyKind: 'random',
  keyField: 'sensorId',
  fixedKey: 'sensor-1',
  newline: true,
  gzip: false,
};

interface FormState extends GeneratorFormValues {
  set(p: Partial<GeneratorFormValues>): void;
}

export const useGeneratorForm = create<FormState>()(
  persist((set) => ({ ...defaultGeneratorForm, set: (p) => set(p) }), {
    name: 'kwc.generator.form',
    version: 1,
    storage: createJSONStorage(localOrMemory),
  }),
);
