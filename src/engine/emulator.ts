import { CloudWatchService } from './cloudwatch/service';
import { MetricStore } from './cloudwatch/store';
import { RealClock, type Clock } from './common/clock';
import { nullMetricsSink } from './common/metrics';
import { PlatformRng, type Rng } from './common/rng';
import { KinesisService } from './kinesis/service';
import { defaultEngineOptions, type EngineContext, type EngineOptions } from './protocol/context';
import type { HttpRequestLike, HttpResponseLike } from './protocol/http';
import { Router } from './protocol/router';

export interface EmulatorConfig {
  clock?: Clock;
  rng?: Rng;
  options?: Partial<EngineOptions>;
  accountId?: string;
  defaultRegion?: string;
}

/**
 * The composition root: every emulated service behind one router. The worker, the Node
 * server and the tests all build the emulator here, so they run the same code.
 */
export class Emulator {
  readonly ctx: EngineContext;
  readonly router: Router;
  /** CloudWatch's metric store; also `ctx.metrics`, where services report (set before any service is built). */
  readonly metrics: MetricStore;
  /** Kinesis Data Streams (its snapshot()/restore() carry the streams across reloads). */
  readonly kinesis: KinesisService;

  constructor(config: EmulatorConfig = {}) {
    this.ctx = {
      clock: config.clock ?? new RealClock(),
      rng: config.rng ?? new PlatformRng(),
      metrics: nullMetricsSink,
      options: { ...defaultEngineOptions, ...config.options },
      accountId: config.accountId ?? '000000000000',
      defaultRegion: config.defaultRegion ?? 'us-east-1',
    };
    this.metrics = new MetricStore(this.ctx.clock);
    this.ctx.metrics = this.metrics;
    this.router = new Router(this.ctx);
    // Services register here.
    this.router.register((this.kinesis = new KinesisService(this.ctx)));
    this.router.register(new CloudWatchService({ clock: this.ctx.clock, store: this.metrics }));
  }

  handle(req: HttpRequestLike): Promise<HttpResponseLike> {
    return this.router.handle(req);
  }
}
