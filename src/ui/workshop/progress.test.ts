import { beforeEach, describe, expect, it } from 'vitest';
import { currentStep, evaluate, exportProgress, importProgress, progressStore, readProgress, useProgressStore, useScenarioStore, type Progress } from './progress';
import { workshopSteps } from './steps';
import type { WorkshopSnapshot } from './detectors';

const steps = workshopSteps({ mode: 'emulated', region: 'us-east-1', remembered: {} });
const none: Progress = { ticked: {}, remembered: {} };

describe('evaluate', () => {
  it('ticks 1-A and, in the same pass, 1-C for the stream 1-A just learned', () => {
    const s: WorkshopSnapshot = {
      mode: 'emulated',
      streams: [{ name: 'iot', status: 'ACTIVE', openShards: 2 }],
      generator: { stream: 'iot', target: 'kinesis', anyAcknowledged: true, targetRate: 100, running: true },
    };
    const e = evaluate(steps, s, none);
    expect(e.newlyTicked.map((t) => t.id)).toEqual(['1-A', '1-C']);
    expect(e.remembered).toEqual({ stream: 'iot' });
    expect(e.checks['2-A'].done).toBe(false);
  });

  it('never unticks a step, and never renames what a ticked step learned', () => {
    const ticked: Progress = { ticked: { '1-A': { at: 1, detail: 'x' } }, remembered: { stream: 'iot' } };
    const e = evaluate(steps, { mode: 'emulated', streams: [{ name: 'other', status: 'ACTIVE', openShards: 2 }] }, ticked);
    expect(e.newlyTicked).toEqual([]);
    expect(e.remembered.stream).toBe('iot');
  });

  it('leaves manual steps to the user', () => {
    const e = evaluate(steps, { mode: 'emulated' }, none);
    expect(e.checks['1-B']).toBeUndefined();
    expect(currentStep(steps, {})?.id).toBe('1-A');
    expect(currentStep(steps, { '1-A': { at: 1, detail: '' } })?.id).toBe('1-B');
  });
});

describe('progress store', () => {
  beforeEach(() => useProgressStore.getState().reset());

  it('keeps ticks and names, marks manual steps and resets', () => {
    const st = useProgressStore.getState();
    st.apply({ checks: {}, newlyTicked: [{ id: '1-A', detail: 'iot is ACTIVE with 2 shards.' }], remembered: { stream: 'iot' } }, 5);
    st.markDone('1-B', 6);
    const s = useProgressStore.getState();
    expect(s.ticked['1-A']).toEqual({ at: 5, detail: 'iot is ACTIVE with 2 shards.' });
    expect(s.ticked['1-B']).toMatchObject({ manual: true });
    expect(s.remembered).toEqual({ stream: 'iot' });
    s.reset();
    expect(useProgressStore.getState()).toMatchObject({ ticked: {}, remembered: {} });
  });
});

