import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { backfillProblems, formatLocalDateTime } from '../../hooks/generatorRate';
import { useServiceTime } from '../../hooks/useEmulatorConsole';

export interface BackfillFieldsProps {
  on: boolean;
  start: string;
  end: string;
  simulatedDates: boolean;
  disabled: boolean;
  set(p: Partial<{ backfill: boolean; backfillStart: string; backfillEnd: string; simulatedDates: boolean }>): void;
}

/**
 * Simulated time (KDG's "Lock to real time" turned off): the records of every second from a start
 * to an end, generated as fast as the destination accepts them, with `{{date.simTime}}` at each
 * simulated second.
 */
export function BackfillFields({ on, start, end, simulatedDates, disabled, set }: BackfillFieldsProps) {
  const serviceTime = useServiceTime();
  const problems = on ? backfillProblems({ start, end }) : {};
  const toggle = (checked: boolean) => {
    if (checked && !start && !end) {
      // a first range: the hour before now, on whole minutes
      const now = Math.floor(serviceTime() / 60_000) * 60_000;
      set({ backfill: true, backfillStart: formatLocalDateTime(now - 3600_000), backfillEnd: formatLocalDateTime(now) });
    } else set({ backfill: checked });
  };
  return (
    <SpaceBetween size="s">
      <Toggle
        checked={on}
        disabled={disabled}
        onChange={({ detail }) => toggle(detail.checked)}
        data-testid="backfill-toggle"
        description="Generate the records of every second of a time range, as fast as the stream accepts them, instead of sending on the clock. {{date.simTime}} renders the simulated second."
      >
        Simulated time (backfill)
      </Toggle>
      {on && (
        <>
          <ColumnLayout columns={2}>
            <FormField
              label="Simulated start"
              constraintText="Local time, YYYY-MM-DD HH:mm:ss. The first simulated second."
              errorText={problems.start}
            >
              <Input
                value={start}
                disabled={disabled}
                ariaLabel="Simulated start"
                placeholder="2026-12-01 08:00:00"
                data-testid="backfill-start"
                onChange={({ detail }) => set({ backfillStart: detail.value })}
              />
            </FormField>
            <FormField
              label="Simulated end"
              constraintText="Not included: the backfill completes when simulated time reaches it. At most 7 days after the start."
              errorText={problems.end ?? problems.range}
            >
              <Input
                value={end}
                disabled={disabled}
                ariaLabel="Simulated end"
                placeholder="2026-12-01 09:00:00"
                data-testid="backfill-end"
                onChange={({ detail }) => set({ backfillEnd: detail.value })}
              />
            </FormField>
          </ColumnLayout>
          <Checkbox
            checked={simulatedDates}
            disabled={disabled}
            onChange={({ detail }) => set({ simulatedDates: detail.checked })}
            data-testid="backfill-simulated-dates"
            description="date.now, date.utc, current.timestamp and faker's dates give the simulated time as well, not only date.simTime."
          >
            Use simulated time in every date helper
          </Checkbox>
        </>
      )}
    </SpaceBetween>
  );
}
