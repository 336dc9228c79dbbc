import { describe, expect, it } from 'vitest';
import { tickTime } from './chartTheme';
import { chartSummary } from './MetricChart';

const t0 = Date.UTC(2026, 10, 22, 3, 55);
const minute = 60_000;

describe('chartSummary, the text alternative of a metric chart', () => {
  it('names the measure and its minutes, then gives the total, the highest minute and the latest minute of each series', () => {
    const data = [
      { t: t0, incomingRecords: 0 },
      { t: t0 + minute, incomingRecords: 1200 },
      { t: t0 + 2 * minute, incomingRecords: 300 },
    ];
    expect(chartSummary(data, [{ key: 'incomingRecords', label: 'IncomingRecords' }], 'records', 'IncomingRecords (1-minute Sum)')).toBe(
      `IncomingRecords (1-minute Sum), 3 one-minute points from ${tickTime(t0)} to ${tickTime(t0 + 2 * minute)}. IncomingRecords: total 1,500 records, highest 1,200 records at ${tickTime(t0 + minute)}, ` +
        `latest 300 records at ${tickTime(t0 + 2 * minute)}.`,
    );
  });

  it('says when a series has no point at all', () => {
    const data = [{ t: t0, a: 5 }, { t: t0 + minute }];
    expect(
      chartSummary(data, [
        { key: 'a', label: 'Write' },
        { key: 'b', label: 'Read' },
      ]),
    ).toBe(`Chart, 2 one-minute points from ${tickTime(t0)} to ${tickTime(t0 + minute)}. Write: total 5, highest 5 at ${tickTime(t0)}, latest 5 at ${tickTime(t0)}; Read: no data.`);
  });

  it('has no period when there is no point', () => {
    expect(chartSummary([], [{ key: 'a', label: 'Write' }], undefined, 'Throttled (1-minute Sum)')).toBe('Throttled (1-minute Sum), 0 one-minute points. Write: no data.');
  });
});
