import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import { englishWords } from './english-words.js';
import {
  editsOne,
  findMisspellings as findMisspellingsAsShipped,
  INFORMAL_WORDS,
  MISSPELLING_DEFAULTS,
  type MisspellingOptions,
  type MisspellingResult,
  type MisspellingTrace,
  resolveMisspellingOptions,
} from './find-misspellings.js';

type P = { id: number; accountKey: string; text: string };

/**
 * Most tests below check the token rules on tiny corpora that never spell the word right, so they switch the
 * correction-ratio test off; the tests of that rule call {@link findMisspellingsAsShipped}.
 */
const findMisspellings = (posts: Iterable<P>, options: Partial<MisspellingOptions> = {}): MisspellingResult =>
  findMisspellingsAsShipped(posts, { minCorrectionRatio: 0, ...options });

/** Posts `text` once for each of `accounts` accounts named a1, a2, …, ids from `firstId`. */
function byAccounts(text: string, accounts: number, firstId = 1): P[] {
  return Array.from({ length: accounts }, (_, i) => ({ id: firstId + i, accountKey: `x:a${i + 1}`, text }));
}

test('editsOne: 54n + 25 candidates (n deletes, n − 1 transposes, 26n replaces, 26(n + 1) inserts)', () => {
  assert.equal(editsOne('cat').length, 54 * 3 + 25); // 187
  assert.equal(editsOne('a').length, 54 + 25);
  const edits = editsOne('cat');
  assert.deepEqual(edits.slice(0, 5), ['at', 'ct', 'ca', 'act', 'cta']);
  for (const expected of ['bat', 'cut', 'cap', 'scat', 'chat', 'cats'])
    assert.ok(edits.includes(expected), expected);
  // Distinct strings for 'cat' (no repeated letters): 3 + 2 + 3·25 + 4·26 − 3 = 181 (the three duplicates are
  // inserting a letter next to the same letter: 'ccat', 'caat', 'catt'); plus the word itself from replaces.
  assert.equal(new Set(edits).size, 3 + 2 + 3 * 25 + 1 + (4 * 26 - 3));
});

test("findMisspellings: 'goverment' used by two accounts → traces with correction 'government'", () => {
  const result = findMisspellings([
    { id: 7, accountKey: 'x:b', text: 'Do not trust the goverment.' },
    { id: 3, accountKey: 'x:a', text: 'The goverment lies again' },
  ]);
  assert.deepEqual(result.traces, [
    { id: 3, token: 'goverment', correction: 'government' },
    { id: 7, token: 'goverment', correction: 'government' },
  ]);
  assert.equal(result.stats.posts, 2);
  assert.equal(result.stats.misspellings, 1);
  assert.equal(result.stats.unknown, 1);
});

test('findMisspellings: a name more than one edit from every word is not a misspelling', () => {
  const result = findMisspellings(byAccounts('meeting with zelensky and the ministers', 3));
  assert.deepEqual(result.traces, []);
  assert.equal(result.stats.notNearWord, 1);
});

test('findMisspellings: a typo of one account (even in many posts) is not shared', () => {
  const posts = [1, 2, 3].map((id) => ({ id, accountKey: 'x:solo', text: 'the goverment again' }));
  const result = findMisspellings(posts);
  assert.deepEqual(result.traces, []);
  assert.equal(result.stats.tooFewAccounts, 1);
});

test('findMisspellings: maxAccounts is inclusive (20 accounts reported, 21 not)', () => {
  assert.equal(MISSPELLING_DEFAULTS.maxAccounts, 20);
  assert.equal(findMisspellings(byAccounts('the goverment', 20)).traces.length, 20);
  const many = findMisspellings(byAccounts('the goverment', 21));
  assert.deepEqual(many.traces, []);
  assert.equal(many.stats.tooManyAccounts, 1);
  // Repeats by accounts already counted do not push a token over the bound.
  const repeats = [...byAccounts('the goverment', 20), ...byAccounts('goverment again', 20, 100)];
  assert.equal(findMisspellings(repeats).traces.length, 40);
});

