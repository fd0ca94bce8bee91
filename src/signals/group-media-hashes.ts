/**
 * Near-duplicate media: group 64-bit perceptual hashes (pHash, the DCT hash of Zauner 2010) that lie within a
 * Hamming radius of each other, so that re-encoded, resized or lightly cropped copies of one image become one
 * co-action object (DESIGN.md §4 "Media"; CooRnet's coordinated image sharing, Giglietto et al. 2020,
 * doi:10.1080/1369118X.2020.1739732; image-based case study 2 of Pacheco et al. 2021, doi:10.1609/icwsm.v15i1.18075).
 *
 * Grouping is single-linkage: hashes a and b share a group when a chain a = h₀, h₁, …, h_k = b exists with each
 * step within `radiusBits`. Pairs within the radius are found without an all-pairs loop, by multi-index hashing
 * (Norouzi, Punjani & Fleet 2014, doi:10.1109/TPAMI.2013.231; see `hamming-pairs-within.ts`) or, on request, by
 * BK-tree range queries (Burkhard & Keller 1973, doi:10.1145/362003.362025), and merged with a union-find
 * (Tarjan 1975, doi:10.1145/321879.321884).
 *
 * References: Zauner, C. (2010). Implementation and Benchmarking of Perceptual Image Hash Functions. Master's
 * thesis, Upper Austria University of Applied Sciences, Hagenberg (also: Zauner, Steinebach & Hermann 2011,
 * "Rihamark: perceptual image hash benchmarking", Proc. SPIE 7880, doi:10.1117/12.876617). The thesis finds the
 * DCT hash robust to resizing and compression and — like every hash it tested — not robust to horizontal flips.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { HammingBkTree, hammingDistance64, popcount32 } from './hamming-bk-tree.js';
import { forEachHammingPairWithin } from './hamming-pairs-within.js';
import { UnionFind } from './union-find.js';

/** How pairs within the radius are searched; both give identical groups. */
export const MEDIA_SEARCH_INDEXES = ['multi-index', 'bk-tree'] as const;
/** One of {@link MEDIA_SEARCH_INDEXES}. */
export type MediaSearchIndex = (typeof MEDIA_SEARCH_INDEXES)[number];

/** Options of {@link groupMediaHashes}. */
export interface MediaGroupOptions {
  // — matching —
  /**
   * Largest Hamming distance (bits of 64, integer 0..16) between two hashes linked into one group. Default 8.
   *
   * Why 8: with sharp + sharp-phash (the hash of {@link computeImagePhash}) benign copies measured 0–4 bits from
   * the original (resize + JPEG q40 → 4, 5 % crop → 4, grayscale → 0; STACK.md) and an unrelated image 29. 8 is
   * twice the worst benign distance and still 21 bits below the unrelated pair. For unrelated hashes with
   * independent fair bits the distance is Binomial(64, ½), so P(d ≤ 8) = Σ_{k≤8} C(64,k)/2⁶⁴ ≈ 2.8·10⁻¹⁰ per
   * pair: about 1.4 chance pairs among 10⁵ distinct hashes, 140 among 10⁶. Raising the radius to 11 to also catch
   * "brightness +20 %" (11 bits) would multiply chance pairs by ~200 (P ≈ 5·10⁻⁸) and, through single linkage,
   * chain unrelated images together; real pHash bits are also less independent than fair coins (unrelated → 29,
   * not 32), which makes large radii riskier still. The search cost grows steeply with the radius too (see
   * `planMultiIndex`). Mirrored or rotated copies are out of reach at any radius (Zauner 2010).
   */
  radiusBits: number;
  // — input —
  /**
   * Whether a bare 16-hex-digit string (no `phash:` prefix) is read as a pHash. Default true. Set false when the
   * media field holds other 16-hex ids (e.g. truncated MD5s or 16-digit numeric ids, which are also valid hex) that
   * must stay exact objects.
   */
  acceptBareHex: boolean;
  // — search —
  /** Pair search: `multi-index` (default; fast on any distribution) or `bk-tree` (slow on diverse hashes). */
  searchIndex: MediaSearchIndex;
}

/**
 * Defaults of {@link MediaGroupOptions}: `radiusBits` 8, `acceptBareHex` true, `searchIndex` `multi-index`.
 * @example MEDIA_GROUP_DEFAULTS.radiusBits // 8
 */
