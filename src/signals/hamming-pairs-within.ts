/**
 * Hamming self-join of 64-bit values — every pair within r bits — by multi-index hashing: split the 64 bits into m
 * disjoint chunks; if two values differ in at most r bits, then by the pigeonhole principle at least one chunk
 * differs in at most ⌊r/m⌋ bits. Each chunk gets a bucket table (counting sort by chunk value); the candidates of a
 * value are the values in the buckets of every chunk value within ⌊r/m⌋ bits of its own. Every pair within r bits
 * is among the candidates (exact: no false negatives), and each candidate is verified on all 64 bits (no false
 * positives).
 *
 * Reference: Norouzi, M., Punjani, A. & Fleet, D. J. (2014). Fast Exact Search in Hamming Space With Multi-Index
 * Hashing. IEEE Transactions on Pattern Analysis and Machine Intelligence 36(6), 1107–1119.
 * doi:10.1109/TPAMI.2013.231 (CVPR 2012 version: doi:10.1109/CVPR.2012.6248043).
 *
 * Why not only a BK-tree (`HammingBkTree`): on 64-bit perceptual hashes of unrelated images the pairwise distances
 * concentrate around 32 ± 4 bits, so a radius-8 BK-tree query still visits about half of the tree and the
 * self-join becomes quadratic (measured on 10^5 uniform random hashes: 47 % of the tree per query, 49 s for the
 * self-join). Multi-index hashing with m = 3 chunks of 21–22 bits probes ~700 buckets per value instead and
 * verifies ~100 candidates per value at 10^6 values (about 2 s for 7·10^5 uniform hashes).
 *
 * The probes run mask by mask over the sorted occupied chunk values, so that the 2^22-entry tables (16 MB, more
 * than the cache) are read in order; each table also keeps a copy of the values in bucket order, so a candidate
 * pair is verified from contiguous memory.
 *
 * @module
 */
import { popcount32 } from './hamming-bk-tree.js';

/** Largest chunk width (bits) of a bucket table: a table has 2^bits + 1 offsets (4 Mi entries at 22 bits). */
const MAX_CHUNK_BITS = 22;
/** Fewest chunks: with 64 bits and at most {@link MAX_CHUNK_BITS} bits per chunk, at least 3. */
const MIN_CHUNKS = Math.ceil(64 / MAX_CHUNK_BITS);

/** How the 64 bits are split for a given input size and radius. */
export interface MultiIndexPlan {
  /** Number of chunks m (3 ≤ m ≤ max(3, radiusBits + 1)). */
  chunks: number;
  /** Width of each chunk in bits, widest first; they add up to 64. */
  chunkBits: number[];
  /** Search radius inside a chunk: ⌊radiusBits / chunks⌋. */
  chunkRadiusBits: number;
}

/** Binomial coefficient C(n, k) as a float (exact for the small values used here). */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

/** Number of b-bit values within distance r of a given one: Σ_{k ≤ r} C(b, k). */
function ballSize(bits: number, radius: number): number {
  let sum = 0;
  for (let k = 0; k <= Math.min(radius, bits); k++) sum += binomial(bits, k);
  return sum;
}

/** Split 64 bits into m chunks as even as possible, widest first. */
function splitBits(chunks: number): number[] {
  const base = Math.floor(64 / chunks);
  const wider = 64 - base * chunks;
  return Array.from({ length: chunks }, (_, j) => (j < wider ? base + 1 : base));
}

/**
 * Choose the number of chunks m that minimises the estimated work for `count` values: per occupied chunk value
 * (at most min(count, 2^bits)), one probe per chunk value within ⌊r/m⌋ bits, plus the expected number of candidate
 * pairs (count² / 2^(bits+1) per probe mask, assuming roughly uniform bits), plus building the tables (2^bits per
 * chunk).
 * @param count number of distinct values (integer ≥ 0)
 * @param radiusBits search radius (integer 0..64)
 * @returns the plan; deterministic for given arguments
 * @example planMultiIndex(1_000_000, 8).chunks // 3 (chunks of 22, 21, 21 bits, radius 2 inside a chunk)
 */
export function planMultiIndex(count: number, radiusBits: number): MultiIndexPlan {
  let best: MultiIndexPlan | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  const maxChunks = Math.max(MIN_CHUNKS, Math.min(64, radiusBits + 1));
  for (let m = MIN_CHUNKS; m <= maxChunks; m++) {
    const chunkBits = splitBits(m);
    const chunkRadiusBits = Math.floor(radiusBits / m);
    let cost = 0;
    for (const bits of chunkBits) {
      const ball = ballSize(bits, chunkRadiusBits);
      cost += Math.min(count, 2 ** bits) * ball + (ball * count * count) / 2 ** (bits + 1) + 2 ** bits;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = { chunks: m, chunkBits, chunkRadiusBits };
    }
  }
  return best!;
}

/** Bits [start, start + bits) of the 64-bit value (hi, lo), bit 0 being the lowest bit of `lo`. */
function extractChunk(hi: number, lo: number, start: number, bits: number): number {
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  if (start >= 32) return ((hi >>> (start - 32)) & mask) >>> 0;
  if (start + bits <= 32) return ((lo >>> start) & mask) >>> 0;
  return (((lo >>> start) | (hi << (32 - start))) & mask) >>> 0;
}

/** All b-bit masks with at most r bits set, in increasing order of popcount then value. */
function masksWithin(bits: number, radius: number): Uint32Array {
  const out: number[] = [0];
  let frontier = [0];
  for (let k = 1; k <= Math.min(radius, bits); k++) {
    const next: number[] = [];
    for (const mask of frontier) {
      const top = mask === 0 ? -1 : 31 - Math.clz32(mask);
      for (let bit = top + 1; bit < bits; bit++) next.push((mask | (1 << bit)) >>> 0);
    }
    out.push(...next);
    frontier = next;
  }
  return Uint32Array.from(out);
}

