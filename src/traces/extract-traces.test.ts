import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import type { Post } from '../model/post.js';
import {
  createTraceExtractor,
  extractTraces,
  resolveTraceOptions,
  TRACE_DEFAULTS,
} from './extract-traces.js';

function post(overrides: Partial<Post> = {}): Post {
  return {
    platform: 'twitter',
    postId: '1',
    accountId: 'a1',
    tsMs: 1_700_000_000_000,
    kind: 'post',
    urls: [],
    hashtags: [],
    mentions: [],
    mediaHashes: [],
    source: { file: 'x.jsonl', record: 1 },
    ...overrides,
  };
}

test('extractTraces: a post with every entity gives every kind, in order', () => {
  const traces = extractTraces(
    post({
      text: 'RT-free text: Vote for the GREAT candidate https://t.co/x @amy',
      urls: ['HTTPS://News.BBC.co.uk/story?utm_source=tw&id=3#top', 'mailto:x@y.z'],
      hashtags: ['#Vote', 'ＶＯＴＥ'],
      mentions: ['@Amy'],
      mediaHashes: ['ff00aa', ' '],
      objects: [{ kind: 'object', id: '42' }],
    }),
  );
  assert.deepEqual(traces, [
    { kind: 'url', object: 'https://news.bbc.co.uk/story?id=3' },
    { kind: 'domain', object: 'bbc.co.uk' },
    { kind: 'hashtag', object: 'vote' },
    { kind: 'mention', object: 'twitter:amy' },
    { kind: 'text', object: 'rt-free text: vote for the great candidate' },
    { kind: 'media', object: 'ff00aa' },
    { kind: 'object', object: 'id:42' },
  ]);
});

test('extractTraces: shares give a share trace and no text trace', () => {
  const traces = extractTraces(
    post({
      kind: 'share',
      parentPostId: '99',
      text: 'RT @bob: this is the parent text, long enough to count',
    }),
  );
  assert.deepEqual(traces, [{ kind: 'share', object: 'twitter:99' }]);
});

test('extractTraces: replies give a reply trace and their own text', () => {
  const traces = extractTraces(
    post({
      kind: 'reply',
      parentPostId: '7',
      platform: 'reddit',
      text: '@op I completely agree with this post',
    }),
  );
  assert.deepEqual(traces, [
    { kind: 'reply', object: 'reddit:7' },
    { kind: 'text', object: 'i completely agree with this post' },
  ]);
});

test('extractTraces: no parent id → no share/reply trace; quotes are not shares', () => {
  assert.deepEqual(extractTraces(post({ kind: 'share' })), []);
  assert.deepEqual(extractTraces(post({ kind: 'quote', parentPostId: '5' })), []);
});

test('extractTraces: text needs minTextChars code points of normalized text', () => {
  // 'good morning everyone' = 21 code points after normalization; 'good morning' = 12.
  assert.deepEqual(extractTraces(post({ text: 'Good   morning EVERYONE https://t.co/a' })), [
    { kind: 'text', object: 'good morning everyone' },
  ]);
  assert.deepEqual(extractTraces(post({ text: 'Good morning @everyone' })), []);
  assert.deepEqual(extractTraces(post({ text: 'Good morning' }), { minTextChars: 12 }), [
    { kind: 'text', object: 'good morning' },
  ]);
  assert.deepEqual(extractTraces(post({ text: 'Good morning' }), { minTextChars: 13 }), []);
  // Code points, not UTF-16 units: five emoji are 5 code points (10 units).
  assert.deepEqual(extractTraces(post({ text: '😀😀😀😀😀' }), { minTextChars: 6 }), []);
  assert.deepEqual(extractTraces(post({ text: '😀😀😀😀😀' }), { minTextChars: 5 }), [
    { kind: 'text', object: '😀😀😀😀😀' },
  ]);
});

test('extractTraces: identical (kind, object) within one post appear once', () => {
  const traces = extractTraces(
    post({
      urls: ['https://a.com/x?utm_medium=1', 'https://A.com/x', 'https://www.a.com/y'],
      hashtags: ['#Tag', 'tag', '＃ＴＡＧ'],
      mentions: ['bob', '@BOB'],
      mediaHashes: ['h1', 'h1'],
    }),
  );
  assert.deepEqual(traces, [
    { kind: 'url', object: 'https://a.com/x' },
    { kind: 'url', object: 'https://www.a.com/y' },
    { kind: 'domain', object: 'a.com' },
    { kind: 'hashtag', object: 'tag' },
    { kind: 'mention', object: 'twitter:bob' },
    { kind: 'media', object: 'h1' },
  ]);
});

test('extractTraces: supplied objects keep their kind and get the id: prefix; kinds filter them too', () => {
  const p = post({
    urls: ['https://a.com/'],
    objects: [
      { kind: 'url', id: '17' },
      { kind: 'hashtag', id: '5' },
    ],
  });
  assert.deepEqual(extractTraces(p), [
    { kind: 'url', object: 'https://a.com/' },
    { kind: 'domain', object: 'a.com' },
    { kind: 'url', object: 'id:17' },
    { kind: 'hashtag', object: 'id:5' },
  ]);
  assert.deepEqual(extractTraces(p, { kinds: ['hashtag'] }), [{ kind: 'hashtag', object: 'id:5' }]);
});

test('extractTraces: options.kinds restricts the output', () => {
  const p = post({ urls: ['https://a.com/x'], hashtags: ['x'], text: 'a text that is long enough to count' });
  assert.deepEqual(extractTraces(p, { kinds: ['domain'] }), [{ kind: 'domain', object: 'a.com' }]);
  assert.deepEqual(extractTraces(p, { kinds: [] }), []);
});

test('TRACE_DEFAULTS and resolveTraceOptions', () => {
  assert.equal(TRACE_DEFAULTS.minTextChars, 20);
  assert.equal(TRACE_DEFAULTS.kinds.length, 12);
  assert.deepEqual(resolveTraceOptions({ minTextChars: 5 }).minTextChars, 5);
});

test('invalid options throw ConfigError (CONFIG_INVALID) when the extractor is built', () => {
  const bad: unknown[] = [
    { minTextChars: 0 },
    { minTextChars: 2.5 },
    { minTextChars: Number.NaN },
    { kinds: ['url', 'url'] },
    { kinds: ['tweet'] },
    { kinds: 'url' },
  ];
  for (const options of bad) {
    assert.throws(
      () => createTraceExtractor(options as never),
      (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID',
      JSON.stringify(options),
    );
  }
});
