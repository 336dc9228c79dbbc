import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../common/rng';
import { explanationJson, RandomCutForest } from './forest';
import { RandomCutTree } from './tree';

/** Roughly normal values around 0 with unit spread, from a seeded source. */
const normal = (rng: SeededRng) => {
  let s = 0;
  for (let i = 0; i < 12; i++) s += rng.next();
  return s - 6;
};

const cluster = (seed: number, n: number, dims: number) => {
  const rng = new SeededRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: dims }, () => normal(rng)));
};

describe('RandomCutForest', () => {
  it('scores 0 until it has seen subSampleSize points', () => {
    const f = new RandomCutForest({ numberOfTrees: 10, subSampleSize: 32, rng: new SeededRng(1) });
    const pts = cluster(2, 40, 2);
    for (let i = 0; i < 32; i++) {
      expect(f.score(pts[i])).toBe(0);
      f.update(pts[i]);
    }
    expect(f.score([50, 50])).toBeGreaterThan(0);
  });

  it('gives a far outlier a clearly higher score than inliers', () => {
    const f = new RandomCutForest({ numberOfTrees: 30, subSampleSize: 64, rng: new SeededRng(7) });
    const pts = cluster(3, 600, 2);
    const scores: number[] = [];
    pts.forEach((p, i) => {
      const s = f.score(p);
      if (i >= 200) scores.push(s);
      f.update(p);
    });
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const outlier = f.score([12, -12]);
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(1.5);
    expect(outlier).toBeGreaterThan(3 * mean);
    expect(outlier).toBeGreaterThan(Math.max(...scores));
  });

  it('scores farther points higher', () => {
    const f = new RandomCutForest({ numberOfTrees: 30, subSampleSize: 64, rng: new SeededRng(11) });
    for (const p of cluster(4, 300, 1)) f.update(p);
    const near = f.score([0]);
    const mid = f.score([4]);
    const far = f.score([40]);
    expect(near).toBeLessThan(mid);
    expect(mid).toBeLessThan(far);
  });

  it('is deterministic for a given seed', () => {
    const run = () => {
      const f = new RandomCutForest({ numberOfTrees: 20, subSampleSize: 32, rng: new SeededRng(5) });
      const out: number[] = [];
      for (const p of cluster(6, 100, 3)) {
        out.push(f.score(p));
        f.update(p);
      }
      return out;
    };
    expect(run()).toEqual(run());
  });

  it('keeps at most subSampleSize points per tree as the stream goes on', () => {
    const f = new RandomCutForest({ numberOfTrees: 5, subSampleSize: 16, timeDecay: 10, rng: new SeededRng(9) });
    for (const p of cluster(10, 500, 2)) f.update(p);
    expect(f.seen).toBe(500);
    for (const t of (f as unknown as { trees: RandomCutTree[] }).trees) expect(t.mass).toBe(16);
  });

  it('with a short time decay, adapts to a shifted stream', () => {
    const f = new RandomCutForest({ numberOfTrees: 30, subSampleSize: 32, timeDecay: 50, rng: new SeededRng(12) });
    for (const p of cluster(13, 200, 1)) f.update(p);
    const before = f.score([30]);
    for (const p of cluster(14, 400, 1)) f.update([p[0] + 30]);
    expect(f.score([30])).toBeLessThan(before / 2);
  });

  it('shingles consecutive points: a broken pattern stands out', () => {
    const f = new RandomCutForest({ numberOfTrees: 30, subSampleSize: 64, shingleSize: 4, rng: new SeededRng(15) });
    // A square wave 0,0,10,10,...; shingles score 0 until four points have been seen.
    expect(f.score([0])).toBe(0);
    for (let i = 0; i < 400; i++) f.update([Math.floor(i / 2) % 2 === 0 ? 0 : 10]);
    // 400 points ended on ...,10,10; the next expected value is 0.
    const expected = f.score([0]);
    const broken = f.score([5]);
    expect(broken).toBeGreaterThan(2 * expected);
  });

  it('explains which dimension is anomalous and in which direction; parts sum to the score', () => {
    const f = new RandomCutForest({ numberOfTrees: 30, subSampleSize: 64, rng: new SeededRng(21) });
    for (const p of cluster(22, 300, 3)) f.update(p);
    const e = f.scoreWithExplanation([0, -15, 0]);
    expect(e.score).toBeCloseTo(f.score([0, -15, 0]), 9);
    const total = e.high.reduce((a, b) => a + b, 0) + e.low.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(e.score, 9);
    // Dimension 1 is low and carries almost all of the score.
    expect(e.low[1]).toBeGreaterThan(0.9 * e.score);
    expect(e.high[1]).toBeLessThan(0.05 * e.score);
  });

  it('renders the ANOMALY_EXPLANATION JSON per column, with or without direction', () => {
    const e = { score: 3, high: [0.5, 0], low: [0.25, 2.25] };
    expect(JSON.parse(explanationJson(['x', 'y'], e, true))).toEqual({
      x: { DIRECTION: 'HIGH', STRENGTH: '0.2500', ATTRIBUTION_SCORE: '0.7500' },
      y: { DIRECTION: 'LOW', STRENGTH: '2.2500', ATTRIBUTION_SCORE: '2.2500' },
    });
    expect(JSON.parse(explanationJson(['x', 'y'], e, false))).toEqual({ x: { ATTRIBUTION_SCORE: '0.7500' }, y: { ATTRIBUTION_SCORE: '2.2500' } });
  });

  it('rejects points of a different width and bad options', () => {
    const f = new RandomCutForest({ rng: new SeededRng(1) });
    f.update([1, 2]);
    expect(() => f.score([1])).toThrow('RandomCutForest: expected 2 values but got 1');
    expect(() => new RandomCutForest({ numberOfTrees: 0, rng: new SeededRng(1) })).toThrow(/at least 1/);
  });
});

describe('RandomCutTree', () => {
  const pt = (...xs: number[]) => Float64Array.from(xs);

  it('keeps masses and bounding boxes through inserts and deletes', () => {
    const t = new RandomCutTree(2, new SeededRng(3));
    const pts = [pt(0, 0), pt(1, 5), pt(-2, 3), pt(1, 5), pt(4, -1)];
    for (const p of pts) t.insert(p);
    expect(t.mass).toBe(5);
    expect(t.bounds()).toEqual({ min: [-2, -1], max: [4, 5] });
    expect(t.delete(pt(4, -1))).toBe(true);
    expect(t.bounds()).toEqual({ min: [-2, 0], max: [1, 5] });
    expect(t.delete(pt(1, 5))).toBe(true);
    expect(t.mass).toBe(3);
    expect(t.delete(pt(9, 9))).toBe(false);
    for (const p of [pt(0, 0), pt(1, 5), pt(-2, 3)]) expect(t.delete(p)).toBe(true);
    expect(t.mass).toBe(0);
    expect(t.bounds()).toBeNull();
    // Freed nodes are reused: the tree works again after emptying.
    for (const p of [pt(3, 3), pt(-1, 2), pt(0, 7)]) t.insert(p);
    expect(t.bounds()).toEqual({ min: [-1, 2], max: [3, 7] });
  });

  it('scores a point isolated at the root as 1 (before scaling)', () => {
    const t = new RandomCutTree(1, new SeededRng(4));
    for (const x of [0, 1, 2, 3]) t.insert(pt(x));
    // Far away: any cut of the grown box almost surely isolates it at the root.
    expect(t.score(pt(1e9))).toBeCloseTo(1, 6);
    expect(t.score(pt(1.5))).toBeLessThan(0.5);
  });
});
