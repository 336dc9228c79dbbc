/**
 * One random cut tree (Guha, Mishra, Roy, Schrijvers, "Robust Random Cut Forest Based Anomaly
 * Detection on Streams", ICML 2016): every internal node cuts its bounding box at a random
 * dimension chosen in proportion to the box's extent there, at a uniform random value.
 * Points can be inserted and deleted, so a tree follows a reservoir sample of the stream.
 *
 * Scoring follows the RCF paper's displacement idea in the form AWS's implementation uses:
 * walking from the leaf the point would reach back up to the root, each node blends in the
 * probability that a random cut of (node box + point) would have isolated the point there.
 *
 * Nodes live in flat typed arrays indexed by node id (boxes at id * dims), so a score walks
 * contiguous memory instead of chasing objects; ids of removed nodes are reused.
 */
import type { Rng } from '../../common/rng';

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

const NONE = -1;

export class RandomCutTree {
  private cap = 0;
  private next = 0;
  private readonly free: number[] = [];
  private root = NONE;
  // Per node: bounding box (a leaf's box is its point), links, cut, mass, and a leaf's point.
  private lo = new Float64Array(0);
  private hi = new Float64Array(0);
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private parent = new Int32Array(0);
  private cutDim = new Int32Array(0);
  private cutValue = new Float64Array(0);
  private massOf = new Int32Array(0);
  private points: (Float64Array | null)[] = [];
  /** Reused between calls: the internal nodes from the root down to the leaf a point reaches. */
  private path = new Int32Array(64);
  private pathLength = 0;

  constructor(
    private readonly dims: number,
    private readonly rng: Rng,
  ) {
    this.grow(16);
  }

  get mass(): number {
    return this.root === NONE ? 0 : this.massOf[this.root];
  }

  /** The bounding box of everything in the tree, or null when it is empty. */
  bounds(): { min: number[]; max: number[] } | null {
    if (this.root === NONE) return null;
    const b = this.root * this.dims;
    return { min: Array.from(this.lo.subarray(b, b + this.dims)), max: Array.from(this.hi.subarray(b, b + this.dims)) };
  }

  private grow(cap: number) {
    const d = this.dims;
    const copyF = (a: Float64Array, n: number) => {
      const x = new Float64Array(n);
      x.set(a);
      return x;
    };
    const copyI = (a: Int32Array, n: number) => {
      const x = new Int32Array(n);
      x.set(a);
      return x;
    };
    this.lo = copyF(this.lo, cap * d);
    this.hi = copyF(this.hi, cap * d);
    this.cutValue = copyF(this.cutValue, cap);
    this.left = copyI(this.left, cap);
    this.right = copyI(this.right, cap);
    this.parent = copyI(this.parent, cap);
    this.cutDim = copyI(this.cutDim, cap);
    this.massOf = copyI(this.massOf, cap);
    for (let i = this.cap; i < cap; i++) this.points.push(null);
    this.cap = cap;
  }

  private alloc(): number {
    const id = this.free.pop();
    if (id !== undefined) return id;
    if (this.next >= this.cap) this.grow(this.cap * 2);
    return this.next++;
  }

  private newLeaf(p: Float64Array): number {
    const id = this.alloc();
    const b = id * this.dims;
    this.lo.set(p, b);
    this.hi.set(p, b);
    this.points[id] = p;
    this.massOf[id] = 1;
    this.left[id] = NONE;
    this.right[id] = NONE;
    return id;
  }

  insert(p: Float64Array): void {
    if (this.root === NONE) {
      this.root = this.newLeaf(p);
      this.parent[this.root] = NONE;
      return;
    }
    const d = this.dims;
    let node = this.root;
    while (true) {
      const leafPoint = this.points[node];
      if (leafPoint !== null && samePoint(leafPoint, p)) {
        for (let a = node; a !== NONE; a = this.parent[a]) this.massOf[a]++;
        return;
      }
      const lo = this.lo;
      const hi = this.hi;
      const b = node * d;
      // A random cut of the box grown to include p.
      let total = 0;
      for (let i = 0; i < d; i++) total += Math.max(hi[b + i], p[i]) - Math.min(lo[b + i], p[i]);
      let r = this.rng.next() * total;
      let dim = 0;
      let start = 0;
      for (; dim < d; dim++) {
        start = Math.min(lo[b + dim], p[dim]);
        const span = Math.max(hi[b + dim], p[dim]) - start;
        if (r < span) break;
        r -= span;
      }
      if (dim === d) {
        // Rounding left r at the very end: take the last dimension with extent.
        for (dim = d - 1; dim > 0; dim--) if (Math.max(hi[b + dim], p[dim]) > Math.min(lo[b + dim], p[dim])) break;
        start = Math.min(lo[b + dim], p[dim]);
        r = 0;
      }
      const cut = start + r;
      const pLeft = p[dim] <= cut;
      const separates = pLeft ? cut < lo[b + dim] : cut >= hi[b + dim];
      if (separates) {
        const leaf = this.newLeaf(p);
        const inner = this.alloc();
        // alloc may have grown the arrays: read them afresh.
        const L = this.lo;
        const H = this.hi;
        const nb = node * d;
        const ib = inner * d;
        for (let i = 0; i < d; i++) {
          L[ib + i] = Math.min(L[nb + i], p[i]);
          H[ib + i] = Math.max(H[nb + i], p[i]);
        }
        this.points[inner] = null;
        this.cutDim[inner] = dim;
        this.cutValue[inner] = cut;
        this.massOf[inner] = this.massOf[node] + 1;
        const par = this.parent[node];
        this.left[inner] = pLeft ? leaf : node;
        this.right[inner] = pLeft ? node : leaf;
        this.parent[leaf] = inner;
        this.parent[node] = inner;
        this.parent[inner] = par;
        if (par === NONE) this.root = inner;
        else if (this.left[par] === node) this.left[par] = inner;
        else this.right[par] = inner;
        for (let a = par; a !== NONE; a = this.parent[a]) {
          this.massOf[a]++;
          const ab = a * d;
          for (let i = 0; i < d; i++) {
            if (p[i] < L[ab + i]) L[ab + i] = p[i];
            if (p[i] > H[ab + i]) H[ab + i] = p[i];
          }
        }
        return;
      }
      // A leaf never gets here: a cut between two different points always separates them.
      node = p[this.cutDim[node]] <= this.cutValue[node] ? this.left[node] : this.right[node];
    }
  }

