import {
  DescribeDeliveryStreamCommand,
  UpdateDestinationCommand,
  CreateDeliveryStreamCommand,
  PutRecordBatchCommand,
} from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { createServiceClients } from '../../aws/clients';
import { defaultConnectionSettings } from '../../aws/connection';
import { VirtualClock } from '../../engine/common/clock';
import { Emulator } from '../../engine/emulator';
import type { FirehoseExports } from '../../engine/firehose/module';
import type { FunctionsExports } from '../../engine/functions/module';
import type { EngineHooks } from '../../engine/protocol/context';
import { runTransformInThread } from '../../../server/transformRunner';
import { describeError } from './errors';
import {
  createDeliveryStreamRequest,
  deliveryFieldOf,
  fetchDeliveryStreamRows,
  FIREHOSE_ROLE,
  lambdaProcessing,
  transformOf,
  type CreateDeliveryStreamInput,
} from './useFirehose';

/** The console's SDK clients against an in-thread emulator on a manual clock (and a function runner, when given). */
const setup = (hooks?: EngineHooks) => {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0));
  const emulator = new Emulator({ clock, ...(hooks ? { hooks } : {}) });
  const clients = createServiceClients(defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
  const advance = (ms: number) => {
    clock.advance(ms);
    emulator.advance(clock.now());
  };
  return { clients, advance, emulator };
};

/** Activity 3's settings: 5 MiB / 60 s, no compression, error logging on. */
const workshop = (over: Partial<CreateDeliveryStreamInput> = {}): CreateDeliveryStreamInput => ({
  name: 'workshop-delivery',
  source: 'DirectPut',
  bucket: 'workshop-bucket',
  prefix: '',
  errorPrefix: '',
  sizeInMBs: 5,
  intervalInSeconds: 60,
  compression: 'UNCOMPRESSED',
  errorLogging: true,
  ...over,
});

/** The form field the emulator's answer to a create lands on. */
const fieldOfCreate = async (input: CreateDeliveryStreamInput) => {
  const { clients } = setup();
  const e = await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(input))).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeDefined();
  return deliveryFieldOf(describeError(e));
};

describe('create delivery stream request', () => {
  it('creates the workshop delivery stream the emulator accepts, with the placeholder role and logging on', async () => {
    const { clients, advance } = setup();
    await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop())));
    advance(10_000);
    const d = (await clients.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'workshop-delivery' })))
      .DeliveryStreamDescription!;
    expect(d.DeliveryStreamStatus).toBe('ACTIVE');
    const s3 = d.Destinations![0].ExtendedS3DestinationDescription!;
    expect(s3.RoleARN).toBe(FIREHOSE_ROLE);
    expect(s3.BucketARN).toBe('arn:aws:s3:::workshop-bucket');
    expect(s3.BufferingHints).toEqual({ SizeInMBs: 5, IntervalInSeconds: 60 });
    expect(s3.CompressionFormat).toBe('UNCOMPRESSED');
    expect(s3.CloudWatchLoggingOptions).toEqual({
      Enabled: true,
      LogGroupName: '/aws/kinesisfirehose/workshop-delivery',
      LogStreamName: 'DestinationDelivery',
    });
    expect(s3.Prefix).toBeUndefined();
  });

  it('lists every delivery stream with its status, source and bucket, across pages', async () => {
    const { clients, advance } = setup();
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'src', ShardCount: 1 }));
    advance(2000);
    for (let i = 0; i < 3; i++) await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop({ name: `d${i}` }))));
    await clients.firehose.send(
      new CreateDeliveryStreamCommand(
        createDeliveryStreamRequest(
          workshop({ name: 'from-stream', source: 'KinesisStreamAsSource', sourceStreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/src' }),
        ),
      ),
    );
    const rows = await fetchDeliveryStreamRows(clients.firehose);
    expect(rows.map((r) => [r.name, r.status, r.type, r.bucket])).toEqual([
      ['d0', 'CREATING', 'DirectPut', 'workshop-bucket'],
      ['d1', 'CREATING', 'DirectPut', 'workshop-bucket'],
      ['d2', 'CREATING', 'DirectPut', 'workshop-bucket'],
      ['from-stream', 'CREATING', 'KinesisStreamAsSource', 'workshop-bucket'],
    ]);
    expect(rows[3].sourceStreamArn).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/src');
  });
});

