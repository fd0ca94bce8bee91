/**
 * Handle patterns: what an account's handle (screen name) says about how it was made. Two kinds of handle are
 * typical of fake-account batches:
 * - **name + digits**, `FirstnameLastname12345` or `anna_smith8841`: two or three name parts and 4–8 trailing
 *   digits: the shape of handles a platform suggests when the wanted name is taken, and the shape attributed to
 *   Spamouflage-style account batches (DESIGN.md, account signals: `NameName12345`);
 * - **random strings**, `xk2jq9vz`, `aB3xK9qZ`: machine-made, with unpronounceable letter sequences, too few
 *   vowels, digits mixed into the letters or case switching at random.
 *
 * Name-based bot features follow Beskow & Carley 2019, "Its all in a name: detecting and labeling bots by their
 * name", Computational and Mathematical Organization Theory 25(1), 24–35, doi:10.1007/s10588-018-09290-1 (random
 * string detection on screen names), Yang et al. 2019, "Arming the public with artificial intelligence to counter
 * social bots", Human Behavior and Emerging Technologies 1(1), 48–61, doi:10.1002/hbe2.115 (Botometer's
 * user-profile features), and Yang et al. 2020, "Scalable and generalizable social bot detection through data
 * selection", AAAI 34(1), 1096–1103, doi:10.1609/aaai.v34i01.5460 (screen-name length, digit count and a bigram
 * likelihood of the screen name). Character entropy is Shannon's. The thresholds here are ours, documented on
 * {@link classifyHandle}; one handle is weak evidence (real people get suggested handles too), a cluster where
 * most handles share one shape is strong.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { stripInvisible } from '../traces/invisible-chars.js';

/**
 * Handle shapes, in the order {@link classifyHandle} tests them:
 * - `empty`: nothing left after normalization;
 * - `other`: characters outside ASCII letters, digits, `_`, `.`, `-` (other scripts, emoji, accents), or longer
 *   than {@link MAX_HANDLE_CHARS} code points;
 * - `name-digits`: two or three name parts and `minNameDigits`–`maxNameDigits` trailing digits;
 * - `random`: looks machine-generated (see {@link classifyHandle});
 * - `word-digits`: letters then at least 2 trailing digits (`patriot1776`, `annasmith8841`, `user12345`);
 * - `digits`: digits (and separators) only;
 * - `plain`: anything else (`anna_smith`, `AnnaSmith`, `newsfan`).
 */
export const HANDLE_PATTERNS = [
  'name-digits',
  'random',
  'word-digits',
  'digits',
  'plain',
  'other',
  'empty',
] as const;

/** One of {@link HANDLE_PATTERNS}. */
export type HandlePattern = (typeof HANDLE_PATTERNS)[number];

/** What {@link classifyHandle} found. All counts are over the normalized handle (see {@link normalizeHandle}). */
export interface HandleClass {
  /** The shape, see {@link HANDLE_PATTERNS}. */
  pattern: HandlePattern;
  /** Length in Unicode code points. */
  length: number;
  /** Length of the trailing run of ASCII digits `0-9` (0 when the handle does not end with one). */
  digits: number;
  /**
   * Shannon entropy of the code-point distribution, bits per character: H = −Σ pᵢ·log₂ pᵢ, pᵢ the share of code
   * point i (case-sensitive). 0 for `aaaa`, 2 for `abcd`, at most log₂(length). 0 for the empty handle.
   */
  entropyBitsPerChar: number;
  /** Vowels (`aeiouy`, any case) among ASCII letters, 0..1; `null` when there is no ASCII letter. */
  vowelRatio: number | null;
  /** Longest run of ASCII consonants inside one letter segment (segments split at non-letters and aB humps). */
  longestConsonantRun: number;
  /** Letter bigrams inside segments that are implausible in English (see {@link isImplausibleBigram}). */
  implausibleBigrams: number;
  /** Letter bigrams inside segments (the denominator of the implausible share). */
  letterBigrams: number;
  /** Digit runs that are not the trailing run (`a1b22c3` has 2). */
  innerDigitRuns: number;
  /** Name parts found when the handle is name-shaped (2 or 3), else 0. */
  nameParts: number;
}

