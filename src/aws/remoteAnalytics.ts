/*
 * AWS mode's analytics world: the console's SQL engine runs in this browser and reads a real
 * Kinesis stream with GetRecords, then writes its output to a real stream or delivery stream with
 * PutRecords / PutRecordBatch. The engine's environment is synchronous (it runs on the emulator's
 * clock), the network is not: a poller fills a bounded buffer per shard that the engine's reader
 * takes from, and an outbox per destination takes the engine's output and sends it on.
 */
import {
  FirehoseClient,
  DescribeDeliveryStreamCommand,
  PutRecordBatchCommand,
} from '@aws-sdk/client-firehose';
import {
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import { parseDeliveryStreamArn, type AnalyticsWorld } from '../engine/analytics/module';
import { CAUGHT_UP_POLL_MS, type SourceReader, type SourceRecord } from '../engine/analytics/runtime';
import type { ApplicationOutput, InputStartingPosition } from '../engine/analytics/types';
import { SHARD_READ_CALLS } from '../engine/kinesis/actions/getRecords';
import { parseStreamArn } from '../engine/kinesis/store/store';
import { shapes as getRecordsShapes } from '../engine/kinesis/validations/getRecords';
import type { HttpRequestLike } from '../engine/protocol/http';

/** A shard is read at most this often: its limit of GetRecords calls a second, spread evenly. */
export const MIN_CALL_GAP_MS = 1000 / SHARD_READ_CALLS;
/** A shard that had nothing new is asked again after this long (the engine's own pace for a caught-up source). */
export const IDLE_GAP_MS = CAUGHT_UP_POLL_MS;
/** After a throttled or failed call a shard waits this long, doubling up to {@link MAX_BACKOFF_MS}. */
export const FIRST_BACKOFF_MS = 250;
export const MAX_BACKOFF_MS = 5000;
/** Records held for the SQL engine across a stream's shards; past it no shard is read until it drains. */
export const MAX_BUFFERED = 10_000;
/** Records GetRecords is asked for per call (AWS's maximum, from the API model). */
export const GET_LIMIT = getRecordsShapes.Limit.lessThanOrEqual as number;
/** Output records an outbox holds; past it the engine keeps them (and counts what it drops). */
export const MAX_OUTBOX = 10_000;
/** A batch that failed this many times in a row is given up and reported. */
export const MAX_SEND_ATTEMPTS = 5;

const BATCH_RECORDS = 500;
/** PutRecords takes 5 MiB a call, PutRecordBatch 4 MiB. */
const KINESIS_BATCH_BYTES = 5 * 1024 * 1024;
const FIREHOSE_BATCH_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const errorName = (e: unknown): string => (e as { name?: string } | undefined)?.name ?? 'Error';
const errorText = (e: unknown): string => `${errorName(e)}: ${e instanceof Error ? e.message : String(e)}`;

/** Where a shard is to be read from when its reader (re)starts. */
type ShardStart =
  | { type: 'TRIM_HORIZON' | 'LATEST' }
  | { type: 'AFTER_SEQUENCE_NUMBER'; seq: string }
  | { type: 'AT_TIMESTAMP'; at: number };

/** The reader's checkpoint: per shard, the last record the SQL took, or where it was to start, or done. */
export interface RemoteCheckpoint {
  stream: string;
  shards: Record<string, { seq: string } | { at: number } | { from: 'TRIM_HORIZON' } | 'done'>;
}

interface ShardState {
  id: string;
  parents: string[];
  start: ShardStart;
  iterator?: string;
  /** The last record fetched into the buffer (the iterator is rebuilt from it when it expires). */
  fetchedSeq?: string;
  /** GetRecords said the shard is closed and read to its end. */
  ended: boolean;
  queue: SourceRecord[];
  nextAt: number;
  backoff: number;
}

const isRemoteCheckpoint = (c: unknown, stream: string): c is RemoteCheckpoint =>
  typeof c === 'object' &&
  c !== null &&
  (c as RemoteCheckpoint).stream === stream &&
  typeof (c as RemoteCheckpoint).shards === 'object';

/**
 * Reads every shard of one stream, the way the KCL does: within each shard's read limits, throttling
 * retried with backoff, a shard's children read once the shard is read to its end, and the SQL given
 * a shard's records only after its parents' (so a partition key's records stay in order across a reshard).
 */
export class StreamPoller implements SourceReader {
  private readonly shards = new Map<string, ShardState>();
  /** What the SQL has taken, per shard: the checkpoint. */
  private readonly taken: RemoteCheckpoint['shards'] = {};
  private listed = false;
  private listAt = 0;
  private listBackoff = FIRST_BACKOFF_MS;
  private busy = false;
  /** Started from a checkpoint: shards it does not name appeared since and are read from their first record. */
  private readonly resuming: boolean;
  gone = false;
  /** The last failure reading the stream (shown to the user), cleared by a read that works. */
  problem?: string;

  constructor(
    private readonly kinesis: KinesisClient,
    readonly streamName: string,
    private readonly from: 'TRIM_HORIZON' | 'LATEST',
    private readonly now: () => number,
    checkpoint?: unknown,
  ) {
    this.resuming = isRemoteCheckpoint(checkpoint, streamName);
    if (this.resuming) Object.assign(this.taken, structuredClone((checkpoint as RemoteCheckpoint).shards));
  }

  private buffered(): number {
    let n = 0;
    for (const s of this.shards.values()) n += s.queue.length;
    return n;
  }

  private isDone(id: string): boolean {
    return this.taken[id] === 'done';
  }

  private add(id: string, parents: string[], start: ShardStart): void {
    if (this.shards.has(id)) return;
    this.shards.set(id, {
      id,
      parents,
      start,
      ended: false,
      queue: [],
      nextAt: 0,
      backoff: FIRST_BACKOFF_MS,
    });
  }

  /** Where a shard starts: its checkpoint if it has one, else the reader's start (or, for a shard that appears later, its first record). */
  private startOf(id: string, open: boolean, first: boolean): ShardStart | 'done' {
    const t = this.taken[id];
    if (t === 'done') return 'done';
    if (t && 'seq' in t) return { type: 'AFTER_SEQUENCE_NUMBER', seq: t.seq };
    if (t && 'at' in t) return { type: 'AT_TIMESTAMP', at: t.at };
    if (t) return { type: 'TRIM_HORIZON' };
    if (first && !this.resuming && this.from === 'LATEST') {
      if (!open) return 'done';
      // Kept as the time reading began, so a restart before the first record misses nothing after it.
      this.taken[id] = { at: this.now() };
      return { type: 'LATEST' };
    }
    this.taken[id] = { from: 'TRIM_HORIZON' };
    return { type: 'TRIM_HORIZON' };
  }

  private async list(): Promise<void> {
    const all: {
      ShardId?: string;
      ParentShardId?: string;
      AdjacentParentShardId?: string;
      SequenceNumberRange?: { EndingSequenceNumber?: string };
    }[] = [];
    let NextToken: string | undefined;
    do {
      const out = await this.kinesis.send(
        new ListShardsCommand(NextToken ? { NextToken } : { StreamName: this.streamName }),
      );
      all.push(...(out.Shards ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    const present = new Set(all.map((s) => s.ShardId!));
    for (const sh of all) {
      const start = this.startOf(
        sh.ShardId!,
        sh.SequenceNumberRange?.EndingSequenceNumber === undefined,
        true,
      );
      if (start === 'done') {
        this.taken[sh.ShardId!] = 'done';
        continue;
      }
      const parents = [sh.ParentShardId, sh.AdjacentParentShardId].filter(
        (p): p is string => p !== undefined && present.has(p) && !this.isDone(p),
      );
      this.add(sh.ShardId!, parents, start);
    }
    this.listed = true;
  }

  private async iteratorFor(s: ShardState): Promise<string | undefined> {
    const start: ShardStart = s.fetchedSeq ? { type: 'AFTER_SEQUENCE_NUMBER', seq: s.fetchedSeq } : s.start;
    const type: ShardIteratorType = start.type;
    const out = await this.kinesis.send(
      new GetShardIteratorCommand({
        StreamName: this.streamName,
        ShardId: s.id,
        ShardIteratorType: type,
        ...(start.type === 'AFTER_SEQUENCE_NUMBER' ? { StartingSequenceNumber: start.seq } : {}),
        ...(start.type === 'AT_TIMESTAMP' ? { Timestamp: new Date(start.at) } : {}),
      }),
    );
    return out.ShardIterator;
  }

  /** One GetRecords call on a shard that is due (and its iterator first when it has none). */
  private async readShard(s: ShardState): Promise<void> {
    s.iterator ??= await this.iteratorFor(s);
    if (!s.iterator) {
      s.ended = true;
      return;
    }
    const out = await this.kinesis.send(
      new GetRecordsCommand({ ShardIterator: s.iterator, Limit: GET_LIMIT }),
    );
    for (const r of out.Records ?? []) {
      s.queue.push({
        data: decoder.decode(r.Data ?? new Uint8Array()),
        arrival: r.ApproximateArrivalTimestamp?.getTime() ?? this.now(),
        shardId: s.id,
        sequenceNumber: r.SequenceNumber!,
        partitionKey: r.PartitionKey ?? '',
      });
      s.fetchedSeq = r.SequenceNumber;
    }
    s.iterator = out.NextShardIterator ?? undefined;
    s.backoff = FIRST_BACKOFF_MS;
    const got = (out.Records ?? []).length;
    s.nextAt = this.now() + (got > 0 && (out.MillisBehindLatest ?? 0) > 0 ? MIN_CALL_GAP_MS : IDLE_GAP_MS);
    if (!s.iterator || out.ChildShards?.length) {
      // The shard is closed and read to its end: its children are read next, each from its first record.
      s.ended = true;
      s.iterator = undefined;
      for (const c of out.ChildShards ?? []) {
        const start = this.startOf(c.ShardId!, true, false);
        if (start !== 'done')
          this.add(
            c.ShardId!,
            (c.ParentShards ?? []).filter((p) => !this.isDone(p)),
            start,
          );
      }
    }
  }

  /** Reads each shard that is due; resolves when this round's calls are answered. */
  async pump(): Promise<void> {
    if (this.busy || this.gone) return;
    this.busy = true;
    try {
      const now = this.now();
      if (!this.listed) {
        if (now < this.listAt) return;
        try {
          await this.list();
          this.problem = undefined;
        } catch (e) {
          this.fail(e);
          this.listAt = now + this.listBackoff;
          this.listBackoff = Math.min(this.listBackoff * 2, MAX_BACKOFF_MS);
          return;
        }
      }
      if (this.buffered() >= MAX_BUFFERED) return;
      const due = [...this.shards.values()].filter(
        (s) => !s.ended && s.nextAt <= now && s.parents.every((p) => this.shards.get(p)?.ended ?? true),
      );
      await Promise.all(
        due.map(async (s) => {
          try {
            await this.readShard(s);
            this.problem = undefined;
          } catch (e) {
            const name = errorName(e);
            if (name === 'ExpiredIteratorException') s.iterator = undefined;
            else if (
              name === 'InvalidArgumentException' &&
              s.start.type === 'AFTER_SEQUENCE_NUMBER' &&
              !s.fetchedSeq
            ) {
              // A sequence number from another stream of the same name (deleted and made again): read it all.
              s.start = { type: 'TRIM_HORIZON' };
              s.iterator = undefined;
            } else this.fail(e);
            s.nextAt = this.now() + s.backoff;
            s.backoff = Math.min(s.backoff * 2, MAX_BACKOFF_MS);
          }
        }),
      );
    } finally {
      this.busy = false;
    }
  }

  private fail(e: unknown): void {
    if (errorName(e) === 'ResourceNotFoundException') this.gone = true;
    // Throttling is expected now and then and retried: only other failures are worth showing.
    else if (errorName(e) !== 'ProvisionedThroughputExceededException')
      this.problem = `Reading ${this.streamName}: ${errorText(e)}`;
  }

  /** A shard whose records the SQL may take: its parents' records are all taken. */
  private ready(s: ShardState): boolean {
    return s.parents.every((p) => this.isDone(p) || !this.shards.has(p));
  }

  /** Up to `limit` buffered records, oldest arrival first across shards, each shard's in order. */
  read(limit: number): { records: SourceRecord[]; gone?: boolean } {
    const records: SourceRecord[] = [];
    const open = [...this.shards.values()];
    while (records.length < limit) {
      let best: ShardState | undefined;
      for (const s of open)
        if (s.queue.length > 0 && this.ready(s) && (!best || s.queue[0].arrival < best.queue[0].arrival))
          best = s;
      if (!best) break;
      const r = best.queue.shift()!;
      records.push(r);
      this.taken[best.id] = { seq: r.sequenceNumber! };
      this.finish(best);
    }
    for (const s of open) this.finish(s);
    return this.gone ? { records, gone: true } : { records };
  }

  /** A shard read to its end whose records are all taken is done: its children's records may follow. */
  private finish(s: ShardState): void {
    if (!s.ended || s.queue.length > 0 || !this.ready(s)) return;
    this.taken[s.id] = 'done';
    this.shards.delete(s.id);
  }

  /** Makes every shard due now (schema discovery reads each shard once a round, whatever its usual pace). */
  hurry(): void {
    for (const s of this.shards.values()) s.nextAt = 0;
  }

  checkpoint(): RemoteCheckpoint {
    return { stream: this.streamName, shards: structuredClone(this.taken) };
  }

  /** When the next shard call is due (undefined: nothing to read). */
  nextDue(): number | undefined {
    if (this.gone) return undefined;
    if (!this.listed) return this.listAt;
    let next: number | undefined;
    for (const s of this.shards.values())
      if (!s.ended && (next === undefined || s.nextAt < next)) next = s.nextAt;
    return next;
  }
}

interface Outbox {
  kind: 'kinesis' | 'firehose';
  arn: string;
  name: string;
  pending: string[];
  attempts: number;
  nextAt: number;
  backoff: number;
  busy: boolean;
  sent: number;
  /** The last failure, shown to the user; cleared by a batch that goes. */
  problem?: string;
}

/** The first records of `pending` that fit one call: 500 records and the call's size limit. */
const batchOf = (pending: string[], maxBytes: number, keyBytes: number): Uint8Array[] => {
  const out: Uint8Array[] = [];
  let bytes = 0;
  for (const text of pending) {
    const data = encoder.encode(text);
    if (out.length === BATCH_RECORDS || (out.length > 0 && bytes + data.length + keyBytes > maxBytes)) break;
    out.push(data);
    bytes += data.length + keyBytes;
  }
  return out;
};

export interface RemoteAnalyticsConfig {
  kinesis: KinesisClient;
  firehose: FirehoseClient;
  /** The region the clients call: an ARN in another region is not found. */
  region: string;
  /** Wall-clock time (epoch ms), the same the analytics engine's clock reads. */
  now: () => number;
}

/** What one analytics request names: stream ARNs to check, and the source to sample for schema discovery. */
const namedResources = (
  req: HttpRequestLike,
): { arns: string[]; discover?: { arn: string; position: InputStartingPosition } } => {
  const target = req.headers['x-amz-target'] ?? '';
  if (!target.startsWith('KinesisAnalytics_')) return { arns: [] };
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(req.body));
  } catch {
    return { arns: [] };
  }
  const arns: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'ResourceARN' || k === 'ResourceARNUpdate') && typeof x === 'string') arns.push(x);
        else walk(x);
      }
  };
  walk(body);
  if (!target.endsWith('.DiscoverInputSchema')) return { arns };
  const b = body as {
    ResourceARN?: string;
    InputStartingPositionConfiguration?: { InputStartingPosition?: InputStartingPosition };
  };
  return {
    arns,
    ...(b.ResourceARN
      ? {
          discover: {
            arn: b.ResourceARN,
            position: b.InputStartingPositionConfiguration?.InputStartingPosition ?? 'NOW',
          },
        }
      : {}),
  };
};

