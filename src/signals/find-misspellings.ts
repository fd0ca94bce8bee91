/**
 * Shared rare misspellings: a typo that a handful of accounts all make ("goverment", "definetly") is a trace of one
 * writer behind them (DESIGN.md §4 "Text"). Each post gets one trace per such token; co-action detection then pairs
 * accounts that use the same misspelling within its time window, like any other shared object.
 *
 * A token counts as a misspelling when it is (1) an English-looking word: basic Latin letters a–z only, at least
 * `minLength` letters, not a capitalised word inside a sentence (likely a name); (2) not in the English word list
 * (`englishWords`), nor an informal spelling ({@link INFORMAL_WORDS}: "theyre", "gonna") or an allowed word; and
 * (3) one edit away from a word of the list — one deletion, adjacent transposition, substitution or insertion, the
 * four single-error classes that Damerau (1964) found behind about 80 % of misspellings — generated with Norvig's
 * `edits1`. Test (3) separates typos from names, brands, slang and foreign words, which are usually further than
 * one edit from every English word. It is then kept when it is rare: used by at least `minAccounts` and at most
 * `maxAccounts` distinct accounts; and when its correction — the candidate word the corpus uses most (Norvig's
 * choice) — occurs at least `minCorrectionRatio` times as often as the token. For these counts every word segment
 * of the list with at least `minLength` − 1 letters is counted, whatever its case: a token with one extra letter is
 * one letter longer than its correction ("shure" → "sure").
 *
 * English only: texts in other languages produce no traces (their words are not a–z, or are rarely one edit from
 * an English word). A Spanish, French or German campaign's shared misspellings are therefore not seen, and a few
 * foreign or accent-stripped words ("tambien") may pass as English typos; the account bounds limit that.
 *
 * Tokens are word segments (UAX #29, `Intl.Segmenter`), NFKC-normalised, without a possessive `'s`/`’s`; a word
 * after `@` or `#` (and any word segment directly attached to it, as in `#日本Goverment`) is a handle or tag; a
 * sentence starts at the text start or after `.`, `!`, `?`, `…` or a line break; URLs are removed first.
 *
 * Speed: segmenting every text costs tens of µs, so a fast path finds the same tokens without it. In a text with no
 * character that folds to Latin letters under NFKC (full-width `ｇ`, `ﬁ`, `ſ`, `™`…), every token is a run of
 * basic Latin letters, maybe followed by a possessive. For each run that is long enough (a Bloom filter of the list
 * rules out most non-words without a lookup in the large set), the characters around it decide whether it is a
 * whole word segment, a handle or tag, and whether it starts a sentence. What a character does
 * next to letters (separate them; join them, like letters, digits and `_`; join them only between two letters,
 * like `'`, `.`, `:`, `’`; attach to the character before, like combining marks) is asked of `Intl.Segmenter`
 * once per code point with probe strings, so the fast path follows the segmenter in use. Undecided cases go to
 * the segmenter: the chunk between ASCII white space around the run (an apostrophe or period next to a letter),
 * or the whole text (CJK, Thai, Arabic… next to the run; folding characters anywhere). Unknown tokens are stored
 * compactly, as most occur once: a hash table of ordinals and typed arrays, with per-token sets and lists only
 * from a token's second post on. The tests compare the results with segmenting every text, on random texts and
 * next to every character of U+0080–U+2FFF.
 *
 * References: Damerau, F. J. (1964). A technique for computer detection and correction of spelling errors.
 * Communications of the ACM 7(3), 171–176. doi:10.1145/363958.363994. Norvig, P. (2007). How to Write a Spelling
 * Corrector. norvig.com/spell-correct.html. Word segmentation: Unicode UAX #29 via `Intl.Segmenter`. Bloom, B. H.
 * (1970). Space/time trade-offs in hash coding with allowable errors. Communications of the ACM 13(7), 422–426.
 * doi:10.1145/362686.362692.
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
  /**
   * Keep a misspelling only when its correction occurs in the corpus at least this many times as often as the
   * misspelling (number ≥ 0; 0 turns the test off). Default 1. Where the right spelling is the common one
   * ("government" beside "goverment"), the variant is a misspelling; where the "correction" hardly occurs
   * ("corvid" for "covid", "selkie" for "selfie", "bidden" for "biden"), the token is a word of its own that the list
   * lacks — a name or a new word — and many unrelated people share it. Costs a campaign whose corpus never spells
   * the word right (a case holding only the operation's own posts): lower it to 0 there. Words are counted from
   * `minLength` − 1 letters, one less than tokens, so that the correction of a token with one letter too many
   * ("shure" → "sure") is counted too.
   */
  minCorrectionRatio: number;
  // — dictionary —
  /** Extra words that are never misspellings (lower-case a–z), e.g. names and terms of the case. Default none. */
  allowWords: readonly string[];
  /**
   * Informal spellings that are never misspellings, added to the word list like `allowWords` (so they are also
   * counted, and offered as corrections). Default {@link INFORMAL_WORDS}: contractions written without their
   * apostrophe ("theyre", "dont") and reduced forms ("gonna", "alot"), which very many unrelated people write, so
   * sharing one says nothing about who wrote a post. `[]` turns the list off.
   */
  informalWords: readonly string[];
  /**
   * The word list (lower-case a–z words). Default null: the English list of `englishWords`, loaded on first use.
   */
  dictionary: ReadonlySet<string> | null;
}

