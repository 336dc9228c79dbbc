import { beforeEach, describe, expect, it } from 'vitest';
import { CLICKSTREAM_SQL, CLOUDTRAIL_SQL } from '../hooks/workshopSql';
import type { DetectorContext, Remembered, WorkshopApplication, WorkshopSnapshot } from './detectors';
import { evaluate, PROGRESS_KEY, progressKey, progressStore, useProgressStore, useScenarioStore } from './progress';
import { reviewById, scenarioById, SCENARIOS } from './scenarios';
import type { WorkshopStep } from './steps';
import { localOrMemory } from '../hooks/useGeneratorTemplates';

const ctx = (remembered: Remembered = {}, done: string[] = []): DetectorContext => ({ remembered, done: new Set(done) });
const snap = (p: Partial<WorkshopSnapshot>): WorkshopSnapshot => ({ mode: 'emulated', ...p });
const stepsOf = (id: string, remembered: Remembered = {}) => scenarioById(id).steps({ mode: 'emulated', region: 'us-east-1', remembered });
const detector = (steps: WorkshopStep[], id: string) => {
  const c = steps.find((s) => s.id === id)!.check;
  if (c.kind !== 'auto') throw new Error(`${id} is not automatic`);
  return c.detector;
};
const arn = (stream: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${stream}`;

const CT_COLUMNS = ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'type', 'userName'];
const CS_COLUMNS = ['userId', 'page', 'action', 'latencyMs', 'clicksInSession'];

describe('the scenario list', () => {
  it('offers the immersion day first, then the two other scenarios, with step ids unique over all of them', () => {
    expect(SCENARIOS.map((s) => s.label)).toEqual(['Immersion day (Activities 1-3)', 'CloudTrail: API calls per source IP', 'Clickstream anomaly scores']);
    const ids = SCENARIOS.flatMap((s) => s.steps({ mode: 'emulated', region: '', remembered: {} }).map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(stepsOf('cloudtrail').map((s) => s.id)).toEqual(['CT-1', 'CT-2', 'CT-3', 'CT-4', 'CT-5', 'CT-6', 'CT-7']);
    expect(stepsOf('clickstream').map((s) => s.id)).toEqual(['CS-1', 'CS-2', 'CS-3', 'CS-4', 'CS-5', 'CS-6']);
    expect(scenarioById('nonsense').id).toBe('immersion');
  });

  it('gives every step words of its own, an activity of the scenario, and reviews that exist', () => {
    for (const sc of SCENARIOS)
      for (const s of sc.steps({ mode: 'emulated', region: '', remembered: {} })) {
        expect(s.what.length).toBeGreaterThan(0);
        expect(s.why.length).toBeGreaterThan(20);
        expect(sc.activities.map((a) => a.id)).toContain(s.activity);
        for (const r of s.reviews) expect(reviewById(r)).toBeDefined();
      }
  });

  it('offers the SQL of the golden cases, pump by pump, so what is pasted is the SQL the engine runs', () => {
    const pasted = (id: string) =>
      stepsOf(id)
        .flatMap((s) => s.paste.filter((p) => p.block && /CREATE/.test(p.text)).map((p) => p.text))
        .join('\n\n');
    expect(pasted('cloudtrail').replace(/\s+/g, ' ')).toBe(CLOUDTRAIL_SQL.trim().replace(/\s+/g, ' '));
    expect(pasted('clickstream').replace(/\s+/g, ' ')).toBe(CLICKSTREAM_SQL.trim().replace(/\s+/g, ' '));
    const ct4 = stepsOf('cloudtrail').find((s) => s.id === 'CT-4')!;
    expect(ct4.paste.map((p) => p.label)).toEqual(['CALLS_PER_IP_STREAM', 'CALLS_PER_IP_PUMP']);
    expect(ct4.link!.href).toBe('#/analytics');
    expect(stepsOf('cloudtrail', { application: 'ct' }).find((s) => s.id === 'CT-4')!.link!.href).toBe('#/analytics/ct?tab=sql');
  });
});

for (const [scenario, prefix, stream, columns, pumps] of [
  ['cloudtrail', 'CT', 'cloudtrail-events', CT_COLUMNS, ['CALLS_PER_IP_STREAM', 'CALLS_BY_EVENT_TIME_STREAM', 'TOP_CALLS_STREAM']],
  ['clickstream', 'CS', 'clickstream', CS_COLUMNS, ['SCORED_CLICKS_STREAM', 'CLICK_ANOMALIES_STREAM']],
] as const) {
  describe(`${scenario}: each step's check`, () => {
    const steps = stepsOf(scenario);
    const d = (n: number) => detector(steps, `${prefix}-${n}`);
    const sql = scenario === 'cloudtrail' ? CLOUDTRAIL_SQL : CLICKSTREAM_SQL;
    const R = { stream, application: 'app' };
    const app = (p: Partial<WorkshopApplication> = {}): WorkshopApplication => ({
      name: 'app',
      status: 'RUNNING',
      code: sql,
      inputs: [{ streamArn: arn(stream), columns: columns.length, names: [...columns] }],
      outputs: [],
      streamTotals: Object.fromEntries(pumps.map((p) => [p, 5])),
      ...p,
    });

    it(`${prefix}-1: done with an ACTIVE stream of any shard count (the suggested name first); not with none or one still CREATING`, () => {
      expect(d(1)(snap({ streams: [{ name: 'other', status: 'ACTIVE', openShards: 2 }, { name: stream, status: 'ACTIVE', openShards: 1 }] }), ctx())).toMatchObject({
        done: true,
        remember: { stream },
      });
      expect(d(1)(snap({ streams: [] }), ctx()).done).toBe(false);
      expect(d(1)(snap({ streams: [{ name: stream, status: 'CREATING', openShards: 1 }] }), ctx())).toMatchObject({ done: false, detail: `${stream} is CREATING; it is ready when ACTIVE.` });
      expect(d(1)(snap({}), ctx()).done).toBe(false);
    });

    it(`${prefix}-2: done when the stream acknowledged the generator's records, at any rate; not before, to another stream, or to Firehose`, () => {
      const g = { stream, target: 'kinesis' as const, anyAcknowledged: true, targetRate: 20, running: true };
      expect(d(2)(snap({ generator: g }), ctx({ stream })).done).toBe(true);
      expect(d(2)(snap({ generator: { ...g, anyAcknowledged: false } }), ctx({ stream })).done).toBe(false);
      expect(d(2)(snap({ generator: { ...g, stream: 'x' } }), ctx({ stream })).done).toBe(false);
      expect(d(2)(snap({ generator: { ...g, target: 'firehose' } }), ctx({ stream })).done).toBe(false);
      expect(d(2)(snap({}), ctx({ stream })).done).toBe(false);
    });

    it(`${prefix}-3: done when an application reads the stream with the template's columns; not with another schema or none`, () => {
      expect(d(3)(snap({ applications: [app({ status: 'READY', code: '' })] }), ctx({ stream }))).toMatchObject({ done: true, remember: { application: 'app' } });
      const sensor = app({ inputs: [{ streamArn: arn(stream), columns: 4, names: ['sensorId', 'eventTimeStamp', 'ambientTemp', 'measuredTemp'] }] });
      const wrong = d(3)(snap({ applications: [sensor] }), ctx({ stream }));
      expect(wrong.done).toBe(false);
      expect(wrong.detail).toMatch(/^The schema of app has no column /);
      expect(d(3)(snap({ applications: [app({ inputs: [] })] }), ctx({ stream })).done).toBe(false);
      expect(d(3)(snap({ applications: [app()] }), ctx({ stream: 'other' })).done).toBe(false);
      expect(d(3)(snap({ applications: [] }), ctx({ stream })).done).toBe(false);
    });

    pumps.forEach((into, i) => {
      const n = 4 + i;
      it(`${prefix}-${n}: done when its pump runs and rows reached ${into}; not without the pump, while READY, or with no row`, () => {
        expect(d(n)(snap({ applications: [app()] }), ctx(R))).toMatchObject({ done: true, detail: `5 rows through ${into}.` });
        expect(d(n)(snap({ mode: 'aws', applications: [app({ streamTotals: undefined })] }), ctx(R)).done).toBe(true);
        // The SQL of the steps before this one only.
        const before = sql.slice(0, sql.indexOf(`CREATE OR REPLACE STREAM "${into}"`));
        expect(d(n)(snap({ applications: [app({ code: before })] }), ctx(R)).done).toBe(false);
        expect(d(n)(snap({ applications: [app({ status: 'READY' })] }), ctx(R)).done).toBe(false);
        expect(d(n)(snap({ applications: [app({ streamTotals: { [into]: 0 } })] }), ctx(R)).done).toBe(false);
        expect(d(n)(snap({ applications: [] }), ctx(R))).toMatchObject({ done: false, detail: `Create the application of step ${prefix}-3 first.` });
      });
    });

    const last = 4 + pumps.length;
    it(`${prefix}-${last}: done when the generator stopped and the stream and application are gone, after the last SQL step`, () => {
      const empty = snap({ streams: [], applications: [], deliveryStreams: [], buckets: [], generator: { stream, anyAcknowledged: true, targetRate: 20, running: false } });
      expect(d(last)(empty, ctx(R, [`${prefix}-${last - 1}`])).done).toBe(true);
      expect(d(last)(empty, ctx(R)).done).toBe(false);
      expect(d(last)({ ...empty, applications: [app()] }, ctx(R, [`${prefix}-${last - 1}`])).done).toBe(false);
      expect(d(last)({ ...empty, streams: [{ name: stream, status: 'ACTIVE' }] }, ctx(R, [`${prefix}-${last - 1}`])).done).toBe(false);
    });

    it('ticks the setup steps in one pass from a snapshot where they are done', () => {
      const e = evaluate(steps, snap({ streams: [{ name: stream, status: 'ACTIVE', openShards: 1 }], generator: { stream, target: 'kinesis', anyAcknowledged: true, targetRate: 50, running: true }, applications: [app({ status: 'READY' })] }), { ticked: {}, remembered: {} });
      expect(e.newlyTicked.map((t) => t.id)).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);
      expect(e.remembered).toEqual({ stream, application: 'app' });
    });
  });
}

