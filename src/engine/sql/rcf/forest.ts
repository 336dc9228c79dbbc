/**
 * Random Cut Forest for RANDOM_CUT_FOREST and RANDOM_CUT_FOREST_WITH_EXPLANATION
 * (KDA SQL reference: numberOfTrees 100, subSampleSize 256, timeDecay 100000, shingleSize 1
 * by default; the score is 0 until the forest has seen subSampleSize records).
 *
 * Each tree keeps its own time-decayed reservoir sample of the stream (weighted reservoir
 * sampling with exponential decay 1/timeDecay, as in AWS's RCF library): a new point enters a
 * full sample when its random priority beats the worst one held, which then leaves the tree.
 * The score of a point is the average over trees of its isolation score (see tree.ts),
 * scaled by log2(sample size + 1) so that ordinary points score around 1 and far points well above.
 */
import type { Rng } from '../../common/rng';
import { RandomCutTree, type Attribution } from './tree';

export interface RandomCutForestOptions {
  numberOfTrees?: number;
  subSampleSize?: number;
  timeDecay?: number;
  shingleSize?: number;
  rng: Rng;
}

/** A max-heap of sampled points by priority (larger = first to leave). */
class Sampler {
  private readonly weights: Float64Array;
  private readonly points: (Float64Array | null)[];
  size = 0;

  constructor(readonly capacity: number) {
    this.weights = new Float64Array(capacity);
    this.points = new Array(capacity).fill(null);
  }

  get full() {
    return this.size === this.capacity;
  }

  get maxWeight() {
    return this.weights[0];
  }

  /** Adds a point when not full. */
  push(w: number, p: Float64Array) {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.weights[parent] >= w) break;
      this.weights[i] = this.weights[parent];
      this.points[i] = this.points[parent];
      i = parent;
    }
    this.weights[i] = w;
    this.points[i] = p;
  }

  /** Replaces the top (largest weight) with a new point; returns the evicted point. */
  replaceTop(w: number, p: Float64Array): Float64Array {
    const evicted = this.points[0]!;
    const n = this.size;
    let i = 0;
    while (true) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.weights[r] > this.weights[l] ? r : l;
      if (this.weights[c] <= w) break;
      this.weights[i] = this.weights[c];
      this.points[i] = this.points[c];
      i = c;
    }
    this.weights[i] = w;
    this.points[i] = p;
    return evicted;
  }
}

export interface Explanation {
  /** the anomaly score, the same as score() */
  score: number;
  /** per input dimension: attribution above (high) and below (low) the recent data; all parts sum to score */
  high: number[];
  low: number[];
}

export class RandomCutForest {
  readonly numberOfTrees: number;
  readonly subSampleSize: number;
  readonly timeDecay: number;
  readonly shingleSize: number;
  private readonly rng: Rng;
  private trees: RandomCutTree[] = [];
  private samplers: Sampler[] = [];
  private dims = 0;
  private inputDims = 0;
  private shingle: number[][] = [];
  private seq = 0;

  constructor(opts: RandomCutForestOptions) {
    this.numberOfTrees = opts.numberOfTrees ?? 100;
    this.subSampleSize = opts.subSampleSize ?? 256;
    this.timeDecay = opts.timeDecay ?? 100000;
    this.shingleSize = opts.shingleSize ?? 1;
    this.rng = opts.rng;
    if (!(this.numberOfTrees >= 1) || !(this.subSampleSize >= 1) || !(this.shingleSize >= 1) || !(this.timeDecay > 0))
      throw new Error('RandomCutForest: numberOfTrees, subSampleSize and shingleSize must be at least 1 and timeDecay positive');
  }

  /** How many points (shingles) the forest has taken in. */
  get seen(): number {
    return this.seq;
  }

  private init(inputDims: number) {
    this.inputDims = inputDims;
    this.dims = inputDims * this.shingleSize;
    for (let t = 0; t < this.numberOfTrees; t++) {
      this.trees.push(new RandomCutTree(this.dims, this.rng));
      this.samplers.push(new Sampler(this.subSampleSize));
    }
  }

