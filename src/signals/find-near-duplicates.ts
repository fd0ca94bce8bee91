/**
 * Near-duplicate text groups (copypasta with typos, swapped words, appended hashtags or homoglyphs) by MinHash and
 * LSH banding, verified by exact Jaccard similarity and joined by union-find. Used as the `neardup` co-action
 * trace: accounts posting texts of one group co-act on it.
 *
 * Methods: character shingles and MinHash, Broder 1997 (doi:10.1109/SEQUEN.1997.666900); LSH banding, Indyk &
 * Motwani 1998 (doi:10.1145/276698.276876) and Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" ch. 3;
 * near-duplicate copypasta as a coordination signal, Pacheco et al. 2021 (doi:10.1609/icwsm.v15i1.18075) and
 * Graham et al. 2024 (QUT coordination network toolkit, `co_similar_tweet`).
 *
 * Pipeline, with no all-pairs comparison anywhere:
 * 1. each text → {@link normalizeForNearDup}; texts shorter than `minTextChars` code points (`minCjkTextChars` for
 *    CJK-dominant texts) or with fewer than
 *    `minShingles` distinct shingles are not eligible (counted in `stats.short`);
 * 2. exact duplicates collapse: one entry per distinct normalized key;
 * 3. per key: shingle set → MinHash signature (`bands × rows` functions, WebAssembly SIMD kernel) → one 32-bit key
 *    per band; only the band keys and the shingle-set size are kept (signatures and shingle sets are not);
 * 4. per band: keys sorted by (band key, lexicographic rank of the text), a radix sort; within a bucket each key
 *    is compared with at most the `maxBucketNeighbours` keys before it (all pairs when the bucket is that small),
 *    skipping pairs already joined and pairs whose set sizes rule out the threshold;
 * 5. candidates are verified by the exact Jaccard similarity of their recomputed shingle sets (≥ `jaccardThreshold`)
 *    and joined by union-find; every text whose key is in a set of ≥ 2 texts forms a group.
 * Everything is ordered by the texts themselves, so the result does not depend on the input order.
 *
 * @module
 */
import { createHash } from 'node:crypto';

import { CibError, ConfigError } from '../errors.js';
import { bandKeys, createMinHashParams, jaccard, jaccardOfSets, lshCandidateProbability } from './minhash.js';
import { MinHashKernel } from './minhash-kernel.js';
import { normalizeForNearDup } from './neardup-normalize.js';
import { radixSortByKey } from './radix-sort-by-key.js';
import { countCodePoints, distinctShingleHashes, fmix32, isCjkDominant } from './shingles.js';
import { UnionFind } from './union-find.js';

export { jaccard, lshCandidateProbability };

