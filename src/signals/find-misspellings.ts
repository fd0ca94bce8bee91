/**
 * Shared rare misspellings: a typo that a handful of accounts all make ("goverment", "definetly") is a trace of one
 * writer behind them (DESIGN.md §4 "Text"). Each post gets one trace per such token; co-action detection then pairs
 * accounts that use the same misspelling within its time window, like any other shared object.
 *
 * A token counts as a misspelling when it is (1) an English-looking word: basic Latin letters a–z only, at least
 * `minLength` letters, not a capitalised word inside a sentence (likely a name); (2) not in the English word list
 * (`englishWords`); and (3) one edit away from a word of the list — one deletion, adjacent transposition,
 * substitution or insertion, the four single-error classes that Damerau (1964) found behind about 80 % of
 * misspellings — generated with Norvig's `edits1`. Test (3) separates typos from names, brands, slang and
 * foreign words, which are usually further than one edit from every English word. It is then kept when it is rare:
 * used by at least `minAccounts` and at most `maxAccounts` distinct accounts.
 *
 * English only: texts in other languages produce no traces (their words are not a–z, or are rarely one edit from
 * an English word). A Spanish, French or German campaign's shared misspellings are therefore not seen, and a few
 * foreign or accent-stripped words ("tambien") may pass as English typos; the account bounds limit that.
 *
 * Speed: an ASCII text is not segmented whole; only the white-space-delimited chunk around each letter run that
 * is long enough and not a word goes through `Intl.Segmenter` (word segments never span white space). The tests
 * check this against segmenting every text.
 *
 * References: Damerau, F. J. (1964). A technique for computer detection and correction of spelling errors.
 * Communications of the ACM 7(3), 171–176. doi:10.1145/363958.363994. Norvig, P. (2007). How to Write a Spelling
 * Corrector. norvig.com/spell-correct.html. Word segmentation: Unicode UAX #29 via `Intl.Segmenter`.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { englishWords } from './english-words.js';

/** Options of {@link findMisspellings}. */
export interface MisspellingOptions {
  // — tokens —
  /**
   * Fewest letters of a token (integer ≥ 2). Default 5. The shorter the token, the more non-words are one edit away
   * from some word of the 274k-word list, so the edit test stops telling typos from other strings: of random a–z
   * strings that are not words, 83 % are one edit from a word at 3 letters, 42 % at 4, 10 % at 5, 1.2 % at 6
   * (measured on 3,000 strings per length). Short tokens are also mostly slang and abbreviations ("dont", "thru").
   */
  minLength: number;
  /**
   * Skip tokens that start with a capital letter but do not start a sentence (default true): mid-sentence capitals
   * are mostly names ("Biden" is one edit from "bides"; "Putin" from "putid"). Costs the typos written capitalised
   * mid-sentence. Ignored for a text with no lower-case letter at all (all-caps posts).
   */
  skipMidSentenceCapitals: boolean;
  // — rarity —
  /** Fewest distinct accounts that use a token (integer ≥ 2). Default 2: one account's typo is not shared. */
  minAccounts: number;
  /**
   * Most distinct accounts that use a token (integer ≥ `minAccounts`). Default 20. A misspelling that many accounts
   * share is a common error of the language community ("recieve", "definately"), or a name or neologism missing
   * from the list ("covid" is one edit from "corvid"), not one writer's habit; 20 is above the size of most persona
   * sets run by one operator in platform takedown reports, and the co-action stage still weighs each object by
   * how many accounts use it.
   */
  maxAccounts: number;
  // — dictionary —
  /** Extra words that are never misspellings (lower-case a–z), e.g. names and terms of the case. Default none. */
  allowWords: readonly string[];
  /**
   * The word list (lower-case a–z words). Default null: the English list of `englishWords`, loaded on first use.
   */
  dictionary: ReadonlySet<string> | null;
}