/** Options of {@link classifyHandle}. */
export interface HandlePatternOptions {
  // — name + digits —
  /** Fewest trailing digits (integer ≥ 1) of a `name-digits` handle. Default 4 (`AnnaSmith1234`). */
  minNameDigits: number;
  /** Most trailing digits (integer ≥ `minNameDigits`) of a `name-digits` handle. Default 8. */
  maxNameDigits: number;
  // — random strings —
  /**
   * Shortest handle (ASCII letters and digits, separators not counted; integer ≥ 2) tested for `random`. Default
   * 8: shorter strings carry too few bigrams to tell chance from design (`bxjq` could be initials).
   */
  minRandomChars: number;
}

/**
 * Defaults of {@link HandlePatternOptions}: 4–8 name digits, random test from 8 characters.
 * @example HANDLE_PATTERN_DEFAULTS.minNameDigits // 4
 */
export const HANDLE_PATTERN_DEFAULTS: Readonly<HandlePatternOptions> = Object.freeze({
  minNameDigits: 4,
  maxNameDigits: 8,
  minRandomChars: 8,
});

/**
 * Longest handle (code points, after normalization) that gets a shape other than `other`. No large platform
 * allows more than 50 (X/Twitter 15, Telegram 32, Instagram 30, Facebook 50); longer values are not handles.
 */
export const MAX_HANDLE_CHARS = 64;

const PREFIX = 'signals/handle-pattern';

/**
 * Merge partial options over {@link HANDLE_PATTERN_DEFAULTS} and validate them.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateHandlePatternOptions}
 */
export function resolveHandlePatternOptions(input: Partial<HandlePatternOptions> = {}): HandlePatternOptions {
  const options: HandlePatternOptions = {
    minNameDigits: input.minNameDigits ?? HANDLE_PATTERN_DEFAULTS.minNameDigits,
    maxNameDigits: input.maxNameDigits ?? HANDLE_PATTERN_DEFAULTS.maxNameDigits,
    minRandomChars: input.minRandomChars ?? HANDLE_PATTERN_DEFAULTS.minRandomChars,
  };
  validateHandlePatternOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `minNameDigits` is not an integer ≥ 1,
 *   `maxNameDigits` not an integer ≥ `minNameDigits`, or `minRandomChars` not an integer ≥ 2
 */
export function validateHandlePatternOptions(options: HandlePatternOptions): void {
  const { minNameDigits, maxNameDigits, minRandomChars } = options;
  if (!Number.isSafeInteger(minNameDigits) || minNameDigits < 1) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minNameDigits\` (${String(minNameDigits)}). Expecting an integer ≥ 1.`,
    );
  }
  if (!Number.isSafeInteger(maxNameDigits) || maxNameDigits < minNameDigits) {
    throw new ConfigError(
      `${PREFIX}: invalid \`maxNameDigits\` (${String(maxNameDigits)}). Expecting an integer ≥ \`minNameDigits\` (${minNameDigits}).`,
    );
  }
  if (!Number.isSafeInteger(minRandomChars) || minRandomChars < 2) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minRandomChars\` (${String(minRandomChars)}). Expecting an integer ≥ 2.`,
    );
  }
}

/**
 * Letter bigrams implausible in English: the 229 of the 676 pairs `a`–`z` that occur at most 100 times among the
 * 2,257,101 overlapping bigrams of the `word-list` package's words (v4, 274,136 words of `a`–`z`, each word counted
 * once). About a third of all pairs, so about a third of a random letter string's bigrams land here, and almost
 * none of an English word's. `handle-pattern.test.ts` recomputes this list from `word-list`.
 */
