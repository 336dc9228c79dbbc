import FormField from '@cloudscape-design/components/form-field';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo } from 'react';
import type { GeneratorFormValues } from '../../hooks/useGeneratorForm';
import { BackfillFields } from './BackfillFields';
import { PeriodicRateEditor } from './PeriodicRateEditor';

export interface RateSettingsProps {
  form: GeneratorFormValues;
  set(p: Partial<GeneratorFormValues>): void;
  locked: boolean;
}

/**
 * The rate's mode (KDG's Constant and Periodic tabs), the Periodic grid, and simulated time.
 * Memoised: the page re-renders with every counter update of a run, and the grid and its chart need not.
 */
export const RateSettings = memo(function RateSettings({ form, set, locked }: RateSettingsProps) {
  const periodic = form.rateMode === 'periodic';
  return (
    <SpaceBetween size="m">
      <FormField
        label="Rate mode"
        description={
          periodic
            ? 'Each second, a number of records drawn from a normal distribution set per hour and weekday, as the Kinesis Data Generator\'s Periodic tab does.'
            : 'The same number of records every second.'
        }
      >
        <SegmentedControl
          data-testid="rate-mode"
          label="Rate mode"
          selectedId={form.rateMode}
          onChange={({ detail }) => !locked && set({ rateMode: detail.selectedId as 'constant' | 'periodic' })}
          options={[
            { id: 'constant', text: 'Constant', disabled: locked && periodic },
            { id: 'periodic', text: 'Periodic', disabled: locked && !periodic },
          ]}
        />
      </FormField>
      {periodic && (
        <PeriodicRateEditor
          grid={form.periodicGrid}
          smoothing={form.smoothing}
          disabled={locked}
          onGrid={(periodicGrid) => set({ periodicGrid })}
          onSmoothing={(smoothing) => set({ smoothing })}
        />
      )}
      <BackfillFields
        on={form.backfill}
        start={form.backfillStart}
        end={form.backfillEnd}
        simulatedDates={form.simulatedDates}
        disabled={locked}
        set={set}
      />
    </SpaceBetween>
  );
});
