import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverSchema } from '../sql/discovery/discover';
import { AnalyticsRuntime, CAUGHT_UP_POLL_MS, POLL_MS, TAIL_ROWS, type RuntimeEnvironment, type SourceRecord } from './runtime';
import { analyticsHarness, OUT_ARN, ROLE, STREAM_ARN } from './testing';
import type { ApplicationOutput } from './types';

const WORKSHOP_SQL = readFileSync(new URL('../sql/golden/workshop_activity2/app.sql', import.meta.url), 'utf8');

const record = (sensorId: string, ambientTemp: number, measuredTemp: number) => JSON.stringify({ sensorId, eventTimeStamp: '1767225601100', ambientTemp, measuredTemp });

/** A source that hands out what was put into it, and a destination that takes all (or `accept` per call). */
const fakeWorld = () => {
  const source: SourceRecord[] = [];
  const state = { read: 0, reads: 0, tellsCaughtUp: false, exists: true, accept: Infinity, delivered: [] as { output: ApplicationOutput; data: string }[] };
  const env: RuntimeEnvironment = {
    openSource: (arn, _region, from, checkpoint) => {
      if (arn !== STREAM_ARN || !state.exists) return undefined;
      state.read = from === 'TRIM_HORIZON' ? 0 : from === 'LAST_STOPPED_POINT' && typeof checkpoint === 'number' ? checkpoint : source.length;
      return {
        read: (limit) => {
          if (!state.exists) return { records: [], gone: true };
          const out = source.slice(state.read, state.read + limit);
          state.read += out.length;
          state.reads++;
          return state.tellsCaughtUp ? { records: out, caughtUp: state.read === source.length } : { records: out };
        },
        checkpoint: () => state.read,
      };
    },
    deliver: (output, _region, records) => {
      const n = Math.min(records.length, state.accept);
      for (const data of records.slice(0, n)) state.delivered.push({ output, data });
      return n;
    },
  };
  return { source, state, env };
};

const setUp = (format: 'JSON' | 'CSV' = 'JSON') => {
  const h = analyticsHarness();
  const w = fakeWorld();
  const schema = discoverSchema([record('sensor-1', 10, 50)]);
  h.create('workshop', {
    ApplicationConfiguration: {
      ApplicationCodeConfiguration: { CodeContent: { TextContent: WORKSHOP_SQL }, CodeContentType: 'PLAINTEXT' },
      SqlApplicationConfiguration: {
        Inputs: [{ NamePrefix: 'SOURCE_SQL_STREAM', KinesisStreamsInput: { ResourceARN: STREAM_ARN }, InputSchema: schema }],
        Outputs: [{ Name: 'FILTERED_STREAM', KinesisStreamsOutput: { ResourceARN: OUT_ARN }, DestinationSchema: { RecordFormatType: format } }],
      },
    },
  });
  const runtime = new AnalyticsRuntime(h.service.store, h.clock, h.ctx.rng, w.env);
  const arn = h.service.store.get('us-east-1', 'workshop').ApplicationARN;
  const start = (position = 'NOW') => {
    h.call('StartApplication', { ApplicationName: 'workshop', RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: position } }] } });
    h.clock.advance(500);
    // The scheduler runs the runtime when the status turns RUNNING (the store's next transition).
    runtime.advance(h.clock.now());
  };
  /** Runs the runtime as the scheduler would, until `ms` of emulated time have passed. */
  const run = (ms: number) => {
    const end = h.clock.now() + ms;
    for (;;) {
      const next = runtime.advance(h.clock.now());
      if (next === undefined || next > end) break;
      h.clock.set(Math.max(next, h.clock.now()));
    }
    h.clock.set(end);
    runtime.advance(end);
  };
  const put = (...datas: string[]) => datas.forEach((data) => w.source.push({ data, arrival: h.clock.now() }));
  return { h, w, runtime, arn, start, run, put };
};