export const MEDIA_GROUP_DEFAULTS: Readonly<MediaGroupOptions> = Object.freeze({
  radiusBits: 8,
  acceptBareHex: true,
  searchIndex: 'multi-index',
});

/** Largest accepted `radiusBits`: a quarter of the bits; beyond it unrelated images link by chance. */
const MAX_RADIUS_BITS = 16;
const PREFIX = 'signals/group-media-hashes';

/**
 * Merge partial options over {@link MEDIA_GROUP_DEFAULTS} and validate the result.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateMediaGroupOptions}
 */
export function resolveMediaGroupOptions(input: Partial<MediaGroupOptions> = {}): MediaGroupOptions {
  const options: MediaGroupOptions = {
    radiusBits: input.radiusBits ?? MEDIA_GROUP_DEFAULTS.radiusBits,
    acceptBareHex: input.acceptBareHex ?? MEDIA_GROUP_DEFAULTS.acceptBareHex,
    searchIndex: input.searchIndex ?? MEDIA_GROUP_DEFAULTS.searchIndex,
  };
  validateMediaGroupOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `radiusBits` is not an integer 0..16,
 *   `acceptBareHex` is not a boolean or `searchIndex` is unknown
 */
export function validateMediaGroupOptions(options: MediaGroupOptions): void {
  const r = options.radiusBits;
  if (!Number.isInteger(r) || r < 0 || r > MAX_RADIUS_BITS) {
    throw new ConfigError(
      `${PREFIX}: invalid \`radiusBits\` (${String(r)}). Expecting an integer 0..${MAX_RADIUS_BITS}.`,
    );
  }
  if (typeof options.acceptBareHex !== 'boolean') {
    throw new ConfigError(`${PREFIX}: invalid \`acceptBareHex\`. Expecting true or false.`);
  }
  if (!(MEDIA_SEARCH_INDEXES as readonly string[]).includes(options.searchIndex)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`searchIndex\` "${String(options.searchIndex)}". Expecting one of ${MEDIA_SEARCH_INDEXES.join(', ')}.`,
    );
  }
}

/** One perceptual group with at least two distinct hashes: the evidence behind a near-duplicate media object. */
export interface MediaGroup {
  /** `pg:` + the smallest hash of the group (16 lower-case hex digits); stable across runs and input order. */
  id: string;
  /** The distinct hashes (16 lower-case hex digits), ascending. */
  hashes: string[];
  /** The distinct input strings that map to this group, in code-unit order. */
  members: string[];
  /** Largest Hamming distance (bits) from the representative hash (the one in `id`) to a hash of the group. */
  maxDistanceBits: number;
}

/** Result of {@link groupMediaHashes}. */
export interface MediaGrouping {
  /**
   * Every distinct input string → its object: `pg:<hex>` for a pHash (also when its group has one hash, so equal
   * hashes written differently — case, `phash:` prefix — are one object), the input itself for anything else.
   */
  groupOf: Map<string, string>;
  /** Groups with at least two distinct hashes, sorted by `id`. */
  groups: MediaGroup[];
  /** Counts for run reports and benchmarks. */
  stats: {
    /** Distinct input strings. */
    inputs: number;
    /** Distinct 64-bit hashes among them. */
    hashes: number;
    /** Distinct inputs that are not pHashes (passed through as exact objects). */
    passThrough: number;
    /** Number of {@link MediaGrouping.groups}. */
    groups: number;
    /** Hashes that belong to one of those groups. */
    groupedHashes: number;
    /** Distinct hashes in the largest group (1 when nothing groups; 0 without hashes). */
    largestGroup: number;
    /** Hamming distances computed while searching (the work done). */
    distanceChecks: number;
  };
}

/** A pHash as written in the data: optional `phash:` (or our own `pg:`) prefix, then 16 hex digits. */
const PREFIXED_HASH = /^(?:phash|pg):([0-9a-f]{16})$/i;
const BARE_HASH = /^[0-9a-f]{16}$/i;

