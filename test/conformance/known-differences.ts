/**
 * DELIBERATE DIFFERENCES between kinesalite and the emulator: the one list of them.
 * Each entry says why in one line, runs a scenario against both servers, and asserts what each
 * answers: kinesalite's X and the emulator's (AWS's) Y. known-differences.test.ts runs them.
 * Bugs (differences that are not on purpose) are not listed here but in known-gaps.ts.
 */
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  EnableEnhancedMonitoringCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  IncreaseStreamRetentionPeriodCommand,
  ListShardsCommand,
  ListStreamsCommand,
  ListTagsForStreamCommand,
  PutRecordCommand,
  PutRecordsCommand,
  SplitShardCommand,
  UpdateShardCountCommand,
  type GetRecordsCommandOutput,
  type GetShardIteratorCommandOutput,
  type ListShardsCommandOutput,
} from '@aws-sdk/client-kinesis';
import { expect } from 'vitest';
import type { Kit } from './harness';

export interface KnownDifference {
  name: string;
  /** One line: why the emulator answers differently from kinesalite. */
  reason: string;
  run(k: Kit): Promise<void>;
  /** What kinesalite answers (asserted, so the list stays true as kinesalite changes). `stream` is the scenario's stream name. */
  kinesalite(t: Transcript, stream: string): void;
  /** What the emulator answers: AWS's behaviour. */
  emulator(t: Transcript, stream: string): void;
}

export type Transcript = unknown[];

/**
 * Response fields AWS added after kinesalite was written. The emulator sends them (as AWS does);
 * the harness removes them from the emulator's side before comparing ordinary scenarios, and the
 * first entry below asserts they are there.
 */
export const stripFieldsKinesaliteLacks = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(stripFieldsKinesaliteLacks);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  const isListStreams = 'StreamNames' in v;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'StreamModeDetails' || k === 'StreamSummaries') continue;
    if (isListStreams && k === 'NextToken') continue;
    out[k] = stripFieldsKinesaliteLacks(x);
  }
  return out;
};

/** The value recorded under `label` in a transcript. */
export const entry = (t: Transcript, label: string): any => {
  const found = t.find((x) => x !== null && typeof x === 'object' && label in x) as
    Record<string, unknown> | undefined;
  if (!found) throw new Error(`no '${label}' in ${JSON.stringify(t)}`);
  return found[label];
};

