import type { EngineContext } from '../protocol/context';
import { aErr } from './errors';
import { ANALYTICS_SNAPSHOT_VERSION, type AnalyticsApplication, type AnalyticsSnapshot, type ApplicationStatus } from './types';
import { partitionOf } from '../common/arn';


/**
 * The analytics applications of every region, keyed by ARN. Transitional statuses (STARTING,
 * UPDATING, STOPPING, DELETING) end when the emulator's clock passes `_statusUntil`, worked out
 * whenever an application is looked at, so no timer is needed to move them on.
 */
export class AnalyticsStore {
  readonly applications = new Map<string, AnalyticsApplication>();

  constructor(private readonly ctx: EngineContext) {}

  get account(): string {
    return this.ctx.accountId;
  }

  now(): number {
    return this.ctx.clock.now();
  }

  arnOf(region: string, name: string): string {
    return `arn:${partitionOf(region)}:kinesisanalytics:${region}:${this.account}:application/${name}`;
  }

  /** Moves a transitional status on if its time has come. False when the application is gone. */
  resolve(app: AnalyticsApplication): boolean {
    if (app._then !== undefined && this.now() >= app._statusUntil) {
      if (app._then === 'deleted') {
        this.applications.delete(app.ApplicationARN);
        return false;
      }
      app.ApplicationStatus = app._then;
      app._then = undefined;
    }
    return true;
  }

  find(region: string, name: string): AnalyticsApplication | undefined {
    const app = this.applications.get(this.arnOf(region, name));
    return app && this.resolve(app) ? app : undefined;
  }

  get(region: string, name: string): AnalyticsApplication {
    const app = this.find(region, name);
    if (!app) throw aErr.notFound(name, this.account);
    return app;
  }

  list(region: string): AnalyticsApplication[] {
    return [...this.applications.values()]
      .filter((a) => a._region === region && this.resolve(a))
      .sort((a, b) => (a.ApplicationName < b.ApplicationName ? -1 : a.ApplicationName > b.ApplicationName ? 1 : 0));
  }

  /** Every application in every region, statuses brought up to date. */
  all(): AnalyticsApplication[] {
    return [...this.applications.values()].filter((a) => this.resolve(a));
  }

  /** Enters a transitional status that becomes `then` after the engine's state delay. */
  transition(app: AnalyticsApplication, status: ApplicationStatus, then: ApplicationStatus | 'deleted'): void {
    app.ApplicationStatus = status;
    app._then = then;
    app._statusUntil = this.now() + this.ctx.options.stateDelayMs;
  }

  /** A change to the configuration: a new version, stamped now. */
  bumpVersion(app: AnalyticsApplication): void {
    app.ApplicationVersionId++;
    app.LastUpdateTimestamp = this.now();
  }

  /** The earliest time a transitional status ends, if any does. */
  nextTransition(): number | undefined {
    let next: number | undefined;
    for (const a of this.applications.values()) if (a._then !== undefined && (next === undefined || a._statusUntil < next)) next = a._statusUntil;
    return next;
  }

  snapshot(): AnalyticsSnapshot {
    return { version: ANALYTICS_SNAPSHOT_VERSION, applications: structuredClone(this.all()) };
  }

  restore(snapshot: AnalyticsSnapshot): void {
    this.applications.clear();
    for (const a of structuredClone(snapshot.applications)) this.applications.set(a.ApplicationARN, a);
  }
}