/**
 * Read a 64-bit pHash written as 16 hex digits (most significant first), optionally prefixed with `phash:` or
 * `pg:` (the group ids of {@link groupMediaHashes}, accepted so that grouping its own output is stable), ignoring
 * surrounding white space and letter case.
 * @param text a media value from the data
 * @param acceptBareHex whether the prefix may be left out (bare values must also look like a pHash, see
 *   `isPlausiblePhash`: not all decimal digits, no `0000` run, 8–56 bits set)
 * @returns the canonical 16 lower-case hex digits, or null when `text` is not a pHash
 * @example parseMediaHash(' phash:00FF00FF00FF00FF ', true) // '00ff00ff00ff00ff'
 */
export function parseMediaHash(text: string, acceptBareHex: boolean): string | null {
  const trimmed = text.trim();
  const prefixed = PREFIXED_HASH.exec(trimmed);
  if (prefixed !== null) return prefixed[1]!.toLowerCase();
  if (!acceptBareHex || !BARE_HASH.test(trimmed)) return null;
  const hex = trimmed.toLowerCase();
  return isPlausiblePhash(hex) ? hex : null;
}

/**
 * Whether 16 bare hex digits look like a perceptual hash rather than an id that happens to be hex: not only
 * decimal digits (16-digit numeric ids), no run of four zero nibbles (sequential or padded ids such as
 * `000017a3f2c00000`; a random 64-bit value has one with probability ≈ 13 · 16⁻⁴ ≈ 2·10⁻⁴), and between 8 and 56
 * bits set. Ids that share their high bits would otherwise fall within the Hamming radius of each other and merge
 * unrelated posts. A real pHash that fails these tests is still read when written with the `phash:` prefix.
 */
function isPlausiblePhash(hex: string): boolean {
  if (/^[0-9]+$/.test(hex) || hex.includes('0000')) return false;
  let bits = 0;
  for (const ch of hex) bits += popcount32(Number.parseInt(ch, 16));
  return bits >= 8 && bits <= 56;
}

/** Canonical hashes, sorted, with their halves and the input string(s) written as each. */
interface HashTable {
  hex: string[];
  hi: Uint32Array;
  lo: Uint32Array;
  /** The distinct inputs of each hash: one string (the usual case) or several. */
  inputs: (string | string[])[];
}

/** The inputs of a hash as a list. */
function inputList(inputs: string | string[]): string[] {
  return typeof inputs === 'string' ? [inputs] : inputs;
}

/** Read the inputs: pass-through strings go straight to `groupOf`; hashes are collected, sorted ascending. */
function collectHashes(
  hashes: Iterable<string>,
  acceptBareHex: boolean,
  groupOf: Map<string, string>,
): HashTable {
  const indexOf = new Map<string, number>();
  const seenHex: string[] = [];
  const seenInputs: (string | string[])[] = [];
  for (const input of hashes) {
    const hex = parseMediaHash(input, acceptBareHex);
    if (hex === null) {
      groupOf.set(input, input);
      continue;
    }
    const index = indexOf.get(hex);
    if (index === undefined) {
      indexOf.set(hex, seenHex.length);
      seenHex.push(hex);
      seenInputs.push(input);
      continue;
    }
    const known = seenInputs[index]!;
    if (known === input || (typeof known !== 'string' && known.includes(input))) continue;
    seenInputs[index] = typeof known === 'string' ? [known, input] : [...known, input];
  }
  const n = seenHex.length;
  const seenHi = new Uint32Array(n);
  const seenLo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    seenHi[i] = Number.parseInt(seenHex[i]!.slice(0, 8), 16);
    seenLo[i] = Number.parseInt(seenHex[i]!.slice(8), 16);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => seenHi[x]! - seenHi[y]! || seenLo[x]! - seenLo[y]!,
  );
  return {
    hex: order.map((i) => seenHex[i]!),
    hi: Uint32Array.from(order, (i) => seenHi[i]!),
    lo: Uint32Array.from(order, (i) => seenLo[i]!),
    inputs: order.map((i) => seenInputs[i]!),
  };
}

/** Link every pair within the radius; returns the number of distance computations. */
function linkWithin(table: HashTable, options: MediaGroupOptions, sets: UnionFind): number {
  const { hi, lo } = table;
  const r = options.radiusBits;
  if (options.searchIndex === 'bk-tree') {
    const tree = new HammingBkTree();
    for (let i = 0; i < hi.length; i++) {
      for (const j of tree.search(hi[i]!, lo[i]!, r)) sets.union(j, i);
      tree.insert(hi[i]!, lo[i]!);
    }
    return tree.distanceCount;
  }
  return forEachHammingPairWithin(hi, lo, r, (a, b) => {
    sets.union(a, b);
  }).candidates;
}

