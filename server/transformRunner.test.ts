import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { Emulator } from '../src/engine/emulator';
import { TransformFailure } from '../src/engine/firehose/environment';
import type { FirehoseExports } from '../src/engine/firehose/module';
import type { FunctionsExports } from '../src/engine/functions/module';
import type { S3Exports } from '../src/engine/s3/module';
import { runTransformInThread } from './transformRunner';

const T0 = Date.UTC(2026, 0, 1, 12);
const rc = { region: 'us-east-1', requestId: 'r' };
const utf8d = new TextDecoder();

const event = (...data: string[]) => ({
  invocationId: 'inv-1',
  deliveryStreamArn: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/hose',
  region: 'us-east-1',
  records: data.map((d, i) => ({ recordId: `r${i}`, approximateArrivalTimestamp: T0, data: btoa(d) })),
});

/** The shape of AWS's Node.js record-processing blueprint, with the console's own logic. */
const BLUEPRINT = `
exports.handler = async (event, context) => {
  const records = event.records.map((record) => {
    const text = Buffer.from(record.data, 'base64').toString('utf8');
    if (text === 'drop') return { recordId: record.recordId, result: 'Dropped' };
    if (text === 'bad') return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
    return { recordId: record.recordId, result: 'Ok', data: Buffer.from(text.toUpperCase() + '\\n').toString('base64') };
  });
  return { records };
};`;

describe('the Node runner of transformation functions', () => {
  it('accepts each documented way of writing the handler, with a callback too', async () => {
    const forms = [
      'export const handler = async (event) => ({ n: event.records.length });',
      'export async function handler(event) { return { n: event.records.length }; }',
      'module.exports.handler = (event) => ({ n: event.records.length });',
      'function handler(event, context, callback) { callback(null, { n: event.records.length }); }',
      'async (event) => ({ n: event.records.length })',
      'export default async (event) => ({ n: event.records.length });',
    ];
    for (const source of forms) await expect(runTransformInThread(source, event('a', 'b'), 3000), source).resolves.toEqual({ n: 2 });
  });

  it('offers atob, btoa, TextEncoder and a Buffer, and no require, process or fetch', async () => {
    const source = `const handler = async () => ({
      b64: btoa('ok'),
      bytes: new TextEncoder().encode('é').length,
      buffer: Buffer.from(Buffer.from('héllo').toString('base64'), 'base64').toString('utf8'),
      reach: [typeof require, typeof process, typeof fetch, typeof indexedDB],
    });`;
    await expect(runTransformInThread(source, event(), 3000)).resolves.toEqual({
      b64: 'b2s=',
      bytes: 2,
      buffer: 'héllo',
      reach: ['undefined', 'undefined', 'undefined', 'undefined'],
    });
  });

  it('rejects with Lambda.FunctionError when the handler throws, there is none, or the source does not parse', async () => {
    for (const source of ['exports.handler = async () => { throw new Error("boom"); };', 'const x = 1;', 'exports.handler = ('])
      await expect(runTransformInThread(source, event(), 3000), source).rejects.toMatchObject({
        errorCode: 'Lambda.FunctionError',
      });
  });

  it('stops a function past its timeout and rejects with Lambda.FunctionTimedOut', async () => {
    const e = await runTransformInThread('exports.handler = () => { for (;;) {} };', event(), 300).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransformFailure);
    expect((e as TransformFailure).errorCode).toBe('Lambda.FunctionTimedOut');
  });
});

describe('Firehose record transformation run by the Node runner', () => {
  const make = () => {
    const clock = new VirtualClock(T0);
    let wakes = 0;
    const emulator = new Emulator({
      clock,
      rng: new SeededRng(3),
      options: { stateDelayMs: 0 },
      hooks: { runTransform: runTransformInThread, wake: () => wakes++ },
    });
    const firehose = emulator.exports<FirehoseExports>('firehose').service;
    const s3 = emulator.exports<S3Exports>('s3').service.store;
    const functions = emulator.exports<FunctionsExports>('functions').store;
    s3.createBucket('out', 'us-east-1');
    const fn = functions.put({ name: 'upper', source: BLUEPRINT, timeoutSeconds: 1 });
    firehose.call(
      'CreateDeliveryStream',
      {
        DeliveryStreamName: 'hose',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::000000000000:role/r',
          BucketARN: 'arn:aws:s3:::out',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          ProcessingConfiguration: {
            Enabled: true,
            Processors: [
              {
                Type: 'Lambda',
                Parameters: [
                  { ParameterName: 'LambdaArn', ParameterValue: fn.arn },
                  // One attempt: a timeout then costs one time limit, not four.
                  { ParameterName: 'NumberOfRetries', ParameterValue: '0' },
                ],
              },
            ],
          },
        },
      },
      rc,
    );
    emulator.advance(clock.now());
    /** Puts records, lets the interval pass, waits for the transformation and writes what it returned. */
    const deliver = async (...records: string[]) => {
      firehose.call('PutRecordBatch', { DeliveryStreamName: 'hose', Records: records.map((r) => ({ Data: btoa(r) })) }, rc);
      clock.advance(60_000);
      emulator.advance(clock.now());
      await firehose.delivery.settle();
      emulator.advance(clock.now());
    };
    const bodies = (prefix: string) =>
      s3
        .keys('out')
        .filter((k) => k.startsWith(prefix))
        .map((k) => utf8d.decode(s3.getObject('out', k).body));
    const failures = () => bodies('processing-failed/').flatMap((b) => b.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
    return { functions, fn, deliver, bodies, failures, wakes: () => wakes };
  };

  it('delivers Ok records as returned, leaves out Dropped, writes ProcessingFailed under processing-failed/, and wakes the host', async () => {
    const h = make();
    await h.deliver('one', 'drop', 'bad', 'two');
    expect(h.bodies('2026/')).toEqual(['ONE\nTWO\n']);
    expect(h.failures().map((f) => [f.errorCode, atob(f.rawData as string), f.lambdaArn])).toEqual([
      ['Lambda.ProcessingFailedStatus', 'bad', h.fn.arn],
    ]);
    expect(h.wakes()).toBe(1);
  });

  it('writes the records of a function that throws, times out or answers without records under processing-failed/ with their codes, and keeps delivering', async () => {
    const h = make();
    const cases: Array<[string, string]> = [
      ['exports.handler = async () => { throw new Error("boom"); };', 'Lambda.FunctionError'],
      ['exports.handler = () => { for (;;) {} };', 'Lambda.FunctionTimedOut'],
      ['exports.handler = async (event) => event.records;', 'Lambda.JsonProcessingException'],
      ['exports.handler = async (event) => ({ records: event.records.map((r) => ({ recordId: r.recordId, result: "Ok" })) });', 'Lambda.InvalidReturnFormat'],
    ];
    for (const [source, code] of cases) {
      h.functions.put({ name: 'upper', source, timeoutSeconds: 1 });
      await h.deliver(code);
    }
    expect(h.failures().map((f) => [f.errorCode, atob(f.rawData as string)])).toEqual(cases.map(([, code]) => [code, code]));
    expect(h.bodies('2026/')).toEqual([]);
    h.functions.put({ name: 'upper', source: BLUEPRINT });
    await h.deliver('after');
    expect(h.bodies('2026/')).toEqual(['AFTER\n']);
  });
});
