import { DescribeDeliveryStreamCommand, UpdateDestinationCommand, CreateDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { createServiceClients } from '../../aws/clients';
import { defaultConnectionSettings } from '../../aws/connection';
import { VirtualClock } from '../../engine/common/clock';
import { Emulator } from '../../engine/emulator';
import { describeError } from './errors';
import {
  createDeliveryStreamRequest,
  deliveryFieldOf,
  fetchDeliveryStreamRows,
  FIREHOSE_ROLE,
  type CreateDeliveryStreamInput,
} from './useFirehose';

/** The console's SDK clients against an in-thread emulator on a manual clock. */
const setup = () => {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0));
  const emulator = new Emulator({ clock });
  const clients = createServiceClients(defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
  const advance = (ms: number) => {
    clock.advance(ms);
    emulator.advance(clock.now());
  };
  return { clients, advance };
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