/**
 * Defaults of {@link MisspellingOptions}: `minLength` 5, `skipMidSentenceCapitals` true, `minAccounts` 2,
 * `maxAccounts` 20, no `allowWords`, the English `dictionary`.
 * @example MISSPELLING_DEFAULTS.maxAccounts // 20
 */
export const MISSPELLING_DEFAULTS: Readonly<MisspellingOptions> = Object.freeze({
  minLength: 5,
  skipMidSentenceCapitals: true,
  minAccounts: 2,
  maxAccounts: 20,
  allowWords: Object.freeze([]) as readonly string[],
  dictionary: null,
});

const PREFIX = 'signals/find-misspellings';

/**
 * Merge partial options over {@link MISSPELLING_DEFAULTS} and validate the result.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateMisspellingOptions}
 */
export function resolveMisspellingOptions(input: Partial<MisspellingOptions> = {}): MisspellingOptions {
  const options: MisspellingOptions = {
    minLength: input.minLength ?? MISSPELLING_DEFAULTS.minLength,
    skipMidSentenceCapitals: input.skipMidSentenceCapitals ?? MISSPELLING_DEFAULTS.skipMidSentenceCapitals,
    minAccounts: input.minAccounts ?? MISSPELLING_DEFAULTS.minAccounts,
    maxAccounts: input.maxAccounts ?? MISSPELLING_DEFAULTS.maxAccounts,
    allowWords: [...(input.allowWords ?? MISSPELLING_DEFAULTS.allowWords)],
    dictionary: input.dictionary ?? MISSPELLING_DEFAULTS.dictionary,
  };
  validateMisspellingOptions(options);
  return options;
}

function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ConfigError(
      `${PREFIX}: invalid \`${name}\` (${String(value)}). Expecting an integer ≥ ${min}.`,
    );
  }
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `minLength` < 2, `minAccounts` < 2,
 *   `maxAccounts` < `minAccounts` (or any is not an integer), `skipMidSentenceCapitals` is not a boolean,
 *   `allowWords` is not a list of strings, or `dictionary` is neither null nor a Set
 */
