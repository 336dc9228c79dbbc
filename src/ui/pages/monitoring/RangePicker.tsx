import SegmentedControl from '@cloudscape-design/components/segmented-control';
import type { RangeKey } from '../../hooks/useMetrics';

export const RANGE_LABELS: Record<RangeKey, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  '3h': '3 hours',
};

/** The charts' time range: 15 minutes, 1 hour or 3 hours of one-minute points. */
export function RangePicker({
  value,
  onChange,
  testId = 'range-picker',
}: {
  value: RangeKey;
  onChange: (r: RangeKey) => void;
  testId?: string;
}) {
  return (
    <SegmentedControl
      data-testid={testId}
      label="Time range"
      selectedId={value}
      onChange={({ detail }) => onChange(detail.selectedId as RangeKey)}
      options={(Object.keys(RANGE_LABELS) as RangeKey[]).map((k) => ({ id: k, text: RANGE_LABELS[k] }))}
    />
  );
}
