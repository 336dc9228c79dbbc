import type { EngineContext } from '../protocol/context';
import { fErr } from './errors';
import { FIREHOSE_SNAPSHOT_VERSION, type DeliveryStream, type FirehoseSnapshot } from './types';
import { partitionOf } from '../common/arn';


/**
 * The delivery streams of every region, keyed by ARN. CREATING and DELETING end when the emulator's
 * clock passes `_statusUntil`, worked out whenever a stream is looked at, so no timer is needed.
 */
export class FirehoseStore {
  readonly streams = new Map<string, DeliveryStream>();

  constructor(private readonly ctx: EngineContext) {}

  get account(): string {
    return this.ctx.accountId;
  }

  now(): number {
    return this.ctx.clock.now();
  }

  arnOf(region: string, name: string): string {
    return `arn:${partitionOf(region)}:firehose:${region}:${this.account}:deliverystream/${name}`;
  }

  /** Moves CREATING or DELETING on if its time has come. False when the stream is gone. */
  resolve(s: DeliveryStream): boolean {
    if (s.DeliveryStreamStatus === 'ACTIVE' || this.now() < s._statusUntil) return true;
    if (s.DeliveryStreamStatus === 'DELETING') {
      this.streams.delete(s.DeliveryStreamARN);
      return false;
    }
    s.DeliveryStreamStatus = 'ACTIVE';
    return true;
  }

  find(region: string, name: string): DeliveryStream | undefined {
    const s = this.streams.get(this.arnOf(region, name));
    return s && this.resolve(s) ? s : undefined;
  }

  byArn(arn: string): DeliveryStream | undefined {
    const s = this.streams.get(arn);
    return s && this.resolve(s) ? s : undefined;
  }

  get(region: string, name: string): DeliveryStream {
    const s = this.find(region, name);
    if (!s) throw fErr.notFound(name, this.account);
    return s;
  }

  /** A region's streams sorted by name, statuses brought up to date. */
  list(region: string): DeliveryStream[] {
    return [...this.streams.values()]
      .filter((s) => s._region === region && this.resolve(s))
      .sort((a, b) =>
        a.DeliveryStreamName < b.DeliveryStreamName
          ? -1
          : a.DeliveryStreamName > b.DeliveryStreamName
            ? 1
            : 0,
      );
  }

  /** Every stream in every region, statuses brought up to date. */
  all(): DeliveryStream[] {
    return [...this.streams.values()].filter((s) => this.resolve(s));
  }

  /** Enters CREATING or DELETING for the engine's state delay. */
  transition(s: DeliveryStream, status: 'CREATING' | 'DELETING'): void {
    s.DeliveryStreamStatus = status;
    s._statusUntil = this.now() + this.ctx.options.stateDelayMs;
  }

  /** The earliest time a CREATING or DELETING ends, if any does. */
  nextTransition(): number | undefined {
    let next: number | undefined;
    for (const s of this.streams.values())
      if (s.DeliveryStreamStatus !== 'ACTIVE' && (next === undefined || s._statusUntil < next))
        next = s._statusUntil;
    return next;
  }

  snapshot(): FirehoseSnapshot {
    return { version: FIREHOSE_SNAPSHOT_VERSION, streams: structuredClone(this.all()) };
  }

  restore(snapshot: FirehoseSnapshot): void {
    this.streams.clear();
    for (const s of structuredClone(snapshot.streams)) this.streams.set(s.DeliveryStreamARN, s);
  }
}