export function validateMisspellingOptions(options: MisspellingOptions): void {
  checkInteger('minLength', options.minLength, 2);
  if (typeof options.skipMidSentenceCapitals !== 'boolean') {
    throw new ConfigError(`${PREFIX}: invalid \`skipMidSentenceCapitals\`. Expecting true or false.`);
  }
  checkInteger('minAccounts', options.minAccounts, 2);
  checkInteger('maxAccounts', options.maxAccounts, options.minAccounts);
  if (!Array.isArray(options.allowWords) || options.allowWords.some((w) => typeof w !== 'string')) {
    throw new ConfigError(`${PREFIX}: invalid \`allowWords\`. Expecting a list of words.`);
  }
  if (options.dictionary !== null && !(options.dictionary instanceof Set)) {
    throw new ConfigError(`${PREFIX}: invalid \`dictionary\`. Expecting null or a Set of lower-case words.`);
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * All strings one edit from `word` over the letters a–z, as in Norvig's `edits1`: n deletions, n − 1 adjacent
 * transpositions, 26·n substitutions (including the letter itself) and 26·(n + 1) insertions, in that order, with
 * repeats: 54·n + 25 strings for a word of n ≥ 1 letters.
 * @param word a lower-case word
 * @returns the candidate strings (not de-duplicated)
 * @example editsOne('ab').length // 54·2 + 25 = 133
 */
export function editsOne(word: string): string[] {
  const out: string[] = [];
  const n = word.length;
  for (let i = 0; i < n; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) out.push(word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2));
  for (let i = 0; i < n; i++) {
    for (const c of ALPHABET) out.push(word.slice(0, i) + c + word.slice(i + 1));
  }
  for (let i = 0; i <= n; i++) {
    for (const c of ALPHABET) out.push(word.slice(0, i) + c + word.slice(i));
  }
  return out;
}

/**
 * The word one edit from `token` offered as its correction, or null when there is none. Preference, a guess at
 * the likeliest typo without word frequencies: a transposition, then a missing letter (the word is the token with
 * one insertion), then an extra letter (a deletion), then a wrong letter (a substitution); ties in code-unit order.
 */
function correctionOf(token: string, isWord: (w: string) => boolean): string | null {
  const n = token.length;
  const transposes = n - 1;
  const deletes = n;
  const all = editsOne(token);
  const kinds: string[][] = [
    all.slice(deletes, deletes + transposes),
    all.slice(deletes + transposes + 26 * n),
    all.slice(0, deletes),
    all.slice(deletes + transposes, deletes + transposes + 26 * n),
  ];
  for (const candidates of kinds) {
    let best: string | null = null;
    for (const c of candidates) if (c !== token && isWord(c) && (best === null || c < best)) best = c;
    if (best !== null) return best;
  }
  return null;
}

/** One post's use of a shared rare misspelling. */
export interface MisspellingTrace {
  /** The post id as given. */
  id: number;
  /** The misspelled token, lower-case a–z. */
  token: string;
  /** A word of the list one edit away (a hint for the analyst; not used for matching). */
  correction: string;
}

/** Result of {@link findMisspellings}. */
export interface MisspellingResult {
  /** One trace per (post, token), sorted by `id`, then `token`. */
  traces: MisspellingTrace[];
  /** Counts for run reports. */
  stats: {
    /** Posts read. */
    posts: number;
    /** Eligible tokens (a–z, long enough, not a mid-sentence capital) not in the word list, with repeats. */
    tokens: number;
    /** Distinct eligible tokens not in the word list. */
    unknown: number;
    /** …of which used by fewer than `minAccounts` accounts. */
    tooFewAccounts: number;
    /** …of which used by more than `maxAccounts` accounts. */
    tooManyAccounts: number;
    /** …of which, with an accepted account count, not one edit from a word (names, slang, foreign words). */
    notNearWord: number;
    /** Distinct misspellings reported. */
    misspellings: number;
  };
}

/** What is known about one unknown token while reading. */
interface TokenUse {
  firstAccount: string;
  /** Other accounts, created at the second distinct account; null until then. */
  otherAccounts: Set<string> | null;
  /** Posts that use the token; emptied once the token is too common. */
  ids: number[];
  tooCommon: boolean;
}

const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi;
const SENTENCE_END = /[.!?…\n\r\u2029]/;
const HANDLE_OR_TAG = /[@#＠＃]$/;
const POSSESSIVE = /['’]s$/i;
const LATIN_LETTERS = /^[a-z]+$/i;
const ASCII = /^[\x00-\x7f]*$/;
const LOWER = /\p{Ll}/u;

/** Runs of basic Latin letters: in an ASCII text every eligible token is one of them. */
const LETTER_RUN = /[A-Za-z]+/g;
const WHITE_SPACE = /\s/;

/** Whether a code unit is an ASCII letter or digit. */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a code unit is an ASCII letter, digit or `_` (the characters that join into word segments). */
function isWordChar(c: number): boolean {
  return c === 95 || isAlnum(c);
}

/**
 * In an ASCII text: whether the word segment starting at `start` begins a sentence, i.e. no word precedes it or
 * the characters since the previous word include `.`, `!`, `?` or a line break. Scanning back, the previous word
 * ends at the last letter or digit, or at an `_` next to another word character (UAX #29 joins `__`, `a_`; a lone
 * `_` is not a word).
 */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) return false;
    if (c === 95 && ((i > 0 && isWordChar(text.charCodeAt(i - 1))) || isWordChar(text.charCodeAt(i + 1)))) {
      return false;
    }
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 13) return true;
  }
  return true;
}

/**
 * Whether the letter run `text[start, start + length)` is a whole word segment (UAX #29), optionally followed by a
 * possessive `'s`. Only the white-space-delimited chunk around the run is segmented: word segments never span
 * white space, so the chunk's segments are the text's.
 */
