/**
 * One random cut tree (Guha, Mishra, Roy, Schrijvers, "Robust Random Cut Forest Based Anomaly
 * Detection on Streams", ICML 2016): every internal node cuts its bounding box at a random
 * dimension chosen in proportion to the box's extent there, at a uniform random value.
 * Points can be inserted and deleted, so a tree follows a reservoir sample of the stream.
 *
 * Scoring follows the RCF paper's displacement idea in the form AWS's implementation uses:
 * walking from the leaf the point would reach back up to the root, each node blends in the
 * probability that a random cut of (node box + point) would have isolated the point there.
 */
import type { Rng } from '../../common/rng';

export class Node {
  left: Node | null = null;
  right: Node | null = null;
  parent: Node | null = null;
  cutDim = -1;
  cutValue = 0;
  mass = 1;
  /** Bounding box; for a leaf both are the point itself (never mutated). */
  min: Float64Array;
  max: Float64Array;
  /** The point, for a leaf. */
  point: Float64Array | null;

  constructor(min: Float64Array, max: Float64Array, point: Float64Array | null) {
    this.min = min;
    this.max = max;
    this.point = point;
  }

  get isLeaf() {
    return this.point !== null;
  }
}

const samePoint = (a: Float64Array, b: Float64Array) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** score for a point that lands in a leaf it does not match, at `depth` */
const scoreUnseen = (depth: number) => 1 / (depth + 1);
/** score for a point equal to a leaf of `mass` copies at `depth` */
const scoreSeen = (depth: number, mass: number) => 1 / (depth + Math.log2(mass + 1));
/** discounts a duplicate by how much of the tree it already is */
const damp = (leafMass: number, treeMass: number) => 1 - leafMass / (2 * treeMass);

export interface Attribution {
  /** per dimension, the part of the score due to the point being above the data */
  high: Float64Array;
  /** per dimension, the part of the score due to the point being below the data */
  low: Float64Array;
}

export class RandomCutTree {
  root: Node | null = null;
  constructor(
    private readonly dims: number,
    private readonly rng: Rng,
  ) {}

  get mass(): number {
    return this.root ? this.root.mass : 0;
  }

  insert(p: Float64Array): void {
    if (!this.root) {
      this.root = new Node(p, p, p);
      return;
    }
    const d = this.dims;
    let node: Node = this.root;
    while (true) {
      if (node.point !== null && samePoint(node.point, p)) {
        for (let a: Node | null = node; a; a = a.parent) a.mass++;
        return;
      }
      // A random cut of the box grown to include p.
      let total = 0;
      for (let i = 0; i < d; i++) total += Math.max(node.max[i], p[i]) - Math.min(node.min[i], p[i]);
      let r = this.rng.next() * total;
      let dim = 0;
      let lo = 0;
      let span = 0;
      for (; dim < d; dim++) {
        lo = Math.min(node.min[dim], p[dim]);
        span = Math.max(node.max[dim], p[dim]) - lo;
        if (r < span) break;
        r -= span;
      }
      if (dim === d) {
        // Rounding left r at the very end: take the last dimension with extent.
        for (dim = d - 1; dim > 0; dim--) if (Math.max(node.max[dim], p[dim]) > Math.min(node.min[dim], p[dim])) break;
        lo = Math.min(node.min[dim], p[dim]);
        r = 0;
      }
      const cut = lo + r;
      const pLeft = p[dim] <= cut;
      const separates = pLeft ? cut < node.min[dim] : cut >= node.max[dim];
      if (separates) {
        const leaf = new Node(p, p, p);
        const min = new Float64Array(d);
        const max = new Float64Array(d);
        for (let i = 0; i < d; i++) {
          min[i] = Math.min(node.min[i], p[i]);
          max[i] = Math.max(node.max[i], p[i]);
        }
        const inner = new Node(min, max, null);
        inner.cutDim = dim;
        inner.cutValue = cut;
        inner.mass = node.mass + 1;
        const parent = node.parent;
        if (pLeft) {
          inner.left = leaf;
          inner.right = node;
        } else {
          inner.left = node;
          inner.right = leaf;
        }
        leaf.parent = inner;
        node.parent = inner;
        inner.parent = parent;
        if (!parent) this.root = inner;
        else if (parent.left === node) parent.left = inner;
        else parent.right = inner;
        for (let a = parent; a; a = a.parent) {
          a.mass++;
          for (let i = 0; i < d; i++) {
            if (p[i] < a.min[i]) a.min[i] = p[i];
            if (p[i] > a.max[i]) a.max[i] = p[i];
          }
        }
        return;
      }
      // A leaf never gets here: a cut between two different points always separates them.
      node = p[node.cutDim] <= node.cutValue ? node.left! : node.right!;
    }
  }