/**
 * Group media hashes by perceptual similarity (single linkage within `radiusBits`).
 *
 * Input forms: a 64-bit pHash as 16 hex digits, optionally prefixed `phash:` (or `pg:`, see
 * {@link parseMediaHash}); everything else (CooRTweet `phash_id` values given as `id:…`, `file:` references that
 * could not be hashed, URLs, other hash formats) passes through as its own exact object. Hashes from different
 * pHash implementations (bit order, DCT variant) are not comparable: group only hashes of one implementation,
 * e.g. all from {@link computeImagePhash}.
 *
 * @param hashes media values (duplicates allowed; any order — the result does not depend on it)
 * @param options partial {@link MediaGroupOptions}: `[options.radiusBits=8]` (bits of 64),
 *   `[options.acceptBareHex=true]`, `[options.searchIndex='multi-index']`
 * @returns {@link MediaGrouping}: `groupOf` for every distinct input, `groups` (≥ 2 distinct hashes) with
 *   members and spread, and `stats`
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * const { groupOf } = groupMediaHashes(['ffffffffffffffff', 'phash:fffffffffffffff0', 'id:42']);
 * groupOf.get('phash:fffffffffffffff0') // 'pg:fffffffffffffff0' (4 bits from ffff…ffff: one group)
 * groupOf.get('id:42') // 'id:42'
 */
export function groupMediaHashes(
  hashes: Iterable<string>,
  options: Partial<MediaGroupOptions> = {},
): MediaGrouping {
  const resolved = resolveMediaGroupOptions(options);
  const groupOf = new Map<string, string>();
  const table = collectHashes(hashes, resolved.acceptBareHex, groupOf);
  const n = table.hex.length;
  const sets = new UnionFind(n);
  const distanceChecks = linkWithin(table, resolved, sets);

  // Indices ascend with the hash, so the first index met for a root is its group's smallest hash.
  const repOf = new Int32Array(n).fill(-1);
  const sizeOf = new Int32Array(n);
  let hashInputs = 0;
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    if (repOf[root] === -1) repOf[root] = i;
    const rep = repOf[root]!;
    sizeOf[rep]!++;
    const id = `pg:${table.hex[rep]!}`;
    const inputs = table.inputs[i]!;
    if (typeof inputs === 'string') groupOf.set(inputs, id);
    else for (const input of inputs) groupOf.set(input, id);
    hashInputs += typeof inputs === 'string' ? 1 : inputs.length;
  }
  const groups = groupsOf(table, sets, repOf, sizeOf);
  return {
    groupOf,
    groups,
    stats: {
      inputs: groupOf.size,
      hashes: n,
      passThrough: groupOf.size - hashInputs,
      groups: groups.length,
      groupedHashes: groups.reduce((sum, g) => sum + g.hashes.length, 0),
      largestGroup: sizeOf.reduce((max, size) => Math.max(max, size), 0),
      distanceChecks,
    },
  };
}

/** Evidence of every group with ≥ 2 distinct hashes, sorted by id (= by representative index). */
function groupsOf(table: HashTable, sets: UnionFind, repOf: Int32Array, sizeOf: Int32Array): MediaGroup[] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < sizeOf.length; i++) {
    const rep = repOf[sets.find(i)]!;
    if (sizeOf[rep]! < 2) continue;
    const list = members.get(rep);
    if (list === undefined) members.set(rep, [i]);
    else list.push(i);
  }
  const groups: MediaGroup[] = [];
  for (const rep of [...members.keys()].sort((a, b) => a - b)) {
    const list = members.get(rep)!;
    let maxDistanceBits = 0;
    for (const i of list) {
      const d = hammingDistance64(table.hi[rep]!, table.lo[rep]!, table.hi[i]!, table.lo[i]!);
      if (d > maxDistanceBits) maxDistanceBits = d;
    }
    groups.push({
      id: `pg:${table.hex[rep]!}`,
      hashes: list.map((i) => table.hex[i]!),
      members: list.flatMap((i) => inputList(table.inputs[i]!)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
      maxDistanceBits,
    });
  }
  return groups;
}