  /** The leaf p would reach. */
  private leafFor(p: Float64Array): number {
    let node = this.root;
    while (this.points[node] === null) node = p[this.cutDim[node]] <= this.cutValue[node] ? this.left[node] : this.right[node];
    return node;
  }

  /** Removes one copy of p; returns false if the tree does not hold it. */
  delete(p: Float64Array): boolean {
    if (this.root === NONE) return false;
    const leaf = this.leafFor(p);
    if (!samePoint(this.points[leaf]!, p)) return false;
    if (this.massOf[leaf] > 1) {
      for (let a = leaf; a !== NONE; a = this.parent[a]) this.massOf[a]--;
      return true;
    }
    const par = this.parent[leaf];
    this.points[leaf] = null;
    this.free.push(leaf);
    if (par === NONE) {
      this.root = NONE;
      return true;
    }
    const sibling = this.left[par] === leaf ? this.right[par] : this.left[par];
    const grand = this.parent[par];
    this.parent[sibling] = grand;
    if (grand === NONE) this.root = sibling;
    else if (this.left[grand] === par) this.left[grand] = sibling;
    else this.right[grand] = sibling;
    this.free.push(par);
    const d = this.dims;
    const L = this.lo;
    const H = this.hi;
    for (let a = grand; a !== NONE; a = this.parent[a]) {
      this.massOf[a]--;
      const ab = a * d;
      const lb = this.left[a] * d;
      const rb = this.right[a] * d;
      for (let i = 0; i < d; i++) {
        L[ab + i] = L[lb + i] < L[rb + i] ? L[lb + i] : L[rb + i];
        H[ab + i] = H[lb + i] > H[rb + i] ? H[lb + i] : H[rb + i];
      }
    }
    return true;
  }

  /** Fills `path` with the internal nodes from the root to p's leaf and returns that leaf. */
  private descend(p: Float64Array): number {
    let n = 0;
    let node = this.root;
    while (this.points[node] === null) {
      if (n === this.path.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(this.path);
        this.path = bigger;
      }
      this.path[n++] = node;
      node = p[this.cutDim[node]] <= this.cutValue[node] ? this.left[node] : this.right[node];
    }
    this.pathLength = n;
    return node;
  }

  /** The tree's anomaly score for p (not normalised); 0 for an empty tree. */
  score(p: Float64Array): number {
    if (this.root === NONE) return 0;
    const leaf = this.descend(p);
    const path = this.path;
    const treeMass = this.massOf[this.root];
    let depth = this.pathLength;
    const leafMass = this.massOf[leaf];
    let score = samePoint(this.points[leaf]!, p) ? damp(leafMass, treeMass) * scoreSeen(depth, leafMass) : scoreUnseen(depth);
    const d = this.dims;
    const L = this.lo;
    const H = this.hi;
    for (let k = depth - 1; k >= 0; k--) {
      const b = path[k] * d;
      depth = k;
      let outside = 0;
      let total = 0;
      for (let i = 0; i < d; i++) {
        const x = p[i];
        const lo = L[b + i];
        const hi = H[b + i];
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
    if (this.root === NONE) return;
    const leaf = this.descend(p);
    const path = this.path;
    const depth = this.pathLength;
    const treeMass = this.massOf[this.root];
    const { high, low } = out;
    const q = this.points[leaf]!;
    const leafMass = this.massOf[leaf];
    if (samePoint(q, p)) {
      const s = damp(leafMass, treeMass) * scoreSeen(depth, leafMass);
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
    const L = this.lo;
    const H = this.hi;
    for (let k = depth - 1; k >= 0; k--) {
      const b = path[k] * d;
      let outside = 0;
      let total = 0;
      for (let i = 0; i < d; i++) {
        const x = p[i];
        const lo = L[b + i];
        const hi = H[b + i];
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
        const above = x > H[b + i] ? x - H[b + i] : 0;
        const below = x < L[b + i] ? L[b + i] - x : 0;
        high[i] = (above / total) * su + (1 - prob) * high[i];
        low[i] = (below / total) * su + (1 - prob) * low[i];
      }
    }
  }
}