/** Options of {@link findNearDuplicates}. */
export interface NearDupOptions {
  // — eligibility —
  /**
   * Shortest normalized text, in code points (integer ≥ 1). Default 20, as the exact `text` trace: shorter texts
   * ("thank you", "good morning") coincide by chance and are counted as `short`, never grouped.
   */
  minTextChars: number;
  /**
   * Shortest CJK-dominant normalized text, in code points (integer ≥ 1). Default 10: a Chinese, Japanese or Korean
   * character carries about a word, so ten are a sentence (about as much as twenty Latin letters carry), and
   * Chinese copypasta is often 10–20 characters long.
   */
  minCjkTextChars: number;
  /**
   * Fewest distinct shingles (integer ≥ 1). Default 8: repetitive fillers ("lol lol lol lol lol lol") have 4 and
   * would match every other filler of any length; they are counted as `short`.
   */
  minShingles: number;
  // — shingles —
  /** Shingle length k in code points for alphabetic and other scripts (integer 1–32). Default 5 ≈ one English word. */
  shingleChars: number;
  /** Shingle length k in code points for CJK-dominant texts (integer 1–32). Default 2 ≈ one Chinese word. */
  cjkShingleChars: number;
  // — MinHash / LSH —
  /**
   * Number of LSH bands b (integer ≥ 1). Default 20. With `rows` r = 4 the signature has b·r = 80 values and a pair
   * of Jaccard s is a candidate with probability P(s) = 1 − (1 − s⁴)²⁰: P(0.7) = 1 − 0.7599²⁰ = 1 − 0.0041 ≈ 0.996
   * (the issue asks ≥ 0.99), P(0.8) ≈ 1 − 1.6·10⁻⁷, P(0.5) ≈ 0.725, P(0.3) ≈ 0.150, P(0.1) ≈ 0.002. The S-curve's
   * midpoint is (1/b)^(1/r) = 0.05^0.25 ≈ 0.47. r = 4 is the smallest r meeting the target with b ≤ 20 that keeps
   * chance collisions of unrelated texts (s ≈ 0.02, s⁴ ≈ 1.6·10⁻⁷ per band) rare; r = 3 would need only b = 11 but
   * makes unrelated collisions 50× likelier (s³ = 8·10⁻⁶).
   */
  bands: number;
  /** Rows (hash functions) per band r (integer ≥ 1). Default 4; see `bands`. */
  rows: number;
  /** Seed of the MinHash functions (`seedrandom(String(seed))`). Default 42. */
  seed: number;
  /**
   * Neighbours each key is compared with inside one LSH bucket (integer ≥ 1). Default 8: in a bucket of more
   * than 9 keys, key i (by text order) is compared with keys i−8 … i−1 only. Near-duplicates of a big family still
   * end in one group through chains of verified pairs (union-find) and the other bands; this bounds the work of
   * a bucket of m keys to ≤ 8m comparisons instead of m²/2.
   */
  maxBucketNeighbours: number;
  // — verification and evidence —
  /**
   * Smallest exact Jaccard similarity of two shingle sets that makes them near-duplicates (0 < t ≤ 1). Default 0.7:
   * with 5-shingles a 100-character text with a 3-character typo keeps J ≈ 0.75–0.9 and an appended hashtag
   * J ≈ 0.85, while unrelated texts on one topic stay below 0.2.
   */
  jaccardThreshold: number;
  /** Verified pairs kept per group as evidence (integer ≥ 0). Default 10 (the least similar ones). */
  maxEvidencePairs: number;
}

/**
 * Defaults of {@link NearDupOptions} (see each field for the reason).
 * @example NEARDUP_DEFAULTS.jaccardThreshold // 0.7
 */
export const NEARDUP_DEFAULTS: Readonly<NearDupOptions> = Object.freeze({
  minTextChars: 20,
  minCjkTextChars: 10,
  minShingles: 8,
  shingleChars: 5,
  cjkShingleChars: 2,
  bands: 20,
  rows: 4,
  seed: 42,
  maxBucketNeighbours: 8,
  jaccardThreshold: 0.7,
  maxEvidencePairs: 10,
});

/** One verified pair of a group: ids of two texts and the exact Jaccard similarity of their shingle sets. */
export interface NearDupPair {
  /** Smaller id of the two (the smallest id posting that normalized text). */
  a: number;
  /** Larger id. */
  b: number;
  /** Exact Jaccard similarity, ≥ the threshold. */
  jaccard: number;
}

/** A group of near-duplicate texts. */
export interface NearDupGroup {
  /** `nd:` + the first 16 hex digits of SHA-256 of the group's lexicographically smallest normalized text. */
  id: string;
  /** Ids of every text in the group, exact copies included, ascending, each once. */
  members: number[];
  /** Smallest id among the texts of the group's most repeated normalized text (ties: the smallest text). */
  representativeId: number;
  /** Distinct normalized texts in the group (1 when the group is exact copies only). */
  distinctTexts: number;
  /**
   * Lowest Jaccard similarity among the verified pairs that joined the group (a spanning tree); 1 when the group
   * is exact copies only. Two members of a chain may be less similar than this to each other.
   */
  minJaccard: number;
  /** Up to `maxEvidencePairs` verified pairs of the spanning tree, least similar first (then by `a`, `b`). */
  pairs: NearDupPair[];
}