test('findMisspellings: minAccounts raises the floor', () => {
  assert.deepEqual(findMisspellings(byAccounts('the goverment', 2), { minAccounts: 3 }).traces, []);
  assert.equal(findMisspellings(byAccounts('the goverment', 3), { minAccounts: 3 }).traces.length, 3);
});

test('findMisspellings: tokens shorter than minLength are ignored (default 5)', () => {
  // 'thsi' is 'this' with two letters swapped: 4 letters.
  assert.deepEqual(findMisspellings(byAccounts('is thsi true', 2)).traces, []);
  assert.deepEqual(findMisspellings(byAccounts('is thsi true', 2), { minLength: 4 }).traces, [
    { id: 1, token: 'thsi', correction: 'this' },
    { id: 2, token: 'thsi', correction: 'this' },
  ]);
});

test('findMisspellings: mid-sentence capitals are skipped, sentence starts and all-caps texts are not', () => {
  const dictionary = new Set(['qwerty', 'we', 'met', 'today', 'said', 'so']);
  const options = { dictionary, minLength: 2 };
  // 'Qwerti' mid-sentence (a name?) → skipped.
  assert.deepEqual(findMisspellings(byAccounts('we met Qwerti today', 2), options).traces, []);
  // At the start of the text or after a full stop → kept.
  const starts = findMisspellings(
    [
      { id: 1, accountKey: 'x:a', text: 'Qwerti said so' },
      { id: 2, accountKey: 'x:b', text: 'we met. Qwerti said so' },
    ],
    options,
  );
  assert.deepEqual(
    starts.traces.map((t) => [t.id, t.token, t.correction]),
    [
      [1, 'qwerti', 'qwerty'],
      [2, 'qwerti', 'qwerty'],
    ],
  );
  // A text without lower-case letters: capitals say nothing.
  assert.equal(findMisspellings(byAccounts('WE MET QWERTI TODAY', 2), options).traces.length, 2);
  // The rule can be switched off.
  assert.equal(
    findMisspellings(byAccounts('we met Qwerti today', 2), { ...options, skipMidSentenceCapitals: false })
      .traces.length,
    2,
  );
});

test('findMisspellings: hashtags, mentions and URLs are not prose; possessives and full-width letters are', () => {
  const none = findMisspellings(
    byAccounts('#goverment @goverment https://x.example/goverment-plan www.goverment.example', 2),
  );
  assert.deepEqual(none.traces, []);
  const possessive = findMisspellings(byAccounts("the goverment's plan", 2));
  assert.deepEqual(
    possessive.traces.map((t) => t.token),
    ['goverment', 'goverment'],
  );
  const fullWidth = findMisspellings(byAccounts('the ｇｏｖｅｒｍｅｎｔ plan', 2));
  assert.deepEqual(
    fullWidth.traces.map((t) => t.token),
    ['goverment', 'goverment'],
  );
});

test('findMisspellings: one trace per post and token; sorted by id then token; input order does not matter', () => {
  const posts: P[] = [
    { id: 9, accountKey: 'x:b', text: 'goverment goverment definately' },
    { id: 2, accountKey: 'x:a', text: 'definately the goverment' },
  ];
  const expected = [
    { id: 2, token: 'definately', correction: 'definitely' },
    { id: 2, token: 'goverment', correction: 'government' },
    { id: 9, token: 'definately', correction: 'definitely' },
    { id: 9, token: 'goverment', correction: 'government' },
  ];
  assert.deepEqual(findMisspellings(posts).traces, expected);
  assert.deepEqual(findMisspellings([...posts].reverse()).traces, expected);
});

test('findMisspellings: correction preference — transposition, then missing letter, extra letter, wrong letter', () => {
  const run = (dictionary: Set<string>): string | undefined =>
    findMisspellings(byAccounts('abcd', 2), { dictionary, minLength: 2 }).traces[0]?.correction;
  assert.equal(run(new Set(['bacd', 'abcde', 'abc', 'abxd'])), 'bacd');
  assert.equal(run(new Set(['abcde', 'abc', 'abxd', 'zabcd'])), 'abcde');
  assert.equal(run(new Set(['abc', 'abd', 'abxd'])), 'abc');
  assert.equal(run(new Set(['abxd', 'abcx'])), 'abcx');
  assert.equal(run(new Set(['abcdef'])), undefined);
});

