/**
 * MinHash signatures and LSH banding for near-duplicate candidate search.
 *
 * - MinHash: Broder 1997, "On the resemblance and containment of documents" (doi:10.1109/SEQUEN.1997.666900);
 *   Broder, Charikar, Frieze & Mitzenmacher 2000, "Min-wise independent permutations"
 *   (doi:10.1006/jcss.1999.1690). For a random permutation π, P[min π(A) = min π(B)] = J(A, B).
 * - Permutations: seeded universal hashing h(x) = (a·x + b) mod 2³² with odd `a` (a bijection of 32-bit values;
 *   Carter & Wegman 1979, doi:10.1016/0022-0000(79)90044-8; multiply-add hashing of Dietzfelbinger et al. 1997).
 *   The inputs are already avalanche-mixed shingle hashes (`fmix32`), so the family behaves as min-wise.
 * - LSH banding: Indyk & Motwani 1998 (doi:10.1145/276698.276876); Leskovec, Rajaraman & Ullman, "Mining of
 *   Massive Datasets", ch. 3.4: with `bands` bands of `rows` rows, a pair of Jaccard similarity s shares at least
 *   one band with probability 1 − (1 − s^rows)^bands (the "S-curve").
 *
 * @module
 */
import seedrandom from 'seedrandom';

import { distinctInPlace, fmix32 } from './shingles.js';

/** The coefficients of `count` seeded hash functions h_i(x) = (a_i·x + b_i) mod 2³². */
export interface MinHashParams {
  /** Multipliers, odd 32-bit unsigned integers. */
  readonly a: Uint32Array;
  /** Offsets, 32-bit unsigned integers. */
  readonly b: Uint32Array;
}

/**
 * Draw the coefficients of `count` hash functions from `seedrandom(String(seed))` (a then b per function).
 * @param count number of hash functions (integer ≥ 1)
 * @param seed any seed; the same seed gives the same functions on every platform
 * @returns the coefficients
 * @example createMinHashParams(80, 42).a.length // 80
 */
export function createMinHashParams(count: number, seed: number | string): MinHashParams {
  const rng = seedrandom(String(seed));
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    a[i] = (rng.int32() | 1) >>> 0;
    b[i] = rng.int32() >>> 0;
  }
  return { a, b };
}

/**
 * The MinHash signature of a shingle set: for each function i, min over x of (a_i·x + b_i) mod 2³².
 * @param shingles 32-bit shingle hashes (repeats allowed; they do not change a minimum)
 * @param params hash functions, see {@link createMinHashParams}
 * @param out where to write (length ≥ `params.a.length`); a new array by default
 * @returns `out`, with 0xffffffff in every slot when `shingles` is empty
 */
export function minHashSignature(
  shingles: Uint32Array,
  params: MinHashParams,
  out: Uint32Array = new Uint32Array(params.a.length),
): Uint32Array {
  const { a, b } = params;
  const n = shingles.length;
  // One function at a time: its coefficients and running minimum stay in registers over the inner loop.
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    let min = 0xffffffff;
    for (let s = 0; s < n; s++) {
      const v = (Math.imul(ai, shingles[s]!) + bi) >>> 0;
      if (v < min) min = v;
    }
    out[i] = min;
  }
  return out;
}

/**
 * Hash each band of a signature to a 32-bit bucket key: band j covers `signature[j·rows … j·rows + rows)`, hashed
 * with FNV-1a over its values and `fmix32`. Two texts are LSH candidates when some band has equal keys (equal
 * bands always give equal keys; unequal bands collide with probability ≈ 2⁻³², which verification absorbs).
 * @param signature MinHash signature of length ≥ bands·rows
 * @param bands number of bands (integer ≥ 1)
 * @param rows rows per band (integer ≥ 1)
 * @param out where to write the `bands` keys
 * @param offset index of `out` where band 0's key goes
 * @param stride distance in `out` between the keys of consecutive bands (default 1: side by side)
 */
export function bandKeys(
  signature: Uint32Array,
  bands: number,
  rows: number,
  out: Uint32Array,
  offset = 0,
  stride = 1,
): void {
  for (let j = 0; j < bands; j++) {
    let h = 0x811c9dc5;
    for (let r = j * rows, end = r + rows; r < end; r++) h = Math.imul(h ^ signature[r]!, 0x01000193);
    out[offset + j * stride] = fmix32(h);
  }
}

/**
 * Probability that a pair with Jaccard similarity `jaccard` becomes an LSH candidate: 1 − (1 − s^r)^b.
 * @param jaccard s in [0, 1]
 * @param bands b (integer ≥ 1)
 * @param rows r (integer ≥ 1)
 * @example
 * lshCandidateProbability(0.7, 20, 4) // 1 − (1 − 0.2401)^20 = 1 − 0.7599^20 ≈ 0.9959
 * lshCandidateProbability(0.3, 20, 4) // 1 − (1 − 0.0081)^20 ≈ 0.150
 */
export function lshCandidateProbability(jaccard: number, bands: number, rows: number): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sets given as sorted arrays of distinct numbers (e.g. `shingleSet`
 * results), by a linear merge. Two empty sets have similarity 1.
 * @example jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) // 2 / 4 = 0.5
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 && nb === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < na && j < nb) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (na + nb - common);
}

/** Scratch of {@link jaccardOfSets}, grown on demand. */
let unionScratch = new Uint32Array(1024);

/**
 * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sets given as arrays of distinct 32-bit hashes in any order:
 * the same value as {@link jaccard} on the sorted arrays, found by counting the union with a hash table instead
 * of sorting (|A ∩ B| = |A| + |B| − |A ∪ B|).
 * @param a distinct avalanche-mixed values (e.g. `distinctShingleHashes` output)
 * @param b distinct avalanche-mixed values
 * @returns J in [0, 1]; 1 when both are empty
 * @example jaccardOfSets(Uint32Array.of(3, 1, 2), Uint32Array.of(4, 2, 3)) // 0.5
 */
export function jaccardOfSets(a: Uint32Array, b: Uint32Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 && nb === 0) return 1;
  if (unionScratch.length < na + nb)
    unionScratch = new Uint32Array(Math.max(na + nb, unionScratch.length * 2));
  unionScratch.set(a);
  unionScratch.set(b, na);
  const common = na + nb - distinctInPlace(unionScratch, na + nb);
  return common / (na + nb - common);
}
