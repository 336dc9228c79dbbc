import { AwsError } from '../common/errors';
import { childShardsOf, MAX_GET_RECORDS_BYTES, publicRecord, SHARD_READ_BYTES, type PublicRecord } from './actions/getRecords';
import type { KinesisContext } from './actions/context';
import type { SubscriptionPlan } from './actions/subscribeToShard';
import { kErr } from './errors';
import { seekCounter } from './store/log';
import type { OpenSubscription } from './store/store';
import { counterOf, seqOf } from './store/sequence';

/** A subscription's event stream ends 5 minutes after it started (the client subscribes again). */
export const SUBSCRIPTION_LIFETIME_MS = 300_000;
/** A subscription sends an event at least this often, records or not (AWS: about once a second). */
export const SUBSCRIPTION_EVENT_INTERVAL_MS = 1000;
/** Each consumer reads up to 2 MiB/s per shard, apart from the shared GetRecords allowance. */
export const CONSUMER_READ_BYTES = SHARD_READ_BYTES;
/** The most records one event carries (as one GetRecords call). */
const MAX_EVENT_RECORDS = 10_000;

export interface SubscribeToShardEvent {
  Records: PublicRecord[];
  /** Absent in the last event of a closed shard, which carries ChildShards instead. */
  ContinuationSequenceNumber?: string;
  MillisBehindLatest: number;
  ChildShards?: ReturnType<typeof childShardsOf>;
}

/** What a subscription has next: an event, an error that ends it, or its end. */
export type SubscriptionStep = { kind: 'event'; event: SubscribeToShardEvent } | { kind: 'error'; error: AwsError } | { kind: 'end' };

/**
 * One open SubscribeToShard: reads the shard from its position as the host asks (about once a second,
 * and when records arrive), on the engine's clock. The host carries the events (the Node server's
 * HTTP/2 side); this object knows nothing of transport. Close it when the client goes away.
 */
export class Subscription implements OpenSubscription {
  readonly startedAt: number;
  readonly endsAt: number;
  private after: boolean;
  private seq: string;
  private closed = false;
  private superseded = false;

  constructor(
    private readonly k: KinesisContext,
    private readonly plan: SubscriptionPlan,
  ) {
    this.startedAt = k.store.now();
    this.endsAt = this.startedAt + SUBSCRIPTION_LIFETIME_MS;
    this.after = plan.after;
    this.seq = plan.seq;
    // A call 5 s or more after the open subscription's takes its slot over; the older one ends.
    k.store.subscriptions.get(plan.key)?.supersede();
    k.store.subscriptions.set(plan.key, this);
  }

  /** A newer subscription took this one's slot: its next step is ResourceInUseException. */
  supersede(): void {
    this.superseded = true;
  }

  get done(): boolean {
    return this.closed;
  }

  /** Releases the consumer's slot for this shard. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.k.store.subscriptions.get(this.plan.key) === this) this.k.store.subscriptions.delete(this.plan.key);
  }

  /** Whether records newer than the position have arrived (the host may send an event at once). */
  hasRecords(): boolean {
    if (this.closed) return false;
    if (this.superseded) return true;
    const sh = this.plan.stream.Shards[this.plan.shardIndex];
    return seekCounter(sh._log, counterOf(this.seq), this.after) < sh._log.end;
  }

  /** The records since the last event, within the consumer's read allowance; or why the subscription ends. */
  next(): SubscriptionStep {
    if (this.closed) return { kind: 'end' };
    const { k, plan } = this;
    const store = k.store;
    const now = store.now();
    if (now >= this.endsAt) {
      this.close();
      return { kind: 'end' };
    }
    const s = plan.stream;
    const account = store.account;
    if (this.superseded) return this.fail(kErr.subscriptionInUse(account, s.StreamName, s.Shards[plan.shardIndex].ShardId, plan.consumer.ConsumerName));
    if (store.streams.get(s.StreamARN) !== s || !store.resolve(s)) return this.fail(kErr.streamNotFound(s.StreamName, account));
    const c = s._consumers.find((x) => x.ConsumerARN === plan.consumer.ConsumerARN);
    if (!c) return this.fail(kErr.consumerNotFound(plan.consumer.ConsumerARN, account));
    if (c.ConsumerStatus !== 'ACTIVE') return this.fail(kErr.consumerNotActive(c.ConsumerName, c.ConsumerCreationTimestamp, s.StreamName, account));
    const sh = s.Shards[plan.shardIndex];
    store.trim(s, sh);

    const enforce = k.engine.options.enforceThroughput;
    const allowance = store.consumerReads.get(plan.key) ?? { tokens: CONSUMER_READ_BYTES, at: this.startedAt };
    allowance.tokens = Math.min(CONSUMER_READ_BYTES, allowance.tokens + ((now - allowance.at) * CONSUMER_READ_BYTES) / 1000);
    allowance.at = now;
    const budget = enforce ? allowance.tokens : MAX_GET_RECORDS_BYTES;

    const log = sh._log;
    const n = log.end;
    let i = seekCounter(log, counterOf(this.seq), this.after);
    const records: PublicRecord[] = [];
    let bytes = 0;
    // Over its allowance the consumer gets events without records until 2 MiB/s has paid the debt back.
    for (; i < n && records.length < MAX_EVENT_RECORDS && budget > 0; i++) {
      const size = log.size(i);
      if (bytes + size > budget && records.length > 0) break;
      bytes += size;
      records.push(publicRecord(sh, i));
    }
    if (enforce) allowance.tokens -= bytes;
    store.consumerReads.set(plan.key, allowance);
    if (records.length > 0) {
      this.seq = records[records.length - 1].SequenceNumber;
      this.after = true;
    }
    const caughtUp = i >= n;
    const event: SubscribeToShardEvent = { Records: records, MillisBehindLatest: caughtUp ? 0 : Math.max(0, now - log.at(i)) };
    if (sh.SequenceNumberRange.EndingSequenceNumber !== undefined && caughtUp) {
      event.ChildShards = childShardsOf(s, sh);
      this.close();
    } else {
      event.ContinuationSequenceNumber = this.continuation();
    }
    const m = k.metrics;
    m.stream(s, 'SubscribeToShardEvent.Records', records.length, 'Count');
    m.stream(s, 'SubscribeToShardEvent.Bytes', bytes, 'Bytes');
    m.stream(s, 'SubscribeToShardEvent.MillisBehindLatest', event.MillisBehindLatest, 'Milliseconds');
    return { kind: 'event', event };
  }

  /** A number to resume AFTER_SEQUENCE_NUMBER from without skipping a record. */
  private continuation(): string {
    if (this.after) return this.seq;
    const c = counterOf(this.seq);
    const prefix = this.seq.slice(0, 24);
    return c > 0 ? seqOf(prefix, c - 1) : this.seq;
  }

  private fail(error: AwsError): SubscriptionStep {
    this.close();
    return { kind: 'error', error };
  }
}