/** Counts of one run. */
export interface NearDupStats {
  /** Texts read. */
  texts: number;
  /** Texts long enough to compare. */
  eligible: number;
  /** Texts too short (`minTextChars`, `minShingles`), never grouped. */
  short: number;
  /** Distinct normalized keys among eligible texts. */
  distinctKeys: number;
  /** Key pairs proposed by LSH buckets (within the neighbour bound; a pair counts once per band it shares). */
  candidatePairs: number;
  /** Candidate pairs whose exact Jaccard was computed (not yet joined, sizes compatible). */
  comparedPairs: number;
  /** Compared pairs with Jaccard ≥ threshold (each joined two sets). */
  verifiedPairs: number;
  /** Groups returned. */
  groups: number;
  /** Texts in some group. */
  groupedTexts: number;
}

/** Result of {@link findNearDuplicates}. */
export interface NearDupResult {
  /** Groups, largest first, then by `id`. */
  groups: NearDupGroup[];
  stats: NearDupStats;
}

/** One input text. */
export interface NearDupInput {
  /** Caller's id (a finite number, e.g. a post row number); ids should be unique, repeats are listed once. */
  id: number;
  /** The text as posted. */
  text: string;
}

const PREFIX = 'signals/find-near-duplicates';

/**
 * Merge partial options over {@link NEARDUP_DEFAULTS} and validate.
 * @param input partial options (`undefined` fields take the default)
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateNearDupOptions}
 */
export function resolveNearDupOptions(input: Partial<NearDupOptions> = {}): NearDupOptions {
  const options = { ...NEARDUP_DEFAULTS };
  for (const key of Object.keys(NEARDUP_DEFAULTS) as (keyof NearDupOptions)[]) {
    const value = input[key];
    if (value !== undefined) options[key] = value;
  }
  validateNearDupOptions(options);
  return options;
}

const INTEGER_RANGES: ReadonlyArray<[keyof NearDupOptions, number, number]> = [
  ['minTextChars', 1, Number.MAX_SAFE_INTEGER],
  ['minCjkTextChars', 1, Number.MAX_SAFE_INTEGER],
  ['minShingles', 1, Number.MAX_SAFE_INTEGER],
  ['shingleChars', 1, 32],
  ['cjkShingleChars', 1, 32],
  ['bands', 1, 512],
  ['rows', 1, 64],
  ['seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ['maxBucketNeighbours', 1, 1024],
  ['maxEvidencePairs', 0, 10_000],
];

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when an integer field is not an integer in its range
 *   (`minTextChars`, `minShingles` ≥ 1; `shingleChars`, `cjkShingleChars` 1–32; `bands` 1–512; `rows` 1–64;
 *   `seed` a safe integer; `maxBucketNeighbours` 1–1024; `maxEvidencePairs` 0–10,000), when `bands × rows`
 *   exceeds 1024, or when `jaccardThreshold` is not a number in (0, 1]
 */
export function validateNearDupOptions(options: NearDupOptions): void {
  for (const [key, min, max] of INTEGER_RANGES) {
    const value = options[key];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new ConfigError(
        `${PREFIX}: invalid \`${key}\` (${String(value)}). Expecting an integer in [${min}, ${max}].`,
      );
    }
  }
  if (options.bands * options.rows > 1024) {
    throw new ConfigError(
      `${PREFIX}: invalid \`bands\` × \`rows\` (${options.bands * options.rows}). Expecting at most 1024 hash functions.`,
    );
  }
  const t = options.jaccardThreshold;
  if (typeof t !== 'number' || !(t > 0 && t <= 1)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`jaccardThreshold\` (${String(t)}). Expecting a number in (0, 1].`,
    );
  }
}