/**
 * Informal spellings that are not misspellings (the default of {@link MisspellingOptions.informalWords}), lower-case
 * a–z, sorted. Two groups:
 * - English contractions without their apostrophe: the forms of the standard list of English contractions
 *   (en.wikipedia.org/wiki/Wikipedia:List_of_English_contractions, the n't, 're, 've, 'd, 'll, 's and 'm forms of
 *   pronouns, wh-words, modals and auxiliaries, plus y'all, ma'am, o'clock, c'mon, g'day, y'know) with the apostrophe
 *   dropped, as typed on phone keyboards. Some are also English words ("cant", "wont", "shell", "well"), listed
 *   anyway for a caller's own `dictionary`.
 * - Very common informal reduced forms of speech and chat ("gonna", "wanna", "gotta", "kinda", "dunno", "lemme",
 *   "alot", "tryna"…), chosen by judgement. Internet acronyms ("lmao") are left out on purpose: every listed word is
 *   also a correction candidate, and "lmao" would turn the elongation "lmaoo" into a misspelling.
 * @example INFORMAL_WORDS.includes('theyre') // true
 */
export const INFORMAL_WORDS: readonly string[] = Object.freeze(
  [
    // n't
    'aint arent cant couldnt couldntve darent didnt doesnt dont hadnt hasnt havent isnt mightnt mustnt neednt',
    'oughtnt shant shouldnt shouldntve wasnt werent wont wouldnt wouldntve',
    // 're, 've, 'm
    'theyre youre whatre ive youve weve theyve couldve shouldve wouldve mightve mustve whove im',
    // 'd, 'll
    'hed id itd shed thatd theyd wed whatd whered whod whyd youd howd',
    'hell ill itll shell thatll therell theyll well whatll wholl youll',
    // 's (is, has, us)
    'thats whats whos wheres theres heres hows whens whys lets its',
    'everyones everybodys someones somebodys nobodys anyones',
    // other words with an apostrophe
    'yall maam oclock cmon gday yknow',
    // informal reduced forms
    'gonna wanna gotta kinda sorta dunno lemme gimme alot outta lotta hafta oughta shoulda woulda coulda musta',
    'gotcha betcha whatcha dontcha tryna finna imma boutta cuz tho thru nite tonite yeah yep yup nope nah okay ok',
  ]
    .join(' ')
    .split(' ')
    .sort(),
);

/**
 * Defaults of {@link MisspellingOptions}: `minLength` 5, `skipMidSentenceCapitals` true, `minAccounts` 2,
 * `maxAccounts` 20, `minCorrectionRatio` 1, no `allowWords`, `informalWords` {@link INFORMAL_WORDS}, the English
 * `dictionary`.
 * @example MISSPELLING_DEFAULTS.maxAccounts // 20
 */
export const MISSPELLING_DEFAULTS: Readonly<MisspellingOptions> = Object.freeze({
  minLength: 5,
  skipMidSentenceCapitals: true,
  minAccounts: 2,
  maxAccounts: 20,
  minCorrectionRatio: 1,
  allowWords: Object.freeze([]) as readonly string[],
  informalWords: INFORMAL_WORDS,
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
    minCorrectionRatio: input.minCorrectionRatio ?? MISSPELLING_DEFAULTS.minCorrectionRatio,
    allowWords: copyList(input.allowWords ?? MISSPELLING_DEFAULTS.allowWords),
    informalWords: copyList(input.informalWords ?? MISSPELLING_DEFAULTS.informalWords),
    dictionary: input.dictionary ?? MISSPELLING_DEFAULTS.dictionary,
  };
  validateMisspellingOptions(options);
  return options;
}

