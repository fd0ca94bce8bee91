import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import type { Post } from '../../model/post.js';

// Hand-written from the X API v1.1 Tweet/User object docs (the first tweet is the docs' emoji-count example).
const LINES = fileURLToPath(new URL('../../../test/fixtures/ingest/twitter-v1.jsonl', import.meta.url));
const ARRAY = fileURLToPath(new URL('../../../test/fixtures/ingest/twitter-v1-array.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-v1-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const EMOJI = '1050118621198921728';
const API = '6253282';
const FULL_TEXT =
  'To make room for more expression, we will now count all emojis as equal—including those with gender and skin tone modifiers 👍🏻👍🏽👍🏿. This is now reflected in Twitter-Text, our Open Source library. \n\nUsing Twitter-Text? See the forum post for detail: https://t.co/Nx1XZmRCXA';

const tweet = (
  file: string,
  record: number,
  o: Omit<Post, 'platform' | 'urls' | 'hashtags' | 'mentions' | 'mediaHashes' | 'source' | 'lang'> &
    Partial<Post>,
): Post => ({
  platform: 'twitter',
  lang: 'en',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  ...o,
  source: { file, record },
});

// created_at instants by GNU date: Wed Oct 10 20:19:24 2018 = 1539202764, 20:25:01 = 1539203101, 21:00 = 1539205200,
// Thu Oct 11 08:00 = 1539244800.
const original = (file: string) =>
  tweet(file, 1, {
    postId: EMOJI,
    accountId: API,
    tsMs: 1539202764000,
    kind: 'post',
    text: FULL_TEXT,
    urls: [
      'https://twittercommunity.com/t/new-update-to-the-twitter-text-library-emoji-character-count/114607',
    ],
    metrics: { likes: 296, shares: 161 },
  });
const reply = (file: string, record: number) =>
  tweet(file, record, {
    postId: '1050130000000000001',
    accountId: '99887766',
    tsMs: 1539205200000,
    kind: 'reply',
    text: '@TwitterAPI 👍 #emoji',
    hashtags: ['emoji'],
    mentions: ['TwitterAPI'],
    parentPostId: EMOJI,
    parentAccountId: API,
  });

describe('twitter-v1 adapter', () => {
  it('maps originals, retweets, replies and quotes from JSON lines', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(LINES);
    assert.equal(reader.format, 'twitter-v1');
    assert.deepEqual(posts, [
      original(LINES),
      tweet(LINES, 2, {
        postId: '1050120036180725760',
        accountId: '2244994945',
        tsMs: 1539203101000,
        kind: 'share',
        text: 'RT @TwitterAPI: To make room for more expression, we will now count all emojis as equal—including those with gender and skin t…',
        mentions: ['TwitterAPI'],
        parentPostId: EMOJI,
        parentAccountId: API,
        metrics: { likes: 0, shares: 161 },
      }),
      reply(LINES, 3),
      tweet(LINES, 4, {
        postId: '1050300000000000002',
        accountId: '99887766',
        tsMs: 1539244800000,
        kind: 'quote',
        text: 'Finally! https://t.co/q1',
        urls: ['https://twitter.com/TwitterAPI/status/1050118621198921728'],
        parentPostId: EMOJI,
        parentAccountId: API,
        metrics: { likes: 2, shares: 0, replies: 0, quotes: 0 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [5, 'delete', 'unsupported_record'],
        [6, '', 'parse_error'],
        [7, 'created_at', 'invalid_value'],
        [8, 'user.id_str', 'missing_field'],
      ],
    );
    assert.equal(quarantine[1]!.raw, '{"created_at": "Wed Oct 10 20:19:24 +0000 2018", "id_str": ');
    assert.deepEqual(accounts, [
      {
        platform: 'twitter',
        accountId: API,
        handle: 'TwitterAPI',
        displayName: 'Twitter API',
        createdAtMs: 1179900073000,
        followers: 6128663,
        following: 12,
        bio: 'The Real Twitter API. Tweets about API changes, service issues and our Developer Platform.',
      },
      {
        platform: 'twitter',
        accountId: '2244994945',
        handle: 'TwitterDev',
        displayName: 'Twitter Dev',
        createdAtMs: 1386995755000,
        followers: 513958,
        following: 2039,
        bio: 'The voice of the #TwitterDev team',
      },
      {
        platform: 'twitter',
        accountId: '99887766',
        handle: 'emoji_fan',
        displayName: 'Emoji Fan',
        createdAtMs: 1514764800000,
        followers: 10,
        following: 200,
      },
    ]);
    assert.equal(posts.length + quarantine.length, 8);
    assert.deepEqual(reader.timeRules(), { 'twitter-created-at': 4 });
  });

  it('reads a JSON array, numbering elements from 1', async () => {
    const { reader, posts, quarantine } = await collectInput(ARRAY);
    assert.equal(reader.format, 'twitter-v1');
    assert.deepEqual(posts, [original(ARRAY), reply(ARRAY, 3)]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code, q.raw]),
      [[2, '', 'unsupported_record', '"not a tweet"']],
    );
  });

  it('keeps the tweets before a syntax error in a truncated array and quarantines the rest once', async () => {
    const text = readFileSync(ARRAY, 'utf8');
    const path = join(dir, 'truncated.json');
    writeFileSync(path, text.slice(0, text.indexOf('"not a tweet"')));
    const { posts, quarantine } = await collectInput(path);
    assert.deepEqual(posts, [original(path)]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.code]),
      [[2, 'parse_error']],
    );
  });
});
