import { Faker, base, en, type Randomizer } from '@faker-js/faker';
import type { Clock } from '../../common/clock';
import { SeededRng, type Rng } from '../../common/rng';
import type { CompiledTemplate } from './compiler';
import { TemplateError } from './errors';
import { ArgError, type RenderContext } from './helpers/types';

export interface RendererOptions {
  /** Time for current.timestamp, date.now and faker's reference date. */
  clock: Clock;
  /** Every random choice, faker's included, comes from here: a SeededRng makes output repeatable. */
  rng: Rng;
  /** The time `date.simTime` reads (a backfill's simulated second); `clock` when absent. */
  simClock?: Clock;
}

/** Turns a helper's value into template text: dates as ISO 8601, objects as JSON, arrays joined. */
export const show = (v: unknown): string => {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return '';
    default:
      if (v === null) return '';
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return v.map(show).join(',');
      return JSON.stringify(v);
  }
};

/** Lets faker draw from the injected Rng; faker.seed(n) swaps in a SeededRng. */
const rngRandomizer = (rng: Rng): Randomizer => {
  let source = rng;
  // faker calls these detached, so they are closures rather than methods
  return {
    next: () => source.next(),
    seed: (seed: number | number[]) => {
      source = new SeededRng(Array.isArray(seed) ? (seed[0] ?? 0) : seed);
    },
  };
};

/** Builds the faker instance a render context uses: seeded through `rng`, dated by `clock`. */
export const createFaker = (rng: Rng, clock: Clock): Faker => {
  const faker = new Faker({ locale: [en, base], randomizer: rngRandomizer(rng) });
  faker.setDefaultRefDate(() => new Date(clock.now()));
  return faker;
};

/** Renders records from one compiled template; sequence counters live as long as the renderer. */
export class TemplateRenderer {
  private readonly ctx: RenderContext;
  constructor(
    readonly template: CompiledTemplate,
    options: RendererOptions & { faker?: Faker },
  ) {
    this.ctx = {
      faker: options.faker ?? createFaker(options.rng, options.clock),
      rng: options.rng,
      clock: options.clock,
      simClock: options.simClock ?? options.clock,
      vars: new Map(),
      counters: [...template.counterStarts],
    };
  }

  /** One record. A helper failing on a computed argument throws a TemplateError at that helper. */
  render(): string {
    return this.run();
  }

  /** One record and the text each helper wrote into it, in source order (to place a problem in the record back in the template). */
  renderTraced(): { record: string; values: string[] } {
    const values: string[] = [];
    return { record: this.run(values), values };
  }

  private run(values?: string[]): string {
    const { texts, parts } = this.template;
    const ctx = this.ctx;
    if (ctx.vars.size) ctx.vars.clear();
    let out = texts[0];
    let i = 0;
    try {
      for (; i < parts.length; i++) {
        const v = show(parts[i](ctx));
        values?.push(v);
        out += v + texts[i + 1];
      }
    } catch (e) {
      const at = this.template.partLocations[i];
      const why = e instanceof Error ? e.message : String(e);
      throw new TemplateError(e instanceof ArgError ? why : `${at.name} failed: ${why}`, at.line, at.column);
    }
    return out;
  }
}
