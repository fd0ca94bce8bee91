import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CibError, ConfigError } from '../errors.js';
import {
  HASHTAG_SEQUENCE_DEFAULTS,
  HASHTAG_SEQUENCE_SEPARATOR,
  type HashtagRow,
  hashtagSequences,
  resolveHashtagSequenceOptions,
} from './hashtag-sequences.js';

const S = HASHTAG_SEQUENCE_SEPARATOR;
const at = (iso: string): number => Date.parse(iso);

/** Rows of one account, one per (time, tags), recs from `firstRec`. */
function rows(accountKey: string, posts: [string, string[]][], firstRec = 1): HashtagRow[] {
  return posts.map(([iso, hashtags], i) => ({ rec: firstRec + i, accountKey, tsMs: at(iso), hashtags }));
}

const FIVE_POSTS: [string, string[]][] = [
  ['2024-03-01T08:00:00Z', ['vote', 'now']],
  ['2024-03-01T09:00:00Z', ['b']],
  ['2024-03-01T10:00:00Z', ['c']],
  ['2024-03-01T11:00:00Z', ['d']],
  ['2024-03-01T12:00:00Z', ['e', 'vote']],
];

function isInputInvalid(e: unknown): boolean {
  return e instanceof CibError && e.code === 'INPUT_INVALID';
}

test('hashtagSequences: the day’s tags in post order, repeats kept, counts by hand', () => {
  assert.deepEqual(hashtagSequences(rows('x:a', FIVE_POSTS, 10)), [
    {
      rec: 10,
      accountKey: 'x:a',
      dayUtc: '2024-03-01',
      sequence: `vote${S}now${S}b${S}c${S}d${S}e${S}vote`,
      tags: 7,
      distinctTags: 6,
      posts: 5,
    },
  ]);
});

test('hashtagSequences: 23:59:59.999 UTC is still the same day; 00:00:00.000 starts the next', () => {
  const four = FIVE_POSTS.slice(0, 4);
  const sameDay = hashtagSequences(rows('x:a', [...four, ['2024-03-01T23:59:59.999Z', ['e']]]));
  assert.equal(sameDay.length, 1);
  assert.equal(sameDay[0]!.dayUtc, '2024-03-01');
  assert.equal(sameDay[0]!.posts, 5);
  // The fifth post one millisecond later belongs to 2024-03-02: neither day has 5 tagged posts.
  assert.deepEqual(hashtagSequences(rows('x:a', [...four, ['2024-03-02T00:00:00.000Z', ['e']]])), []);
  // With a lower bar both days appear, split at midnight UTC.
  const split = hashtagSequences(rows('x:a', [...four, ['2024-03-02T00:00:00.000Z', ['e']]]), {
    minTaggedPosts: 1,
    minDistinctHashtags: 1,
  });
  assert.deepEqual(
    split.map((s) => [s.dayUtc, s.rec, s.sequence]),
    [
      ['2024-03-01', 1, `vote${S}now${S}b${S}c${S}d`],
      ['2024-03-02', 5, 'e'],
    ],
  );
});

test('hashtagSequences: support filter — 5 tagged posts and 5 distinct tags (paper defaults)', () => {
  assert.deepEqual(HASHTAG_SEQUENCE_DEFAULTS, { minDistinctHashtags: 5, minTaggedPosts: 5 });
  // 5 posts but only 4 distinct tags: vote, b, c, d.
  const tagsOf = [['vote'], ['b'], ['c'], ['d'], ['b', 'vote']];
  const fourTags = FIVE_POSTS.map(([t], i) => [t, tagsOf[i]!] as [string, string[]]);
  assert.equal(hashtagSequences(rows('x:a', fourTags)).length, 0);
  // 4 posts with 6 distinct tags.
  assert.equal(
    hashtagSequences(rows('x:a', [...FIVE_POSTS.slice(0, 3), ['2024-03-01T13:00:00Z', ['e', 'f']]])).length,
    0,
  );
});

