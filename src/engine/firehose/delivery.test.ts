import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { b64, BUCKET, firehoseHarness, T0 } from './testing';
import {
  TransformFailure,
  transformFailure,
  type TransformInputRecord,
  type TransformOutputRecord,
} from './environment';

const MiB = 1024 * 1024;
const text = (b64data: string) => atob(b64data);

describe('Firehose buffering on the emulator clock', () => {
  it('delivers when the interval has passed since the first buffered record, all records back to back', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 } });
    const t1 = h.clock.now();
    h.put('hose', '{"a":1}\n', '{"a":2}\n');
    h.clock.advance(10_000);
    h.put('hose', '{"a":3}\n');
    expect(h.at(t1 + 59_999)).toBe(t1 + 60_000);
    expect(h.keys()).toEqual([]);
    expect(h.at(t1 + 60_000)).toBeUndefined();
    const keys = h.keys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^2026\/01\/01\/12\/hose-1-2026-01-01-12-00-00-[0-9a-f-]{36}$/);
    expect(h.body(keys[0])).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
    expect(h.metric('DeliveryToS3.Records')).toEqual([3]);
    expect(h.metric('DeliveryToS3.Bytes')).toEqual([24]);
    expect(h.metric('DeliveryToS3.Success')).toEqual([1]);
    expect(h.metric('DeliveryToS3.DataFreshness')).toEqual([60]);
    expect(
      h.service.delivery.buffered(
        h.call('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).DeliveryStreamDescription
          .DeliveryStreamARN,
      ),
    ).toEqual({ records: 0, bytes: 0 });
  });

  it('delivers as soon as the buffer reaches SizeInMBs, before the interval', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } });
    const chunk = 'x'.repeat(256 * 1024);
    h.put('hose', chunk, chunk, chunk);
    expect(h.at(h.clock.now())).toBe(h.clock.now() + 900_000);
    expect(h.keys()).toEqual([]);
    h.put('hose', chunk, 'tail');
    const now = h.clock.now();
    expect(h.at(now)).toBe(now + 900_000);
    expect(h.keys()).toHaveLength(1);
    expect(h.body(h.keys()[0]).length).toBe(MiB);
    expect(h.service.bufferList()[0].data).toEqual([b64('tail')]);
  });

  it('with IntervalInSeconds 0 delivers on the next advance', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
    h.put('hose', 'a');
    expect(h.at(h.clock.now())).toBeUndefined();
    expect(h.keys().map(h.body)).toEqual(['a']);
  });

  it('names each object by the hour of its oldest record, across an hour boundary', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, Prefix: 'iot/' });
    h.clock.set(Date.UTC(2026, 0, 1, 12, 59, 30));
    h.put('hose', 'late');
    h.at(Date.UTC(2026, 0, 1, 13, 0, 30));
    h.put('hose', 'next');
    h.at(Date.UTC(2026, 0, 1, 13, 1, 30));
    const keys = h.keys();
    expect(keys.map((k) => k.replace(/-[0-9a-f-]{36}$/, ''))).toEqual([
      'iot/2026/01/01/12/hose-1-2026-01-01-12-59-30',
      'iot/2026/01/01/13/hose-1-2026-01-01-13-00-30',
    ]);
    expect(keys.map(h.body)).toEqual(['late', 'next']);
  });

  it('GZIP-compresses the object and names it .gz; the size trigger counts bytes before compression', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, CompressionFormat: 'GZIP' });
    const record = 'sensor,temperature,status\n'.repeat(1000);
    const n = Math.ceil(MiB / record.length);
    for (let i = 0; i < n; i++) h.put('hose', record);
    h.at(h.clock.now());
    const [key] = h.keys();
    expect(key).toMatch(/\.gz$/);
    const stored = h.s3.getObject(BUCKET, key).body;
    expect(stored.length).toBeLessThan(MiB / 10);
    expect(new TextDecoder().decode(gunzipSync(stored))).toBe(record.repeat(n));
    expect(h.metric('DeliveryToS3.Bytes')).toEqual([record.length * n]);
  });

  it('carries the destination version in the names of objects delivered after UpdateDestination', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
    h.call('UpdateDestination', {
      DeliveryStreamName: 'hose',
      CurrentDeliveryStreamVersionId: '1',
      DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { Prefix: 'v2/' },
    });
    h.put('hose', 'a');
    h.at(h.clock.now());
    expect(h.keys()[0]).toMatch(/^v2\/2026\/01\/01\/12\/hose-2-/);
  });

  it('keeps a batch S3 refuses, logs why when error logging is on, and delivers it once the bucket exists', () => {
    const h = firehoseHarness();
    h.create('hose', {
      BucketARN: 'arn:aws:s3:::later-bucket',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 },
      CloudWatchLoggingOptions: {
        Enabled: true,
        LogGroupName: '/aws/kinesisfirehose/hose',
        LogStreamName: 'DestinationDelivery',
      },
    });
    h.put('hose', 'a');
    const now = h.clock.now();
    expect(h.at(now)).toBe(now + 5_000);
    expect(h.metric('DeliveryToS3.Success')).toEqual([0]);
    const s = [...h.service.store.streams.values()][0];
    expect(s._errors).toEqual([
      { time: now, errorCode: 'S3.NoSuchBucket', message: 'The specified bucket does not exist' },
    ]);
    h.s3.createBucket('later-bucket', 'us-east-1');
    h.at(now + 5_000);
    expect(h.s3.keys('later-bucket')).toHaveLength(1);
  });

  it('drops the buffers of a deleted stream', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    h.put('hose', 'a');
    h.call('DeleteDeliveryStream', { DeliveryStreamName: 'hose' });
    h.at(h.clock.now() + 120_000);
    expect(h.keys()).toEqual([]);
    expect(h.service.bufferList()).toEqual([]);
  });

  it('reads a Kinesis source through the injected reader, stamping objects with the records’ arrival', () => {
    const queue = [
      { data: b64('k1'), arrival: T0 - 30_000 },
      { data: new TextEncoder().encode('k2'), arrival: T0 },
    ];
    const h = firehoseHarness({
      openSource: () => ({
        read: (limit) => ({ records: queue.splice(0, limit) }),
        checkpoint: () => ({ read: 2 - queue.length }),
      }),
    });
    h.create(
      'hose',
      { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
      {
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: {
          KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
          RoleARN: 'arn:aws:iam::000000000000:role/r',
        },
      },
    );
    const start = h.clock.now();
    expect(h.at(start)).toBe(start + 1_000);
    h.at(start + 60_000);
    const [key] = h.keys();
    expect(key).toMatch(/^2026\/01\/01\/11\/hose-1-2026-01-01-11-59-30-/);
    expect(h.body(key)).toBe('k1k2');
    expect(h.error('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: b64('x') } })).toEqual({
      code: 'InvalidArgumentException',
      message: 'This operation is not permitted on KinesisStreamAsSource delivery stream type.',
    });
  });

  it('snapshots streams as JSON and buffers apart, and delivers restored buffers', () => {
    const h = firehoseHarness();
    h.create('hose', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    h.put('hose', 'a', 'b');
    const snap = JSON.parse(JSON.stringify(h.service.snapshot()));
    const buffers = h.service.bufferList();
    const again = firehoseHarness();
    again.service.restore(snap);
    expect(buffers.map((b) => [b.first, b.data])).toEqual([[0, [b64('a'), b64('b')]]]);
    for (const b of buffers) expect(again.service.loadBuffer(b.streamArn, b.data, b.arrivals, b.first)).toBe(true);
    again.at(h.clock.now() + 60_000);
    expect(again.keys().map(again.body)).toEqual(['ab']);
    // Positions only grow: records delivered leave from the oldest end.
    again.put('hose', 'c');
    expect(again.service.bufferList().map((b) => [b.first, b.data])).toEqual([[2, [b64('c')]]]);
  });
});