type NumberArray = Uint32Array | Int32Array | Float64Array;

/** An append-only typed array that doubles its capacity. */
class Growable<T extends NumberArray> {
  data: T;
  length = 0;
  constructor(private readonly make: (capacity: number) => T) {
    this.data = make(1024);
  }
  /** Make room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const next = this.make(Math.max(this.length + extra, this.data.length * 2));
    next.set(this.data as never);
    this.data = next;
  }
  push(value: number): void {
    this.reserve(1);
    this.data[this.length++] = value;
  }
}

const CHUNK_BITS = 12;
/** Keys per band-key chunk. */
const CHUNK_KEYS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_KEYS - 1;

/** Step 1–3: normalized keys, their band keys and the texts that use them. */
class KeyIndex {
  readonly keys: string[] = [];
  readonly setSizes = new Growable((n) => new Uint32Array(n));
  /**
   * Band keys in chunks of `bands` × {@link CHUNK_KEYS} keys (no doubling copies of one huge array), band-major:
   * key k's band j is `bandKeyChunks[k >> CHUNK_BITS][j · CHUNK_KEYS + (k & CHUNK_MASK)]`.
   */
  readonly bandKeyChunks: Uint32Array[] = [];
  readonly textIds = new Growable((n) => new Float64Array(n));
  readonly textKeys = new Growable((n) => new Int32Array(n));
  texts = 0;
  short = 0;
  private readonly indexOf = new Map<string, number>();
  private readonly kernel: MinHashKernel;

  constructor(private readonly options: NearDupOptions) {
    this.kernel = new MinHashKernel(createMinHashParams(options.bands * options.rows, options.seed));
  }

  add(item: NearDupInput): void {
    this.texts++;
    const id = item.id;
    if (typeof id !== 'number' || !Number.isFinite(id)) {
      throw new CibError('INPUT_INVALID', `${PREFIX}: invalid id ${String(id)}. Expecting a finite number.`);
    }
    const key = normalizeForNearDup(typeof item.text === 'string' ? item.text : '');
    let index = this.indexOf.get(key);
    if (index === undefined) {
      if (!this.index(key)) {
        this.short++;
        return;
      }
      index = this.keys.length - 1;
    }
    this.textIds.push(id);
    this.textKeys.push(index);
  }

  /** Key indices in lexicographic order of their texts (UTF-16 code unit order, as `<` and `sort()` compare). */
  lexicographicOrder(): Int32Array {
    const sorted = this.keys.slice().sort(); // the default order, compared natively: ≈ 1.4× faster than a callback
    const order = new Int32Array(sorted.length);
    for (let r = 0; r < sorted.length; r++) order[r] = this.indexOf.get(sorted[r]!)!;
    return order;
  }

