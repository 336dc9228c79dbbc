import type { EngineContext } from '../../protocol/context';
import { kErr } from '../errors';
import { bigToHex, evenRanges, hexToDecimal, hexToWords } from './hashkeys';
import { emptyLog, logOfColumns, trimBefore, type LegacyRecordLog } from './log';
import { endingSeq, seqPrefix } from './sequence';
import { KINESIS_SNAPSHOT_VERSION, type AnyKinesisSnapshot, type DurableShard, type DurableStream, type KinesisSnapshot, type Shard, type StreamConsumer, type StreamMode, type Stream } from './types';
import { partitionOf } from '../../common/arn';

/** Open shards per account and region (AWS's default quota in the large regions). */
export const ACCOUNT_SHARD_LIMIT = 500;
/** Everywhere else the default quota is 200 (Kinesis Data Streams quotas and limits). */
export const SMALL_REGION_SHARD_LIMIT = 200;
const LARGE_QUOTA_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

/** The default shard quota of an account in a region. */
export const accountShardLimit = (region: string): number =>
  LARGE_QUOTA_REGIONS.has(region) ? ACCOUNT_SHARD_LIMIT : SMALL_REGION_SHARD_LIMIT;
/** ON_DEMAND streams start with 4 shards (AWS: 4 MB/s, 4,000 records/s of write capacity). */
export const ON_DEMAND_SHARDS = 4;
const HOUR = 3_600_000;
/** A new shard's read allowance: a full second of 2 MiB/s (see Shard._rTokens). */
const SHARD_READ_ALLOWANCE = 2 * 1_048_576;
/** Snapshots of version 1 had no region: their streams are restored in the console's emulated region. */
export const LEGACY_REGION = 'us-east-1';

export { partitionOf };

/** A stream's ARN: unique per partition, region, account and name, so it is the store's key. */
export const streamArn = (region: string, account: string, name: string): string =>
  `arn:${partitionOf(region)}:kinesis:${region}:${account}:stream/${name}`;

/** The stream name a StreamARN ends with (what follows `:stream/`). */
export const streamNameOfArn = (arn: string): string => arn.slice(arn.indexOf(':stream/') + 8);

/** A stream ARN's region and stream name, or undefined when the ARN names something else. */
export const parseStreamArn = (arn: string): { region: string; name: string } | undefined => {
  const m = /^arn:[^:]+:kinesis:([^:]+):[^:]*:stream\/(.+)$/.exec(arn);
  return m ? { region: m[1], name: m[2] } : undefined;
};

export const shardIdName = (index: number): string => `shardId-${String(index).padStart(12, '0')}`;

/** `shardId-000000000001`, `shardId-1` or `1` -> 1, as AWS resolves it; undefined when not a shard id. */
export const parseShardId = (id: string): number | undefined => {
  const tail = id.split('-')[1] || id;
  if (!/^\d+$/.test(tail)) return undefined;
  const n = Number(tail);
  return n >= 0 && n <= 2147483647 ? n : undefined;
};

/** An open SubscribeToShard, as the store sees it: when it began, and how a newer call ends it. */
export interface OpenSubscription {
  readonly startedAt: number;
  /** A later call took the consumer's slot for this shard: the subscription ends with ResourceInUseException. */
  supersede(): void;
}

/**
 * Streams, shards and records, with state changes resolved lazily from the injected clock: a stream
 * stores when its CREATING/UPDATING/DELETING state ends and what happens then, and every access
 * applies what is due. No timers, so virtual time and snapshots just work.
 *
 * Streams are scoped per account and region, as in AWS: the same name may exist in two regions,
 * and a request sees only its own region's streams.
 */
export class KinesisStore {
  /** Every stream of every region, keyed by StreamARN (which carries the region). */
  streams = new Map<string, Stream>();
  /** Open SubscribeToShard subscriptions by `<ConsumerARN>|<ShardId>` (one at a time each; not saved). */
  readonly subscriptions = new Map<string, OpenSubscription>();
  /**
   * Each consumer's read allowance per shard (`<ConsumerARN>|<ShardId>`), in bytes as of `at`: enhanced
   * fan-out gives every consumer its own 2 MiB/s per shard, apart from the shared GetRecords limit.
   */
  readonly consumerReads = new Map<string, { tokens: number; at: number }>();
  /** When each consumer last called SubscribeToShard on each shard (`<ConsumerARN>|<ShardId>`): one call a second. */
  readonly subscribeCalls = new Map<string, number>();

