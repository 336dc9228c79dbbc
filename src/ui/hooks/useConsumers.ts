import {
  DeregisterStreamConsumerCommand,
  ListStreamConsumersCommand,
  RegisterStreamConsumerCommand,
  type ChildShard,
  type Consumer,
} from '@aws-sdk/client-kinesis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { emulatorClient } from '../../worker/client';
import type { StartingPosition, SubscribeToShardEvent } from '../../worker/protocol';
import { decodeBase64Data } from '../lib/records';
import { describeError, type ShownError } from './errors';
import type { ShownRecord } from './useRecords';
import { useConnectionMode, useServices } from './services';
import { FAST_POLL_MS, isTransitional, kinesisKeys, SLOW_POLL_MS } from './useStreams';

export type { Consumer, StartingPosition };

/** The consumers registered with a stream (ListStreamConsumers, all pages); read fast while one is CREATING or DELETING. */
export const useConsumers = (stream: string, streamArn: string | undefined) => {
  const { kinesis } = useServices();
  return useQuery({
    queryKey: kinesisKeys.consumers(stream),
    enabled: !!streamArn,
    queryFn: async () => {
      const consumers: Consumer[] = [];
      let token: string | undefined;
      do {
        const page = await kinesis.send(
          new ListStreamConsumersCommand({ StreamARN: streamArn, ...(token ? { NextToken: token } : {}) }),
        );
        consumers.push(...(page.Consumers ?? []));
        token = page.NextToken;
      } while (token);
      return consumers;
    },
    refetchInterval: (q) =>
      q.state.error
        ? false
        : q.state.data?.some((c) => isTransitional(c.ConsumerStatus))
          ? FAST_POLL_MS
          : SLOW_POLL_MS,
  });
};

const useConsumerMutation = <I>(stream: string, fn: (input: I) => Promise<unknown>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: kinesisKeys.consumers(stream) }),
  });
};

export const useRegisterConsumer = (stream: string) => {
  const { kinesis } = useServices();
  return useConsumerMutation(stream, (i: { streamArn: string; name: string }) =>
    kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: i.streamArn, ConsumerName: i.name })),
  );
};

export const useDeregisterConsumer = (stream: string) => {
  const { kinesis } = useServices();
  return useConsumerMutation(stream, (consumerArn: string) =>
    kinesis.send(new DeregisterStreamConsumerCommand({ ConsumerARN: consumerArn })),
  );
};

/** Records a consumer read keeps on screen (the oldest go first). */
export const MAX_SUBSCRIPTION_RECORDS = 200;
/** Calls of SubscribeToShard refused by its one-call-a-second limit are tried again this much later (wall time), this many times in all. */
const SUBSCRIBE_RETRY_MS = 1000;
const SUBSCRIBE_ATTEMPTS = 5;
/** How often the page asks the emulator for a subscription's new events (wall time). */
const POLL_MS = 400;

export interface ConsumerRead {
  running: boolean;
  /** Newest last, at most {@link MAX_SUBSCRIPTION_RECORDS}. */
  records: ShownRecord[];
  /** Records received in all, including those no longer shown. */
  received: number;
  events: number;
  /** How many subscriptions the read took (a subscription lasts 5 minutes; the reader subscribes again). */
  subscriptions: number;
  continuation?: string;
  millisBehindLatest?: number;
  childShards?: ChildShard[];
  error?: ShownError;
}

const idle: ConsumerRead = { running: false, records: [], received: 0, events: 0, subscriptions: 0 };

const shown = (e: SubscribeToShardEvent): ShownRecord[] =>
  e.Records.map((r) => ({
    sequenceNumber: r.SequenceNumber,
    partitionKey: r.PartitionKey,
    arrival: new Date(r.ApproximateArrivalTimestamp * 1000),
    data: decodeBase64Data(r.Data),
  }));

/**
 * Reads a shard through an enhanced fan-out consumer with SubscribeToShard, as an SDK consumer does:
 * events are appended as they come, and when a subscription's 5 minutes are up the reader subscribes
 * again from the last ContinuationSequenceNumber. Emulated mode only: the page cannot hold AWS's HTTP/2
 * event stream, so the emulator's console channel carries the events instead.
 */
export const useConsumerRead = () => {
  const mode = useConnectionMode();
  const [read, setRead] = useState<ConsumerRead>(idle);
  const session = useRef<{ id?: string; stopped: boolean; timer?: ReturnType<typeof setTimeout> }>({
    stopped: true,
  });

  const stop = useCallback(() => {
    const s = session.current;
    s.stopped = true;
    if (s.timer) clearTimeout(s.timer);
    if (s.id)
      void emulatorClient()
        .console.closeSubscription(s.id)
        .catch(() => {});
    s.id = undefined;
    setRead((r) => ({ ...r, running: false }));
  }, []);

  const start = useCallback(
    (consumerArn: string, shardId: string, position: StartingPosition) => {
      stop();
      const s = { stopped: false } as typeof session.current;
      session.current = s;
      setRead({ ...idle, running: true });
      const console = emulatorClient().console;
      let continuation: string | undefined;
      const fail = (e: ShownError) => {
        // A poll that was under way when the user stopped fails with the closed subscription: not news.
        if (s.stopped) return;
        s.stopped = true;
        s.id = undefined;
        setRead((r) => ({ ...r, running: false, error: e }));
      };
      const subscribe = async () => {
        const from: StartingPosition = continuation
          ? { Type: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: continuation }
          : position;
        // AWS takes one call a second per consumer and shard; like the SDK, wait and call again.
        for (let attempt = 1; ; attempt++) {
          try {
            s.id = await console.subscribeToShard(consumerArn, shardId, from);
            break;
          } catch (e) {
            if (s.stopped || attempt >= SUBSCRIBE_ATTEMPTS || (e as { name?: string }).name !== 'LimitExceededException') throw e;
            await new Promise((r) => setTimeout(r, SUBSCRIBE_RETRY_MS));
          }
        }
        setRead((r) => ({ ...r, subscriptions: r.subscriptions + 1 }));
      };
      const poll = async () => {
        if (s.stopped || !s.id) return;
        const { events, end } = await console.pollSubscription(s.id);
        if (s.stopped) return;
        const last = events.at(-1);
        if (last?.ContinuationSequenceNumber) continuation = last.ContinuationSequenceNumber;
        if (events.length > 0) {
          const records = events.flatMap(shown);
          setRead((r) => ({
            ...r,
            records: [...r.records, ...records].slice(-MAX_SUBSCRIPTION_RECORDS),
            received: r.received + records.length,
            events: r.events + events.length,
            continuation: last?.ContinuationSequenceNumber ?? r.continuation,
            millisBehindLatest: last?.MillisBehindLatest,
            childShards: last?.ChildShards ?? r.childShards,
          }));
        }
        if (end?.reason === 'expired') await subscribe();
        else if (end?.reason === 'error') return fail(end.error);
        else if (end) {
          s.stopped = true;
          s.id = undefined;
          setRead((r) => ({ ...r, running: false }));
          return;
        }
        s.timer = setTimeout(loop, POLL_MS);
      };
      const loop = () => void poll().catch((e: unknown) => fail(describeError(e)));
      void subscribe().then(loop, (e: unknown) => fail(describeError(e)));
    },
    [stop],
  );

  // Leaving the page (or switching to AWS) closes the subscription and frees the consumer's shard.
  useEffect(() => stop, [stop, mode]);
  return { read, start, stop, available: mode === 'emulated' };
};