describe('progress per scenario', () => {
  beforeEach(() => {
    for (const s of SCENARIOS) progressStore(s.id).getState().reset();
    useScenarioStore.getState().select('immersion');
  });

  it('keeps the immersion day under the key it always had, and the others under their own', () => {
    expect(progressKey('immersion')).toBe(PROGRESS_KEY);
    expect(progressKey('cloudtrail')).toBe('kwc.workshop.progress.cloudtrail');
    expect(progressStore('immersion')).toBe(useProgressStore);
    expect(progressStore('cloudtrail')).toBe(progressStore('cloudtrail'));
  });

  it("keeps each scenario's ticks and names when switching between them", () => {
    progressStore('immersion').getState().apply({ checks: {}, newlyTicked: [{ id: '1-A', detail: 'iot' }], remembered: { stream: 'iot' } }, 1);
    useScenarioStore.getState().select('cloudtrail');
    progressStore('cloudtrail').getState().apply({ checks: {}, newlyTicked: [{ id: 'CT-1', detail: 'ct' }], remembered: { stream: 'ct' } }, 2);
    useScenarioStore.getState().select('clickstream');
    expect(progressStore('clickstream').getState().ticked).toEqual({});
    useScenarioStore.getState().select('immersion');
    expect(progressStore('immersion').getState()).toMatchObject({ ticked: { '1-A': { at: 1, detail: 'iot' } }, remembered: { stream: 'iot' } });
    expect(progressStore('cloudtrail').getState()).toMatchObject({ ticked: { 'CT-1': { at: 2, detail: 'ct' } }, remembered: { stream: 'ct' } });
    // Reset forgets one scenario only.
    progressStore('cloudtrail').getState().reset();
    expect(progressStore('immersion').getState().ticked['1-A']).toBeDefined();
  });

  it('writes each scenario to its own storage entry, the immersion day in the shape it had before', () => {
    progressStore('immersion').getState().markDone('1-B', 3);
    progressStore('clickstream').getState().markDone('CS-1', 4);
    const stored = (key: string) => JSON.parse(localOrMemory().getItem(key)!);
    expect(stored(PROGRESS_KEY)).toEqual({ state: { ticked: { '1-B': { at: 3, detail: 'Marked as done.', manual: true } }, remembered: {} }, version: 1 });
    expect(stored('kwc.workshop.progress.clickstream').state.ticked).toHaveProperty('CS-1');
    expect(stored(PROGRESS_KEY).state.ticked).not.toHaveProperty('CS-1');
    expect(stored('kwc.workshop.scenario')).toEqual({ state: { scenario: 'immersion' }, version: 1 });
  });

  it('loads immersion-day progress saved before there were scenarios, and an unknown stored scenario as the immersion day', async () => {
    const saved = { state: { ticked: { '1-A': { at: 7, detail: 'iot-sensor-stream is ACTIVE with 2 shards.' } }, remembered: { stream: 'iot-sensor-stream' } }, version: 1 };
    localOrMemory().setItem('kwc.workshop.progress', JSON.stringify(saved));
    await useProgressStore.persist.rehydrate();
    expect(progressStore('immersion').getState()).toMatchObject(saved.state);
    expect(progressStore('cloudtrail').getState().ticked).toEqual({});
    localOrMemory().setItem('kwc.workshop.scenario', JSON.stringify({ state: { scenario: 'gone' }, version: 1 }));
    await useScenarioStore.persist.rehydrate();
    expect(useScenarioStore.getState().scenario).toBe('immersion');
  });
});
