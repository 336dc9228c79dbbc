import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultRateForm, type RateFormValues } from './generatorRate';
import { localOrMemory } from './useGeneratorTemplates';

export type KeyKind = 'random' | 'field' | 'fixed';

/** The Generator page's settings: kept while the user visits other pages, and across reloads. */
export interface GeneratorFormValues extends RateFormValues {
  /** Where records go: a Kinesis data stream (the default) or a Firehose delivery stream. */
  target?: 'kinesis' | 'firehose';
  stream?: string;
  /** The delivery stream chosen for the Firehose target (kept apart, so switching back and forth loses neither). */
  deliveryStream?: string;
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
  ...defaultRateForm(),
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
