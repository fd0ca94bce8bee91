import assert from 'node:assert/strict';
import { test } from 'node:test';
import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import { englishWords } from './english-words.js';
import {
  editsOne,
  findMisspellings,
  MISSPELLING_DEFAULTS,
  resolveMisspellingOptions,
} from './find-misspellings.js';

type P = { id: number; accountKey: string; text: string };

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
  assert.deepEqual(resolveMisspellingOptions(), { ...MISSPELLING_DEFAULTS, allowWords: [] });
  for (const bad of [
    { minLength: 1 },
    { minAccounts: 1 },
    { minAccounts: 5, maxAccounts: 4 },
    { maxAccounts: 2.5 },
    { skipMidSentenceCapitals: 'no' as unknown as boolean },
    { allowWords: [3] as unknown as string[] },
    { dictionary: ['a'] as unknown as Set<string> },
  ]) {
    assert.throws(() => findMisspellings([], bad), ConfigError, JSON.stringify(bad));
  }
});

/**
 * Reference: segment every text (no pre-test), apply the token rules literally, keep tokens of ≥ 2 accounts that
 * are one edit from a word. Used to check that skipping texts without unknown letter runs changes nothing.
 */
function referenceTraces(posts: P[], maxAccounts: number): string[] {
  const words = englishWords();
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const uses = new Map<string, { accounts: Set<string>; ids: Set<number> }>();
  for (const post of posts) {
    const clean = post.text.replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, ' ');
    const segments = [...segmenter.segment(clean)];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (!seg.isWordLike) continue;
      const before = segments.slice(0, i);
      const prevWord = before.map((x) => x.isWordLike).lastIndexOf(true);
      const gap = before.slice(prevWord + 1).map((x) => x.segment);
      const atStart = prevWord === -1 || gap.some((g) => /[.!?…\n\r\u2029]/.test(g));
      if (gap.length > 0 && /[@#＠＃]$/.test(gap[gap.length - 1]!)) continue;
      const token = seg.segment.normalize('NFKC').replace(/['’]s$/i, '');
      if (token.length < 5 || !/^[a-z]+$/i.test(token)) continue;
      if (/\p{Ll}/u.test(clean) && !atStart && /^[A-Z]/.test(token)) continue;
      const lower = token.toLowerCase();
      if (words.has(lower)) continue;
      const use = uses.get(lower) ?? { accounts: new Set(), ids: new Set() };
      use.accounts.add(post.accountKey);
      use.ids.add(post.id);
      uses.set(lower, use);
    }
  }
  const out: string[] = [];
  for (const [token, use] of uses) {
    if (use.accounts.size < 2 || use.accounts.size > maxAccounts) continue;
    if (!editsOne(token).some((c) => words.has(c))) continue;
    for (const id of use.ids) out.push(`${id} ${token}`);
  }
  return out.sort();
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
  const actual = findMisspellings(posts, { maxAccounts: 25 })
    .traces.map((t) => `${t.id} ${t.token}`)
    .sort();
  const expected = referenceTraces(posts, 25);
  assert.ok(expected.length > 50, `the data must contain misspellings (${expected.length})`);
  assert.deepEqual(actual, expected);
});
