import { AwsError } from '../engine/common/errors';
import type { Emulator } from '../engine/emulator';
import { SUBSCRIPTION_EVENT_INTERVAL_MS, type Subscription } from '../engine/kinesis/subscription';
import type { StartingPosition, SubscriptionPoll } from './protocol';

/** Events one poll hands over at most; the rest wait for the next poll. */
const MAX_EVENTS_PER_POLL = 50;

interface Open {
  sub: Subscription;
  /** Emulator time of the last event: the next is due a second later, records or not. */
  lastEventAt: number;
}

/** The region a consumer ARN names (`arn:aws:kinesis:<region>:<account>:stream/...`). */
const regionOf = (consumerArn: string): string | undefined => consumerArn.split(':')[3] || undefined;

/**
 * SubscribeToShard over the console channel: the page opens a subscription, then polls for the
 * events the engine's {@link Subscription} produced since, on the emulator's clock (at once when
 * records arrive, else one a second), as the HTTP/2 server pushes them. AWS's rules hold: one open
 * subscription per consumer and shard, the consumer must be ACTIVE, and it ends after 5 minutes.
 */
export class SubscriptionSessions {
  private readonly open = new Map<string, Open>();
  private nextId = 1;

  constructor(private readonly emulator: () => Emulator) {}

  subscribe(consumerARN: string, shardId: string, position: StartingPosition): string {
    this.sweep();
    const em = this.emulator();
    const input: Record<string, unknown> = {
      ConsumerARN: consumerARN,
      ShardId: shardId,
      StartingPosition: {
        Type: position.Type,
        ...(position.SequenceNumber !== undefined ? { SequenceNumber: position.SequenceNumber } : {}),
        // Epoch seconds, as the JSON protocol carries timestamps.
        ...(position.Timestamp !== undefined ? { Timestamp: position.Timestamp / 1000 } : {}),
      },
    };
    const id = `subscription-${this.nextId++}`;
    const sub = em.kinesis.subscribe(input, { region: regionOf(consumerARN) ?? em.ctx.defaultRegion, requestId: id });
    this.open.set(id, { sub, lastEventAt: sub.startedAt - SUBSCRIPTION_EVENT_INTERVAL_MS });
    return id;
  }

  /** The events since the last poll; `end` once the subscription is over (it is then forgotten). */
  poll(id: string): SubscriptionPoll {
    const o = this.open.get(id);
    if (!o) throw new AwsError('ResourceNotFoundException', `No open subscription ${id}: it ended or was closed.`);
    const events: SubscriptionPoll['events'] = [];
    const now = this.emulator().ctx.clock.now();
    let end: SubscriptionPoll['end'];
    while (events.length < MAX_EVENTS_PER_POLL) {
      if (!o.sub.hasRecords() && now - o.lastEventAt < SUBSCRIPTION_EVENT_INTERVAL_MS) break;
      const step = o.sub.next();
      o.lastEventAt = now;
      if (step.kind === 'error') {
        end = { reason: 'error', error: { type: step.error.code, message: step.error.message } };
        break;
      }
      if (step.kind === 'end') {
        end = { reason: 'expired' };
        break;
      }
      events.push(step.event);
      if (o.sub.done) {
        end = { reason: 'shard-closed' };
        break;
      }
      // No records (caught up, or over the 2 MiB/s allowance): the next event is due in a second.
      if (step.event.Records.length === 0) break;
    }
    if (end) this.open.delete(id);
    return { events, ...(end ? { end } : {}) };
  }

  close(id: string): void {
    this.open.get(id)?.sub.close();
    this.open.delete(id);
  }

  /** Forgets every subscription (the emulator behind them was replaced). */
  clear(): void {
    for (const o of this.open.values()) o.sub.close();
    this.open.clear();
  }

  /** Subscriptions past their 5 minutes free their consumer's shard even when nobody polls them. */
  private sweep(): void {
    const now = this.emulator().ctx.clock.now();
    for (const [id, o] of this.open) {
      if (now >= o.sub.endsAt) {
        o.sub.close();
        this.open.delete(id);
      }
    }
  }
}
