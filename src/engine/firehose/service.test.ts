import { describe, expect, it } from 'vitest';
import { b64, BUCKET_ARN, firehoseHarness, ROLE, T0 } from './testing';

const S3_CONFIG = { RoleARN: ROLE, BucketARN: BUCKET_ARN };

describe('Firehose control plane', () => {
  it('creates a DirectPut stream that is CREATING, then ACTIVE after the state delay, and describes it', () => {
    const h = firehoseHarness();
    const out = h.call('CreateDeliveryStream', {
      DeliveryStreamName: 'hose',
      ExtendedS3DestinationConfiguration: {
        ...S3_CONFIG,
        BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
        CloudWatchLoggingOptions: { Enabled: true },
      },
    });
    expect(out).toEqual({ DeliveryStreamARN: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/hose' });
    const describe = () =>
      h.call('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).DeliveryStreamDescription;
    expect(describe().DeliveryStreamStatus).toBe('CREATING');
    expect(h.error('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: b64('x') } }).code).toBe(
      'ResourceNotFoundException',
    );
    h.clock.advance(500);
    const destination = {
      RoleARN: ROLE,
      BucketARN: BUCKET_ARN,
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
      CompressionFormat: 'UNCOMPRESSED',
      EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
      CloudWatchLoggingOptions: { Enabled: true },
    };
    expect(describe()).toEqual({
      DeliveryStreamName: 'hose',
      DeliveryStreamARN: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/hose',
      DeliveryStreamStatus: 'ACTIVE',
      DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
      DeliveryStreamType: 'DirectPut',
      VersionId: '1',
      CreateTimestamp: T0 / 1000,
      Destinations: [
        {
          DestinationId: 'destinationId-000000000001',
          S3DestinationDescription: destination,
          ExtendedS3DestinationDescription: {
            ...destination,
            ProcessingConfiguration: { Enabled: false, Processors: [] },
            S3BackupMode: 'Disabled',
          },
        },
      ],
      HasMoreDestinations: false,
    });
  });

  it('maps S3DestinationConfiguration onto the same destination, with AWS defaults of 5 MiB and 300 s', () => {
    const h = firehoseHarness();
    h.call('CreateDeliveryStream', { DeliveryStreamName: 'plain', S3DestinationConfiguration: S3_CONFIG });
    const d = h.call('DescribeDeliveryStream', { DeliveryStreamName: 'plain' }).DeliveryStreamDescription
      .Destinations[0];
    expect(d.ExtendedS3DestinationDescription.BufferingHints).toEqual({
      SizeInMBs: 5,
      IntervalInSeconds: 300,
    });
  });

  it('refuses a second stream of the same name, and a missing one with ResourceNotFoundException', () => {
    const h = firehoseHarness();
    h.create('hose');
    expect(
      h.error('CreateDeliveryStream', { DeliveryStreamName: 'hose', S3DestinationConfiguration: S3_CONFIG }),
    ).toEqual({
      code: 'ResourceInUseException',
      message: 'Firehose hose under account 000000000000 already exists.',
    });
    expect(h.error('DescribeDeliveryStream', { DeliveryStreamName: 'nope' })).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Firehose nope under account 000000000000 not found.',
    });
  });

  it("checks the model's constraints: buffering hints in range, names by pattern", () => {
    const h = firehoseHarness();
    expect(
      h.error('CreateDeliveryStream', {
        DeliveryStreamName: 'hose',
        ExtendedS3DestinationConfiguration: {
          ...S3_CONFIG,
          BufferingHints: { SizeInMBs: 129, IntervalInSeconds: 901 },
        },
      }),
    ).toEqual({
      code: 'ValidationException',
      message:
        "2 validation errors detected: Value '129' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value less than or equal to 128; " +
        "Value '901' at 'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900",
    });
    expect(
      h.error('CreateDeliveryStream', {
        DeliveryStreamName: 'bad name',
        S3DestinationConfiguration: S3_CONFIG,
      }).message,
    ).toContain(
      "Value 'bad name' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    expect(
      h.error('CreateDeliveryStream', {
        DeliveryStreamName: 'h',
        ExtendedS3DestinationConfiguration: { ...S3_CONFIG, CompressionFormat: 'ZIP' },
      }),
    ).toEqual({
      code: 'InvalidArgumentException',
      message: 'CompressionFormat ZIP is not available in the emulator.',
    });
    expect(
      h.error('CreateDeliveryStream', {
        DeliveryStreamName: 'h',
        ExtendedS3DestinationConfiguration: { ...S3_CONFIG, Prefix: '!{timestamp:yyyy}/' },
      }),
    ).toEqual({
      code: 'InvalidArgumentException',
      message: "ErrorOutputPrefix can't be null when Prefix contains expressions",
    });
  });

  it('lists stream names in order, a page at a time', () => {
    const h = firehoseHarness();
    for (const n of ['c', 'a', 'b']) h.create(n);
    expect(h.call('ListDeliveryStreams', { Limit: 2 })).toEqual({
      DeliveryStreamNames: ['a', 'b'],
      HasMoreDeliveryStreams: true,
    });
    expect(h.call('ListDeliveryStreams', { ExclusiveStartDeliveryStreamName: 'b' })).toEqual({
      DeliveryStreamNames: ['c'],
      HasMoreDeliveryStreams: false,
    });
    expect(h.call('ListDeliveryStreams', { DeliveryStreamType: 'KinesisStreamAsSource' })).toEqual({
      DeliveryStreamNames: [],
      HasMoreDeliveryStreams: false,
    });
  });

  it('deletes a stream through DELETING', () => {
    const h = firehoseHarness();
    h.call('CreateDeliveryStream', { DeliveryStreamName: 'hose', S3DestinationConfiguration: S3_CONFIG });
    expect(h.error('DeleteDeliveryStream', { DeliveryStreamName: 'hose' }).code).toBe(
      'ResourceInUseException',
    );
    h.clock.advance(500);
    h.call('DeleteDeliveryStream', { DeliveryStreamName: 'hose' });
    expect(
      h.call('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).DeliveryStreamDescription
        .DeliveryStreamStatus,
    ).toBe('DELETING');
    h.clock.advance(500);
    expect(h.error('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).code).toBe(
      'ResourceNotFoundException',
    );
  });

  it('updates the destination against the current version, which then goes up by one', () => {
    const h = firehoseHarness();
    h.create('hose');
    const update = (version: string, u: Record<string, unknown>) => ({
      DeliveryStreamName: 'hose',
      CurrentDeliveryStreamVersionId: version,
      DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: u,
    });
    h.clock.advance(1000);
    h.call(
      'UpdateDestination',
      update('1', { BufferingHints: { IntervalInSeconds: 60 }, CompressionFormat: 'GZIP' }),
    );
    const d = h.call('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).DeliveryStreamDescription;
    expect([d.VersionId, d.LastUpdateTimestamp]).toEqual(['2', (T0 + 1500) / 1000]);
    expect(d.Destinations[0].ExtendedS3DestinationDescription).toMatchObject({
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 },
      CompressionFormat: 'GZIP',
    });
    expect(h.error('UpdateDestination', update('1', { Prefix: 'x/' })).code).toBe(
      'ConcurrentModificationException',
    );
    expect(
      h.error('UpdateDestination', { ...update('2', {}), DestinationId: 'destinationId-000000000002' }).code,
    ).toBe('InvalidArgumentException');
    expect(h.error('UpdateDestination', update('2', { Prefix: '!{timestamp:yyyy}/' })).message).toBe(
      "ErrorOutputPrefix can't be null when Prefix contains expressions",
    );
    expect(
      h.call('DescribeDeliveryStream', { DeliveryStreamName: 'hose' }).DeliveryStreamDescription.VersionId,
    ).toBe('2');
  });

  it('tags, lists tags by key a page at a time, and untags', () => {
    const h = firehoseHarness();
    h.create('hose', {}, { Tags: [{ Key: 'Workshop', Value: 'kinesis' }] });
    h.call('TagDeliveryStream', {
      DeliveryStreamName: 'hose',
      Tags: [
        { Key: 'Équipe', Value: 'données' },
        { Key: 'Activity', Value: '3' },
      ],
    });
    expect(h.call('ListTagsForDeliveryStream', { DeliveryStreamName: 'hose', Limit: 2 })).toEqual({
      Tags: [
        { Key: 'Activity', Value: '3' },
        { Key: 'Workshop', Value: 'kinesis' },
      ],
      HasMoreTags: true,
    });
    h.call('UntagDeliveryStream', { DeliveryStreamName: 'hose', TagKeys: ['Workshop', 'absent'] });
    expect(
      h.call('ListTagsForDeliveryStream', { DeliveryStreamName: 'hose', ExclusiveStartTagKey: 'Activity' }),
    ).toEqual({ Tags: [{ Key: 'Équipe', Value: 'données' }], HasMoreTags: false });
    expect(
      h.error('TagDeliveryStream', { DeliveryStreamName: 'hose', Tags: [{ Key: 'aws:owner', Value: 'x' }] })
        .message,
    ).toBe(
      "1 validation error detected: Value 'aws:owner' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$",
    );
    const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(h.error('TagDeliveryStream', { DeliveryStreamName: 'hose', Tags: many }).code).toBe(
      'LimitExceededException',
    );
  });
});

describe('Firehose PutRecord and PutRecordBatch', () => {
  it('answers a record id per record, FailedPutCount 0, and counts the metrics', () => {
    const h = firehoseHarness();
    h.create('hose');
    const out = h.put('hose', 'a', 'bc');
    expect(out.FailedPutCount).toBe(0);
    expect(out.Encrypted).toBe(false);
    expect(out.RequestResponses).toHaveLength(2);
    expect(out.RequestResponses[0].RecordId).not.toBe(out.RequestResponses[1].RecordId);
    const one = h.call('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: b64('def') } });
    expect(one.RecordId).toMatch(/^[0-9a-f]{40}$/);
    expect([h.metric('IncomingRecords'), h.metric('IncomingBytes')]).toEqual([
      [2, 1],
      [3, 3],
    ]);
    expect([h.metric('PutRecordBatch.Records'), h.metric('PutRecordBatch.Bytes')]).toEqual([[2], [3]]);
    expect(h.metrics[0]).toMatchObject({
      namespace: 'AWS/Firehose',
      dimensions: [{ Name: 'DeliveryStreamName', Value: 'hose' }],
      region: 'us-east-1',
    });
  });

  it('refuses 501 records, a record over 1,000 KiB, and a batch over 4 MiB', () => {
    const h = firehoseHarness();
    h.create('hose');
    const r501 = h.error('PutRecordBatch', {
      DeliveryStreamName: 'hose',
      Records: Array.from({ length: 501 }, () => ({ Data: b64('x') })),
    });
    expect(r501.code).toBe('ValidationException');
    expect(r501.message).toMatch(
      /at 'records' failed to satisfy constraint: Member must have length less than or equal to 500$/,
    );
    const big = btoa('x'.repeat(1024000 + 1));
    const over = h.error('PutRecordBatch', {
      DeliveryStreamName: 'hose',
      Records: [{ Data: b64('ok') }, { Data: big }],
    });
    expect(over.code).toBe('ValidationException');
    expect(over.message).toMatch(
      /at 'records.2.member.data' failed to satisfy constraint: Member must have length less than or equal to 1024000$/,
    );
    expect(h.error('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: big } }).message).toMatch(
      /at 'record.data' failed to satisfy constraint/,
    );
    const fiveMiB = Array.from({ length: 5 }, () => ({ Data: btoa('y'.repeat(1024000)) }));
    expect(h.error('PutRecordBatch', { DeliveryStreamName: 'hose', Records: fiveMiB })).toEqual({
      code: 'InvalidArgumentException',
      message: 'The total size of the records exceeds the limit of 4194304 bytes for PutRecordBatch.',
    });
  });

  it("fails records past the stream's per-second quota alone, with ServiceUnavailableException 'Slow down.'", () => {
    const h = firehoseHarness();
    h.call('CreateDeliveryStream', { DeliveryStreamName: 'hose', S3DestinationConfiguration: S3_CONFIG });
    h.clock.set(T0 + 1000);
    // 1 MiB per second outside the three largest regions.
    const rc = { region: 'eu-central-1', requestId: 'r' };
    h.service.call(
      'CreateDeliveryStream',
      { DeliveryStreamName: 'small', S3DestinationConfiguration: S3_CONFIG },
      rc,
    );
    h.clock.set(T0 + 2000);
    const record = { Data: btoa('z'.repeat(1000 * 1024)) };
    const out = h.service.call(
      'PutRecordBatch',
      { DeliveryStreamName: 'small', Records: [record, record] },
      rc,
    ) as any;
    expect(out.FailedPutCount).toBe(1);
    expect(out.RequestResponses[1]).toEqual({
      ErrorCode: 'ServiceUnavailableException',
      ErrorMessage: 'Slow down.',
    });
    h.clock.set(T0 + 3000);
    expect(
      (h.service.call('PutRecordBatch', { DeliveryStreamName: 'small', Records: [record] }, rc) as any)
        .FailedPutCount,
    ).toBe(0);
  });
});
