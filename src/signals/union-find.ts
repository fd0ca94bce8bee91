/**
 * Disjoint-set forest over the integers 0 … n − 1 with union by size and path halving (Tarjan 1975, "Efficiency
 * of a good but not linear set union algorithm", doi:10.1145/321879.321884; Tarjan & van Leeuwen 1984,
 * doi:10.1145/62.2160): near-constant amortized time per operation, 8 bytes per element.
 *
 * @module
 */

/**
 * Union-find on `0 … size − 1` backed by typed arrays.
 * @example
 * const uf = new UnionFind(4);
 * uf.union(0, 1); uf.union(2, 3);
 * uf.connected(0, 1) // true
 * uf.connected(1, 2) // false
 */
export class UnionFind {
  /** Number of elements. */
  readonly size: number;
  private readonly parent: Int32Array;
  private readonly setSize: Int32Array;

  /**
   * @param size number of elements (integer ≥ 0); each starts in its own set
   * @throws {RangeError} when `size` is not a non-negative safe integer
   */
  constructor(size: number) {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new RangeError(`signals/union-find: invalid size ${String(size)}. Expecting an integer ≥ 0.`);
    }
    this.size = size;
    this.parent = new Int32Array(size);
    this.setSize = new Int32Array(size).fill(1);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  /** The representative of `x`'s set (halves the path on the way). */
  find(x: number): number {
    const parent = this.parent;
    let node = x;
    while (parent[node] !== node) {
      const grand = parent[parent[node]!]!;
      parent[node] = grand;
      node = grand;
    }
    return node;
  }

  /**
   * Merge the sets of `x` and `y` (the larger set's root stays root; on equal sizes, `x`'s root).
   * @returns `true` when two different sets were merged, `false` when already in one set
   */
  union(x: number, y: number): boolean {
    let rx = this.find(x);
    let ry = this.find(y);
    if (rx === ry) return false;
    if (this.setSize[rx]! < this.setSize[ry]!) [rx, ry] = [ry, rx];
    this.parent[ry] = rx;
    this.setSize[rx]! += this.setSize[ry]!;
    return true;
  }

  /** Whether `x` and `y` are in the same set. */
  connected(x: number, y: number): boolean {
    return this.find(x) === this.find(y);
  }

  /** The number of elements in `x`'s set. */
  sizeOf(x: number): number {
    return this.setSize[this.find(x)]!;
  }
}