/** A copy of a list option; anything else as is, for {@link validateMisspellingOptions} to reject (not spread). */
function copyList(list: readonly string[]): readonly string[] {
  return Array.isArray(list) ? [...list] : list;
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
 *   `allowWords` or `informalWords` is not a list of strings, or `dictionary` is neither null nor a Set
 */
export function validateMisspellingOptions(options: MisspellingOptions): void {
  checkInteger('minLength', options.minLength, 2);
  if (typeof options.minCorrectionRatio !== 'number' || !(options.minCorrectionRatio >= 0)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minCorrectionRatio\` (${String(options.minCorrectionRatio)}). Expecting a number ≥ 0.`,
    );
  }
  if (typeof options.skipMidSentenceCapitals !== 'boolean') {
    throw new ConfigError(`${PREFIX}: invalid \`skipMidSentenceCapitals\`. Expecting true or false.`);
  }
  checkInteger('minAccounts', options.minAccounts, 2);
  checkInteger('maxAccounts', options.maxAccounts, options.minAccounts);
  for (const name of ['allowWords', 'informalWords'] as const) {
    const words = options[name];
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) {
      throw new ConfigError(`${PREFIX}: invalid \`${name}\`. Expecting a list of words.`);
    }
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
 * The word one edit from `token` offered as its correction, or null when there is none. The candidate that occurs
 * most often in the corpus (`countOf`), as in Norvig (2007), who picks the most frequent known word among the
 * edits: "whith" → "with", not "whit". Ties (such as words the corpus never uses) go by a fixed guess at the
 * likeliest typo: a transposition, then a missing letter (the word is the token with one insertion), then an extra
 * letter (a deletion), then a wrong letter (a substitution); then code-unit order.
 */
function correctionOf(
  token: string,
  isWord: (w: string) => boolean,
  countOf: (w: string) => number,
): string | null {
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
  let best: string | null = null;
  let bestCount = -1;
  let bestKind = -1;
  for (let kind = 0; kind < kinds.length; kind++) {
    for (const c of kinds[kind]!) {
      if (c === token || !isWord(c)) continue;
      const count = countOf(c);
      // Kinds come in preference order: an equal count wins only within the same kind, by code-unit order.
      if (count > bestCount || (count === bestCount && kind === bestKind && c < best!)) {
        best = c;
        bestCount = count;
        bestKind = kind;
      }
    }
  }
  return best;
}

/** One post's use of a shared rare misspelling. */
export interface MisspellingTrace {
  /** The post id as given. */
  id: number;
  /** The misspelled token, lower-case a–z. */
  token: string;
  /**
   * A word of the list one edit away, the one the corpus uses most (a hint for the analyst; not used for matching).
   */
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
    /**
     * Word segments (a–z, not a handle or tag, in any case) of at least `minLength` − 1 letters that are in the word
     * list or allowed, with repeats: the word counts behind the choice of correction and `minCorrectionRatio`.
     */
    words: number;
    /** Distinct eligible tokens not in the word list. */
    unknown: number;
    /** …of which used by fewer than `minAccounts` accounts. */
    tooFewAccounts: number;
    /** …of which used by more than `maxAccounts` accounts. */
    tooManyAccounts: number;
    /** …of which, with an accepted account count, not one edit from a word (names, slang, foreign words). */
    notNearWord: number;
    /** …of which, one edit from a word, whose correction is rarer in the corpus than `minCorrectionRatio` asks. */
    rareCorrection: number;
    /** Distinct misspellings reported. */
    misspellings: number;
  };
}