const bytes = (s: string) => new TextEncoder().encode(s);
/** Headers of a signed awsJson request for raw calls, scoped to `region`. */
const signedRaw = (operation: string, region = 'us-east-1'): Record<string, string> => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `Kinesis_20131202.${operation}`,
  authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/${region}/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`,
  'x-amz-date': '20260101T000000Z',
});
const MiB = 1024 * 1024;
const SHARD0 = 'shardId-000000000000';
const unknownOperation = { error: 'UnknownOperationException', message: undefined, status: 400 };

const active = async (k: Kit, ShardCount = 1, suffix?: string) => {
  const StreamName = k.stream(suffix);
  await k.call(new CreateStreamCommand({ StreamName, ShardCount }), 'setup');
  await k.waitActive(StreamName);
  return StreamName;
};

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    name: 'newer response fields: StreamModeDetails, ListStreams StreamSummaries and NextToken',
    reason:
      'AWS added stream modes (2021) and ListStreams summaries/tokens (2022) after kinesalite; the emulator returns them.',
    async run(k) {
      const StreamName = await active(k);
      await active(k, 1, 'other');
      await k.call(new DescribeStreamSummaryCommand({ StreamName }));
      await k.call(new ListStreamsCommand({ Limit: 1 }));
    },
    kinesalite(t) {
      expect(entry(t, 'DescribeStreamSummary').StreamDescriptionSummary.StreamModeDetails).toBeUndefined();
      expect(entry(t, 'ListStreams').StreamSummaries).toBeUndefined();
      expect(entry(t, 'ListStreams').NextToken).toBeUndefined();
    },
    emulator(t) {
      expect(entry(t, 'DescribeStreamSummary').StreamDescriptionSummary.StreamModeDetails).toEqual({
        StreamMode: 'PROVISIONED',
      });
      expect(entry(t, 'ListStreams').StreamSummaries).toHaveLength(1);
      expect(entry(t, 'ListStreams').NextToken).toBe('<token>');
    },
  },
  {
    name: 'UpdateShardCount',
    reason: 'kinesalite does not implement UpdateShardCount; the emulator does (uniform scaling, as AWS).',
    async run(k) {
      const StreamName = await active(k);
      await k.call(
        new UpdateShardCountCommand({ StreamName, TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }),
      );
      await k.waitActive(StreamName);
      await k.call(new DescribeStreamSummaryCommand({ StreamName }), 'after');
    },
    kinesalite(t) {
      expect(entry(t, 'UpdateShardCount')).toEqual(unknownOperation);
      expect(entry(t, 'DescribeStreamSummary after').StreamDescriptionSummary.OpenShardCount).toBe(1);
    },
    emulator(t) {
      expect(entry(t, 'UpdateShardCount')).toMatchObject({ CurrentShardCount: 1, TargetShardCount: 2 });
      expect(entry(t, 'DescribeStreamSummary after').StreamDescriptionSummary.OpenShardCount).toBe(2);
    },
  },
  {
    name: 'ON_DEMAND streams',
    reason:
      'kinesalite knows only provisioned streams (ShardCount required); AWS creates on-demand streams with 4 shards.',
    async run(k) {
      const StreamName = k.stream();
      await k.call(new CreateStreamCommand({ StreamName, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
      await k.waitActive(StreamName).catch(() => undefined);
      await k.call(new DescribeStreamSummaryCommand({ StreamName }));
    },
    kinesalite(t) {
      expect(entry(t, 'CreateStream')).toEqual({
        error: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'shardCount' failed to satisfy constraint: Member must not be null",
        status: 400,
      });
    },
    emulator(t) {
      expect(entry(t, 'CreateStream')).toEqual({});
      expect(entry(t, 'DescribeStreamSummary').StreamDescriptionSummary).toMatchObject({
        StreamModeDetails: { StreamMode: 'ON_DEMAND' },
        OpenShardCount: 4,
      });
    },
  },
  {
    name: 'enhanced monitoring',
    reason:
      'kinesalite does not implement Enable/DisableEnhancedMonitoring; the emulator does (shard-level metrics).',
    async run(k) {
      const StreamName = await active(k);
      await k.call(new EnableEnhancedMonitoringCommand({ StreamName, ShardLevelMetrics: ['IncomingBytes'] }));
    },
    kinesalite(t) {
      expect(entry(t, 'EnableEnhancedMonitoring')).toEqual(unknownOperation);
    },
    emulator(t) {
      expect(entry(t, 'EnableEnhancedMonitoring')).toMatchObject({
        CurrentShardLevelMetrics: [],
        DesiredShardLevelMetrics: ['IncomingBytes'],
      });
    },
  },
  {
    name: 'write throttling: over 1,000 records/s into one shard',
    reason:
      'kinesalite never throttles; AWS fails the excess records inside PutRecords with ProvisionedThroughputExceededException.',
    async run(k) {
      const StreamName = await active(k);
      const Records = Array.from({ length: 500 }, () => ({ PartitionKey: 'a', Data: new Uint8Array(100) }));
      let failed = 0;
      const codes = new Set<string>();
      for (let i = 0; i < 5; i++) {
        const out = await k.client.send(new PutRecordsCommand({ StreamName, Records }));
        failed += out.FailedRecordCount ?? 0;
        for (const r of out.Records ?? []) if (r.ErrorCode) codes.add(r.ErrorCode);
      }
      k.note('2,500 records in under a second', { failed: failed > 0, codes: [...codes] });
    },
    kinesalite(t) {
      expect(entry(t, '2,500 records in under a second')).toEqual({ failed: false, codes: [] });
    },
    emulator(t) {
      expect(entry(t, '2,500 records in under a second')).toEqual({
        failed: true,
        codes: ['ProvisionedThroughputExceededException'],
      });
    },
  },
  {
    name: 'read throttling: over 5 GetRecords calls/s on one shard',
    reason:
      'kinesalite never throttles; AWS answers ProvisionedThroughputExceededException past 5 reads per second per shard.',
    async run(k) {
      const StreamName = await active(k);
      const it = await k.client.send(
        new GetShardIteratorCommand({ StreamName, ShardId: SHARD0, ShardIteratorType: 'LATEST' }),
      );
      const errors = new Set<string>();
      // 12 calls: however a one-second window boundary splits them, one window sees at least 6.
      for (let i = 0; i < 12; i++) {
        try {
          await k.client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
        } catch (e) {
          errors.add((e as Error).name);
        }
      }
      k.note('12 reads at once', [...errors]);
    },
    kinesalite(t) {
      expect(entry(t, '12 reads at once')).toEqual([]);
    },
    emulator(t) {
      expect(entry(t, '12 reads at once')).toEqual(['ProvisionedThroughputExceededException']);
    },
  },
  {
    name: 'PutRecords over 5 MiB (but under the 7 MiB body limit)',
    reason: 'kinesalite does not check the 5 MiB request limit; AWS refuses the call.',
    async run(k) {
      const StreamName = await active(k);
      const Records = [
        ...Array.from({ length: 5 }, () => ({ PartitionKey: 'a', Data: new Uint8Array(MiB - 1) })),
        { PartitionKey: 'a', Data: new Uint8Array(1000) },
      ];
      await k.call(new PutRecordsCommand({ StreamName, Records }));
    },
    kinesalite(t) {
      expect(entry(t, 'PutRecords')).toMatchObject({ FailedRecordCount: 0 });
    },
    emulator(t) {
      expect(entry(t, 'PutRecords')).toEqual({
        error: 'InvalidArgumentException',
        message: 'Records size exceeds 5 MB limit',
        status: 400,
      });
    },
  },
  {
    name: 'a record of exactly 1 MiB of data plus its partition key',
    reason: 'kinesalite limits the data alone; AWS counts the partition key in the 1 MiB record limit.',
    async run(k) {
      const StreamName = await active(k);
      await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: new Uint8Array(MiB) }));
    },
    kinesalite(t) {
      expect(entry(t, 'PutRecord')).toMatchObject({ ShardId: SHARD0 });
    },
    emulator(t) {
      expect(entry(t, 'PutRecord')).toMatchObject({ error: 'InvalidArgumentException', status: 400 });
    },
  },
  {
    name: 'retention over 168 hours',
    reason: 'kinesalite caps retention at 7 days (the old limit); AWS allows up to 8760 hours (365 days).',
    async run(k) {
      const StreamName = await active(k);
      await k.call(new IncreaseStreamRetentionPeriodCommand({ StreamName, RetentionPeriodHours: 8760 }));
    },
    kinesalite(t) {
      expect(entry(t, 'IncreaseStreamRetentionPeriod')).toEqual({
        error: 'ValidationException',
        message:
          "1 validation error detected: Value '8760' at 'retentionPeriodHours' failed to satisfy constraint: Member must have value less than or equal to 168",
        status: 400,
      });
    },
    emulator(t) {
      expect(entry(t, 'IncreaseStreamRetentionPeriod')).toEqual({});
    },
  },
  {
    name: 'hash keys must match their whole pattern',
    reason:
      "kinesalite anchors only one branch of '0|([1-9]\\d{0,38})', letting '-1' and '007' through; AWS matches the whole value.",
    async run(k) {
      const StreamName = await active(k);
      await k.call(
        new PutRecordCommand({ StreamName, PartitionKey: 'a', ExplicitHashKey: '-1', Data: bytes('x') }),
        '-1',
      );
      await k.call(
        new PutRecordCommand({ StreamName, PartitionKey: 'a', ExplicitHashKey: '007', Data: bytes('x') }),
        '007',
      );
      await k.call(
        new SplitShardCommand({ StreamName, ShardToSplit: SHARD0, NewStartingHashKey: '-5' }),
        'split at -5',
      );
    },
    kinesalite(t) {
      expect(entry(t, 'PutRecord -1')).toMatchObject({ error: 'InvalidArgumentException' });
      expect(entry(t, 'PutRecord 007')).toMatchObject({ ShardId: SHARD0 });
      expect(entry(t, 'SplitShard split at -5')).toMatchObject({ error: 'InvalidArgumentException' });
    },
    emulator(t) {
      const pattern =
        'failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})';
      expect(entry(t, 'PutRecord -1')).toEqual({
        error: 'ValidationException',
        message: `1 validation error detected: Value '-1' at 'explicitHashKey' ${pattern}`,
        status: 400,
      });
      expect(entry(t, 'PutRecord 007').error).toBe('ValidationException');
      expect(entry(t, 'SplitShard split at -5')).toEqual({
        error: 'ValidationException',
        message: `1 validation error detected: Value '-5' at 'newStartingHashKey' ${pattern}`,
        status: 400,
      });
    },
  },
  {
    name: 'resharding a shard that is already closed',
    reason:
      'kinesalite lets a closed parent be split again; AWS refuses a shard that was already split or merged.',
    async run(k) {
      const StreamName = await active(k);
      await k.call(
        new SplitShardCommand({ StreamName, ShardToSplit: SHARD0, NewStartingHashKey: '1000' }),
        'first',
      );
      await k.waitActive(StreamName);
      await k.call(
        new SplitShardCommand({ StreamName, ShardToSplit: SHARD0, NewStartingHashKey: '100' }),
        'closed parent',
      );
      await k.waitActive(StreamName);
    },
    kinesalite(t) {
      expect(entry(t, 'SplitShard closed parent')).toEqual({});
    },
    emulator(t, stream) {
      expect(entry(t, 'SplitShard closed parent')).toEqual({
        error: 'InvalidArgumentException',
        message: `Shard ${SHARD0} in stream ${stream} under account 000000000000 has already been merged or split, and thus is not eligible for splitting.`,
        status: 400,
      });
    },
  },
  {
    name: 'DeleteStream and retention changes while CREATING',
    reason:
      "kinesalite accepts them on a CREATING stream; AWS acts only on ACTIVE streams (ResourceInUseException; the DeleteStream API reference: 'If the stream is in the ACTIVE state, you can delete it').",
    async run(k) {
      const a = k.stream('a');
      await k.call(new CreateStreamCommand({ StreamName: a, ShardCount: 1 }), 'setup a');
      await k.call(new IncreaseStreamRetentionPeriodCommand({ StreamName: a, RetentionPeriodHours: 48 }));
      const b = k.stream('b');
      await k.call(new CreateStreamCommand({ StreamName: b, ShardCount: 1 }), 'setup b');
      await k.call(new DeleteStreamCommand({ StreamName: b }));
      await k.waitActive(a);
      // kinesalite's creation timer can bring the deleted stream back; wait for either outcome.
      await new Promise((r) => setTimeout(r, 120));
    },
    kinesalite(t) {
      expect(entry(t, 'IncreaseStreamRetentionPeriod')).toEqual({});
      expect(entry(t, 'DeleteStream')).toEqual({});
    },
    emulator(t, stream) {
      const inUse = (name: string) => ({
        error: 'ResourceInUseException',
        message: `Stream ${name} under account 000000000000 not ACTIVE, instead in state CREATING`,
        status: 400,
      });
      expect(entry(t, 'IncreaseStreamRetentionPeriod')).toEqual(inUse(`${stream}-a`));
      expect(entry(t, 'DeleteStream')).toEqual(inUse(`${stream}-b`));
    },
  },
  {
    name: 'DescribeStream Limit',
    reason:
      'kinesalite ignores Limit and returns every shard; AWS returns at most Limit shards with HasMoreShards.',
    async run(k) {
      const StreamName = await active(k, 3);
      const out = await k.client.send(new DescribeStreamCommand({ StreamName, Limit: 2 }));
      k.note('page', {
        shards: out.StreamDescription?.Shards?.length,
        more: out.StreamDescription?.HasMoreShards,
      });
    },
    kinesalite(t) {
      expect(entry(t, 'page')).toEqual({ shards: 3, more: false });
    },
    emulator(t) {
      expect(entry(t, 'page')).toEqual({ shards: 2, more: true });
    },
  },
  {
    name: 'ListShards MaxResults and NextToken',
    reason:
      'kinesalite ignores MaxResults and never returns a NextToken; AWS pages, and refuses NextToken with StreamName.',
    async run(k) {
      const StreamName = await active(k, 3);
      const first = await k.call<ListShardsCommandOutput>(
        new ListShardsCommand({ StreamName, MaxResults: 2 }),
        'page 1',
      );
      k.note('page 1 size', first?.Shards?.length);
      if (first?.NextToken) {
        const second = await k.client.send(new ListShardsCommand({ NextToken: first.NextToken }));
        k.note(
          'page 2 shards',
          second.Shards?.map((s) => s.ShardId),
        );
        await k.call(new ListShardsCommand({ StreamName, NextToken: first.NextToken }), 'both');
      }
    },
    kinesalite(t) {
      expect(entry(t, 'page 1 size')).toBe(3);
      expect(entry(t, 'ListShards page 1').NextToken).toBeUndefined();
    },
    emulator(t) {
      expect(entry(t, 'page 1 size')).toBe(2);
      expect(entry(t, 'page 2 shards')).toEqual(['shardId-000000000002']);
      expect(entry(t, 'ListShards both')).toEqual({
        error: 'InvalidArgumentException',
        message: 'NextToken and StreamName cannot be provided together.',
        status: 400,
      });
    },
  },
  {
    name: 'AddTagsToStream: more than 10 tags in one call',
    reason:
      'kinesalite keeps the old 10-per-call bound; the current API reference takes up to 50 per call (a map of at most 200 entries), 50 per stream.',
    async run(k) {
      const StreamName = await active(k);
      const tags = (n: number, p: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${p}${i}`, 'v']));
      await k.call(new AddTagsToStreamCommand({ StreamName, Tags: tags(11, 'a') }), '11');
      await k.call(new ListTagsForStreamCommand({ StreamName }), 'after 11');
      await k.call(new AddTagsToStreamCommand({ StreamName, Tags: tags(201, 'b') }), '201');
    },
    kinesalite(t) {
      expect(entry(t, 'AddTagsToStream 11')).toMatchObject({
        error: 'ValidationException',
        message: expect.stringMatching(/failed to satisfy constraint: Member must have length less than or equal to 10$/),
      });
      expect(entry(t, 'ListTagsForStream after 11').Tags).toEqual([]);
    },
    emulator(t) {
      expect(entry(t, 'ListTagsForStream after 11').Tags).toHaveLength(11);
      expect(entry(t, 'AddTagsToStream 201')).toMatchObject({
        error: 'ValidationException',
        message: expect.stringMatching(/failed to satisfy constraint: Member must have length less than or equal to 200$/),
      });
    },
  },
  {
    name: 'ListShards ShardFilter',
    reason: 'kinesalite ignores ShardFilter; AWS filters (AT_LATEST: only the open shards).',
    async run(k) {
      const StreamName = await active(k);
      await k.call(
        new SplitShardCommand({ StreamName, ShardToSplit: SHARD0, NewStartingHashKey: (1n << 127n).toString() }),
        'setup',
      );
      await k.waitActive(StreamName);
      const out = await k.client.send(new ListShardsCommand({ StreamName, ShardFilter: { Type: 'AT_LATEST' } }));
      k.note('AT_LATEST', out.Shards?.map((s) => s.ShardId));
    },
    kinesalite(t) {
      expect(entry(t, 'AT_LATEST')).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    },
    emulator(t) {
      expect(entry(t, 'AT_LATEST')).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    },
  },
  {
    name: 'GetRecords at the end of a closed shard: ChildShards',
    reason:
      'kinesalite predates ChildShards; AWS returns the children and a null NextShardIterator once a closed shard is read to its end.',
    async run(k) {
      const StreamName = await active(k);
      await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('old') }));
      const it = await k.call<GetShardIteratorCommandOutput>(
        new GetShardIteratorCommand({ StreamName, ShardId: SHARD0, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      await k.call(
        new SplitShardCommand({
          StreamName,
          ShardToSplit: SHARD0,
          NewStartingHashKey: (1n << 127n).toString(),
        }),
      );
      await k.waitActive(StreamName);
      let next = it?.ShardIterator;
      const reads: { records: number; next: boolean; children?: string[] }[] = [];
      for (let i = 0; i < 3 && next; i++) {
        const out: GetRecordsCommandOutput = await k.client.send(
          new GetRecordsCommand({ ShardIterator: next }),
        );
        reads.push({
          records: out.Records?.length ?? 0,
          next: !!out.NextShardIterator,
          children: out.ChildShards?.map((c) => c.ShardId!),
        });
        next = out.NextShardIterator;
      }
      k.note('reads', reads);
    },
    kinesalite(t) {
      expect(entry(t, 'reads')).toEqual([
        { records: 1, next: true, children: undefined },
        { records: 0, next: false, children: undefined },
      ]);
    },
    emulator(t) {
      expect(entry(t, 'reads')).toEqual([
        { records: 1, next: false, children: ['shardId-000000000001', 'shardId-000000000002'] },
      ]);
    },
  },
  {
    name: 'MillisBehindLatest while behind the tip',
    reason:
      'kinesalite always answers 0 on an open shard; AWS (and the emulator) report how far behind the tip the read is.',
    async run(k) {
      const StreamName = await active(k);
      await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('1') }));
      await new Promise((r) => setTimeout(r, 30));
      await k.call(new PutRecordCommand({ StreamName, PartitionKey: 'a', Data: bytes('2') }));
      const it = await k.client.send(
        new GetShardIteratorCommand({ StreamName, ShardId: SHARD0, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      const out = await k.client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator, Limit: 1 }));
      k.note('behind after the first of two records', (out.MillisBehindLatest ?? -1) > 0);
    },
    kinesalite(t) {
      expect(entry(t, 'behind after the first of two records')).toBe(false);
    },
    emulator(t) {
      expect(entry(t, 'behind after the first of two records')).toBe(true);
    },
  },
  {
    name: 'StreamARN in place of StreamName',
    reason: 'kinesalite requires StreamName; AWS accepts StreamARN wherever a stream is named.',
    async run(k) {
      const StreamName = await active(k);
      await k.call(
        new DescribeStreamSummaryCommand({
          StreamARN: `arn:aws:kinesis:us-east-1:000000000000:stream/${StreamName}`,
        }),
      );
    },
    kinesalite(t) {
      expect(entry(t, 'DescribeStreamSummary')).toMatchObject({ error: 'ValidationException', status: 400 });
    },
    emulator(t) {
      expect(entry(t, 'DescribeStreamSummary').StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
    },
  },
  {
    name: "CORS: only the console's own pages, with fixed lists, and the headers a page may read include S3's",
    reason:
      "kinesalite answers every origin with '*' and echoes whatever a preflight asks for; any site a user visits could then drive a server on 127.0.0.1. The emulator serves the console's origins (and --cors-origin ones) with a fixed list of the SDKs' headers, and exposes S3's ETag and Content-Range, as a bucket's CORS rule would.",
    async run(k) {
      const preflight = async (origin: string) => {
        const res = await fetch(k.url, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-amz-target',
          },
        });
        return { status: res.status, cors: [...res.headers].filter(([h]) => h.startsWith('access-control-')).sort() };
      };
      k.note('console preflight', await preflight('http://localhost:5173'));
      k.note('foreign preflight', await preflight('https://elsewhere.example'));
      const res = await fetch(k.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'Kinesis_20131202.ListStreams',
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
          'x-amz-date': '20260101T000000Z',
          origin: 'http://localhost:5173',
        },
        body: '{}',
      });
      k.note('answer', {
        status: res.status,
        origin: res.headers.get('access-control-allow-origin'),
        expose: res.headers.get('access-control-expose-headers'),
        hasRequestId: res.headers.has('x-amzn-requestid'),
      });
    },
    kinesalite(t) {
      expect(entry(t, 'console preflight')).toEqual({
        status: 200,
        cors: [
          ['access-control-allow-headers', 'authorization,content-type,x-amz-target'],
          ['access-control-allow-methods', 'POST'],
          ['access-control-allow-origin', '*'],
          ['access-control-max-age', '172800'],
        ],
      });
      expect(entry(t, 'foreign preflight')).toEqual(entry(t, 'console preflight'));
      expect(entry(t, 'answer')).toEqual({
        status: 200,
        origin: '*',
        expose: 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date',
        hasRequestId: true,
      });
    },
    emulator(t) {
      expect(entry(t, 'console preflight')).toEqual({
        status: 200,
        cors: [
          ['access-control-allow-headers', expect.stringContaining('authorization,content-type,x-amz-date,x-amz-security-token')],
          ['access-control-allow-methods', 'GET,HEAD,PUT,POST,DELETE'],
          ['access-control-allow-origin', 'http://localhost:5173'],
          ['access-control-max-age', '600'],
        ],
      });
      expect(entry(t, 'foreign preflight')).toEqual({ status: 403, cors: [] });
      expect(entry(t, 'answer')).toEqual({
        status: 200,
        origin: 'http://localhost:5173',
        expose: 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date,ETag,Content-Range',
        hasRequestId: true,
      });
    },
  },
  {
    name: 'a credential scope naming a region AWS does not have',
    reason:
      "kinesalite takes any region; AWS's endpoints refuse a signature scoped to a region they do not serve, so invented regions cannot multiply the per-region shard quota.",
    async run(k) {
      for (const region of ['x<script>y', 'us-east-500']) {
        k.note(region, await k.raw(signedRaw('ListStreams', region), '{}'));
      }
    },
    kinesalite(t) {
      expect(entry(t, 'x<script>y')).toMatchObject({ status: 200 });
      expect(entry(t, 'us-east-500')).toMatchObject({ status: 200 });
    },
    emulator(t) {
      for (const region of ['x<script>y', 'us-east-500']) {
        expect(entry(t, region)).toEqual({
          status: 400,
          body: { __type: 'InvalidSignatureException', message: `Credential should be scoped to a valid region, not '${region}'. ` },
        });
      }
    },
  },
  {
    name: 'X-Amz-Target with parts after the operation',
    reason: 'kinesalite reads only the first two dot-separated parts; a target naming more is no operation AWS has.',
    async run(k) {
      k.note('extra part', await k.raw({ ...signedRaw('ListStreams'), 'x-amz-target': 'Kinesis_20131202.ListStreams.Extra' }, '{}'));
    },
    kinesalite(t) {
      expect(entry(t, 'extra part')).toMatchObject({ status: 200 });
    },
    emulator(t) {
      expect(entry(t, 'extra part')).toEqual({ status: 400, body: { __type: 'UnknownOperationException' } });
    },
  },
];