test('findMisspellings: allowWords are words; non-English words are not checked', () => {
  assert.deepEqual(
    findMisspellings(byAccounts('the goverment', 2), { allowWords: ['Goverment'] }).traces,
    [],
  );
  // Spanish with accents: not a–z, so not a token.
  const spanish = findMisspellings(byAccounts('también el gobierno mintió', 2));
  assert.deepEqual(spanish.traces, []);
  assert.equal(spanish.stats.tokens, 2); // only 'gobierno' (5+ letters, a–z), once in each of the 2 posts
});

test('resolveMisspellingOptions: defaults and ConfigError on invalid options', () => {
  assert.deepEqual(resolveMisspellingOptions(), {
    ...MISSPELLING_DEFAULTS,
    allowWords: [],
    informalWords: [...INFORMAL_WORDS],
  });
  for (const bad of [
    { minLength: 1 },
    { minAccounts: 1 },
    { minAccounts: 5, maxAccounts: 4 },
    { maxAccounts: 2.5 },
    { skipMidSentenceCapitals: 'no' as unknown as boolean },
    { allowWords: [3] as unknown as string[] },
    { informalWords: 'dont' as unknown as string[] },
    { dictionary: ['a'] as unknown as Set<string> },
  ]) {
    assert.throws(() => findMisspellings([], bad), ConfigError, JSON.stringify(bad));
  }
});

type Options = Partial<MisspellingOptions>;

/**
 * Reference correction: the candidate word with the highest corpus count; among equal counts the first kind of
 * transpositions, insertions, deletions, substitutions, and in it the least word (code-unit order).
 */