export const IMPLAUSIBLE_BIGRAMS =
  'bf bg bk bn bp bq bv bw bx bz cb cd cf cg cj cm cp cv cw cx cz dk dq dx dz fb ' +
  'fc fd fg fh fj fk fm fn fp fq fv fw fx fz gc gd gf gj gk gp gq gv gx gz hd hg ' +
  'hh hj hk hq hv hx hz ij iy jb jc jd jf jg jh jj jk jl jm jn jp jq jr js jt jv ' +
  'jw jx jy jz kc kd kg kj kq kv kx kz lj lq lx lz mc md mg mh mj mk mq mr mt mv ' +
  'mw mx mz nx pc pd pg pj pk pq pv px pz qa qb qc qd qe qf qg qh qi qj qk ql qm ' +
  'qn qo qp qq qr qs qt qv qw qx qy qz rx rz sj sv sx sz tj tk tq tv tx uh uj uq ' +
  'uu uw vb vc vd vf vg vh vj vk vl vm vn vp vq vr vs vt vv vw vx vy vz wc wg wj ' +
  'wq wu wv ww wx wy wz xb xd xf xg xj xk xl xm xn xq xr xs xv xw xx xz yj yk yq ' +
  'yv yx yy zb zc zd zf zg zh zj zk zm zn zp zq zr zs zt zv zw zx';

/** 26×26 lookup of {@link IMPLAUSIBLE_BIGRAMS}, index (a−97)·26 + (b−97). */
const IMPLAUSIBLE = (() => {
  const table = new Uint8Array(26 * 26);
  for (const pair of IMPLAUSIBLE_BIGRAMS.split(' ')) {
    table[(pair.charCodeAt(0) - 97) * 26 + pair.charCodeAt(1) - 97] = 1;
  }
  return table;
})();

/**
 * Whether a lower-case ASCII letter pair is in {@link IMPLAUSIBLE_BIGRAMS}.
 * @param bigram two characters `a`–`z`
 * @returns true for implausible pairs; false for plausible ones and for anything that is not two letters a–z
 * @example isImplausibleBigram('qz') // true
 */
export function isImplausibleBigram(bigram: string): boolean {
  if (!/^[a-z]{2}$/.test(bigram)) return false;
  return IMPLAUSIBLE[(bigram.charCodeAt(0) - 97) * 26 + bigram.charCodeAt(1) - 97] === 1;
}

/**
 * Shannon entropy of a string's code points, in bits per character: H = −Σ pᵢ·log₂ pᵢ over the distinct code
 * points i with pᵢ = countᵢ / length (Shannon 1948). Case-sensitive; a surrogate pair is one code point.
 * @param text any string
 * @returns bits per character, 0 for the empty string and for a string of one repeated character
 * @example shannonEntropyBitsPerChar('abcd') // 2
 */
export function shannonEntropyBitsPerChar(text: string): number {
  const counts = new Map<number, number>();
  let length = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
    length++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits === 0 ? 0 : bits; // no −0
}

/** Leading at signs (NFKC maps `＠` and `﹫` to `@`). */
const LEADING_ATS = /^@+/;
/** Bluesky's default handle suffix. */
const BSKY_SUFFIX = /\.bsky\.social$/i;

/**
 * Normalize a handle for classification and matching: NFKC; drop invisible characters (zero-width, bidi controls,
 * see `stripInvisible`); trim; drop leading `@`; keep the local part of a fediverse address (`anna@mastodon.social`
 * → `anna`); drop Bluesky's `.bsky.social` suffix. Case is kept (see {@link handleMatchKey} for the caseless key).
 * @param handle the handle as exported (adversary-written)
 * @returns the normalized handle, possibly empty
 * @example normalizeHandle('＠Anna\u200B_Smith@mastodon.social') // 'Anna_Smith'
 */