function isWholeWord(text: string, start: number, length: number, segmenter: Intl.Segmenter): boolean {
  let from = start;
  while (from > 0 && !WHITE_SPACE.test(text[from - 1]!)) from--;
  let to = start + length;
  while (to < text.length && !WHITE_SPACE.test(text[to]!)) to++;
  const offset = start - from;
  for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
    if (index < offset) continue;
    return index === offset && isWordLike === true && segment.replace(POSSESSIVE, '').length === length;
  }
  return false;
}

/**
 * ASCII texts: the same tokens as {@link segmentedUnknownTokens}, found faster. Only letter runs that are long
 * enough and not words are examined (most texts have none), and only the chunk around each is segmented.
 */
function asciiUnknownTokens(
  clean: string,
  segmenter: Intl.Segmenter,
  options: MisspellingOptions,
  isWord: (w: string) => boolean,
  found: (token: string) => void,
): void {
  let checkCapitals: boolean | null = null;
  for (const match of clean.matchAll(LETTER_RUN)) {
    const run = match[0];
    if (run.length < options.minLength) continue;
    const lower = run.toLowerCase();
    if (isWord(lower)) continue;
    const start = match.index;
    if (!isWholeWord(clean, start, run.length, segmenter)) continue;
    const before = start > 0 ? clean.charCodeAt(start - 1) : 0;
    if (before === 64 || before === 35) continue; // @handle, #tag
    const first = run.charCodeAt(0);
    if (first >= 65 && first <= 90) {
      checkCapitals ??= options.skipMidSentenceCapitals && /[a-z]/.test(clean);
      if (checkCapitals && !startsSentence(clean, start)) continue;
    }
    found(lower);
  }
}

/** Any text: segment it into words (UAX #29) and apply the token rules of the module header. */
function segmentedUnknownTokens(
  clean: string,
  segmenter: Intl.Segmenter,
  options: MisspellingOptions,
  isWord: (w: string) => boolean,
  found: (token: string) => void,
): void {
  const checkCapitals = options.skipMidSentenceCapitals && LOWER.test(clean);
  let sentenceStart = true;
  let afterMarker = false;
  for (const { segment, isWordLike } of segmenter.segment(clean)) {
    if (isWordLike !== true) {
      if (SENTENCE_END.test(segment)) sentenceStart = true;
      afterMarker = HANDLE_OR_TAG.test(segment);
      continue;
    }
    const atStart = sentenceStart;
    sentenceStart = false;
    if (afterMarker) continue;
    let token = ASCII.test(segment) ? segment : segment.normalize('NFKC');
    token = token.replace(POSSESSIVE, '');
    if (token.length < options.minLength || !LATIN_LETTERS.test(token)) continue;
    const first = token.charCodeAt(0);
    if (checkCapitals && !atStart && first >= 65 && first <= 90) continue;
    const lower = token.toLowerCase();
    if (!isWord(lower)) found(lower);
  }
}

/**
 * Call `found` with each eligible token of one text that is not a word, lower-cased (see the module header): the
 * text without URLs, in word segments (UAX #29); a word after `@` or `#` is a handle or tag, not prose.
 */
function unknownTokens(
  text: string,
  segmenter: Intl.Segmenter,
  options: MisspellingOptions,
  isWord: (w: string) => boolean,
  found: (token: string) => void,
): void {
  const clean = text.replace(URL_LIKE, ' ');
  if (ASCII.test(clean)) asciiUnknownTokens(clean, segmenter, options, isWord, found);
  else segmentedUnknownTokens(clean, segmenter, options, isWord, found);
}

/** An incremental {@link findMisspellings}: feed posts one at a time, then read the result. */
export interface MisspellingFinder {
  /** Take one post into account. */
  add(post: { id: number; accountKey: string; text: string }): void;
  /** The traces and counts over every post added so far. */
  result(): MisspellingResult;
}

/**
 * Build an incremental misspelling finder (same rules and result as {@link findMisspellings}); lets a caller
 * stream posts from a store without holding them all.
 * @param options partial {@link MisspellingOptions}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 */