  /** Removes one copy of p; returns false if the tree does not hold it. */
  delete(p: Float64Array): boolean {
    let node = this.root;
    if (!node) return false;
    while (node.point === null) node = p[node.cutDim] <= node.cutValue ? node.left! : node.right!;
    if (!samePoint(node.point!, p)) return false;
    if (node.mass > 1) {
      for (let a: Node | null = node; a; a = a.parent) a.mass--;
      return true;
    }
    const parent = node.parent;
    if (!parent) {
      this.root = null;
      return true;
    }
    const sibling = parent.left === node ? parent.right! : parent.left!;
    const grand = parent.parent;
    sibling.parent = grand;
    if (!grand) this.root = sibling;
    else if (grand.left === parent) grand.left = sibling;
    else grand.right = sibling;
    const d = this.dims;
    for (let a = grand; a; a = a.parent) {
      a.mass--;
      const l = a.left!;
      const r = a.right!;
      for (let i = 0; i < d; i++) {
        a.min[i] = l.min[i] < r.min[i] ? l.min[i] : r.min[i];
        a.max[i] = l.max[i] > r.max[i] ? l.max[i] : r.max[i];
      }
    }
    return true;
  }

  /** Reused between calls: the internal nodes from the root down to the leaf a point reaches. */
  private readonly path: Node[] = [];
  private pathLength = 0;

  /** Fills `path` for p and returns the leaf p would reach. */
  private descend(p: Float64Array): Node {
    const path = this.path;
    let n = 0;
    let node = this.root!;
    while (node.point === null) {
      path[n++] = node;
      node = p[node.cutDim] <= node.cutValue ? node.left! : node.right!;
    }
    this.pathLength = n;
    return node;
  }

  /** The tree's anomaly score for p (not normalised); 0 for an empty tree. */
  score(p: Float64Array): number {
    if (!this.root) return 0;
    const leaf = this.descend(p);
    const path = this.path;
    const treeMass = this.root.mass;
    let depth = this.pathLength;
    let score = samePoint(leaf.point!, p) ? damp(leaf.mass, treeMass) * scoreSeen(depth, leaf.mass) : scoreUnseen(depth);
    const d = this.dims;
    for (let k = depth - 1; k >= 0; k--) {
      const n = path[k];
      depth = k;
      let outside = 0;
      let total = 0;
      for (let i = 0; i < d; i++) {
        const x = p[i];
        const lo = n.min[i];
        const hi = n.max[i];
        if (x < lo) {
          outside += lo - x;
          total += hi - x;
        } else if (x > hi) {
          outside += x - hi;
          total += x - lo;
        } else total += hi - lo;
      }
      // Inside this box means inside every box above it too: nothing more changes.
      if (outside === 0) break;
      const prob = outside / total;
      score = prob * scoreUnseen(depth) + (1 - prob) * score;
    }
    return score;
  }

  /** The score split per dimension into high and low parts; the parts sum to score(p). */
  attribution(p: Float64Array, out: Attribution): void {
    const d = this.dims;
    out.high.fill(0);
    out.low.fill(0);
    if (!this.root) return;
    const leaf = this.descend(p);
    const path = this.path;
    const depth = this.pathLength;
    const treeMass = this.root.mass;
    const { high, low } = out;
    const q = leaf.point!;
    if (samePoint(q, p)) {
      const s = damp(leaf.mass, treeMass) * scoreSeen(depth, leaf.mass);
      for (let i = 0; i < d; i++) {
        high[i] = s / (2 * d);
        low[i] = s / (2 * d);
      }
    } else {
      // The leaf as a box of one point: the unseen score shared by how far p is from it per dimension.
      let dist = 0;
      for (let i = 0; i < d; i++) dist += Math.abs(p[i] - q[i]);
      const s = scoreUnseen(depth);
      for (let i = 0; i < d; i++) {
        const diff = p[i] - q[i];
        if (diff > 0) high[i] = (s * diff) / dist;
        else if (diff < 0) low[i] = (s * -diff) / dist;
      }
    }
    for (let k = depth - 1; k >= 0; k--) {
      const n = path[k];
      let outside = 0;
      let total = 0;
      for (let i = 0; i < d; i++) {
        const x = p[i];
        const lo = n.min[i];
        const hi = n.max[i];
        if (x < lo) {
          outside += lo - x;
          total += hi - x;
        } else if (x > hi) {
          outside += x - hi;
          total += x - lo;
        } else total += hi - lo;
      }
      if (outside === 0) break;
      const prob = outside / total;
      const su = scoreUnseen(k);
      for (let i = 0; i < d; i++) {
        const x = p[i];
        const above = x > n.max[i] ? x - n.max[i] : 0;
        const below = x < n.min[i] ? n.min[i] - x : 0;
        high[i] = (above / total) * su + (1 - prob) * high[i];
        low[i] = (below / total) * su + (1 - prob) * low[i];
      }
    }
  }
}