export function normalizeHandle(handle: string): string {
  let name = stripInvisible(handle.normalize('NFKC')).trim().replace(LEADING_ATS, '');
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  return name.replace(BSKY_SUFFIX, '').trim();
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y']);
const ASCII_HANDLE = /^[A-Za-z0-9_.-]+$/;
const TRAILING_SEPARATORS = /[_.-]+$/;
const SEPARATORS = /[_.-]+/;
/** A capitalised name part (`Anna`) or an all-lower-case one (`anna`) or an all-capital one (`ANNA`). */
const NAME_PART = /^(?:[A-Z]?[a-z]+|[A-Z]+)$/;
/** CamelCase split point: a capital that follows a lower-case letter. */
const CAMEL = /(?<=[a-z])(?=[A-Z])/;
/** Longest consonant run allowed in a name part (`Schwarzkopf` has 4: `schw`). */
const MAX_NAME_CONSONANT_RUN = 4;

/** Letter segments: maximal ASCII letter runs, also split where a capital follows a lower-case letter. */
function letterSegments(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/[^A-Za-z]+/)) {
    if (run !== '') out.push(...run.split(CAMEL));
  }
  return out;
}

/** Longest run of consonants (ASCII letters that are not in `aeiouy`) in a letter-only string. */
function consonantRun(segment: string): number {
  let run = 0;
  let longest = 0;
  for (const char of segment) {
    run = VOWELS.has(char) ? 0 : run + 1;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Name parts of a handle core (the handle without its trailing digits and separators) when it is name-shaped:
 * 2 or 3 parts, split at separators `_ . -` (any case) or, without separators, CamelCase with each part
 * capitalised after the first (`AnnaSmith`, `annaSmith`); every part 2–20 letters, with a vowel unless it has only
 * 2 letters (`McDonald`), and no consonant run longer than 4. Else null.
 */
function nameParts(core: string): string[] | null {
  const separated = SEPARATORS.test(core);
  const parts = separated ? core.split(SEPARATORS) : core.split(CAMEL);
  if (parts.length < 2 || parts.length > 3) return null;
  for (const part of parts) {
    if (part.length < 2 || part.length > 20 || !NAME_PART.test(part)) return null;
    if (!separated && !/^[A-Za-z][a-z]+$/.test(part)) return null;
    if (consonantRun(part) > MAX_NAME_CONSONANT_RUN) return null;
    if (part.length > 2 && ![...part].some((c) => VOWELS.has(c))) return null;
  }
  return parts;
}

/** Letter statistics of an ASCII handle, see {@link HandleClass}. */
function letterStats(
  handle: string,
): Omit<HandleClass, 'pattern' | 'length' | 'digits' | 'entropyBitsPerChar'> {
  let letters = 0;
  let vowels = 0;
  for (const char of handle) {
    if (/[A-Za-z]/.test(char)) {
      letters++;
      if (VOWELS.has(char)) vowels++;
    }
  }
  let longestConsonantRun = 0;
  let letterBigrams = 0;
  let implausibleBigrams = 0;
  for (const segment of letterSegments(handle)) {
    longestConsonantRun = Math.max(longestConsonantRun, consonantRun(segment));
    const lower = segment.toLowerCase();
    for (let i = 1; i < lower.length; i++) {
      letterBigrams++;
      if (IMPLAUSIBLE[(lower.charCodeAt(i - 1) - 97) * 26 + lower.charCodeAt(i) - 97] === 1)
        implausibleBigrams++;
    }
  }
  const withoutTrailing = handle.slice(0, handle.length - trailingDigits(handle));
  const innerDigitRuns = withoutTrailing.match(/[0-9]+/g)?.length ?? 0;
  return {
    vowelRatio: letters === 0 ? null : vowels / letters,
    longestConsonantRun,
    implausibleBigrams,
    letterBigrams,
    innerDigitRuns,
    nameParts: 0,
  };
}

/** Capitals that follow a non-capital (`aBcD1E` has 3), and the share of adjacent pairs changing class. */
function caseSwitching(alnum: string): { humps: number; changeRatio: number } {
  const cls = (c: string): number => (c >= 'a' && c <= 'z' ? 0 : c >= 'A' && c <= 'Z' ? 1 : 2);
  let humps = 0;
  let changes = 0;
  for (let i = 1; i < alnum.length; i++) {
    const prev = cls(alnum[i - 1]!);
    const cur = cls(alnum[i]!);
    if (cur !== prev) changes++;
    if (cur === 1 && prev !== 1) humps++;
  }
  return { humps, changeRatio: alnum.length > 1 ? changes / (alnum.length - 1) : 0 };
}

/** Whether the letters-and-digits string is hexadecimal with digits inside it (`3fa9c20b`). */
function isHexLike(alnum: string, innerDigitRuns: number): boolean {
  if (innerDigitRuns === 0 || !/^[0-9a-fA-F]+$/.test(alnum)) return false;
  return (alnum.match(/[0-9]/g)?.length ?? 0) >= 2 && (alnum.match(/[a-fA-F]/g)?.length ?? 0) >= 2;
}

/** The `random` decision of {@link classifyHandle} on an ASCII handle that is not name-shaped. */
function looksRandom(alnum: string, stats: ReturnType<typeof letterStats>): boolean {
  if (isHexLike(alnum, stats.innerDigitRuns)) return true;
  const { implausibleBigrams: bad, letterBigrams: pairs } = stats;
  if (pairs >= 3 && bad >= 3 && bad / pairs >= 0.4) return true;
  const letters = alnum.replace(/[0-9]/g, '').length;
  const { humps, changeRatio } = caseSwitching(alnum);
  let tells = 0;
  if (pairs >= 3 && bad >= 2 && bad / pairs >= 0.25) tells++;
  if (letters >= 6 && stats.vowelRatio !== null && stats.vowelRatio < 0.25) tells++;
  if (stats.longestConsonantRun >= 5) tells++;
  if (stats.innerDigitRuns >= 2) tells++;
  if (humps >= 3 && changeRatio >= 0.4) tells++;
  return tells >= 2;
}

/**
 * Build a handle classifier with fixed, validated options (validation happens once, here).
 * @param options partial {@link HandlePatternOptions}: `[options.minNameDigits=4]`, `[options.maxNameDigits=8]`,
 *   `[options.minRandomChars=8]`
 * @returns a function from a handle to its {@link HandleClass}, see {@link classifyHandle}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * const classify = createHandleClassifier({ minNameDigits: 3 });
 * classify('AnnaSmith123').pattern // 'name-digits'
 */
export function createHandleClassifier(
  options: Partial<HandlePatternOptions> = {},
): (handle: string) => HandleClass {
  const { minNameDigits, maxNameDigits, minRandomChars } = resolveHandlePatternOptions(options);
  return (raw: string): HandleClass => {
    const handle = normalizeHandle(raw);
    const length = countCodePoints(handle);
    const digits = trailingDigits(handle);
    const base = { length, digits, entropyBitsPerChar: shannonEntropyBitsPerChar(handle) };
    if (length === 0) return { pattern: 'empty', ...base, ...EMPTY_STATS };
    if (length > MAX_HANDLE_CHARS || !ASCII_HANDLE.test(handle)) {
      return { pattern: 'other', ...base, ...EMPTY_STATS };
    }
    const stats = letterStats(handle);
    const core = handle.slice(0, handle.length - digits).replace(TRAILING_SEPARATORS, '');
    if (!/[A-Za-z]/.test(core))
      return { pattern: /[0-9]/.test(handle) ? 'digits' : 'plain', ...base, ...stats };
    const parts = nameParts(core);
    if (parts !== null) {
      const pattern = digits >= minNameDigits && digits <= maxNameDigits ? 'name-digits' : nameless(digits);
      return { pattern, ...base, ...stats, nameParts: parts.length };
    }
    const alnum = handle.replace(/[_.-]+/g, '');
    if (alnum.length >= minRandomChars && looksRandom(alnum, stats)) {
      return { pattern: 'random', ...base, ...stats };
    }
    return { pattern: nameless(digits), ...base, ...stats };
  };
}

/** `word-digits` from 2 trailing digits, else `plain`. */
function nameless(digits: number): HandlePattern {
  return digits >= 2 ? 'word-digits' : 'plain';
}

const EMPTY_STATS = Object.freeze({
  vowelRatio: null,
  longestConsonantRun: 0,
  implausibleBigrams: 0,
  letterBigrams: 0,
  innerDigitRuns: 0,
  nameParts: 0,
});

/**
 * Length of the trailing run of ASCII digits, scanned from the end (a `/[0-9]+$/` regular expression is quadratic
 * on a long run of digits followed by a non-digit).
 */
function trailingDigits(text: string): number {
  let i = text.length;
  while (i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--;
  return text.length - i;
}

/** Number of Unicode code points (a surrogate pair counts once). */
function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

let defaultClassifier: ((handle: string) => HandleClass) | undefined;

/**
 * Classify one handle by its shape.
 *
 * The handle is first normalized ({@link normalizeHandle}). Then, in order:
 * 1. `empty` when nothing is left; `other` when it has characters outside `A–Z a–z 0–9 _ . -` or more than
 *    {@link MAX_HANDLE_CHARS} code points (the shape tests below are for Latin handles only);
 * 2. `digits` when it has digits and no letter precedes the trailing digits (`12345`, `2024_01`); `plain` when it
 *    has neither letters nor digits (`___`);
 * 3. name-shaped (2 or 3 parts: CamelCase `AnnaSmith`, or split by `_ . -` in any case `anna_smith`; each part
 *    2–20 letters with a vowel `aeiouy` (2-letter parts excepted: `McDonald`) and at most 4 consonants in a row,
 *    so `Schwarzkopf` passes and `Xqzt` fails): `name-digits` when the trailing digit run has
 *    `minNameDigits`–`maxNameDigits` digits (default 4–8), else `word-digits` (≥ 2 digits) or `plain`. Name-shaped handles are never `random`: transliterated names
 *    (`Zhdanov`, `Mkhize`) contain bigrams that are rare in English;
 * 4. `random` when the handle has at least `minRandomChars` (default 8) letters and digits and either is
 *    hexadecimal with digits inside (`3fa9c20b`), or at least 3 and 40 % of its letter bigrams are implausible in
 *    English ({@link IMPLAUSIBLE_BIGRAMS}), or at least two of these tells hold: ≥ 2 and ≥ 25 % implausible
 *    bigrams; vowel ratio < 0.25 over ≥ 6 letters (English text has about 0.4; uniform random letters 6/26 ≈
 *    0.23); a consonant run ≥ 5 inside a segment; ≥ 2 digit runs before the trailing one (`k3j9xq`); ≥ 3 capitals
 *    after a non-capital with ≥ 40 % of adjacent characters changing class (lower/upper/digit, `aB3xK9qZ`);
 * 5. `word-digits` when it ends in ≥ 2 digits (`annasmith8841`: without a separator or capitals the name parts
 *    cannot be told apart, so this is not `name-digits`), else `plain`.
 *
 * Measured on seeded synthetic strings (`bench/account-signals-bench.ts` prints the table): uniform random strings
 * of 12 characters are `random` in 65 % (a–z), 66 % (a–z 0–9), 79 % (A–Z a–z 0–9) and 97 % (hex) of cases; of 8
 * characters in 34–84 %; English words of ≥ 8 letters and pairs of English words in 0.2 %.
 *
 * @param handle the handle as exported, with or without `@` (adversary-written; any string is accepted)
 * @param options partial {@link HandlePatternOptions}; use {@link createHandleClassifier} in loops
 * @returns the {@link HandleClass}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * classifyHandle('AnnaSmith12345').pattern // 'name-digits'
 * classifyHandle('anna_smith8841').pattern // 'name-digits'
 * classifyHandle('xk2jq9vzp').pattern // 'random'
 * classifyHandle('abcd').entropyBitsPerChar // 2
 */
export function classifyHandle(handle: string, options?: Partial<HandlePatternOptions>): HandleClass {
  if (options !== undefined) return createHandleClassifier(options)(handle);
  defaultClassifier ??= createHandleClassifier();
  return defaultClassifier(handle);
}