  constructor(readonly ctx: EngineContext) {}

  get account(): string {
    return this.ctx.accountId;
  }
  now(): number {
    return this.ctx.clock.now();
  }

  /** The ARN a stream of this account named `name` has in `region`. */
  arnOf(region: string, name: string): string {
    return streamArn(region, this.account, name);
  }

  /** The stream named `name` in `region`, with any due state change applied; undefined when absent. */
  findStream(region: string, name: string): Stream | undefined {
    const s = this.streams.get(this.arnOf(region, name));
    return s && this.resolve(s) ? s : undefined;
  }

  /** The stream named `name` in `region`, with any due state change applied; ResourceNotFoundException when absent. */
  getStream(region: string, name: string): Stream {
    const s = this.findStream(region, name);
    if (s) return s;
    throw kErr.streamNotFound(name, this.account);
  }

  /** The streams of one region (all regions when omitted) by name, after resolving state changes. */
  listStreams(region?: string): Stream[] {
    const out: Stream[] = [];
    for (const s of [...this.streams.values()]) if ((region === undefined || s._region === region) && this.resolve(s)) out.push(s);
    return out.sort((a, b) => (a.StreamName < b.StreamName ? -1 : a.StreamName > b.StreamName ? 1 : 0));
  }

  /** Applies a due state change. Returns false when the stream is gone. */
  resolve(s: Stream): boolean {
    if (s._consumers.length > 0) this.resolveConsumers(s);
    if (s._pending && this.now() >= s._statusUntil) {
      const p = s._pending;
      const at = s._statusUntil;
      s._pending = undefined;
      switch (p.kind) {
        case 'delete':
          this.streams.delete(s.StreamARN);
          return false;
        case 'create': {
          const ranges = evenRanges(p.shardCount);
          ranges.forEach(([a, b], i) => s.Shards.push(this.newShard(i, a, b, at)));
          break;
        }
        case 'split': {
          const parent = s.Shards[p.shard];
          const split = BigInt(p.newStartingHashKey);
          this.close(parent, at);
          const lo = BigInt(parent.HashKeyRange.StartingHashKey);
          const hi = BigInt(parent.HashKeyRange.EndingHashKey);
          s.Shards.push(this.newShard(s.Shards.length, lo, split - 1n, at, parent.ShardId));
          s.Shards.push(this.newShard(s.Shards.length, split, hi, at, parent.ShardId));
          break;
        }
        case 'merge': {
          const a = s.Shards[p.shard];
          const b = s.Shards[p.adjacent];
          this.close(a, at);
          this.close(b, at);
          const lo = a._startHex < b._startHex ? a : b;
          const hi = lo === a ? b : a;
          s.Shards.push(
            this.newShard(
              s.Shards.length,
              BigInt(lo.HashKeyRange.StartingHashKey),
              BigInt(hi.HashKeyRange.EndingHashKey),
              at,
              a.ShardId,
              b.ShardId,
            ),
          );
          break;
        }
        case 'updateShardCount': {
          // UNIFORM_SCALING: the open shards close and `target` even shards replace them; each new
          // shard's parent is the old shard holding its starting key (and the next one when it spans two).
          const parents = s._open.map((i) => s.Shards[i]);
          for (const sh of parents) this.close(sh, at);
          for (const [a, b] of evenRanges(p.target)) {
            const ah = bigToHex(a);
            const bh = bigToHex(b);
            const over = parents.filter((sh) => sh._startHex <= bh && sh._endHex >= ah);
            s.Shards.push(this.newShard(s.Shards.length, a, b, at, over[0]?.ShardId, over[1]?.ShardId));
          }
          break;
        }
      }
      s.StreamStatus = 'ACTIVE';
      this.route(s);
    }
    return true;
  }

