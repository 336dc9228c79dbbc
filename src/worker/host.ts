import { ScaledClock } from '../engine/common/clock';
import { Emulator, type EmulatorConfig } from '../engine/emulator';
import type { HttpRequestLike, HttpResponseLike } from '../engine/protocol/http';
import { WorkerCommand, type ClockState, type ConsoleApi, type FromWorker, type HttpCall } from './protocol';

/**
 * The pure part of the worker: one emulator on a clock that can be sped up, and the
 * functions that answer each command. The worker entry and the in-thread fallback both
 * use it, so tests exercise the same code without a Worker.
 */
export class EmulatorHost implements ConsoleApi {
  readonly clockSource: ScaledClock;
  private current: Emulator;

  constructor(private readonly config: Omit<EmulatorConfig, 'clock'> & { clock?: ScaledClock } = {}) {
    this.clockSource = config.clock ?? new ScaledClock();
    this.current = this.build();
  }

  private build(): Emulator {
    return new Emulator({ ...this.config, clock: this.clockSource });
  }

  get emulator(): Emulator {
    return this.current;
  }

  handle(request: HttpRequestLike): Promise<HttpResponseLike> {
    return this.current.handle(request);
  }

  /** Answers one HTTP message; never throws (a failure becomes `ok: false`). */
  async answer(msg: HttpCall): Promise<FromWorker> {
    try {
      return { cmd: WorkerCommand.Http, id: msg.id, ok: true, response: await this.handle(msg.request) };
    } catch (e) {
      return { cmd: WorkerCommand.Http, id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  clock(): ClockState {
    return { now: this.clockSource.now(), speed: this.clockSource.speed };
  }

  setSpeed(speed: number): ClockState {
    this.clockSource.setSpeed(speed);
    return this.clock();
  }

  skip(ms: number): ClockState {
    this.clockSource.skip(ms);
    return this.clock();
  }

  reset(): void {
    this.current = this.build();
  }
}