/** Calls per shard when sampling a stream for schema discovery. */
const SAMPLE_ROUNDS = 3;

/**
 * The analytics engine's environment over a real account: sources read by {@link StreamPoller}s,
 * outputs sent from outboxes. The engine's calls are answered from what was fetched ahead:
 * {@link prepare} looks up what an analytics request names before the engine sees it, and
 * {@link pump} moves records both ways.
 */
export class RemoteAnalyticsEnvironment implements AnalyticsWorld {
  private readonly existing = new Map<string, boolean>();
  private readonly samples = new Map<string, string[]>();
  private readonly pollers = new Set<StreamPoller>();
  private readonly outboxes = new Map<string, Outbox>();
  private partitionKey = 0;

  constructor(private readonly c: RemoteAnalyticsConfig) {}

  /** Looks up the streams an analytics request names (and samples the one DiscoverInputSchema reads), so the engine can answer it. */
  async prepare(req: HttpRequestLike): Promise<void> {
    const { arns, discover } = namedResources(req);
    await Promise.all(arns.map(async (arn) => this.existing.set(arn, await this.lookUp(arn))));
    if (discover && this.existing.get(discover.arn))
      this.samples.set(
        `${discover.position} ${discover.arn}`,
        await this.sample(discover.arn, discover.position),
      );
  }