describe('Firehose record transformation (the injected function runner)', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:transform';
  const processing = {
    Enabled: true,
    Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: LAMBDA }] }],
  };

  const run = async (
    transform: (records: TransformInputRecord[]) => Promise<TransformOutputRecord[]>,
    ...records: string[]
  ) => {
    const calls: string[] = [];
    let woken = 0;
    const h = firehoseHarness({
      transform: (arn, recs) => {
        calls.push(arn);
        return transform(recs);
      },
      wake: () => woken++,
    });
    h.create('hose', {
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 },
      ProcessingConfiguration: processing,
    });
    h.put('hose', ...records);
    h.at(h.clock.now());
    expect(h.keys()).toEqual([]);
    await h.service.delivery.settle();
    expect(woken).toBe(1);
    h.clock.advance(1000);
    h.at(h.clock.now());
    const errorLines = h
      .keys('processing-failed/')
      .flatMap((k) => h.body(k).trim().split('\n'))
      .map((l) => JSON.parse(l));
    const delivered = h.keys('2026/').map(h.body);
    return { h, calls, delivered, errorLines };
  };

  it('delivers Ok records as the function returned them, leaves out Dropped, and writes ProcessingFailed under processing-failed/', async () => {
    const { calls, delivered, errorLines, h } = await run(
      async (recs) =>
        recs.map((r) => {
          const v = text(r.data);
          if (v === 'drop') return { recordId: r.recordId, result: 'Dropped' };
          if (v === 'bad') return { recordId: r.recordId, result: 'ProcessingFailed', data: r.data };
          return { recordId: r.recordId, result: 'Ok', data: b64(v.toUpperCase() + '\n') };
        }),
      'one',
      'drop',
      'bad',
      'two',
    );
    expect(calls).toEqual([LAMBDA]);
    expect(delivered).toEqual(['ONE\nTWO\n']);
    expect(errorLines).toEqual([
      {
        attemptsMade: 1,
        arrivalTimestamp: T0 + 500,
        errorCode: 'Lambda.ProcessingFailedStatus',
        errorMessage: 'ProcessingFailed status set for record',
        attemptEndingTimestamp: T0 + 500,
        rawData: b64('bad'),
        lambdaArn: LAMBDA,
      },
    ]);
    expect(h.keys('processing-failed/')[0]).toMatch(
      /^processing-failed\/2026\/01\/01\/12\/hose-1-2026-01-01-12-00-00-/,
    );
    expect(h.metric('SucceedProcessing.Records')).toEqual([2]);
  });

  it('fails records the function leaves out with Lambda.MissingRecordId', async () => {
    const { delivered, errorLines } = await run(
      async (recs) => [{ recordId: recs[0].recordId, result: 'Ok', data: recs[0].data }],
      'kept',
      'lost',
    );
    expect(delivered).toEqual(['kept']);
    expect(errorLines.map((l) => [l.errorCode, atob(l.rawData)])).toEqual([
      ['Lambda.MissingRecordId', 'lost'],
    ]);
  });

  it('retries a function that throws three times, then fails its records with Lambda.FunctionError', async () => {
    let attempts = 0;
    const { delivered, errorLines } = await run(async () => {
      attempts++;
      throw new Error('boom');
    }, 'a');
    expect(attempts).toBe(4);
    expect(delivered).toEqual([]);
    expect(errorLines.map((l) => [l.errorCode, l.errorMessage, l.attemptsMade])).toEqual([
      [
        'Lambda.FunctionError',
        'The Lambda function was successfully invoked but it returned an error result.',
        4,
      ],
    ]);
  });

  it('writes a timeout the runner reports as Lambda.FunctionTimedOut', async () => {
    const { errorLines } = await run(() => Promise.reject(transformFailure.timedOut()), 'a');
    expect(errorLines[0].errorCode).toBe('Lambda.FunctionTimedOut');
    expect(errorLines[0].errorMessage).toBe(
      'The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function.',
    );
  });

  it('succeeds on a retry after a failure', async () => {
    let attempts = 0;
    const { delivered, errorLines } = await run(async (recs) => {
      if (++attempts === 1) throw new TransformFailure('Lambda.FunctionError', 'x');
      return recs.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data }));
    }, 'a');
    expect(delivered).toEqual(['a']);
    expect(errorLines).toEqual([]);
  });
});