describe('AWS errors land next to their field', () => {
  it('buffer size and interval out of range: ValidationException on the hint', async () => {
    expect(await fieldOfCreate(workshop({ sizeInMBs: 129 }))).toBe('size');
    expect(await fieldOfCreate(workshop({ intervalInSeconds: 901 }))).toBe('interval');
  });

  it('a name too long or with a space, or already taken', async () => {
    expect(await fieldOfCreate(workshop({ name: 'a'.repeat(65) }))).toBe('name');
    expect(await fieldOfCreate(workshop({ name: 'has space' }))).toBe('name');
    const { clients } = setup();
    await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop())));
    const e = await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop()))).catch((x: unknown) => x);
    expect(deliveryFieldOf(describeError(e))).toBe('name');
  });

  it('prefix rules: an expression prefix needs an error prefix, which needs the error-output-type', async () => {
    expect(await fieldOfCreate(workshop({ prefix: 'data/!{timestamp:yyyy}/' }))).toBe('errorPrefix');
    expect(await fieldOfCreate(workshop({ prefix: 'data/!{timestamp:yyyy}/', errorPrefix: 'errors/!{timestamp:yyyy}/' }))).toBe('errorPrefix');
    expect(await fieldOfCreate(workshop({ prefix: 'data/!{nope:x}/', errorPrefix: 'e/!{firehose:error-output-type}/' }))).toBe('prefix');
  });

  it('a source data stream that does not exist', async () => {
    expect(
      await fieldOfCreate(workshop({ source: 'KinesisStreamAsSource', sourceStreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/none' })),
    ).toBe('source');
  });

  it('an update that names a stale version is not about a field', async () => {
    const { clients, advance } = setup();
    await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop())));
    advance(10_000);
    const e = await clients.firehose
      .send(
        new UpdateDestinationCommand({
          DeliveryStreamName: 'workshop-delivery',
          CurrentDeliveryStreamVersionId: '7',
          DestinationId: 'destinationId-000000000001',
          ExtendedS3DestinationUpdate: { BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 60 } },
        }),
      )
      .catch((x: unknown) => x);
    expect(describeError(e).type).toBe('ConcurrentModificationException');
    expect(deliveryFieldOf(describeError(e))).toBeUndefined();
  });
});

describe('record transformation in the create request', () => {
  const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:upper';

  it('has no ProcessingConfiguration when no function is named, and the described stream shows it off', async () => {
    const request = createDeliveryStreamRequest(workshop());
    expect(request.ExtendedS3DestinationConfiguration).not.toHaveProperty('ProcessingConfiguration');
    const { clients, advance } = setup();
    await clients.firehose.send(new CreateDeliveryStreamCommand(request));
    advance(10_000);
    const d = await clients.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'workshop-delivery' }));
    expect(transformOf(d.DeliveryStreamDescription)).toEqual({ enabled: false, lambdaArn: undefined });
  });

  it('names the function as the Lambda processor; the stream describes it, and an update of the destination keeps it', async () => {
    const request = createDeliveryStreamRequest(workshop({ transformLambdaArn: ARN }));
    expect(request.ExtendedS3DestinationConfiguration.ProcessingConfiguration).toEqual({
      Enabled: true,
      Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: ARN }] }],
    });
    expect(request.ExtendedS3DestinationConfiguration.ProcessingConfiguration).toEqual(lambdaProcessing(ARN));
    const { clients, advance } = setup();
    await clients.firehose.send(new CreateDeliveryStreamCommand(request));
    advance(10_000);
    const describe = async () =>
      (await clients.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'workshop-delivery' })))
        .DeliveryStreamDescription;
    expect(transformOf(await describe())).toEqual({ enabled: true, lambdaArn: ARN });
    await clients.firehose.send(
      new UpdateDestinationCommand({
        DeliveryStreamName: 'workshop-delivery',
        CurrentDeliveryStreamVersionId: '1',
        DestinationId: 'destinationId-000000000001',
        ExtendedS3DestinationUpdate: { BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 60 } },
      }),
    );
    expect(transformOf(await describe())).toEqual({ enabled: true, lambdaArn: ARN });
  });

  it('a Lambda processor the service refuses lands on the transform section', () => {
    expect(
      deliveryFieldOf({ type: 'InvalidArgumentException', message: 'The Lambda processor requires the LambdaArn parameter.' }),
    ).toBe('transform');
  });

  it('delivers the records as a function that upper-cases them returned, and its failures under processing-failed/', async () => {
    const { clients, advance, emulator } = setup({ runTransform: runTransformInThread });
    // What the create form does: put the function (the console channel), then create naming its ARN.
    const { arn } = emulator.exports<FunctionsExports>('functions').store.put({
      name: 'upper',
      source: `export const handler = async (event) => ({
        records: event.records.map((r) => {
          const text = Buffer.from(r.data, 'base64').toString('utf8');
          if (text.includes('bad')) throw new Error('bad record');
          return { recordId: r.recordId, result: 'Ok', data: Buffer.from(text.toUpperCase()).toString('base64') };
        }),
      });`,
    });
    expect(arn).toBe(ARN);
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'workshop-bucket' }));
    await clients.firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(workshop({ transformLambdaArn: arn }))));
    advance(10_000);
    const deliver = async (...records: string[]) => {
      await clients.firehose.send(
        new PutRecordBatchCommand({
          DeliveryStreamName: 'workshop-delivery',
          Records: records.map((r) => ({ Data: new TextEncoder().encode(r) })),
        }),
      );
      advance(60_000);
      await emulator.exports<FirehoseExports>('firehose').service.delivery.settle();
      advance(1000);
    };
    await deliver('hello\n', 'world\n');
    await deliver('a bad one\n');
    const bodies = async (prefix: string) => {
      const list = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'workshop-bucket', Prefix: prefix }));
      return Promise.all(
        (list.Contents ?? []).map(async (o) =>
          (await clients.s3.send(new GetObjectCommand({ Bucket: 'workshop-bucket', Key: o.Key }))).Body!.transformToString(),
        ),
      );
    };
    expect(await bodies('2026/')).toEqual(['HELLO\nWORLD\n']);
    const failed = (await bodies('processing-failed/')).flatMap((b) => b.trim().split('\n').map((l) => JSON.parse(l)));
    expect(failed.map((f) => [f.errorCode, atob(f.rawData), f.lambdaArn])).toEqual([
      ['Lambda.FunctionError', 'a bad one\n', ARN],
    ]);
  });
});
