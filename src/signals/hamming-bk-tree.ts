/**
 * BK-tree over 64-bit values under the Hamming distance: a metric tree for "all values within r bits of q" range
 * queries without comparing q against every value.
 *
 * Every node stores one value; the child reached through edge label d holds values at distance exactly d from the
 * node. By the triangle inequality, a value within r of the query q can only sit below the child labelled d' when
 * |d − d'| ≤ r, where d is the distance from q to the node, so the other subtrees are skipped.
 *
 * Reference: Burkhard, W. A. & Keller, R. M. (1973). Some approaches to best-match file searching. Communications
 * of the ACM 16(4), 230–236. doi:10.1145/362003.362025
 *
 * Cost note: on uniformly random 64-bit values the distances between values concentrate around 32 ± 4 bits, so a
 * query of radius 8 still passes the |d − d'| ≤ r test for most children and visits a large share of the tree
 * (measured in `bench/signals-bench.ts`). The tree pays off when values are clustered (many near-duplicates) or
 * the radius is small; `groupMediaHashes` therefore uses a multi-index hash for the candidate search instead.
 *
 * Values are held as two unsigned 32-bit halves (`hi`, `lo`) in typed arrays: no bigint arithmetic, no per-node
 * objects.
 *
 * @module
 */

/**
 * Number of set bits in a 32-bit integer (SWAR popcount, "Bit Twiddling Hacks", S. E. Anderson).
 * @param x any number; only its low 32 bits count
 * @returns 0..32
 * @example popcount32(0xff) // 8
 */
export function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/**
 * Hamming distance between two 64-bit values, each given as high and low unsigned 32-bit halves.
 * @returns the number of differing bits, 0..64
 * @example hammingDistance64(0, 0b1011, 0, 0) // 3
 */
export function hammingDistance64(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return popcount32(aHi ^ bHi) + popcount32(aLo ^ bLo);
}

const INITIAL_CAPACITY = 1024;
const NONE = -1;

/**
 * A growable BK-tree of distinct 64-bit values (Burkhard & Keller 1973) for Hamming range queries. Values are
 * addressed by their node index (0, 1, 2, … in insertion order of the distinct values).
 *
 * @example
 * const tree = new HammingBkTree();
 * tree.insert(0, 0b0000); // → 0
 * tree.insert(0, 0b0111); // → 1
 * tree.search(0, 0b0001, 1); // → [0]
 */
export class HammingBkTree {
  #hi = new Uint32Array(INITIAL_CAPACITY);
  #lo = new Uint32Array(INITIAL_CAPACITY);
  #firstChild = new Int32Array(INITIAL_CAPACITY);
  #nextSibling = new Int32Array(INITIAL_CAPACITY);
  /** Distance from a node to its parent (the edge label), 0..64. */
  #edge = new Uint8Array(INITIAL_CAPACITY);
  #size = 0;
  #distanceCount = 0;

  /** Number of distinct values stored. */
  get size(): number {
    return this.#size;
  }

  /** Distance computations done so far by {@link insert} and {@link search} (a cost measure for benchmarks). */
  get distanceCount(): number {
    return this.#distanceCount;
  }

  /** High 32 bits of the value at `index` (0 ≤ index < size). */
  hiAt(index: number): number {
    return this.#hi[index]!;
  }

  /** Low 32 bits of the value at `index` (0 ≤ index < size). */
  loAt(index: number): number {
    return this.#lo[index]!;
  }

  /**
   * Insert a value unless it is already present.
   * @param hi high 32 bits (taken as unsigned)
   * @param lo low 32 bits (taken as unsigned)
   * @returns the node index of the value: a new index, or the existing one when the value was already stored
   */
  insert(hi: number, lo: number): number {
    const h = hi >>> 0;
    const l = lo >>> 0;
    if (this.#size === 0) return this.#append(h, l, 0);
    let node = 0;
    for (;;) {
      this.#distanceCount++;
      const d = hammingDistance64(h, l, this.#hi[node]!, this.#lo[node]!);
      if (d === 0) return node;
      let child = this.#firstChild[node]!;
      while (child !== NONE && this.#edge[child] !== d) child = this.#nextSibling[child]!;
      if (child === NONE) {
        const index = this.#append(h, l, d);
        this.#nextSibling[index] = this.#firstChild[node]!;
        this.#firstChild[node] = index;
        return index;
      }
      node = child;
    }
  }

  /**
   * Every stored value within `radiusBits` of the query.
   * @param hi high 32 bits of the query
   * @param lo low 32 bits of the query
   * @param radiusBits largest Hamming distance included, an integer 0..64
   * @returns node indices in ascending order (the query itself, if stored, is included)
   */
  search(hi: number, lo: number, radiusBits: number): number[] {
    const out: number[] = [];
    if (this.#size === 0) return out;
    const h = hi >>> 0;
    const l = lo >>> 0;
    const stack: number[] = [0];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.#distanceCount++;
      const d = hammingDistance64(h, l, this.#hi[node]!, this.#lo[node]!);
      if (d <= radiusBits) out.push(node);
      for (let child = this.#firstChild[node]!; child !== NONE; child = this.#nextSibling[child]!) {
        const e = this.#edge[child]!;
        if (e >= d - radiusBits && e <= d + radiusBits) stack.push(child);
      }
    }
    return out.sort((a, b) => a - b);
  }

  #append(hi: number, lo: number, edge: number): number {
    if (this.#size === this.#hi.length) this.#grow();
    const index = this.#size++;
    this.#hi[index] = hi;
    this.#lo[index] = lo;
    this.#firstChild[index] = NONE;
    this.#nextSibling[index] = NONE;
    this.#edge[index] = edge;
    return index;
  }

  #grow(): void {
    const capacity = this.#hi.length * 2;
    const grow = <T extends Uint32Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.#hi = grow(this.#hi, (n) => new Uint32Array(n));
    this.#lo = grow(this.#lo, (n) => new Uint32Array(n));
    this.#firstChild = grow(this.#firstChild, (n) => new Int32Array(n));
    this.#nextSibling = grow(this.#nextSibling, (n) => new Int32Array(n));
    this.#edge = grow(this.#edge, (n) => new Uint8Array(n));
  }
}