describe('AnalyticsRuntime', () => {
  it('runs the workshop SQL over records as they arrive and delivers FILTERED_STREAM rows as JSON, back to back', () => {
    const t = setUp('JSON');
    t.start();
    expect(t.runtime.advance(t.h.clock.now() + 1)).toBe(t.h.clock.now() + POLL_MS);
    t.put(record('sensor-1', 10, 50), record('sensor-2', 20, 25));
    t.run(1000);
    const tail = t.runtime.tail(t.arn);
    expect(tail.running).toBe(true);
    const filtered = tail.streams.find((s) => s.name === 'FILTERED_STREAM')!;
    expect(filtered.columns.map((c) => c.name)).toEqual(['INGEST_TIME', 'SENSOR_ID', 'EVENT_TIMESTAMP', 'AMBIENT_TEMP', 'MEASURED_TEMP', 'DEDUP_WINDOW']);
    expect(filtered.rows.map((r) => r.values[1])).toEqual(['sensor-1']);
    expect(t.w.state.delivered).toHaveLength(1);
    const out = JSON.parse(t.w.state.delivered[0].data);
    expect(out).toMatchObject({ SENSOR_ID: 'sensor-1', AMBIENT_TEMP: 10, MEASURED_TEMP: 50 });
    expect(t.w.state.delivered[0].data.endsWith('}')).toBe(true);
    expect(tail.streams.find((s) => s.name === 'CLEAN_IOT_STREAM')!.total).toBe(2);
  });

  it('reads a source it has caught up with once a second, and every 200 ms while records wait', () => {
    const t = setUp();
    t.w.state.tellsCaughtUp = true;
    t.start();
    t.w.state.reads = 0;
    // Nothing to read: once a second (the shard's other 4 reads are left to other consumers).
    t.run(10 * CAUGHT_UP_POLL_MS);
    expect(t.w.state.reads).toBeGreaterThanOrEqual(9);
    expect(t.w.state.reads).toBeLessThanOrEqual(11);
    // 25,000 records waiting: 10,000 a read, at the shard's pace until the source is drained.
    for (let i = 0; i < 25_000; i++) t.put(record(`sensor-${i % 100}`, 10, 50));
    const before = t.w.state.reads;
    t.run(CAUGHT_UP_POLL_MS + 3 * POLL_MS);
    expect(t.w.state.read).toBe(t.w.source.length);
    expect(t.w.state.reads - before).toBe(3);
  });

  it('hands out the newest rows up to a limit, and totals alone with a limit of 0', () => {
    const t = setUp();
    t.start();
    t.put(record('sensor-1', 10, 50), record('sensor-2', 20, 25), record('sensor-3', 30, 75));
    t.run(1000);
    const clean = (limit?: number) => t.runtime.tail(t.arn, 0, limit).streams.find((s) => s.name === 'CLEAN_IOT_STREAM')!;
    expect(clean().rows.map((r) => r.values[1])).toEqual(['sensor-1', 'sensor-2', 'sensor-3']);
    expect(clean(2).rows.map((r) => r.values[1])).toEqual(['sensor-2', 'sensor-3']);
    expect(clean(0)).toMatchObject({ rows: [], total: 3 });
  });

  it('keeps a bounded tail of rows per in-application stream however many arrive, the newest last, counting them all', () => {
    const t = setUp();
    t.start();
    const n = TAIL_ROWS * 3;
    for (let i = 0; i < n; i++) t.put(record('sensor-1', i, 50));
    t.run(1000);
    const source = t.runtime.tail(t.arn, 0, Infinity).streams.find((s) => s.name === 'SOURCE_SQL_STREAM_001')!;
    expect(source.total).toBe(n);
    expect(source.rows.length).toBeGreaterThanOrEqual(TAIL_ROWS);
    expect(source.rows.length).toBeLessThanOrEqual(TAIL_ROWS * 1.25);
    const ambient = source.columns.findIndex((c) => c.name === 'ambientTemp');
    expect(source.rows.at(-1)!.values[ambient]).toBe(n - 1);
  });

  it('closes a 10-second aggregate window as emulated time passes, with nobody calling', () => {
    const t = setUp();
    t.start();
    t.put(record('sensor-1', 10, 50), record('sensor-1', 12, 52));
    t.run(500);
    expect(t.runtime.tail(t.arn).streams.find((s) => s.name === 'AGGREGATE_STREAM')).toBeUndefined();
    t.run(11_000);
    const agg = t.runtime.tail(t.arn).streams.find((s) => s.name === 'AGGREGATE_STREAM')!;
    expect(agg.rows).toHaveLength(1);
    expect(agg.rows[0].values).toEqual(['sensor-1', 11, 51, 2]);
  });

  it('writes CSV records one line each', () => {
    const t = setUp('CSV');
    t.start();
    t.put(record('sensor-9', 0, 30));
    t.run(1000);
    expect(t.w.state.delivered.map((d) => d.data)).toEqual([expect.stringMatching(/^[^,\n]+,sensor-9,1767225601100,0,30,[^,\n]+\n$/)]);
  });

  it('sends a record that does not fit the schema to error_stream and keeps running', () => {
    const t = setUp();
    t.start();
    t.put('not json', record('sensor-1', 10, 50));
    t.run(1000);
    const tail = t.runtime.tail(t.arn);
    expect(tail.streams.find((s) => s.name === 'error_stream')!.rows).toHaveLength(1);
    expect(tail.streams.find((s) => s.name === 'FILTERED_STREAM')!.rows).toHaveLength(1);
  });

  it('reads from TRIM_HORIZON, NOW or where it last stopped', () => {
    const t = setUp();
    t.put(record('sensor-1', 10, 50));
    t.start('NOW');
    t.run(1000);
    expect(t.w.state.delivered).toHaveLength(0);
    t.h.call('StopApplication', { ApplicationName: 'workshop' });
    t.h.clock.advance(500);
    t.run(0);
    t.put(record('sensor-2', 10, 90));
    t.start('LAST_STOPPED_POINT');
    t.run(1000);
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-2']);
    t.h.call('StopApplication', { ApplicationName: 'workshop' });
    t.h.clock.advance(500);
    t.run(0);
    t.start('TRIM_HORIZON');
    t.run(1000);
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-2', 'sensor-1', 'sensor-2']);
  });

  it('restored from a save while it ran (a page reload), carries on from where it had read: nothing skipped, nothing read twice', () => {
    const t = setUp();
    t.start('NOW');
    t.put(record('sensor-1', 10, 50));
    t.run(1000);
    const saved = t.h.service.store.snapshot();
    // Arrives while the page reloads: the application, started at NOW, must still read it.
    t.put(record('sensor-2', 10, 90));
    t.h.service.store.restore(JSON.parse(JSON.stringify(saved)));
    const restarted = new AnalyticsRuntime(t.h.service.store, t.h.clock, t.h.ctx.rng, t.w.env);
    restarted.advance(t.h.clock.now());
    t.h.clock.advance(1000);
    restarted.advance(t.h.clock.now());
    expect(t.h.service.store.get('us-east-1', 'workshop').ApplicationStatus).toBe('RUNNING');
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-1', 'sensor-2']);
    expect(restarted.tail(t.arn).streams.find((s) => s.name === 'FILTERED_STREAM')!.rows).toHaveLength(1);
  });

  it('started again after a stop, reads from the position asked, not from where it had been reading', () => {
    const t = setUp();
    t.put(record('sensor-1', 10, 50));
    t.start('NOW');
    t.run(1000);
    t.h.call('StopApplication', { ApplicationName: 'workshop' });
    t.h.clock.advance(500);
    t.run(0);
    expect(t.h.service.store.get('us-east-1', 'workshop')._readingAt).toBeUndefined();
    t.start('TRIM_HORIZON');
    t.run(1000);
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-1']);
  });

  it('carries on from where it had read when the runtime is rebuilt while running (a reload)', () => {
    const t = setUp();
    t.start('NOW');
    t.put(record('sensor-1', 10, 50));
    t.run(1000);
    // The page reloads: the same applications, a new runtime.
    const again = new AnalyticsRuntime(t.h.service.store, t.h.clock, t.h.ctx.rng, t.w.env);
    t.put(record('sensor-2', 10, 90));
    for (let i = 0; i < 5; i++) {
      t.h.clock.advance(POLL_MS);
      again.advance(t.h.clock.now());
    }
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-1', 'sensor-2']);
  });

  it('keeps output a destination refuses and delivers it later', () => {
    const t = setUp();
    t.w.state.accept = 0;
    t.start();
    t.put(record('sensor-1', 10, 50));
    t.run(1000);
    expect(t.runtime.backlog(t.arn)).toEqual([{ outputId: '1.1', pending: 1, dropped: 0 }]);
    t.w.state.accept = Infinity;
    t.run(1000);
    expect(t.w.state.delivered).toHaveLength(1);
    expect(t.runtime.backlog(t.arn)[0].pending).toBe(0);
  });

  it('stops with a reason the console can show when its source stream is deleted', () => {
    const t = setUp();
    t.start();
    t.run(500);
    t.w.state.exists = false;
    t.run(1000);
    const app = t.h.service.store.get('us-east-1', 'workshop');
    expect(app.ApplicationStatus).toBe('READY');
    expect(app._statusReason).toBe(`The application stopped because its source ${STREAM_ARN} no longer exists.`);
    expect(t.runtime.tail(t.arn).running).toBe(false);
  });

  it('picks up new SQL after an update, reading on from where the old version was', () => {
    const t = setUp();
    t.start();
    t.put(record('sensor-1', 10, 50));
    t.run(1000);
    t.h.call('UpdateApplication', {
      ApplicationName: 'workshop',
      CurrentApplicationVersionId: 1,
      ApplicationConfigurationUpdate: {
        ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: WORKSHOP_SQL.replace('> 20', '> 5') } },
      },
    });
    t.put(record('sensor-3', 10, 20));
    t.run(1000);
    expect(t.w.state.delivered.map((d) => JSON.parse(d.data).SENSOR_ID)).toEqual(['sensor-1', 'sensor-3']);
    expect(t.runtime.explain(t.arn)!.map((p) => p.pump)).toEqual(['DEDUP_PUMP', 'FILTER_PUMP', 'AGGREGATE_PUMP']);
  });

  it('is not running for an application that was never started', () => {
    const t = setUp();
    t.run(1000);
    expect(t.runtime.tail(t.arn)).toEqual({ running: false, streams: [] });
    expect(ROLE).toMatch(/^arn:/);
  });
});