export function createMisspellingFinder(options: Partial<MisspellingOptions> = {}): MisspellingFinder {
  const resolved = resolveMisspellingOptions(options);
  const dictionary = resolved.dictionary ?? englishWords();
  const allowed = new Set(resolved.allowWords.map((w) => w.toLowerCase()));
  const isWord =
    allowed.size === 0
      ? (w: string): boolean => dictionary.has(w)
      : (w: string) => dictionary.has(w) || allowed.has(w);
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const uses = new Map<string, TokenUse>();
  let postCount = 0;
  let tokenCount = 0;
  return {
    add(post) {
      postCount++;
      const seen = new Set<string>();
      unknownTokens(post.text, segmenter, resolved, isWord, (token) => {
        tokenCount++;
        if (seen.has(token)) return;
        seen.add(token);
        recordUse(uses, token, post, resolved.maxAccounts);
      });
    },
    result: () => report(uses, isWord, resolved, postCount, tokenCount),
  };
}

/**
 * Find the rare misspellings that several accounts share (see the module header for the method and its limits).
 *
 * @param posts texts with their post id and account key (`platform:accountId`); read once, in any order
 * @param options partial {@link MisspellingOptions}: `[options.minLength=5]` (letters),
 *   `[options.skipMidSentenceCapitals=true]`, `[options.minAccounts=2]`, `[options.maxAccounts=20]` (distinct
 *   accounts), `[options.allowWords=[]]`, `[options.dictionary=englishWords()]`
 * @returns {@link MisspellingResult}: traces sorted by post id then token (the same for any input order), and stats
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @throws {InputError} `INPUT_UNREADABLE` when the default word list cannot be read
 * @example
 * findMisspellings([
 *   { id: 1, accountKey: 'x:a', text: 'The goverment lies' },
 *   { id: 2, accountKey: 'x:b', text: 'Do not trust the goverment' },
 * ]).traces
 * // [{ id: 1, token: 'goverment', correction: 'government' }, { id: 2, token: 'goverment', … }]
 */
export function findMisspellings(
  posts: Iterable<{ id: number; accountKey: string; text: string }>,
  options: Partial<MisspellingOptions> = {},
): MisspellingResult {
  const finder = createMisspellingFinder(options);
  for (const post of posts) finder.add(post);
  return finder.result();
}

function recordUse(
  uses: Map<string, TokenUse>,
  token: string,
  post: { id: number; accountKey: string },
  maxAccounts: number,
): void {
  const use = uses.get(token);
  if (use === undefined) {
    uses.set(token, { firstAccount: post.accountKey, otherAccounts: null, ids: [post.id], tooCommon: false });
    return;
  }
  if (use.tooCommon) return;
  if (post.accountKey !== use.firstAccount) {
    use.otherAccounts ??= new Set();
    use.otherAccounts.add(post.accountKey);
    if (1 + use.otherAccounts.size > maxAccounts) {
      use.tooCommon = true;
      use.ids = [];
      use.otherAccounts = null;
      return;
    }
  }
  use.ids.push(post.id);
}

function report(
  uses: Map<string, TokenUse>,
  isWord: (w: string) => boolean,
  options: MisspellingOptions,
  posts: number,
  tokens: number,
): MisspellingResult {
  const traces: MisspellingTrace[] = [];
  let tooFewAccounts = 0;
  let tooManyAccounts = 0;
  let notNearWord = 0;
  let misspellings = 0;
  for (const [token, use] of uses) {
    if (use.tooCommon) {
      tooManyAccounts++;
      continue;
    }
    if (1 + (use.otherAccounts?.size ?? 0) < options.minAccounts) {
      tooFewAccounts++;
      continue;
    }
    const correction = correctionOf(token, isWord);
    if (correction === null) {
      notNearWord++;
      continue;
    }
    misspellings++;
    for (const id of use.ids) traces.push({ id, token, correction });
  }
  traces.sort((a, b) => a.id - b.id || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return {
    traces,
    stats: { posts, tokens, unknown: uses.size, tooFewAccounts, tooManyAccounts, notNearWord, misspellings },
  };
}
