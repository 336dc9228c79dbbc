import { kErr } from '../errors';
import { decodeIterator } from '../store/iterator';
import type { Stream, StreamConsumer } from '../store/types';
import { consumerOf } from './consumers';
import type { KinesisContext } from './context';
import { getShardIterator, type ShardIteratorType } from './getShardIterator';

export interface SubscribeToShardInput {
  ConsumerARN: string;
  ShardId: string;
  StartingPosition: { Type: ShardIteratorType; SequenceNumber?: string; Timestamp?: number };
}

/** What an accepted subscription reads: the shard, and the position it starts from. */
export interface SubscriptionPlan {
  stream: Stream;
  consumer: StreamConsumer;
  shardIndex: number;
  /** true: records after `seq`; false: from `seq` on. */
  after: boolean;
  seq: string;
  /** `<ConsumerARN>|<ShardId>`: at most one open subscription each. */
  key: string;
}

/** AWS takes one SubscribeToShard call per second per consumer per shard. */
export const SUBSCRIBE_CALL_INTERVAL_MS = 1000;
/** A second SubscribeToShard this long or longer after the open one's takes its slot over; sooner, it is refused. */
export const SUBSCRIPTION_TAKEOVER_MS = 5000;

/** Subscriptions of one consumer to one shard are one at a time. */
export const subscriptionKey = (consumerArn: string, shardId: string): string => `${consumerArn}|${shardId}`;

/**
 * Checks a SubscribeToShard request as AWS does before its event stream starts (consumer ACTIVE, shard,
 * starting position, at most one call a second, no subscription opened in the last 5 s) and says where reading
 * starts. Opens nothing, but counts the call against the one-a-second limit.
 */
export const planSubscription = (k: KinesisContext, input: SubscribeToShardInput): SubscriptionPlan => {
  const { stream, consumer } = consumerOf(k, { ConsumerARN: input.ConsumerARN });
  if (consumer.ConsumerStatus !== 'ACTIVE') {
    throw kErr.consumerNotActive(consumer.ConsumerName, consumer.ConsumerCreationTimestamp, stream.StreamName, k.store.account);
  }
  const sp = input.StartingPosition;
  // The starting position follows GetShardIterator's rules (and its messages).
  const { ShardIterator } = getShardIterator(k, {
    StreamARN: stream.StreamARN,
    ShardId: input.ShardId,
    ShardIteratorType: sp.Type,
    StartingSequenceNumber: sp.SequenceNumber,
    Timestamp: sp.Timestamp,
  });
  const pos = decodeIterator(ShardIterator)!;
  const key = subscriptionKey(consumer.ConsumerARN, pos.shardId);
  const now = k.store.now();
  const last = k.store.subscribeCalls.get(key);
  if (last !== undefined && now - last < SUBSCRIBE_CALL_INTERVAL_MS) {
    throw kErr.limitExceeded(`Rate exceeded for consumer ${consumer.ConsumerARN} and shard ${pos.shardId} in stream ${stream.StreamName} under account ${k.store.account}.`);
  }
  k.store.subscribeCalls.set(key, now);
  // A call within 5 s of the open subscription's is refused; a later one takes the slot over when it
  // opens (API reference, SubscribeToShard).
  const open = k.store.subscriptions.get(key);
  if (open && now - open.startedAt < SUBSCRIPTION_TAKEOVER_MS) throw kErr.subscriptionInUse(k.store.account, stream.StreamName, pos.shardId, consumer.ConsumerName);
  return { stream, consumer, shardIndex: stream.Shards.findIndex((sh) => sh.ShardId === pos.shardId), after: pos.after, seq: pos.seq, key };
};

/**
 * SubscribeToShard over a request/response channel (the browser's worker, HTTP/1.1): the request is
 * checked as AWS checks it, then refused, since its answer is an event stream that only the emulator
 * server's HTTP/2 side carries.
 */
export const subscribeToShard = (k: KinesisContext, input: SubscribeToShardInput): never => {
  planSubscription(k, input);
  throw kErr.invalidArgument(
    'SubscribeToShard answers with an event stream, which only HTTP/2 carries: call it over HTTP/2 against the emulator server (npm run emulator).',
  );
};
