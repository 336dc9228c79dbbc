import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { Application } from './application';
import type { InputSchema } from './discovery/discover';
import { Aggregated, originOf } from './provenance';

const WORKSHOP_SQL = readFileSync(join(__dirname, 'golden/workshop_activity2/app.sql'), 'utf8');
const schema: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
    { Name: 'eventTimeStamp', SqlType: 'VARCHAR(16)', Mapping: '$.eventTimeStamp' },
    { Name: 'ambientTemp', SqlType: 'DOUBLE', Mapping: '$.ambientTemp' },
    { Name: 'measuredTemp', SqlType: 'DOUBLE', Mapping: '$.measuredTemp' },
  ],
};
const T0 = Date.UTC(2026, 0, 1);
const reading = (sensor: string, ambient: number, measured: number, t: number) =>
  JSON.stringify({ sensorId: sensor, eventTimeStamp: String(t), ambientTemp: ambient, measuredTemp: measured });

/** The workshop's application, recording each row with its origin, per stream. */
const workshop = () => {
  const clock = new VirtualClock(T0);
  const app = new Application(WORKSHOP_SQL, { clock, inputSchema: schema });
  const rows: Record<string, { values: unknown[]; origin: unknown }[]> = {};
  app.subscribe((s, row) => (rows[s.name] ??= []).push({ values: row.slice(1), origin: originOf(row) }));
  const put = (data: string, at: number, origin: unknown) => {
    clock.set(at);
    app.advance(at);
    app.pushRecord(data, at, origin);
  };
  return { clock, app, rows, put };
};

describe('row provenance', () => {
  it('follows a record through the DISTINCT pump, then the filter and projection into FILTERED_STREAM', () => {
    const w = workshop();
    const hot = { shardId: 'shardId-000000000001', sequenceNumber: '49001' };
    const calm = { shardId: 'shardId-000000000000', sequenceNumber: '49002' };
    w.put(reading('sensor-1', 10, 50, 1), T0 + 100, hot);
    w.put(reading('sensor-2', 20, 25, 2), T0 + 200, calm);
    w.clock.set(T0 + 1500);
    w.app.advance(T0 + 1500);

    expect(w.rows.SOURCE_SQL_STREAM_001.map((r) => r.origin)).toEqual([hot, calm]);
    expect(w.rows.CLEAN_IOT_STREAM.map((r) => r.origin)).toEqual([hot, calm]);
    // Only the hot reading passes the filter, and it still names its record.
    expect(w.rows.FILTERED_STREAM).toHaveLength(1);
    expect(w.rows.FILTERED_STREAM[0].values[1]).toBe('sensor-1');
    expect(w.rows.FILTERED_STREAM[0].origin).toBe(hot);
  });

  it('keeps the first record of a group of duplicates: the one DISTINCT lets through', () => {
    const w = workshop();
    const first = { sequenceNumber: '1' };
    const again = { sequenceNumber: '2' };
    const same = reading('sensor-1', 10, 50, 1);
    w.put(same, T0 + 100, first);
    w.clock.set(T0 + 100);
    w.app.pushRecord(same, T0 + 100, again);
    w.app.advance(T0 + 1500);
    expect(w.rows.CLEAN_IOT_STREAM.map((r) => r.origin)).toEqual([first]);
    expect(w.rows.FILTERED_STREAM.map((r) => r.origin)).toEqual([first]);
  });

  it('gives a tumbling-window aggregate no single record: it says how many rows of which window made it', () => {
    const w = workshop();
    w.put(reading('sensor-1', 10, 50, 1), T0 + 1_100, { sequenceNumber: '1' });
    w.put(reading('sensor-1', 10, 60, 2), T0 + 2_100, { sequenceNumber: '2' });
    w.put(reading('sensor-1', 10, 70, 3), T0 + 3_100, { sequenceNumber: '3' });
    w.clock.set(T0 + 12_000);
    w.app.advance(T0 + 12_000);
    const agg = w.rows.AGGREGATE_STREAM;
    expect(agg).toHaveLength(1);
    expect(agg[0].values).toEqual(['sensor-1', 10, 60, 3]);
    expect(agg[0].origin).toEqual(new Aggregated(3, T0, T0 + 10_000));
  });

  it('leaves rows of a record given no origin without one', () => {
    const w = workshop();
    w.put(reading('sensor-1', 10, 50, 1), T0 + 100, undefined);
    w.app.advance(T0 + 1500);
    expect(w.rows.FILTERED_STREAM.map((r) => r.origin)).toEqual([undefined]);
  });
});