  /** Index a new key; `false` when it is not eligible (short keys are not remembered: they are cheap to redo). */
  private index(key: string): boolean {
    const o = this.options;
    const length = countCodePoints(key, o.minTextChars);
    if (length < o.minTextChars && (length < o.minCjkTextChars || !isCjkDominant(key))) return false;
    const shingles = this.kernel.shingleBuffer(Math.max(1, key.length));
    const size = distinctShingleHashes(key, o.shingleChars, o.cjkShingleChars, shingles);
    if (size < o.minShingles) return false;
    this.indexOf.set(key, this.keys.length);
    this.keys.push(key);
    this.setSizes.push(size);
    const k = this.keys.length - 1;
    if ((k & CHUNK_MASK) === 0) this.bandKeyChunks.push(new Uint32Array(CHUNK_KEYS * o.bands));
    const chunk = this.bandKeyChunks[k >>> CHUNK_BITS]!;
    bandKeys(this.kernel.signature(size), o.bands, o.rows, chunk, k & CHUNK_MASK, CHUNK_KEYS);
    return true;
  }
}

/** Sets of recently compared keys; emptied when full (bounded memory, hits within a bucket's neighbourhood). */
const SET_CACHE_ENTRIES = 4096;

/** Most slots of the failed-pair memo (a power of two; 8 MB). */
const MAX_FAILED_PAIR_SLOTS = 1 << 20;

/** Step 4–5: candidate pairs from LSH buckets, verified and joined. */
class PairJoiner {
  readonly uf: UnionFind;
  readonly edgeA = new Growable((n) => new Int32Array(n));
  readonly edgeB = new Growable((n) => new Int32Array(n));
  readonly edgeJ = new Growable((n) => new Float64Array(n));
  candidatePairs = 0;
  comparedPairs = 0;
  private readonly cache = new Map<number, Uint32Array>();
  private scratch = new Uint32Array(1024);
  /**
   * Pairs that failed verification, direct-mapped (a newer pair overwrites an older one in its slot): a pair of
   * Jaccard 0.5–0.7 often shares several bands, and its exact Jaccard need not be recomputed each time.
   */
  private readonly failed: Float64Array;
  private readonly failedMask: number;

  constructor(
    private readonly index: KeyIndex,
    private readonly options: NearDupOptions,
  ) {
    this.uf = new UnionFind(index.keys.length);
    let slots = 1024;
    while (slots < index.keys.length && slots < MAX_FAILED_PAIR_SLOTS) slots *= 2;
    this.failed = new Float64Array(slots);
    this.failedMask = slots - 1;
  }

  /** Consider the pair of keys (x, y). */
  consider(x: number, y: number): void {
    this.candidatePairs++;
    if (this.uf.connected(x, y)) return;
    const sizes = this.index.setSizes.data;
    const small = Math.min(sizes[x]!, sizes[y]!);
    const large = Math.max(sizes[x]!, sizes[y]!);
    if (small < this.options.jaccardThreshold * large) return; // J ≤ |small| / |large|
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const pair = lo * this.uf.size + hi + 1; // never 0, the empty slot
    const slot = fmix32(Math.imul(lo, 0x9e3779b1) ^ hi) & this.failedMask;
    if (this.failed[slot] === pair) return;
    this.comparedPairs++;
    const similarity = jaccardOfSets(this.setOf(x), this.setOf(y));
    if (similarity < this.options.jaccardThreshold) {
      this.failed[slot] = pair;
      return;
    }
    this.uf.union(x, y);
    this.edgeA.push(x);
    this.edgeB.push(y);
    this.edgeJ.push(similarity);
  }