function referenceCorrection(
  token: string,
  isWord: (w: string) => boolean,
  counts: ReadonlyMap<string, number>,
): string | null {
  const n = token.length;
  const kinds: string[][] = [[], [], [], []];
  for (let i = 0; i + 1 < n; i++)
    kinds[0]!.push(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
  for (let i = 0; i <= n; i++) for (const c of ABC) kinds[1]!.push(token.slice(0, i) + c + token.slice(i));
  for (let i = 0; i < n; i++) kinds[2]!.push(token.slice(0, i) + token.slice(i + 1));
  for (let i = 0; i < n; i++) for (const c of ABC) kinds[3]!.push(token.slice(0, i) + c + token.slice(i + 1));
  const found = kinds.flatMap((candidates, kind) =>
    candidates.filter((w) => w !== token && isWord(w)).map((w) => ({ w, kind, count: counts.get(w) ?? 0 })),
  );
  found.sort((a, b) => b.count - a.count || a.kind - b.kind || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
  return found[0]?.w ?? null;
}
const ABC = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Reference: segment every whole text with Intl.Segmenter (no fast path) and apply the rules of the module header
 * literally, word segment by word segment.
 */
function referenceResult(posts: P[], options: Options = {}): MisspellingResult {
  const o = { ...MISSPELLING_DEFAULTS, ...options };
  const words = o.dictionary ?? englishWords();
  const allowed = new Set([...o.allowWords, ...o.informalWords].map((w) => w.toLowerCase()));
  const isWord = (w: string): boolean => words.has(w) || allowed.has(w);
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const uses = new Map<string, { accounts: Set<string>; ids: Set<number> }>();
  const counts = new Map<string, number>();
  let tokens = 0;
  let wordCount = 0;
  for (const post of posts) {
    const clean = post.text.replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, ' ');
    const checkCapitals = o.skipMidSentenceCapitals && /\p{Ll}/u.test(clean);
    const segments = [...segmenter.segment(clean)];
    for (let i = 0; i < segments.length; i++) {
      if (!segments[i]!.isWordLike) continue;
      // The non-word segments since the previous word: a sentence starts if one has . ! ? … or a line break.
      let j = i - 1;
      const gap: string[] = [];
      while (j >= 0 && !segments[j]!.isWordLike) gap.push(segments[j--]!.segment);
      const atStart = j < 0 || gap.some((g) => /[.!?…\n\r\u2029]/.test(g));
      // A handle or tag: the nearest non-word segment before the word (and the words attached to it) ends in @ or #.
      let k = i - 1;
      while (k >= 0 && segments[k]!.isWordLike) k--;
      if (k >= 0 && /[@#＠＃]$/.test(segments[k]!.segment)) continue;
      const token = segments[i]!.segment.normalize('NFKC').replace(/['’]s$/i, '');
      if (!/^[a-z]+$/i.test(token)) continue;
      const lower = token.toLowerCase();
      if (isWord(lower)) {
        // Words are counted from minLength − 1 letters, whatever their case.
        if (token.length >= o.minLength - 1) {
          counts.set(lower, (counts.get(lower) ?? 0) + 1);
          wordCount++;
        }
        continue;
      }
      if (token.length < o.minLength) continue;
      if (checkCapitals && !atStart && /^[A-Z]/.test(token)) continue;
      tokens++;
      const use = uses.get(lower) ?? { accounts: new Set(), ids: new Set() };
      use.accounts.add(post.accountKey);
      use.ids.add(post.id);
      uses.set(lower, use);
    }
  }
  const traces: MisspellingTrace[] = [];
  const stats = {
    posts: posts.length,
    tokens,
    words: wordCount,
    unknown: uses.size,
    tooFewAccounts: 0,
    tooManyAccounts: 0,
  };
  let notNearWord = 0;
  let rareCorrection = 0;
  let misspellings = 0;
  for (const [token, use] of uses) {
    if (use.accounts.size > o.maxAccounts) stats.tooManyAccounts++;
    else if (use.accounts.size < o.minAccounts) stats.tooFewAccounts++;
    else {
      const correction = referenceCorrection(token, isWord, counts);
      if (correction === null) notNearWord++;
      else if ((counts.get(correction) ?? 0) < o.minCorrectionRatio * use.ids.size) rareCorrection++;
      else {
        misspellings++;
        for (const id of use.ids) traces.push({ id, token, correction });
      }
    }
  }
  traces.sort((a, b) => a.id - b.id || (a.token < b.token ? -1 : 1));
  return { traces, stats: { ...stats, notNearWord, rareCorrection, misspellings } };
}

/**
 * Check the finder against the reference on `posts` (with `minCorrectionRatio` 0, as the wrapper, unless `options`
 * set it); returns the number of traces.
 */
function assertSameAsReference(posts: P[], given: Options = {}): number {
  const options: Options = { minCorrectionRatio: 0, ...given };
  const expected = referenceResult(posts, options);
  const actual = findMisspellings(posts, options);
  if (!isDeepStrictEqual(actual, expected)) {
    // Narrow down to the first post that differs, for a readable failure.
    for (const post of posts) {
      const one = [post, { ...post, id: post.id + 0.5, accountKey: `${post.accountKey}#2` }];
      assert.deepEqual(
        findMisspellings(one, options),
        referenceResult(one, options),
        JSON.stringify(post.text),
      );
    }
    assert.deepEqual(actual, expected);
  }
  return expected.traces.length;
}

test('findMisspellings: equals a segment-everything reference on seeded mixed texts', () => {
  const rng = seedrandom('misspell-mix');
  const pieces = [
    'the',
    'government',
    'goverment',
    "goverment's",
    'Goverment',
    'GOVERMENT',
    'definately',
    'Definately',
    'zelensky',
    'Zelensky',
    'recieve',
    'abc123',
    'foo.bar',
    "don't",
    'seperate',
    'thsi',
    'ｇｏｖｅｒｍｅｎｔ',
    '#goverment',
    '@recieve',
    'https://x.example/seperate',
    'www.definately.example',
    '.',
    '!',
    '?',
    ',',
    '\n',
    'people',
    'Biden',
    'plannning',
    'electon',
    'café',
    'naïve',
    'corvid',
    'covid',
    '_',
    '__',
    'a_b',
    'x:goverment',
    'goverment:x',
    '1.goverment',
    'goverment.1',
    "goverment'sx",
    'R2goverment',
    '\t',
    '...',
    '-',
    'Goverment.',
    '_goverment',
    'goverment_',
    'a:Goverment',
    '!Goverment',
    '@',
    '#',
    'sure',
    'shure',
    'with',
    'With',
    'whith',
    'theyre',
    "they're",
    "That's",
  ];
  const posts: P[] = Array.from({ length: 600 }, (_, i) => {
    const n = 1 + Math.floor(rng() * 12);
    const text = Array.from({ length: n }, () => pieces[Math.floor(rng() * pieces.length)]!).join(
      rng() < 0.8 ? ' ' : '',
    );
    return { id: i + 1, accountKey: `x:a${Math.floor(rng() * 30)}`, text };
  });
  // Some non-ASCII texts too (the other code path).
  for (let i = 0; i < 100; i++) posts.push({ ...posts[i]!, id: 1000 + i, text: `${posts[i]!.text} é` });
  assert.ok(assertSameAsReference(posts, { maxAccounts: 25 }) > 50, 'the data must contain misspellings');
});

/** Pieces of random texts: words, typos, pseudo-words, and the characters where word segmentation is subtle. */
const PROPERTY_PIECES: readonly string[] = [
  // words and typos (the typos are one edit from a word)
  ...['the', 'people', 'government', 'election', 'because', 'Paris', 'wonderful', 'tomorrow', 'yesterday'],
  ...[
    'goverment',
    'definately',
    'recieve',
    'seperate',
    'electon',
    'peopel',
    'tomorow',
    'becuase',
    'wonderfull',
  ],
  ...['Goverment', 'GOVERMENT', 'Definately', 'Peopel', 'Tomorow'],
  // words of minLength − 1 letters, their typos, informal spellings, contractions
  ...['sure', 'Sure', 'shure', 'with', 'whith', 'theyre', 'gonna', "they're", 'that’s', "what's", 'e.g.with'],
  // foreign and non-ASCII words
  ...['gobierno', 'Regierung', 'pemerintah', 'café', 'naïve', 'Straße', 'también', 'élection', 'l’élection'],
  ...[
    'ب\u0301',
    '日\u0301',
    'x\u0301',
    'cafe\u0301',
    'ｇｏｖｅｒｍｅｎｔ',
    'ｇｏｖｅｒｍｅｎｔ＇ｓ',
    'goverﬁment',
    'ſeperate',
    'ªgoverment',
    'Ⓖoverment',
  ],
  ...['日本', 'カタカナ', 'ภาษาไทย', 'עברית', 'العربية', 'Ελλάδα', 'Москва', '٣٤', '한국어'],
  // apostrophes, periods, colons, connectors, digits
  ...[
    "'",
    '’',
    '‘',
    "'s",
    '’s',
    '’S',
    '.',
    ':',
    '·',
    '_',
    '‿',
    '\u202f',
    '1',
    '2.5',
    'x2',
    'e.g.',
    "don't",
    'don’t',
  ],
  // separators, line breaks, symbols, marks and emoji
  ...[
    ' ',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\u2028',
    '\u2029',
    '\u00a0',
    '\u3000',
    ',',
    ';',
    '!',
    '?',
    '…',
    '—',
  ],
  ...['«', '»', '¿', '¡', '“', '”', '"', '(', ')', '-', '/', '@', '#', '＠', '＃', '$', '€', '™', '©'],
  ...[
    '\u0301',
    '\u0308',
    '\u00ad',
    '\u200b',
    '\u200d',
    '\ufe0f',
    '\ufeff',
    '😀',
    '❤️',
    '👍🏽',
    '👨‍👩‍👧',
    '🇫🇷',
    '🏽',
  ],
  // URLs, handles, tags
  ...['https://x.example/goverment', 'www.definately.example', '#goverment', '@recieve', '#日本'],
];

/** A random text: pieces and fresh pseudo-words, glued with nothing or with a space. */
function randomText(rng: () => number): string {
  const n = 1 + Math.floor(rng() * 14);
  let text = '';
  for (let i = 0; i < n; i++) {
    if (rng() < 0.15) {
      const length = 3 + Math.floor(rng() * 8);
      let pseudo = '';
      for (let k = 0; k < length; k++) pseudo += ABC[Math.floor(rng() * 26)];
      text += rng() < 0.2 ? pseudo.charAt(0).toUpperCase() + pseudo.slice(1) : pseudo;
    } else {
      text += PROPERTY_PIECES[Math.floor(rng() * PROPERTY_PIECES.length)]!;
    }
    if (rng() < 0.6) text += ' ';
  }
  return text;
}

test('findMisspellings: equals the reference on 4,100 seeded random texts (ASCII and not, all option sets)', () => {
  const rng = seedrandom('misspell-property');
  const posts: P[] = Array.from({ length: 4000 }, (_, i) => ({
    id: i + 1,
    accountKey: `x:a${Math.floor(rng() * 40)}`,
    text: randomText(rng),
  }));
  // Long chunks without ASCII white space, with apostrophes and periods between letters (segmented whole).
  const glue = ['goverment', 'peopel', 'Tomorow', 'x', "'", '’s', '.', ':', '_', 'é', '!', '—', '2'];
  for (let i = 0; i < 100; i++) {
    const text = Array.from({ length: 120 }, () => glue[Math.floor(rng() * glue.length)]!).join('');
    posts.push({ id: posts.length + 1, accountKey: `x:a${Math.floor(rng() * 40)}`, text });
  }
  assert.ok(posts.filter((p) => /^[\x00-\x7f]*$/.test(p.text)).length > 200, 'ASCII texts');
  const traces = assertSameAsReference(posts, { maxAccounts: 500 });
  assert.ok(traces > 1000, `the data must contain misspellings (${traces})`);
  assertSameAsReference(posts, { minLength: 3, maxAccounts: 40, skipMidSentenceCapitals: false });
  assertSameAsReference(posts, { minAccounts: 3, maxAccounts: 5, allowWords: ['Goverment', 'peopel'] });
  const dictionary = new Set(['tomorrow', 'goverment', 'people', 'gobierno']);
  assertSameAsReference(posts, { dictionary, minLength: 4, maxAccounts: 50 });
  // The correction-ratio test and the informal words, with their word counts.
  const ratio = { maxAccounts: 500, minCorrectionRatio: 1 };
  assert.ok(assertSameAsReference(posts, ratio) > 100, 'some corrections are common');
  assert.ok(referenceResult(posts, ratio).stats.rareCorrection > 0, 'some corrections are rare');
  assertSameAsReference(posts, { ...ratio, informalWords: [], minLength: 6 });
});

test('findMisspellings: equals the reference next to every character U+0080–U+2FFF and many others', () => {
  // Each character c in the contexts where segmentation looks at it, one text each (a text whose fast path gives up
  // is segmented whole, which would hide its other contexts): before and after a token, between two tokens, after
  // a letter, digit, `_`, period, line break or handle marker, and before a capitalised token with c, or c and `_`,
  // in the gap since the previous sentence.
  const contexts = (c: string): string[] => [
    `goverment${c}goverment`,
    `${c}goverment`,
    `goverment${c}`,
    `goverment${c}s`,
    `x${c}goverment`,
    `1${c}goverment`,
    `_${c}goverment`,
    `y.${c}goverment`,
    `ok ${c}Goverment`,
    `ok${c}Goverment`,
    `ok\n${c}Goverment`,
    `@${c}goverment`,
    `ok. ${c} Goverment`,
    `ok. ${c}_ Goverment`,
    `ok. x${c}_ Goverment`,
    `with${c}with`,
    `x${c}Sure${c}s`,
  ];
  const codePoints: number[] = [];
  for (const [from, to] of [
    [0x80, 0x2fff],
    [0xe000, 0xe0ff],
    [0xfe00, 0xffff],
    [0x1d400, 0x1d4ff],
    [0x1f1e6, 0x1f1ff],
    [0x1f300, 0x1f6ff],
    [0x1f900, 0x1f9ff],
    [0xe0020, 0xe007f],
  ] as const) {
    for (let cp = from; cp <= to; cp++) codePoints.push(cp);
  }
  const posts: P[] = [];
  for (const cp of codePoints) {
    for (const text of contexts(String.fromCodePoint(cp))) {
      // Two accounts in turn, so that 'goverment' is shared and each post that has it gets a trace.
      posts.push({ id: posts.length + 1, accountKey: `x:a${posts.length % 2}`, text });
    }
  }
  const traces = assertSameAsReference(posts, { maxAccounts: 2 });
  assert.ok(referenceResult(posts.slice(0, 1000)).stats.words > 100, 'the data must contain words');
  assert.ok(traces > 50_000, `the data must contain misspellings (${traces})`);
});

test('findMisspellings: distinct tokens with the same 32-bit FNV-1a hash are kept apart', () => {
  // 'hapzrdf' and 'vdcbobc' collide under FNV-1a (found by search); the token table must compare the strings too.
  const dictionary = new Set(['hapzrdx', 'vdcbobx']);
  const posts: P[] = [
    { id: 1, accountKey: 'x:a', text: 'hapzrdf' },
    { id: 2, accountKey: 'x:b', text: 'hapzrdf' },
    { id: 3, accountKey: 'x:c', text: 'vdcbobc' },
  ];
  const result = findMisspellings(posts, { dictionary });
  assert.deepEqual(result, referenceResult(posts, { dictionary, minCorrectionRatio: 0 }));
  assert.deepEqual(
    result.traces.map((t) => [t.id, t.token]),
    [
      [1, 'hapzrdf'],
      [2, 'hapzrdf'],
    ],
  );
  assert.equal(result.stats.unknown, 2);
});

test('findMisspellings: every word of the English list is a word (no false negatives of the fast lookup)', () => {
  const words = [...englishWords()];
  const posts: P[] = [];
  for (let i = 0; i < words.length; i += 100) {
    posts.push({ id: i, accountKey: 'x:a', text: words.slice(i, i + 100).join(' ') });
  }
  const result = findMisspellings(posts, { minLength: 2 });
  assert.equal(result.stats.tokens, 0);
});

test('findMisspellings: the correction must occur at least as often as the misspelling (minCorrectionRatio 1)', () => {
  // 'covid' (3 accounts) is one edit from 'corvid', which the corpus never uses: a new word, not a typo.
  const covid = byAccounts('worried about covid today', 3);
  assert.deepEqual(findMisspellingsAsShipped(covid).traces, []);
  assert.equal(findMisspellingsAsShipped(covid).stats.rareCorrection, 1);
  // 'goverment' by 2 accounts, 'government' written right in 2 other posts: 2 ≥ 1 × 2 → kept.
  const kept = [...byAccounts('the goverment lies', 2), ...byAccounts('the government said', 2, 10)];
  assert.equal(findMisspellingsAsShipped(kept).traces.length, 2);
  // …but only 1 right spelling against 2 misspelt posts: 1 < 2 → dropped; with ratio 0.5 → kept.
  const rare = [...byAccounts('the goverment lies', 2), ...byAccounts('the government said', 1, 10)];
  assert.deepEqual(findMisspellingsAsShipped(rare).traces, []);
  assert.equal(findMisspellingsAsShipped(rare, { minCorrectionRatio: 0.5 }).traces.length, 2);
  assert.equal(MISSPELLING_DEFAULTS.minCorrectionRatio, 1);
  assert.throws(() => findMisspellingsAsShipped([], { minCorrectionRatio: -1 }), ConfigError);
});

test("findMisspellings: informal spellings ('theyre' by 12 accounts) are words; informalWords: [] turns that off", () => {
  // 'theyre' is one edit from 'there' only (drop the 'y'); 'there' is written right in 12 other posts.
  const posts = [...byAccounts('i think theyre right', 12), ...byAccounts('over there', 12, 100)];
  const result = findMisspellingsAsShipped(posts);
  assert.deepEqual(result.traces, []);
  assert.equal(result.stats.unknown, 0);
  // Words of ≥ 4 letters: think, theyre, right (× 12) + over, there (× 12).
  assert.equal(result.stats.words, 12 * 3 + 12 * 2);
  // Without the list: 12 accounts (≤ 20), 'there' 12 times ≥ 1 × 12 posts → a trace in each of the 12 posts.
  const off = findMisspellingsAsShipped(posts, { informalWords: [] });
  assert.deepEqual(
    off.traces,
    Array.from({ length: 12 }, (_, i) => ({ id: i + 1, token: 'theyre', correction: 'there' })),
  );
  assert.equal(off.stats.words, 12 * 2 + 12 * 2);
});

test('INFORMAL_WORDS: sorted, distinct, lower-case a–z; holds the apostrophe-less contractions and reduced forms', () => {
  assert.deepEqual([...INFORMAL_WORDS], [...new Set(INFORMAL_WORDS)].sort());
  for (const w of INFORMAL_WORDS) assert.match(w, /^[a-z]+$/);
  const expected = [
    'theyre',
    'youre',
    'dont',
    'doesnt',
    'didnt',
    'isnt',
    'arent',
    'wasnt',
    'werent',
    'hasnt',
  ];
  expected.push(
    'havent',
    'hadnt',
    'wont',
    'wouldnt',
    'shouldnt',
    'couldnt',
    'cant',
    'mustnt',
    'ive',
    'youve',
  );
  expected.push('weve', 'theyve', 'youd', 'theyd', 'youll', 'theyll', 'shell', 'thats', 'whats', 'whos');
  expected.push('wheres', 'theres', 'heres', 'hows', 'aint', 'yall', 'gonna', 'wanna', 'gotta', 'kinda');
  expected.push('sorta', 'dunno', 'lemme', 'gimme', 'alot');
  for (const w of expected) assert.ok(INFORMAL_WORDS.includes(w), w);
});

test("findMisspellings: words of minLength − 1 letters are counted ('shure' → 'sure')", () => {
  // 'shure' by 4 accounts; 'sure' (4 letters) in 5 other posts. Words one edit from 'shure': sure (extra letter),
  // share, shere, shire, shore, shule, shura, shute, sture (wrong letter), all but 'sure' never used: 'sure' (5)
  // wins, and 5 ≥ 1 × 4 posts.
  const posts = [...byAccounts('i am shure of it', 4), ...byAccounts('sure thing', 5, 10)];
  const result = findMisspellingsAsShipped(posts);
  assert.deepEqual(
    result.traces,
    [1, 2, 3, 4].map((id) => ({ id, token: 'shure', correction: 'sure' })),
  );
  assert.equal(result.stats.words, 5 * 2); // 'sure', 'thing'; i, am, of, it are too short
  // 'sure' 3 times < 4 posts → dropped.
  const rare = findMisspellingsAsShipped([
    ...byAccounts('i am shure of it', 4),
    ...byAccounts('sure', 3, 10),
  ]);
  assert.deepEqual(rare.traces, []);
  assert.equal(rare.stats.rareCorrection, 1);
  // A 4-letter non-word is still no token: 'thsi' (2 accounts) is neither reported nor counted.
  const short = findMisspellingsAsShipped([...byAccounts('thsi', 2), ...byAccounts('this', 2, 10)]);
  assert.deepEqual([short.traces, short.stats.tokens, short.stats.unknown, short.stats.words], [[], 0, 0, 2]);
});

test("findMisspellings: the correction is the candidate the corpus uses most ('whith' → 'with'); ties by kind", () => {
  // Words one edit from 'whith': whit, with (extra letter: 'whit' first in code-unit order); which, whish, white,
  // whits, whity (wrong letter). 'whith' by 3 accounts.
  const run = (...others: string[]): string | undefined =>
    findMisspellingsAsShipped([
      ...byAccounts('whith you', 3),
      ...others.map((text, i) => ({ id: 100 + i, accountKey: 'x:z', text })),
    ]).traces[0]?.correction;
  const times = (text: string, n: number): string[] => Array.from({ length: n }, () => text);
  assert.equal(run(...times('with me', 5)), 'with'); // 5 > 0 for every other candidate
  assert.equal(run(...times('with me', 5), ...times('which one', 7)), 'which'); // 7 > 5, whatever the kind
  assert.equal(run(...times('with me', 5), ...times('which one', 5)), 'with'); // tie: extra letter before wrong
  assert.equal(run(...times('with me', 5), ...times('whit', 5)), 'whit'); // tie, same kind: code-unit order
  // With no counts at all (ratio 0), the fixed order: 'whit'.
  assert.equal(findMisspellings(byAccounts('whith you', 3)).traces[0]?.correction, 'whit');
});