const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi;
const SENTENCE_END = /[.!?…\n\r\u2029]/;
const HANDLE_OR_TAG = /[@#＠＃]$/;
const POSSESSIVE = /['’]s$/i;
const LATIN_LETTERS = /^[a-z]+$/i;
const ASCII = /^[\x00-\x7f]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const LOWER = /\p{Ll}/u;

// — character classes of the fast path —
//
// How a character next to a run of basic Latin letters behaves in word segmentation, found by asking
// `Intl.Segmenter` about the character in a few short probe strings (once per code point, then cached), so the
// fast path follows the segmenter in use rather than a copy of UAX #29's tables. Any class other than the first
// five makes the fast path fall back to the segmenter.

/** Not yet probed. */
const UNPROBED = 0;
/** Never joins a neighbouring letter and is not a word: white space, most punctuation and symbols, emoji. */
const SEPARATOR = 1;
/** Joins letters on both sides and is a word by itself: a letter or digit of Latin, Greek or Cyrillic script. */
const LETTER = 2;
/** Joins letters on both sides but is no word alone: `_` and other connectors (UAX #29 ExtendNumLet). */
const CONNECTOR = 3;
/** Joins letters on both sides only: `'`, `.`, `:`, `’`, `·` (UAX #29 MidLetter, MidNumLet). */
const MID = 4;
/** Attaches to the character before it: combining marks, variation selectors, ZWJ, format characters. */
const ATTACHED = 5;
/** Anything else, e.g. CJK and Thai (word segments of their own), Hebrew, Arabic: not decided here. */
const OTHER = 6;
/** Not ASCII, but its compatibility decomposition is basic Latin letters or apostrophes ('ｇ', 'ﬁ', 'ſ', '™'). */
const FOLDS_TO_LATIN = 7;

/** The class of each code point, filled on first sight (1.1 MB). */
const charClasses = new Uint8Array(0x110000);
const probeSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const FOLDED_LATIN = /^[A-Za-z'’]+$/;
const PROBE_SKIP = /[\p{Cn}\p{Co}\p{Cs}\p{Script=Han}\p{Script=Hangul}]/u;
const JOINING_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;

/** The class of code point `cp` (see {@link SEPARATOR} and the other class constants). */
function classOf(cp: number): number {
  const known = charClasses[cp]!;
  if (known !== UNPROBED) return known;
  const probed = probeClass(String.fromCodePoint(cp));
  charClasses[cp] = probed;
  return probed;
}

function probeClass(ch: string): number {
  if (ch.charCodeAt(0) >= 0x80 && ch !== '’' && FOLDED_LATIN.test(ch.normalize('NFKD')))
    return FOLDS_TO_LATIN;
  if (PROBE_SKIP.test(ch)) return OTHER;
  const both = [...probeSegmenter.segment(`a${ch}a`)];
  if (both.length === 3 && both[1]!.segment === ch && both[1]!.isWordLike !== true) return SEPARATOR;
  const joinsRight = [...probeSegmenter.segment(`a${ch} `)][0]!.segment === `a${ch}`;
  const joinsLeft = [...probeSegmenter.segment(` ${ch}a`)].some((s) => s.segment === `${ch}a`);
  if (joinsLeft && joinsRight) {
    const alone = [...probeSegmenter.segment(` ${ch} `)].find((s) => s.segment === ch);
    if (alone === undefined) return OTHER;
    if (alone.isWordLike !== true) return CONNECTOR;
    return JOINING_SCRIPT.test(ch) ? LETTER : OTHER;
  }
  if (joinsRight) return ATTACHED;
  return both.length === 1 ? MID : OTHER;
}

/** The code point that ends just before index `i` (a surrogate pair counts as one), or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The class of the code point before index `i`; `SEPARATOR` at the start of the text. */
function classBefore(text: string, i: number): number {
  return i <= 0 ? SEPARATOR : classOf(codePointBefore(text, i));
}

/** The class of the code point at index `i`; `SEPARATOR` at the end of the text. */
function classAt(text: string, i: number): number {
  return i >= text.length ? SEPARATOR : classOf(text.codePointAt(i)!);
}

/** Edge verdicts: a word boundary; the run is part of a longer word; ask the segmenter; segment the whole text. */
const BOUNDARY = 0;
const JOINED = 1;
const UNSURE = 2;
const GIVE_UP = 3;

/** Whether a letter run starting at `start` begins a word segment there (UAX #29), as an edge verdict. */
function leftEdge(text: string, start: number): number {
  const cls = classBefore(text, start);
  if (cls === SEPARATOR) return BOUNDARY;
  if (cls === LETTER || cls === CONNECTOR) return JOINED;
  const cp = codePointBefore(text, start);
  const before = start - (cp > 0xffff ? 2 : 1);
  if (cls === MID) return classBefore(text, before) === SEPARATOR ? BOUNDARY : UNSURE;
  if (cls !== ATTACHED) return GIVE_UP;
  // Combining marks and the like go with the character before them (WB4), or stand alone at the start or after a
  // line break; either way that base character decides.
  let base = before;
  while (base > 0 && classBefore(text, base) === ATTACHED)
    base -= codePointBefore(text, base) > 0xffff ? 2 : 1;
  const baseClass = classBefore(text, base);
  if (baseClass === LETTER || baseClass === CONNECTOR) return JOINED;
  return baseClass === SEPARATOR ? BOUNDARY : GIVE_UP;
}

/**
 * Whether a letter run ending before `end` ends a word segment there (maybe after a possessive `'s`/`’s`), as an
 * edge verdict. A `MID` character between the run and an ASCII letter joins them (UAX #29 WB6–7): the segment goes
 * on ("they're", "e.g"), so the run is `JOINED` unless that is a possessive `'s` that ends the segment.
 */
function rightEdge(text: string, end: number): number {
  const cls = classAt(text, end);
  if (cls === SEPARATOR) return BOUNDARY;
  if (cls === LETTER || cls === CONNECTOR || cls === ATTACHED) return JOINED;
  if (cls !== MID) return UNSURE;
  const next = text.charCodeAt(end + 1);
  if (!isAsciiLetter(next)) return classAt(text, end + 1) === SEPARATOR ? BOUNDARY : UNSURE;
  const mid = text.charCodeAt(end);
  if ((next | 32) !== 115 || (mid !== 39 && mid !== 0x2019)) return JOINED; // not 's or ’s
  const after = classAt(text, end + 2);
  if (after === SEPARATOR) return BOUNDARY;
  return after === LETTER || after === CONNECTOR || after === ATTACHED ? JOINED : UNSURE;
}

/**
 * Whether the word segment starting at `start` begins a sentence: no word precedes it, or the characters since the
 * previous word include `.`, `!`, `?`, `…` or a line break; `GIVE_UP` when a character on the way cannot be told
 * here. Scanning back, the previous word ends at the last letter or digit, or at a connector (`_`) next to a letter,
 * digit or connector (UAX #29 joins `__`, `a_`; a lone `_` is not a word). Marks go with their base character;
 * `'`, `.`, `’` reached this way are not between two letters, so they are no word.
 */
function startsSentence(text: string, start: number): boolean | typeof GIVE_UP {
  for (let i = start; i > 0; ) {
    const cp = codePointBefore(text, i);
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === LETTER) return false;
    if (cls === SEPARATOR || cls === MID) {
      if (cp === 46 || cp === 33 || cp === 63 || cp === 10 || cp === 13 || cp === 0x2026 || cp === 0x2029) {
        return true;
      }
    } else if (cls === CONNECTOR) {
      const around = [classBefore(text, i - width), classAt(text, i)];
      if (around.some((c) => c === LETTER || c === CONNECTOR)) return false;
      if (around.some((c) => c !== SEPARATOR && c !== MID)) return GIVE_UP;
    } else if (cls !== ATTACHED) {
      return GIVE_UP;
    }
    i -= width;
  }
  return true;
}

/** Longest chunk {@link isWholeWord} segments (code units); beyond, segmenting the whole text once is cheaper. */
const MAX_CHUNK = 256;

/**
 * Whether the letter run `text[start, start + length)` is a whole word segment (UAX #29), optionally followed by a
 * possessive `'s`. Only the chunk between ASCII white space around the run is segmented: word segments never span
 * ASCII white space, so the chunk's segments are the text's. `GIVE_UP` when the chunk is longer than
 * {@link MAX_CHUNK} (segmenting it once per run would take time quadratic in its length).
 */
function isWholeWord(
  text: string,
  start: number,
  length: number,
  segmenter: Intl.Segmenter,
): boolean | typeof GIVE_UP {
  let from = start;
  while (from > 0 && !isAsciiSpace(text.charCodeAt(from - 1))) from--;
  let to = start + length;
  while (to < text.length && !isAsciiSpace(text.charCodeAt(to))) to++;
  if (to - from > MAX_CHUNK) return GIVE_UP;
  const offset = start - from;
  for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
    if (index < offset) continue;
    return index === offset && isWordLike === true && segment.replace(POSSESSIVE, '').length === length;
  }
  return false;
}

/** Tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether a code unit is a basic Latin letter. */
function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** Whether a text has a character that folds to basic Latin letters under NFKC (then only the segmenter will do). */
function hasFoldingCharacter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const cp = text.codePointAt(i)!;
    if (classOf(cp) === FOLDS_TO_LATIN) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/**
 * A Bloom filter of a word list (Bloom 1970): 3 bits per word in a table of 8–16 bits per word (4 Mbit, 512 KB for
 * the English list), so that most strings that are not words are ruled out without a lookup in the large word set,
 * whose random memory reads miss the CPU caches (measured: about 0.4 µs less per unknown token). False positives
 * (0.6–3 %) only cost that lookup; there are no false negatives.
 */
class WordFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>, size: number) {
    let bitCount = 1024;
    while (bitCount < 8 * size) bitCount *= 2;
    this.bits = new Int32Array(bitCount / 32);
    this.mask = bitCount - 1;
    for (const word of words) this.set(wordHash(word));
  }

  /** Whether a word with {@link wordHash} `a` may be in the list (false: it certainly is not). */
  mayHave(a: number): boolean {
    const b = mix(a) | 1;
    const { bits, mask } = this;
    for (let k = 0, at = a; k < 3; k++, at = (at + b) | 0) {
      const bit = at & mask;
      if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  private set(a: number): void {
    const b = mix(a) | 1;
    for (let k = 0, at = a; k < 3; k++, at = (at + b) | 0) {
      const bit = at & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of a string's code units. */
function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The murmur3 32-bit finaliser: spreads every input bit over all output bits. */
function mix(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** The hash of a word that {@link WordFilter} takes: FNV-1a, then mixed. */
function wordHash(word: string): number {
  return mix(fnv1a(word));
}

let englishFilter: WordFilter | null = null;

/** The filter of the dictionary option: built once for the English list (null), per finder for a caller's set. */
function filterOf(dictionary: ReadonlySet<string> | null): WordFilter {
  if (dictionary !== null) return new WordFilter(dictionary, dictionary.size);
  englishFilter ??= new WordFilter(englishWords(), englishWords().size);
  return englishFilter;
}

/** What the fast path needs besides the text. */
interface ScanContext {
  segmenter: Intl.Segmenter;
  options: MisspellingOptions;
  /** Whether a lower-case token is a word: in the dictionary or allowed. */
  isWord: (w: string) => boolean;
  /** Fewest letters of a word to count: `minLength` − 1 (tokens have at least `minLength`). */
  minWordLength: number;
  /** Called for every eligible token of at least `minWordLength` letters that is a word (counts the words). */
  onWord: (w: string) => void;
}

/**
 * Fast path: the tokens of a text without characters that fold to Latin letters, where every token is a run of
 * basic Latin letters (maybe followed by a possessive). Each run that is long enough — a word from `minWordLength`
 * letters, a non-word from `minLength` — is checked from its neighbouring characters; the segmenter sees only the
 * chunk around a run whose neighbours do not decide (an apostrophe or period between a letter and a non-letter…).
 * Returns null when a neighbour is too unusual to decide here (CJK, Thai, Arabic… next to the run): then the
 * caller segments the whole text.
 */
function scanLetterRuns(clean: string, context: ScanContext): string[] | null {
  const { segmenter, options, isWord, minWordLength } = context;
  const tokens: string[] = [];
  const words: string[] = [];
  let checkCapitals: boolean | null = null;
  const n = clean.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(clean.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiLetter(clean.charCodeAt(i))) i++;
    const length = i - start;
    if (length < minWordLength) continue;
    const left = leftEdge(clean, start);
    if (left === JOINED) continue;
    // Too unusual a neighbour: segment the whole text, unless the run is too short for a token and no word.
    if (left === GIVE_UP) {
      if (length < options.minLength && !isWord(clean.slice(start, i).toLowerCase())) continue;
      return null;
    }
    const right = rightEdge(clean, i);
    if (right === JOINED) continue;
    const before = start > 0 ? clean.charCodeAt(start - 1) : 0;
    if (before === 64 || before === 35 || before === 0xff20 || before === 0xff03) continue; // @handle, #tag
    const lower = clean.slice(start, i).toLowerCase();
    const word = isWord(lower);
    if (!word && length < options.minLength) continue;
    if (left === UNSURE || right === UNSURE) {
      const whole = isWholeWord(clean, start, i - start, segmenter);
      if (whole === GIVE_UP) return null;
      if (!whole) continue;
    }
    if (word) {
      words.push(lower);
      continue;
    }
    const first = clean.charCodeAt(start);
    if (first <= 90) {
      checkCapitals ??= options.skipMidSentenceCapitals && LOWER.test(clean);
      const atStart = checkCapitals ? startsSentence(clean, start) : true;
      if (atStart === GIVE_UP) return null;
      if (!atStart) continue;
    }
    tokens.push(lower);
  }
  // Count the words only now: on giving up, the segmented path counts them.
  for (const word of words) context.onWord(word);
  return tokens;
}

/** Any text: segment it into words (UAX #29) and apply the token rules of the module header. */
function segmentedUnknownTokens(clean: string, context: ScanContext): string[] {
  const { segmenter, options, isWord, onWord, minWordLength } = context;
  const tokens: string[] = [];
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
    if (token.length < minWordLength || !LATIN_LETTERS.test(token)) continue;
    const lower = token.toLowerCase();
    if (isWord(lower)) {
      onWord(lower);
      continue;
    }
    const first = token.charCodeAt(0);
    if (token.length < options.minLength || (checkCapitals && !atStart && first >= 65 && first <= 90))
      continue;
    tokens.push(lower);
  }
  return tokens;
}

/**
 * The eligible tokens of one text that are not words, lower-cased, in text order with repeats (see the module
 * header): by the fast path when it can decide, else by segmenting the whole text.
 */
function unknownTokens(text: string, context: ScanContext): string[] {
  const clean = text.indexOf('://') < 0 && !/www\./i.test(text) ? text : text.replace(URL_LIKE, ' ');
  const firstNonAscii = clean.search(NON_ASCII);
  const tokens =
    firstNonAscii >= 0 && hasFoldingCharacter(clean, firstNonAscii) ? null : scanLetterRuns(clean, context);
  return tokens ?? segmentedUnknownTokens(clean, context);
}

/**
 * The distinct unknown tokens, numbered 0, 1, … in order of first use: an open-addressing hash table (linear
 * probing, at most half full) of (hash, ordinal) pairs in one typed array. Pseudo-words and foreign words make
 * millions of distinct tokens; a JS Map would cost several cache misses per new token and holds at most 2^24.
 */
class TokenTable {
  /** The tokens by ordinal. */
  readonly tokens: string[] = [];
  /** Pairs (hash, ordinal + 1); ordinal + 1 = 0 marks an empty slot. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;

  /** The ordinal of `token`, adding it when new (then the ordinal is the new `tokens.length - 1`). */
  ordinalOf(token: string): number {
    const hash = mix(fnv1a(token));
    const slot = this.find(this.slots, this.mask, hash, token);
    const stored = this.slots[2 * slot + 1]!;
    if (stored !== 0) return stored - 1;
    const ordinal = this.tokens.length;
    this.tokens.push(token);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = ordinal + 1;
    if (2 * this.tokens.length > this.mask) this.grow();
    return ordinal;
  }

  /** The slot of `token` (hash `hash`) in `slots`: where it is, or the empty slot where it goes. */
  private find(slots: Int32Array, mask: number, hash: number, token: string | null): number {
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot + 1]!;
      if (stored === 0 || (slots[2 * slot] === hash && this.tokens[stored - 1] === token)) return slot;
    }
  }

  private grow(): void {
    const old = this.slots;
    const mask = 2 * this.mask + 1;
    const slots = new Int32Array(2 * (mask + 1));
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const slot = this.find(slots, mask, old[i]!, null);
      slots[2 * slot] = old[i]!;
      slots[2 * slot + 1] = old[i + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A token used in two or more posts. */
interface SharedUse {
  /** Ordinals of the accounts other than the first; null while there is only one. */
  otherAccounts: Set<number> | null;
  /** Posts that use the token; emptied once the token is too common. */
  ids: number[];
  tooCommon: boolean;
}

/**
 * The uses of every unknown token, compact because most unknown tokens (names, foreign words, noise) occur in one
 * post only: per token its first post id, first account and last post in typed arrays; a {@link SharedUse} only
 * from its second post on. Accounts are numbered.
 */
class TokenUses {
  readonly table = new TokenTable();
  readonly shared = new Map<number, SharedUse>();
  private readonly accountOrdinals = new Map<string, number>();
  private firstId = new Float64Array(1024);
  private firstAccount = new Int32Array(1024);
  private lastPost = new Int32Array(1024);
  /** Tokens recorded so far (the next new token gets this ordinal). */
  private known = 0;

  constructor(private readonly maxAccounts: number) {}

  /** The ordinal of an account key. */
  account(accountKey: string): number {
    let ordinal = this.accountOrdinals.get(accountKey);
    if (ordinal === undefined) {
      ordinal = this.accountOrdinals.size;
      this.accountOrdinals.set(accountKey, ordinal);
    }
    return ordinal;
  }

  /** Record that post number `post` (1, 2, … in reading order) with `id`, by account ordinal `account`, uses `token`. */
  record(token: string, post: number, id: number, account: number): void {
    const ordinal = this.table.ordinalOf(token);
    if (ordinal === this.known) {
      this.addFirst(post, id, account);
      return;
    }
    if (this.lastPost[ordinal] === post) return; // once per post
    this.lastPost[ordinal] = post;
    let use = this.shared.get(ordinal);
    if (use === undefined) {
      use = { otherAccounts: null, ids: [this.firstId[ordinal]!], tooCommon: false };
      this.shared.set(ordinal, use);
    }
    if (use.tooCommon) return;
    if (account !== this.firstAccount[ordinal]) {
      use.otherAccounts ??= new Set();
      use.otherAccounts.add(account);
      if (1 + use.otherAccounts.size > this.maxAccounts) {
        use.tooCommon = true;
        use.ids = [];
        use.otherAccounts = null;
        return;
      }
    }
    use.ids.push(id);
  }

  private addFirst(post: number, id: number, account: number): void {
    const ordinal = this.known++;
    if (ordinal === this.lastPost.length) {
      const length = 2 * ordinal;
      this.firstId = grow(this.firstId, new Float64Array(length));
      this.firstAccount = grow(this.firstAccount, new Int32Array(length));
      this.lastPost = grow(this.lastPost, new Int32Array(length));
    }
    this.firstId[ordinal] = id;
    this.firstAccount[ordinal] = account;
    this.lastPost[ordinal] = post;
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
  const allowed = new Set([...resolved.allowWords, ...resolved.informalWords].map((w) => w.toLowerCase()));
  const filter = filterOf(resolved.dictionary);
  const allowedFilter = new WordFilter(allowed, allowed.size);
  const isWord = (w: string): boolean => {
    const hash = wordHash(w);
    return (filter.mayHave(hash) && dictionary.has(w)) || (allowedFilter.mayHave(hash) && allowed.has(w));
  };
  // How often each word occurs: picks the correction and feeds the correction-ratio test.
  const wordCounts = new Map<string, { n: number }>();
  let wordCount = 0;
  const context: ScanContext = {
    segmenter: new Intl.Segmenter('en', { granularity: 'word' }),
    options: resolved,
    isWord,
    minWordLength: resolved.minLength - 1,
    onWord: (w) => {
      wordCount++;
      const counter = wordCounts.get(w);
      if (counter === undefined) wordCounts.set(w, { n: 1 });
      else counter.n++;
    },
  };
  const uses = new TokenUses(resolved.maxAccounts);
  let postCount = 0;
  let tokenCount = 0;
  return {
    add(post) {
      postCount++;
      const tokens = unknownTokens(post.text, context);
      if (tokens.length === 0) return;
      tokenCount += tokens.length;
      const account = uses.account(post.accountKey);
      for (const token of tokens) uses.record(token, postCount, post.id, account);
    },
    result: () =>
      report(uses, isWord, resolved, { posts: postCount, tokens: tokenCount, words: wordCount }, wordCounts),
  };
}

/**
 * Find the rare misspellings that several accounts share (see the module header for the method and its limits).
 *
 * @param posts texts with their post id and account key (`platform:accountId`); read once, in any order
 * @param options partial {@link MisspellingOptions}: `[options.minLength=5]` (letters),
 *   `[options.skipMidSentenceCapitals=true]`, `[options.minAccounts=2]`, `[options.maxAccounts=20]` (distinct
 *   accounts), `[options.minCorrectionRatio=1]`, `[options.allowWords=[]]`,
 *   `[options.informalWords=INFORMAL_WORDS]`, `[options.dictionary=englishWords()]`
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

function report(
  uses: TokenUses,
  isWord: (w: string) => boolean,
  options: MisspellingOptions,
  counts: { posts: number; tokens: number; words: number },
  wordCounts: ReadonlyMap<string, { n: number }>,
): MisspellingResult {
  const countOf = (w: string): number => wordCounts.get(w)?.n ?? 0;
  const traces: MisspellingTrace[] = [];
  let rareCorrection = 0;
  let tooFewAccounts = 0;
  let tooManyAccounts = 0;
  let notNearWord = 0;
  let misspellings = 0;
  const { tokens: distinct } = uses.table;
  for (let ordinal = 0; ordinal < distinct.length; ordinal++) {
    const use = uses.shared.get(ordinal);
    if (use?.tooCommon) {
      tooManyAccounts++;
      continue;
    }
    if (use === undefined || 1 + (use.otherAccounts?.size ?? 0) < options.minAccounts) {
      tooFewAccounts++;
      continue;
    }
    const token = distinct[ordinal]!;
    const correction = correctionOf(token, isWord, countOf);
    if (correction === null) {
      notNearWord++;
      continue;
    }
    if (countOf(correction) < options.minCorrectionRatio * use.ids.length) {
      rareCorrection++;
      continue;
    }
    misspellings++;
    for (const id of use.ids) traces.push({ id, token, correction });
  }
  traces.sort((a, b) => a.id - b.id || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return {
    traces,
    stats: {
      ...counts,
      unknown: distinct.length,
      tooFewAccounts,
      tooManyAccounts,
      notNearWord,
      rareCorrection,
      misspellings,
    },
  };
}