  private async lookUp(arn: string): Promise<boolean> {
    const stream = parseStreamArn(arn);
    const delivery = parseDeliveryStreamArn(arn);
    const region = stream?.region ?? delivery?.region;
    if (region !== this.c.region) return false;
    try {
      if (stream) await this.c.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: stream.name }));
      else
        await this.c.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: delivery!.name }));
      return true;
    } catch (e) {
      if (errorName(e) === 'ResourceNotFoundException') return false;
      throw e;
    }
  }

  /** Records for schema discovery: a few reads of each shard from the position asked for (a delivery stream keeps none to read). */
  private async sample(arn: string, position: InputStartingPosition): Promise<string[]> {
    const stream = parseStreamArn(arn);
    if (!stream) return [];
    const poller = new StreamPoller(
      this.c.kinesis,
      stream.name,
      position === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST',
      this.c.now,
    );
    const out: string[] = [];
    for (let i = 0; i < SAMPLE_ROUNDS && out.length < 100; i++) {
      await poller.pump();
      out.push(...poller.read(100 - out.length).records.map((r) => r.data));
      poller.hurry();
    }
    return out;
  }

  resourceExists(kind: 'kinesis' | 'firehose', arn: string): boolean {
    const isKind =
      kind === 'kinesis' ? parseStreamArn(arn) !== undefined : parseDeliveryStreamArn(arn) !== undefined;
    return isKind && this.existing.get(arn) === true;
  }

  sampleRecords(arn: string, _region: string, position: InputStartingPosition, limit: number): string[] {
    return (this.samples.get(`${position} ${arn}`) ?? []).slice(0, limit);
  }

  openSource(
    arn: string,
    region: string,
    from: InputStartingPosition,
    checkpoint?: unknown,
  ): SourceReader | undefined {
    const stream = parseStreamArn(arn);
    // Only a Kinesis data stream can be read from outside AWS: a delivery stream's records are not readable.
    if (!stream || stream.region !== region || region !== this.c.region) return undefined;
    const poller = new StreamPoller(
      this.c.kinesis,
      stream.name,
      from === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST',
      this.c.now,
      from === 'LAST_STOPPED_POINT' ? checkpoint : undefined,
    );
    this.pollers.add(poller);
    return {
      read: (limit) => poller.read(limit),
      checkpoint: () => poller.checkpoint(),
      close: () => void this.pollers.delete(poller),
    };
  }

  deliver(output: ApplicationOutput, region: string, records: string[]): number {
    const kinesisArn = output.KinesisStreamsOutputDescription?.ResourceARN;
    const arn = kinesisArn ?? output.KinesisFirehoseOutputDescription?.ResourceARN;
    if (!arn || region !== this.c.region) return 0;
    let box = this.outboxes.get(arn);
    if (!box) {
      const name = kinesisArn ? parseStreamArn(arn)?.name : parseDeliveryStreamArn(arn)?.name;
      if (!name) return 0;
      box = {
        kind: kinesisArn ? 'kinesis' : 'firehose',
        arn,
        name,
        pending: [],
        attempts: 0,
        nextAt: 0,
        backoff: FIRST_BACKOFF_MS,
        busy: false,
        sent: 0,
      };
      this.outboxes.set(arn, box);
    }
    const take = Math.max(0, Math.min(records.length, MAX_OUTBOX - box.pending.length));
    for (let i = 0; i < take; i++) box.pending.push(records[i]);
    return take;
  }

  /** Sends one batch from an outbox; records it refuses stay first in line and go again after a backoff. */
  private async send(box: Outbox): Promise<void> {
    const keyBytes = box.kind === 'kinesis' ? 4 : 0;
    const batch = batchOf(
      box.pending,
      box.kind === 'kinesis' ? KINESIS_BATCH_BYTES : FIREHOSE_BATCH_BYTES,
      keyBytes,
    );
    /** Positions in the batch of the records refused, and why the first was. */
    let refused: number[] = [];
    let failure: string | undefined;
    try {
      const answers =
        box.kind === 'kinesis'
          ? ((
              await this.c.kinesis.send(
                new PutRecordsCommand({
                  StreamName: box.name,
                  Records: batch.map((Data) => ({ Data, PartitionKey: String(this.partitionKey++ % 1024) })),
                }),
              )
            ).Records ?? [])
          : ((
              await this.c.firehose.send(
                new PutRecordBatchCommand({
                  DeliveryStreamName: box.name,
                  Records: batch.map((Data) => ({ Data })),
                }),
              )
            ).RequestResponses ?? []);
      answers.forEach((r, i) => {
        if (r.ErrorCode === undefined) return;
        refused.push(i);
        failure ??= `${r.ErrorCode}: ${r.ErrorMessage ?? ''}`;
      });
    } catch (e) {
      refused = batch.map((_, i) => i);
      failure = errorText(e);
    }
    const sent = box.pending.splice(0, batch.length);
    box.pending.unshift(...refused.map((i) => sent[i]));
    box.sent += batch.length - refused.length;
    const now = this.c.now();
    if (failure === undefined) {
      box.attempts = 0;
      box.backoff = FIRST_BACKOFF_MS;
      box.problem = undefined;
      box.nextAt = now;
      return;
    }
    box.attempts = refused.length < batch.length ? 1 : box.attempts + 1;
    if (box.attempts >= MAX_SEND_ATTEMPTS) {
      box.pending.splice(0, refused.length);
      box.attempts = 0;
      box.problem = `${refused.length} record${refused.length === 1 ? '' : 's'} could not be delivered to ${box.arn} after ${MAX_SEND_ATTEMPTS} attempts (${failure}).`;
    } else box.problem = `Delivering to ${box.arn} is being retried (${failure}).`;
    box.nextAt = now + box.backoff;
    box.backoff = Math.min(box.backoff * 2, MAX_BACKOFF_MS);
  }

  /** One round: every source poller that is due reads, every outbox that is due sends a batch. */
  async pump(): Promise<void> {
    const now = this.c.now();
    const boxes = [...this.outboxes.values()].filter(
      (b) => !b.busy && b.pending.length > 0 && b.nextAt <= now,
    );
    await Promise.all([
      ...[...this.pollers].map((p) => p.pump()),
      ...boxes.map(async (b) => {
        b.busy = true;
        try {
          await this.send(b);
        } finally {
          b.busy = false;
        }
      }),
    ]);
  }

  /** When the next round has work (undefined: none scheduled). */
  nextDue(): number | undefined {
    let next: number | undefined;
    const at = (t: number | undefined) => {
      if (t !== undefined && (next === undefined || t < next)) next = t;
    };
    for (const p of this.pollers) at(p.nextDue());
    for (const b of this.outboxes.values()) if (b.pending.length > 0) at(b.nextAt);
    return next;
  }

  /** What went wrong lately reading a source or delivering to these ARNs, for the console. */
  problems(arns: readonly string[]): string[] {
    const out: string[] = [];
    for (const p of this.pollers)
      if (p.problem && arns.some((a) => parseStreamArn(a)?.name === p.streamName)) out.push(p.problem);
    for (const arn of arns) {
      const b = this.outboxes.get(arn);
      if (b?.problem) out.push(b.problem);
    }
    return out;
  }

  /** Output records waiting to be sent, per destination ARN. */
  outbox(arn: string): { pending: number; sent: number } {
    const b = this.outboxes.get(arn);
    return { pending: b?.pending.length ?? 0, sent: b?.sent ?? 0 };
  }
}