  /** The distinct shingle hashes of key `key` (unsorted; cached for the neighbours that follow in a bucket). */
  private setOf(key: number): Uint32Array {
    let set = this.cache.get(key);
    if (set === undefined) {
      const text = this.index.keys[key]!;
      const o = this.options;
      if (this.scratch.length < text.length)
        this.scratch = new Uint32Array(Math.max(text.length, this.scratch.length * 2));
      set = this.scratch.slice(
        0,
        distinctShingleHashes(text, o.shingleChars, o.cjkShingleChars, this.scratch),
      );
      if (this.cache.size >= SET_CACHE_ENTRIES) this.cache.clear();
      this.cache.set(key, set);
    }
    return set;
  }
}

/**
 * Run every band: order the keys by (band key, rank), a stable radix sort of the band keys listed in rank order,
 * and compare bucket neighbours. Above 2²¹ keys the band key's low `32 + rankBits − 53` bits are ignored, which
 * merges some buckets: the exact order of the packed float64 (band key, rank) sort used before, kept so that
 * results stay the same.
 */
function joinBuckets(index: KeyIndex, byRank: Int32Array, joiner: PairJoiner, options: NearDupOptions): void {
  const m = byRank.length;
  const rankBits = Math.max(1, Math.ceil(Math.log2(m + 1)));
  const dropBits = Math.max(0, 32 + rankBits - 53);
  const { bands, maxBucketNeighbours } = options;
  const keys = new Uint32Array(m);
  const items = new Int32Array(m);
  const tempKeys = new Uint32Array(m);
  const tempItems = new Int32Array(m);
  for (let band = 0; band < bands; band++) {
    const offset = band * CHUNK_KEYS;
    for (let r = 0; r < m; r++) {
      const k = byRank[r]!;
      keys[r] = index.bandKeyChunks[k >>> CHUNK_BITS]![offset + (k & CHUNK_MASK)]! >>> dropBits;
      items[r] = k;
    }
    radixSortByKey(keys, items, tempKeys, tempItems);
    let start = 0;
    for (let p = 1; p < m; p++) {
      if (keys[p] !== keys[start]) {
        start = p;
        continue;
      }
      const y = items[p]!;
      for (let q = Math.max(start, p - maxBucketNeighbours); q < p; q++) joiner.consider(items[q]!, y);
    }
  }
}

/** 16 hex digits of SHA-256 of a text. */
function hex16(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Step 6: groups from the union-find sets. */
function buildGroups(
  index: KeyIndex,
  joiner: PairJoiner,
  rankOf: Int32Array,
  options: NearDupOptions,
): NearDupGroup[] {
  const m = index.keys.length;
  const uf = joiner.uf;
  const textCount = new Int32Array(m);
  const minId = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const ids = index.textIds.data;
  const textKeys = index.textKeys.data;
  for (let t = 0; t < index.textKeys.length; t++) {
    const k = textKeys[t]!;
    textCount[k]!++;
    if (ids[t]! < minId[k]!) minId[k] = ids[t]!;
  }
  const totals = new Int32Array(m);
  for (let k = 0; k < m; k++) totals[uf.find(k)]! += textCount[k]!;
  const groupIndex = new Int32Array(m).fill(-1);
  const roots: number[] = [];
  for (let k = 0; k < m; k++) {
    if (totals[k]! >= 2) {
      groupIndex[k] = roots.length;
      roots.push(k);
    }
  }
  /** Group number of key `k`'s set, or `undefined`. */
  const groupOf = (k: number): number | undefined => {
    const g = groupIndex[uf.find(k)]!;
    return g < 0 ? undefined : g;
  };
  const members: number[][] = roots.map(() => []);
  for (let t = 0; t < index.textKeys.length; t++) {
    const g = groupOf(textKeys[t]!);
    if (g !== undefined) members[g]!.push(ids[t]!);
  }
  const smallest = new Int32Array(roots.length).fill(-1);
  const representative = new Int32Array(roots.length).fill(-1);
  for (let k = 0; k < m; k++) {
    const g = groupOf(k);
    if (g === undefined) continue;
    if (smallest[g]! < 0 || rankOf[k]! < rankOf[smallest[g]!]!) smallest[g] = k;
    const rep = representative[g]!;
    if (
      rep < 0 ||
      textCount[k]! > textCount[rep]! ||
      (textCount[k] === textCount[rep] && rankOf[k]! < rankOf[rep]!)
    ) {
      representative[g] = k;
    }
  }
  const pairs: NearDupPair[][] = roots.map(() => []);
  for (let e = 0; e < joiner.edgeA.length; e++) {
    const x = joiner.edgeA.data[e]!;
    const y = joiner.edgeB.data[e]!;
    const g = groupOf(x);
    if (g === undefined) continue;
    const [a, b] = minId[x]! < minId[y]! ? [minId[x]!, minId[y]!] : [minId[y]!, minId[x]!];
    pairs[g]!.push({ a, b, jaccard: joiner.edgeJ.data[e]! });
  }
  const groups = roots.map((root, g): NearDupGroup => {
    const sorted = pairs[g]!.sort((p, q) => p.jaccard - q.jaccard || p.a - q.a || p.b - q.b);
    return {
      id: `nd:${hex16(index.keys[smallest[g]!]!)}`,
      members: [...new Set(members[g]!)].sort((p, q) => p - q),
      representativeId: minId[representative[g]!]!,
      distinctTexts: uf.sizeOf(root),
      minJaccard: sorted.length > 0 ? sorted[0]!.jaccard : 1,
      pairs: sorted.slice(0, options.maxEvidencePairs),
    };
  });
  // A repeated id counts once: a "group" of one id posted twice is no group.
  return groups
    .filter((g) => g.members.length >= 2)
    .sort((p, q) => q.members.length - p.members.length || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}

/**
 * Find groups of near-duplicate texts.
 *
 * See the module header for the steps. Deterministic: the same texts (in any order) and options give the same
 * groups, ids and order. Memory: the distinct normalized texts, a map from them, 4·`bands` bytes of band keys per
 * distinct text and ≈ 30 bytes per text; no signature or shingle set is kept. Single-threaded; MinHash runs in a
 * WebAssembly SIMD kernel (`MinHashKernel`). Measured on 2 cores (bench/neardup-bench.ts): 10⁶ synthetic
 * copypasta texts in ≈ 16 s (≈ 3.8 M texts/min), peak RSS ≈ 616 MB with streamed input, and it runs unchanged
 * within `--max-old-space-size=300`; 677k distinct texts of 10–20 pseudo-words (`--pseudo`) in ≈ 4.3 s
 * (≈ 6.3 µs per text).
 *
 * @param texts the texts, as a sync or async iterable of `{ id, text }`
 * @param options partial {@link NearDupOptions}: `[options.minTextChars=20]`, `[options.minCjkTextChars=10]`, `[options.minShingles=8]`,
 *   `[options.shingleChars=5]`, `[options.cjkShingleChars=2]`, `[options.bands=20]`, `[options.rows=4]`,
 *   `[options.seed=42]`, `[options.maxBucketNeighbours=8]`, `[options.jaccardThreshold=0.7]`,
 *   `[options.maxEvidencePairs=10]`
 * @returns `{ groups, stats }`: every group has ≥ 2 texts (exact copies count), members sorted ascending
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid (before reading any text)
 * @throws {CibError} `INPUT_INVALID` when an id is not a finite number
 * @example
 * const { groups } = await findNearDuplicates([
 *   { id: 1, text: 'The election was stolen, share before they delete this!' },
 *   { id: 2, text: 'The electon was stolen, share before they delete this! #truth' },
 *   { id: 3, text: 'Lovely weather in Lisbon today, going to the beach.' },
 * ]);
 * groups[0].members // [1, 2]
 */
export async function findNearDuplicates(
  texts: Iterable<NearDupInput> | AsyncIterable<NearDupInput>,
  options: Partial<NearDupOptions> = {},
): Promise<NearDupResult> {
  const resolved = resolveNearDupOptions(options);
  const index = new KeyIndex(resolved);
  if (Symbol.asyncIterator in texts) for await (const item of texts) index.add(item);
  else for (const item of texts) index.add(item);

  const byRank = index.lexicographicOrder();
  const rankOf = new Int32Array(byRank.length);
  for (let r = 0; r < byRank.length; r++) rankOf[byRank[r]!] = r;
  const joiner = new PairJoiner(index, resolved);
  joinBuckets(index, byRank, joiner, resolved);
  const groups = buildGroups(index, joiner, rankOf, resolved);
  const eligible = index.textKeys.length;
  return {
    groups,
    stats: {
      texts: index.texts,
      eligible,
      short: index.short,
      distinctKeys: index.keys.length,
      candidatePairs: joiner.candidatePairs,
      comparedPairs: joiner.comparedPairs,
      verifiedPairs: joiner.edgeA.length,
      groups: groups.length,
      groupedTexts: groups.reduce((sum, g) => sum + g.members.length, 0),
    },
  };
}