describe('steps', () => {
  it('has the lab\'s steps in order, each with a check and words of its own', () => {
    expect(steps.map((s) => s.id)).toEqual(['1-A', '1-B', '1-C', '1-R', '1-M', '2-A', '2-B', '2-C', '2-D', '2-E', '3-A', '3-B', '3-C', '3-D']);
    for (const s of steps) {
      expect(s.what.length).toBeGreaterThan(0);
      expect(s.why.length).toBeGreaterThan(20);
    }
  });

  it('offers the IAM policy only in AWS mode, as valid JSON with PassRole limited to the services', () => {
    expect(steps.find((s) => s.id === '1-B')!.paste).toEqual([]);
    const aws = workshopSteps({ mode: 'aws', region: 'us-west-2', remembered: {} });
    const policy = JSON.parse(aws.find((s) => s.id === '1-B')!.paste[0].text);
    const pass = policy.Statement.filter((x: { Action: unknown }) => x.Action === 'iam:PassRole');
    expect(pass.map((x: { Condition: Record<string, Record<string, string>> }) => x.Condition.StringEquals['iam:PassedToService'])).toEqual([
      'firehose.amazonaws.com',
      'kinesisanalytics.amazonaws.com',
    ]);
    const actions = policy.Statement.flatMap((x: { Action: string | string[] }) => x.Action);
    for (const a of ['kinesis:PutRecords', 'firehose:CreateDeliveryStream', 'kinesisanalytics:StartApplication', 's3:DeleteBucket', 'cloudwatch:GetMetricData'])
      expect(actions).toContain(a);
    expect(JSON.stringify(policy)).toContain('arn:aws:kinesis:us-west-2:*:stream/*');
  });

  it('links each step to the page where it is done, with the names learned so far', () => {
    const later = workshopSteps({ mode: 'emulated', region: '', remembered: { stream: 'iot', application: 'app', deliveryStream: 'fh', bucket: 'b1' } });
    const href = (id: string) => later.find((s) => s.id === id)!.link!.href;
    expect(href('1-A')).toBe('#/create-stream');
    expect(href('1-C')).toBe('#/generator?stream=iot');
    expect(href('1-R')).toBe('#/streams/iot?tab=shards');
    expect(href('1-M')).toBe('#/monitoring?stream=iot');
    expect(href('2-B')).toBe('#/analytics/app?tab=sql');
    expect(href('3-B')).toBe('#/analytics/app?tab=destination');
    expect(href('3-C')).toBe('#/s3/b1');
    expect(href('3-D')).toBe('#/cleanup');
  });
});

describe('readProgress', () => {
  it('reads back progress as exported, keeping only well-formed ticks and names', () => {
    expect(
      readProgress({
        ticked: {
          '1-A': { at: 5, detail: 'stream s' },
          '1-C': { at: 6, detail: 'done', manual: true },
          bad: { at: 'x' },
        },
        remembered: { stream: 's', bucket: 7 },
      }),
    ).toEqual({
      ticked: { '1-A': { at: 5, detail: 'stream s' }, '1-C': { at: 6, detail: 'done', manual: true } },
      remembered: { stream: 's' },
    });
  });

  it('gives nothing for something that is not progress', () => {
    expect(readProgress(undefined)).toBeUndefined();
    expect(readProgress({ ticked: [], remembered: {} })).toBeUndefined();
    expect(readProgress('x')).toBeUndefined();
  });
});

describe('exportProgress and importProgress', () => {
  const tick = (detail: string) => ({ ticked: { x: { at: 1, detail } }, remembered: { stream: detail } });

  it('carries every scenario\'s progress and the open scenario, and puts them all back', () => {
    useProgressStore.setState(tick('day'));
    progressStore('cloudtrail').setState(tick('ct'));
    progressStore('clickstream').setState(tick('cs'));
    useScenarioStore.getState().select('cloudtrail');
    const exported = JSON.parse(JSON.stringify(exportProgress())) as unknown;

    useProgressStore.setState({ ticked: {}, remembered: {} });
    progressStore('cloudtrail').setState({ ticked: {}, remembered: {} });
    progressStore('clickstream').setState({ ticked: {}, remembered: {} });
    useScenarioStore.getState().select('immersion');
    importProgress(exported);

    expect(useProgressStore.getState().remembered).toEqual({ stream: 'day' });
    expect(progressStore('cloudtrail').getState().remembered).toEqual({ stream: 'ct' });
    expect(progressStore('clickstream').getState().ticked.x.detail).toBe('cs');
    expect(useScenarioStore.getState().scenario).toBe('cloudtrail');
  });

  it('restores the immersion day from a file made before the scenarios, and starts the others afresh', () => {
    progressStore('cloudtrail').setState(tick('ct'));
    importProgress(tick('old'));
    expect(useProgressStore.getState().remembered).toEqual({ stream: 'old' });
    expect(progressStore('cloudtrail').getState().ticked).toEqual({});
  });
});