  /** The shingled vector for `point` following what the forest has seen, or null before the shingle fills. */
  private shingled(point: number[]): Float64Array | null {
    if (this.trees.length === 0) this.init(point.length);
    if (point.length !== this.inputDims) throw new Error(`RandomCutForest: expected ${this.inputDims} values but got ${point.length}`);
    const s = this.shingleSize;
    if (this.shingle.length < s - 1) return null;
    const v = new Float64Array(this.dims);
    const start = this.shingle.length - (s - 1);
    let k = 0;
    for (let j = start; j < this.shingle.length; j++) for (const x of this.shingle[j]) v[k++] = x;
    for (const x of point) v[k++] = x;
    return v;
  }

  /** Whether the model is ready to score: it has seen subSampleSize points. */
  private get ready() {
    return this.seq >= this.subSampleSize;
  }

  /** The anomaly score of `point` against what the forest has seen (0 while it is still filling). */
  score(point: number[]): number {
    const v = this.shingled(point);
    if (!v || !this.ready) return 0;
    let sum = 0;
    for (const t of this.trees) sum += t.score(v) * Math.log2(t.mass + 1);
    return sum / this.trees.length;
  }

  /** The score and its split per input dimension (the shingle positions of a dimension add up). */
  scoreWithExplanation(point: number[]): Explanation {
    const v = this.shingled(point);
    const d = this.inputDims || point.length;
    const high = new Array<number>(d).fill(0);
    const low = new Array<number>(d).fill(0);
    if (!v || !this.ready) return { score: 0, high, low };
    const part: Attribution = { high: new Float64Array(this.dims), low: new Float64Array(this.dims) };
    let score = 0;
    for (const t of this.trees) {
      t.attribution(v, part);
      const scale = Math.log2(t.mass + 1) / this.trees.length;
      for (let i = 0; i < this.dims; i++) {
        high[i % d] += part.high[i] * scale;
        low[i % d] += part.low[i] * scale;
        score += (part.high[i] + part.low[i]) * scale;
      }
    }
    return { score, high, low };
  }

  /** Takes `point` into the model: every tree's sample may admit it (and drop an older point). */
  update(point: number[]): void {
    const v = this.shingled(point);
    this.shingle.push(point.slice());
    if (this.shingle.length > this.shingleSize) this.shingle.shift();
    if (!v) return;
    const lambda = 1 / this.timeDecay;
    const t = this.seq++;
    for (let k = 0; k < this.trees.length; k++) {
      const sampler = this.samplers[k];
      // Priority: smaller is kept longer; newer points gain lambda per step over older ones.
      const u = Math.min(Math.max(this.rng.next(), 1e-300), 1 - 1e-16);
      const w = Math.log(-Math.log(u)) - lambda * t;
      if (!sampler.full) {
        sampler.push(w, v);
        this.trees[k].insert(v);
      } else if (w < sampler.maxWeight) {
        const evicted = sampler.replaceTop(w, v);
        this.trees[k].delete(evicted);
        this.trees[k].insert(v);
      }
    }
  }
}

/**
 * The ANOMALY_EXPLANATION text of RANDOM_CUT_FOREST_WITH_EXPLANATION: a JSON object with one
 * entry per input column, {"ATTRIBUTION_SCORE": ...} plus, with directionality, "DIRECTION"
 * (HIGH or LOW relative to the recent data) and "STRENGTH" (how much more one way than the other).
 * The attribution scores of all columns add up to the anomaly score (KDA SQL reference).
 */
export const explanationJson = (columns: string[], e: Explanation, withDirectionality: boolean): string => {
  const out: Record<string, Record<string, string>> = {};
  columns.forEach((name, i) => {
    const high = e.high[i] ?? 0;
    const low = e.low[i] ?? 0;
    const entry: Record<string, string> = {};
    if (withDirectionality) {
      entry.DIRECTION = high >= low ? 'HIGH' : 'LOW';
      entry.STRENGTH = Math.abs(high - low).toFixed(4);
    }
    entry.ATTRIBUTION_SCORE = (high + low).toFixed(4);
    out[name] = entry;
  });
  return JSON.stringify(out);
};