test('hashtagSequences: posts without hashtags do not count; rec is the first tagged post', () => {
  const input = rows('x:a', [['2024-03-01T07:00:00Z', []], ...FIVE_POSTS, ['2024-03-01T13:00:00Z', []]]);
  const [seq] = hashtagSequences(input);
  assert.equal(seq!.rec, 2);
  assert.equal(seq!.posts, 5);
});

test('hashtagSequences: two accounts with the same day sequence get the same object', () => {
  const result = hashtagSequences([...rows('x:a', FIVE_POSTS, 1), ...rows('x:b', FIVE_POSTS, 6)]);
  assert.equal(result.length, 2);
  assert.equal(result[0]!.sequence, result[1]!.sequence);
  assert.deepEqual(
    result.map((s) => [s.accountKey, s.rec]),
    [
      ['x:a', 1],
      ['x:b', 6],
    ],
  );
});

test('hashtagSequences: the separator keeps ab+c apart from a+bc', () => {
  const one = { minTaggedPosts: 1, minDistinctHashtags: 1 };
  const [x] = hashtagSequences(rows('x:a', [['2024-03-01T00:00:00Z', ['ab', 'c']]]), one);
  const [y] = hashtagSequences(rows('x:a', [['2024-03-01T00:00:00Z', ['a', 'bc']]]), one);
  assert.notEqual(x!.sequence, y!.sequence);
});

test('hashtagSequences: accounts may come in any order (any SQL collation); output is sorted', () => {
  const result = hashtagSequences([...rows('x:b', FIVE_POSTS, 6), ...rows('x:a', FIVE_POSTS, 1)]);
  assert.deepEqual(
    result.map((s) => s.accountKey),
    ['x:a', 'x:b'],
  );
});

test('hashtagSequences: equal times are ordered by rec', () => {
  const t = '2024-03-01T08:00:00.000Z';
  const one = { minTaggedPosts: 1, minDistinctHashtags: 1 };
  const ok = hashtagSequences(
    [
      { rec: 1, accountKey: 'x:a', tsMs: at(t), hashtags: ['p'] },
      { rec: 2, accountKey: 'x:a', tsMs: at(t), hashtags: ['q'] },
    ],
    one,
  );
  assert.equal(ok[0]!.sequence, `p${S}q`);
  assert.throws(
    () =>
      hashtagSequences(
        [
          { rec: 2, accountKey: 'x:a', tsMs: at(t), hashtags: ['q'] },
          { rec: 1, accountKey: 'x:a', tsMs: at(t), hashtags: ['p'] },
        ],
        one,
      ),
    isInputInvalid,
  );
});

test('hashtagSequences: broken preconditions are INPUT_INVALID', () => {
  const a = rows('x:a', FIVE_POSTS.slice(0, 2), 1);
  const b = rows('x:b', FIVE_POSTS.slice(0, 1), 3);
  // Account a split in two runs.
  assert.throws(() => hashtagSequences([a[0]!, ...b, a[1]!]), isInputInvalid);
  // Time going back within an account.
  assert.throws(() => hashtagSequences([a[1]!, { ...a[0]!, rec: 9 }]), isInputInvalid);
  // Not normalized or malformed values.
  const bad = (patch: Partial<HashtagRow>): HashtagRow[] => [{ ...a[0]!, ...patch }];
  assert.throws(() => hashtagSequences(bad({ hashtags: [''] })), isInputInvalid);
  assert.throws(() => hashtagSequences(bad({ hashtags: [`a${S}b`] })), isInputInvalid);
  assert.throws(() => hashtagSequences(bad({ tsMs: 1.5 })), isInputInvalid);
  assert.throws(() => hashtagSequences(bad({ tsMs: Number.NaN })), isInputInvalid);
});

test('resolveHashtagSequenceOptions: ConfigError on invalid options', () => {
  assert.deepEqual(resolveHashtagSequenceOptions({ minTaggedPosts: 3 }), {
    minDistinctHashtags: 5,
    minTaggedPosts: 3,
  });
  for (const bad of [{ minTaggedPosts: 0 }, { minDistinctHashtags: 2.5 }, { minDistinctHashtags: -1 }]) {
    assert.throws(() => hashtagSequences([], bad), ConfigError, JSON.stringify(bad));
  }
});