/**
 * Bucket table of one chunk: positions `offsets[key] .. offsets[key + 1] − 1` hold the values with that chunk value
 * (`items`: their indices, ascending; `hi`/`lo`: copies of the values in that order, so a bucket is read from
 * contiguous memory); `occupied` lists the chunk values that have at least one value, ascending.
 */
interface ChunkTable {
  offsets: Int32Array;
  items: Int32Array;
  hi: Uint32Array;
  lo: Uint32Array;
  occupied: Uint32Array;
}

function buildTable(hi: Uint32Array, lo: Uint32Array, start: number, bits: number): ChunkTable {
  const n = hi.length;
  const keys = new Uint32Array(n);
  const offsets = new Int32Array(2 ** bits + 1);
  for (let i = 0; i < n; i++) {
    const key = extractChunk(hi[i]!, lo[i]!, start, bits);
    keys[i] = key;
    offsets[key + 1]!++;
  }
  let distinct = 0;
  for (let k = 1; k < offsets.length; k++) {
    if (offsets[k]! > 0) distinct++;
    offsets[k]! += offsets[k - 1]!;
  }
  const occupied = new Uint32Array(distinct);
  for (let k = 0, j = 0; k + 1 < offsets.length; k++) if (offsets[k + 1]! > offsets[k]!) occupied[j++] = k;
  const fill = offsets.slice(0, offsets.length - 1);
  const items = new Int32Array(n);
  const sortedHi = new Uint32Array(n);
  const sortedLo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = fill[keys[i]!]!++;
    items[p] = i;
    sortedHi[p] = hi[i]!;
    sortedLo[p] = lo[i]!;
  }
  return { offsets, items, hi: sortedHi, lo: sortedLo, occupied };
}

/** A join in progress: the radius, the callback and the work counter. */
interface Join {
  radiusBits: number;
  visit: (a: number, b: number, distanceBits: number) => void;
  candidates: number;
}

/** Verify the values at table positions p and q on all 64 bits and report them when within the radius. */
function check(table: ChunkTable, join: Join, p: number, q: number): void {
  join.candidates++;
  const d = popcount32(table.hi[p]! ^ table.hi[q]!) + popcount32(table.lo[p]! ^ table.lo[q]!);
  if (d > join.radiusBits) return;
  const a = table.items[p]!;
  const b = table.items[q]!;
  if (a < b) join.visit(a, b, d);
  else join.visit(b, a, d);
}

/** Check every pair inside one bucket and every pair across two buckets whose chunk values differ by a mask. */
function joinTable(table: ChunkTable, masks: Uint32Array, join: Join): void {
  const { offsets, occupied } = table;
  // Mask 0: pairs within a bucket.
  for (const key of occupied) {
    const end = offsets[key + 1]!;
    for (let p = offsets[key]!; p < end; p++) {
      for (let q = p + 1; q < end; q++) check(table, join, p, q);
    }
  }
  // Other masks: each pair of buckets once (key < key ^ mask). Looping over masks outside and keys inside keeps
  // the probes key ^ mask moving through memory in order, which matters for tables of megabytes.
  const count = occupied.length;
  for (let m = 1; m < masks.length; m++) {
    const mask = masks[m]!;
    for (let i = 0; i < count; i++) {
      const key = occupied[i]!;
      const other = (key ^ mask) >>> 0;
      if (other < key) continue;
      const otherStart = offsets[other]!;
      const otherEnd = offsets[other + 1]!;
      if (otherStart === otherEnd) continue;
      const end = offsets[key + 1]!;
      for (let p = offsets[key]!; p < end; p++) {
        for (let q = otherStart; q < otherEnd; q++) check(table, join, p, q);
      }
    }
  }
}

/**
 * Call `visit(a, b, distanceBits)` with a < b for every pair of the values (hi[i], lo[i]) whose Hamming distance is
 * ≤ `radiusBits`. A pair may be reported more than once (once per chunk within the chunk radius, so up to m times);
 * the order of calls is deterministic but not sorted.
 *
 * @param hi high 32-bit halves of the values (distinct values recommended; duplicates are reported at distance 0)
 * @param lo low 32-bit halves, same length as `hi`
 * @param radiusBits search radius, an integer 0..64 (work grows steeply with it, see {@link planMultiIndex})
 * @param visit called with the two value indices (a < b) and their distance in bits
 * @returns the plan used and the number of candidate pairs verified (the work done)
 * @throws {RangeError} when `hi` and `lo` differ in length or `radiusBits` is not an integer 0..64
 * @example
 * forEachHammingPairWithin(hi, lo, 8, (a, b) => union(a, b));
 */
export function forEachHammingPairWithin(
  hi: Uint32Array,
  lo: Uint32Array,
  radiusBits: number,
  visit: (a: number, b: number, distanceBits: number) => void,
): { plan: MultiIndexPlan; candidates: number } {
  if (hi.length !== lo.length) throw new RangeError('hi and lo must have the same length');
  if (!Number.isInteger(radiusBits) || radiusBits < 0 || radiusBits > 64) {
    throw new RangeError(`radiusBits must be an integer 0..64, got ${String(radiusBits)}`);
  }
  const plan = planMultiIndex(hi.length, radiusBits);
  const join: Join = { radiusBits, visit, candidates: 0 };
  let start = 0;
  for (const bits of plan.chunkBits) {
    const table = buildTable(hi, lo, start, bits);
    start += bits;
    joinTable(table, masksWithin(bits, plan.chunkRadiusBits), join);
  }
  return { plan, candidates: join.candidates };
}