  /** CREATING consumers whose delay is over turn ACTIVE; DELETING ones go. */
  private resolveConsumers(s: Stream): void {
    const now = this.now();
    if (s._consumers.every((c) => c.ConsumerStatus === 'ACTIVE' || now < c._statusUntil)) return;
    s._consumers = s._consumers.filter((c) => c.ConsumerStatus !== 'DELETING' || now < c._statusUntil);
    for (const c of s._consumers) if (c.ConsumerStatus === 'CREATING' && now >= c._statusUntil) c.ConsumerStatus = 'ACTIVE';
  }

  /** Registers a consumer (CREATING until the state delay has passed), its ARN stamped with the creation second. */
  registerConsumer(s: Stream, name: string): StreamConsumer {
    const now = this.now();
    const secs = Math.floor(now / 1000);
    const c: StreamConsumer = {
      ConsumerName: name,
      ConsumerARN: `${s.StreamARN}/consumer/${name}:${secs}`,
      ConsumerStatus: 'CREATING',
      ConsumerCreationTimestamp: secs,
      _statusUntil: now + this.ctx.options.stateDelayMs,
    };
    s._consumers.push(c);
    this.resolveConsumers(s);
    return c;
  }

  /** Starts deregistering a consumer: DELETING, gone after the state delay. */
  deregisterConsumer(s: Stream, c: StreamConsumer): void {
    if (c.ConsumerStatus === 'DELETING') return;
    c.ConsumerStatus = 'DELETING';
    c._statusUntil = this.now() + this.ctx.options.stateDelayMs;
    this.resolveConsumers(s);
  }

  createStream(name: string, region: string, shardCount: number, mode: StreamMode, tags: Record<string, string>): Stream {
    const now = this.now();
    const s: Stream = {
      StreamName: name,
      StreamARN: this.arnOf(region, name),
      StreamStatus: 'CREATING',
      StreamModeDetails: { StreamMode: mode },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: Math.floor(now / 1000),
      EncryptionType: 'NONE',
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      Shards: [],
      _consumers: [],
      _createdAt: now,
      _statusUntil: now + this.ctx.options.stateDelayMs,
      _pending: { kind: 'create', shardCount },
      _tags: { ...tags },
      _open: [],
      _openStarts: [],
      _openStartWords: [],
      _wSec: 0,
      _wBytes: 0,
      _wRecords: 0,
      _region: region,
    };
    this.streams.set(s.StreamARN, s);
    this.resolve(s);
    return s;
  }

  /** Starts a state change that completes after the configured delay. */
  beginChange(s: Stream, status: 'UPDATING' | 'DELETING', change: Stream['_pending']): void {
    s.StreamStatus = status;
    s._pending = change;
    s._statusUntil = this.now() + this.ctx.options.stateDelayMs;
    this.resolve(s);
  }

  /** Open shards of provisioned streams of the account in `region` (the quota is per region and counts only those). */
  openShardCount(region: string): number {
    let n = 0;
    for (const s of this.listStreams(region)) {
      if (s.StreamModeDetails.StreamMode === 'ON_DEMAND') continue;
      if (s._pending?.kind === 'create') n += s._pending.shardCount;
      else n += s._open.length;
    }
    return n;
  }

  shardLimitError(region: string, current: number, additional: number) {
    return kErr.limitExceeded(
      `This request would exceed the shard limit for the account ${this.account} in ${region}. ` +
        `Current shard count for the account: ${current}. Limit: ${accountShardLimit(region)}. ` +
        `Number of additional shards that would have resulted from this request: ${additional}. ` +
        'Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) ' +
        'for current limits and how to request higher limits.',
    );
  }

  /** Applies retention to every shard of every stream (records of shards nobody reads or writes too). */
  sweep(): void {
    for (const s of this.listStreams()) for (const sh of s.Shards) this.trim(s, sh);
  }

  /** Drops records older than the retention period (arrival order is sequence order, so from the head). */
  trim(s: Stream, sh: Shard): void {
    trimBefore(sh._log, this.now() - s.RetentionPeriodHours * HOUR);
  }

