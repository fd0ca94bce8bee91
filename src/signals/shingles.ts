/**
 * Character k-shingles (Broder 1997, "On the resemblance and containment of documents", doi:10.1109/SEQUEN.1997.666900)
 * over Unicode code points, hashed to 32 bits, for near-duplicate detection in any script. Character shingles need
 * no word segmentation, so Chinese (no spaces), Russian and English are handled by one code path; only the
 * shingle length differs, so that one shingle carries about one word of information:
 *
 * - alphabetic and other scripts: k = 5 (an English word averages ≈ 5 letters with its space);
 * - CJK-dominant text (more than half of the non-space code points are Han, kana, Hangul or CJK punctuation):
 *   k = 2 (a Chinese word averages ≈ 1.5–2 characters; one character already carries much of a word).
 *
 * The hash is 32-bit FNV-1a over code points (Fowler–Noll–Vo, draft-eastlake-fnv) followed by the MurmurHash3
 * `fmix32` finalizer (Appleby), so that all 32 output bits depend on every code point.
 *
 * @module
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's 32-bit finalizer: an invertible avalanche mix of a 32-bit value. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether a code point is CJK: Han (incl. extensions), kana, Hangul, CJK symbols and punctuation, radicals. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols & punctuation, kana, bopomofo, Han, ext. A
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0x20000 && cp <= 0x3ffff) // Han extensions B–H
  );
}

/** Reusable code point buffer (grown on demand) so that shingling allocates nothing per text. */
let buffer = new Uint32Array(1024);

/** Decode `text` into {@link buffer}; returns the number of code points. Lone surrogates count as themselves. */
function decode(text: string): number {
  if (buffer.length < text.length) buffer = new Uint32Array(Math.max(text.length, buffer.length * 2));
  const out = buffer; // a local: the hot loops below must not reload the module variable
  const length = text.length;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out[n++] = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = unit;
  }
  return n;
}

/** Hash code points `codePoints[from..to)`. */
function hashRange(codePoints: Uint32Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ codePoints[i]!, FNV_PRIME);
  return fmix32(h);
}

/**
 * Count the code points of a text, stopping early once `atLeast` is reached.
 * @param text any string
 * @param atLeast stop counting here (default: count all)
 * @returns the number of code points, capped at `atLeast`
 * @example countCodePoints('a😀b') // 3
 */
export function countCodePoints(text: string, atLeast = Number.POSITIVE_INFINITY): number {
  if (text.length / 2 >= atLeast) return atLeast; // every code point takes at most two UTF-16 units
  let count = 0;
  for (const _ of text) if (++count >= atLeast) return count;
  return count;
}

/**
 * Whether a text is CJK-dominant: more than half of its non-space code points are CJK (Han incl. extensions,
 * kana, Hangul syllables, CJK symbols and punctuation).
 * @param text any string
 * @returns `true` for e.g. `'选举被偷了!'`, `false` for `'election stolen 选举'`
 */
export function isCjkDominant(text: string): boolean {
  return isCjkDominantDecoded(decode(text));
}

/** {@link isCjkDominant} of the `n` code points in {@link buffer}. */
function isCjkDominantDecoded(n: number): boolean {
  const codePoints = buffer;
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const cp = codePoints[i]!;
    if (cp < 0x2e80) {
      if (cp !== 0x20) other++; // below every CJK block: the common case, one comparison
    } else if (isCjk(cp)) cjk++;
    else other++;
  }
  return cjk > other;
}

/**
 * The shingle length for a text: `cjkShingleChars` when it is {@link isCjkDominant}, else `shingleChars`.
 * @param text a normalized text
 * @param shingleChars k for alphabetic and other scripts (code points, ≥ 1)
 * @param cjkShingleChars k for CJK-dominant text (code points, ≥ 1)
 * @example shingleCharsFor('选举被偷了', 5, 2) // 2
 */
export function shingleCharsFor(text: string, shingleChars: number, cjkShingleChars: number): number {
  return isCjkDominant(text) ? cjkShingleChars : shingleChars;
}

/**
 * The character k-shingles of a text as strings, in text order, with repeats (for display and tests).
 * A text shorter than `k` code points (but not empty) is one shingle; an empty text has none.
 * @param text a normalized text
 * @param k shingle length in code points (integer ≥ 1)
 * @example characterShingles('abcde', 3) // ['abc', 'bcd', 'cde']
 */
export function characterShingles(text: string, k: number): string[] {
  const cps = Array.from(text);
  if (cps.length === 0) return [];
  if (cps.length <= k) return [text];
  const out: string[] = [];
  for (let i = 0; i + k <= cps.length; i++) out.push(cps.slice(i, i + k).join(''));
  return out;
}

/**
 * The 32-bit hash of one shingle string: FNV-1a over its code points (each code point XORed in whole), then
 * {@link fmix32}.
 * @example hashShingle('abc') === shingleSet('abc', 3)[0]
 */
export function hashShingle(shingle: string): number {
  return hashRange(buffer, 0, decode(shingle));
}

/**
 * The set of hashed k-shingles of a text: {@link hashShingle} of each of {@link characterShingles}, sorted
 * ascending, without repeats. Allocation-free apart from the result.
 * @param text a normalized text
 * @param k shingle length in code points (integer ≥ 1)
 * @returns sorted distinct 32-bit shingle hashes (empty for an empty text)
 * @example shingleSet('aaaaaa', 5).length // 1 ('aaaaa' twice)
 */
export function shingleSet(text: string, k: number): Uint32Array {
  const n = decode(text);
  if (n === 0) return new Uint32Array(0);
  const count = n <= k ? 1 : n - k + 1;
  const span = Math.min(k, n);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = hashRange(buffer, i, i + span);
  out.sort();
  let unique = count > 0 ? 1 : 0;
  for (let i = 1; i < count; i++) if (out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return unique === count ? out : out.slice(0, unique);
}

/** Largest set deduplicated by hashing; larger ones are sorted (bounds the table's memory to 1 MB). */
const MAX_HASHED_SET = 1 << 16;
/** Open-addressing table of {@link distinctInPlace}: slot keys and the generation that filled each slot. */
let seenKeys = new Uint32Array(256);
let seenStamps = new Int32Array(256);
let generation = 0;

/** Sort `values[0 … count)` and move its distinct values to the front; returns their number. */
function sortDistinct(values: Uint32Array, count: number): number {
  if (count === 0) return 0;
  values.subarray(0, count).sort();
  let unique = 1;
  for (let i = 1; i < count; i++) if (values[i] !== values[unique - 1]) values[unique++] = values[i]!;
  return unique;
}

/**
 * Move the distinct values of `values[0 … count)` to the front and return their number (the order of the front
 * part is unspecified). A linear-probing hash table indexed by the values' low bits, so the values should be
 * avalanche-mixed hashes (shingle hashes are); should adversarial values make probing long (more than 4 probes
 * per value on average), or `count` exceed 65,536, the values are sorted instead, so the cost stays
 * O(n log n). Not reentrant (one shared table).
 * @param values the values; its first `count` slots are rearranged
 * @param count how many values to consider (integer, 0 … `values.length`)
 * @returns the number of distinct values, now in `values[0 … returned)`
 * @example const v = Uint32Array.of(7, 3, 7, 9); distinctInPlace(v, 4) // 3, v starts with 7, 3, 9 in some order
 */
export function distinctInPlace(values: Uint32Array, count: number): number {
  if (count > MAX_HASHED_SET) return sortDistinct(values, count);
  if (seenKeys.length < 2 * count) {
    const size = 2 ** Math.ceil(Math.log2(2 * count));
    seenKeys = new Uint32Array(size);
    seenStamps = new Int32Array(size);
    generation = 0;
  }
  if (++generation === 0x7fffffff) {
    seenStamps.fill(0);
    generation = 1;
  }
  const mask = seenKeys.length - 1;
  const budget = 4 * count + 64;
  let probes = 0;
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    let slot = value & mask;
    while (seenStamps[slot] === generation && seenKeys[slot] !== value) {
      slot = (slot + 1) & mask;
      if (++probes > budget) {
        // values[0 … unique) ∪ values[i … count) still hold every distinct value.
        values.copyWithin(unique, i, count);
        return sortDistinct(values, unique + count - i);
      }
    }
    if (seenStamps[slot] !== generation) {
      seenStamps[slot] = generation;
      seenKeys[slot] = value;
      values[unique++] = value;
    }
  }
  return unique;
}

/**
 * The distinct hashed shingles of a text in one pass, for MinHash: the same values as
 * `shingleSet(text, shingleCharsFor(text, shingleChars, cjkShingleChars))`, in no particular order, written into
 * `out` instead of a new array (one decode of the text, no sort in the common case, no allocation).
 * @param text a normalized text
 * @param shingleChars k for alphabetic and other scripts (code points, integer ≥ 1)
 * @param cjkShingleChars k for CJK-dominant text (code points, integer ≥ 1)
 * @param out where to write; needs `max(1, text.length)` slots (a text has at most that many shingles)
 * @returns the number of distinct shingles written to `out[0 …)`, 0 for an empty text
 * @throws {RangeError} when `out` is shorter than `max(1, text.length)`
 * @example distinctShingleHashes('aaaaaa', 5, 2, new Uint32Array(6)) // 1 ('aaaaa' twice)
 */
export function distinctShingleHashes(
  text: string,
  shingleChars: number,
  cjkShingleChars: number,
  out: Uint32Array,
): number {
  if (out.length < Math.max(1, text.length)) {
    throw new RangeError(
      `signals/shingles: output of ${out.length} slots for a text of ${text.length} units.`,
    );
  }
  const n = decode(text);
  if (n === 0) return 0;
  const k = isCjkDominantDecoded(n) ? cjkShingleChars : shingleChars;
  const count = n <= k ? 1 : n - k + 1;
  const span = Math.min(k, n);
  const codePoints = buffer;
  for (let i = 0; i < count; i++) out[i] = hashRange(codePoints, i, i + span);
  return distinctInPlace(out, count);
}