  private newShard(index: number, start: bigint, end: bigint, createdAt: number, parent?: string, adjacent?: string): Shard {
    const prefix = seqPrefix(createdAt, index);
    const startHex = bigToHex(start);
    const endHex = bigToHex(end);
    const sh: Shard = {
      ShardId: shardIdName(index),
      HashKeyRange: { StartingHashKey: hexToDecimal(startHex), EndingHashKey: hexToDecimal(endHex) },
      SequenceNumberRange: { StartingSequenceNumber: prefix + '00000000000000000000000000000000' },
      _startHex: startHex,
      _endHex: endHex,
      _index: index,
      _createdAt: createdAt,
      _seqPrefix: prefix,
      _counter: 0,
      _log: emptyLog(),
      _wSec: -1,
      _wBytes: 0,
      _wRecords: 0,
      _rSec: -1,
      _rCalls: 0,
      _rTokens: SHARD_READ_ALLOWANCE,
      _rAt: createdAt,
    };
    if (parent) sh.ParentShardId = parent;
    if (adjacent) sh.AdjacentParentShardId = adjacent;
    return sh;
  }

  private close(sh: Shard, at: number): void {
    sh.SequenceNumberRange.EndingSequenceNumber = endingSeq(sh._seqPrefix);
    sh._closedAt = at;
  }

  /** Rebuilds the routing table: open shards by starting hash key. */
  route(s: Stream): void {
    const open = s.Shards.filter((sh) => sh.SequenceNumberRange.EndingSequenceNumber === undefined);
    open.sort((a, b) => (a._startHex < b._startHex ? -1 : 1));
    s._open = open.map((sh) => sh._index);
    s._openStarts = open.map((sh) => sh._startHex);
    s._openStartWords = open.flatMap((sh) => [...hexToWords(sh._startHex)]);
  }

  /** Durable fields only (JSON-safe), retention applied first; records are left out (see the module's bulk data). */
  snapshot(): KinesisSnapshot {
    this.sweep();
    const streams: DurableStream[] = [...this.streams.values()].map((s) => {
      const { _open, _openStarts, _openStartWords, _wSec, _wBytes, _wRecords, Shards, ...rest } = s;
      void [_open, _openStarts, _openStartWords, _wSec, _wBytes, _wRecords];
      return {
        ...structuredClone(rest),
        Shards: Shards.map((sh): DurableShard => {
          const { _startHex, _endHex, _log, _wSec, _wBytes, _wRecords, _rSec, _rCalls, _rTokens, _rAt, ...durable } = sh;
          void [_startHex, _endHex, _log, _wSec, _wBytes, _wRecords, _rSec, _rCalls, _rTokens, _rAt];
          return structuredClone(durable);
        }),
      };
    });
    return { version: KINESIS_SNAPSHOT_VERSION, streams };
  }

  /**
   * Replaces every stream. Reads version 3 (records come afterwards, through the module's bulk
   * data), version 2 (records inside the shards) and version 1 (whose streams move to {@link LEGACY_REGION}).
   * Derived fields are rebuilt; throttle windows start afresh.
   */
  restore(snap: AnyKinesisSnapshot): void {
    type Restorable = Omit<DurableStream, 'Shards'> & { Shards: Array<DurableShard & { _log?: LegacyRecordLog }> };
    const durable: Restorable[] =
      snap.version === 1
        ? structuredClone(snap.streams).map((s) => ({ ...s, _region: LEGACY_REGION, StreamARN: this.arnOf(LEGACY_REGION, s.StreamName) }))
        : structuredClone(snap.streams);
    const now = this.now();
    const streams = durable.map((d): Stream => {
      const s: Stream = {
        ...d,
        Shards: d.Shards.map((sh) => ({
          ...sh,
          _startHex: bigToHex(BigInt(sh.HashKeyRange.StartingHashKey)),
          _endHex: bigToHex(BigInt(sh.HashKeyRange.EndingHashKey)),
          _log: sh._log ? logOfColumns(sh._log) : emptyLog(),
          _wSec: -1,
          _wBytes: 0,
          _wRecords: 0,
          _rSec: -1,
          _rCalls: 0,
          _rTokens: SHARD_READ_ALLOWANCE,
          _rAt: now,
        })),
        _consumers: d._consumers ?? [],
        _open: [],
        _openStarts: [],
        _openStartWords: [],
        _wSec: -1,
        _wBytes: 0,
        _wRecords: 0,
      };
      this.route(s);
      return s;
    });
    this.streams = new Map(streams.map((s) => [s.StreamARN, s]));
  }
}
