import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import type { Post } from '../../model/post.js';

// Hand-written from the X API v2 Tweet/User object docs, in the shapes twarc2 writes (pages; flattened tweets).
const PAGES = fileURLToPath(new URL('../../../test/fixtures/ingest/twarc2-pages.jsonl', import.meta.url));
const FLAT = fileURLToPath(new URL('../../../test/fixtures/ingest/twarc2-flat.jsonl', import.meta.url));

const ORIGINAL = '1399398373581770753';
const DEV = '2244994945';
const COMMUNITY = 'https://developer.twitter.com/en/community';

const tweet = (
  file: string,
  record: number,
  o: Omit<Post, 'platform' | 'urls' | 'hashtags' | 'mentions' | 'mediaHashes' | 'source'> & Partial<Post>,
): Post => ({
  platform: 'twitter',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  ...o,
  source: { file, record },
});

// created_at instants by GNU date: 16:55:52Z = 1622480152, 17:02:20Z = 1622480540, 17:05Z = 1622480700,
// 17:06Z = 1622480760, 18:01:02Z = 1622484062 (2021-05-31).
const retweet = (file: string, record: number) =>
  tweet(file, record, {
    postId: '1399400000000000001',
    accountId: '783214',
    tsMs: 1622480540000,
    kind: 'share',
    text: 'RT @TwitterDev: Join us for the #TwitterDev office hours https://t.co/abc',
    lang: 'en',
    urls: [COMMUNITY],
    hashtags: ['TwitterDev'],
    mentions: ['TwitterDev'],
    parentPostId: ORIGINAL,
    parentAccountId: DEV,
    metrics: { likes: 0, shares: 12, replies: 0, quotes: 0 },
  });

describe('twarc2 adapter: response pages', () => {
  it('maps every tweet of every page, resolving parents through includes', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(PAGES);
    assert.equal(reader.format, 'twarc2');
    assert.deepEqual(posts, [
      tweet(PAGES, 1, {
        postId: ORIGINAL,
        accountId: DEV,
        tsMs: 1622480152000,
        kind: 'post',
        text: 'Join us for the #TwitterDev office hours https://t.co/abc',
        lang: 'en',
        urls: [COMMUNITY],
        hashtags: ['TwitterDev'],
        metrics: { likes: 40, shares: 12, replies: 3, quotes: 1, views: 900 },
      }),
      retweet(PAGES, 1),
      tweet(PAGES, 1, {
        postId: '1399400000000000002',
        accountId: '6253282',
        tsMs: 1622480700000,
        kind: 'reply',
        text: '@TwitterDev will it be recorded?',
        lang: 'en',
        mentions: ['TwitterDev'],
        parentPostId: ORIGINAL,
        parentAccountId: DEV,
      }),
      tweet(PAGES, 1, {
        postId: '1399400000000000003',
        accountId: '6253282',
        tsMs: 1622480760000,
        kind: 'quote',
        text: 'This long post is not truncated in note_tweet: see https://t.co/q #api',
        lang: 'en',
        urls: ['https://example.com/long'],
        hashtags: ['api'],
        parentPostId: ORIGINAL,
        parentAccountId: DEV,
      }),
      tweet(PAGES, 3, {
        postId: '1399500000000000003',
        accountId: '783214',
        tsMs: 1622484062000,
        kind: 'post',
        text: 'fine',
        lang: 'und',
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [3, 'data[0].created_at', 'invalid_value'],
        [3, 'data[1].author_id', 'missing_field'],
        [4, '', 'parse_error'],
        [6, '', 'unsupported_record'],
        [7, 'data[0]', 'unsupported_record'],
      ],
    );
    assert.equal(
      quarantine[1]!.raw,
      '{"id":"1399500000000000002","created_at":"2021-05-31T18:00:00.000Z","text":"no author"}',
    );
    // includes.users; the repeated identical user of page 2 is not emitted again.
    assert.deepEqual(accounts, [
      {
        platform: 'twitter',
        accountId: DEV,
        handle: 'TwitterDev',
        displayName: 'Twitter Dev',
        createdAtMs: 1386995755000,
        followers: 513958,
        following: 2039,
        bio: 'The voice of the #TwitterDev team',
      },
      {
        platform: 'twitter',
        accountId: '783214',
        handle: 'Twitter',
        displayName: 'Twitter',
        createdAtMs: 1171982154000,
        followers: 60000000,
        following: 0,
      },
      { platform: 'twitter', accountId: '6253282', handle: 'TwitterAPI', displayName: 'Twitter API' },
    ]);
    // 4 + 3 tweets, 1 invalid line, 1 error response, 1 wrong-typed tweet; the empty page holds none.
    assert.equal(posts.length + quarantine.length, 10);
    assert.deepEqual(reader.timeRules(), { 'iso8601-offset': 5 });
  });
});

describe('twarc2 adapter: flattened tweets', () => {
  it('reads one tweet per line with embedded author and referenced tweets', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FLAT);
    assert.equal(reader.format, 'twarc2');
    assert.deepEqual(posts, [retweet(FLAT, 1)]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [2, '', 'unsupported_record'],
        [3, 'created_at', 'missing_field'],
      ],
    );
    assert.deepEqual(
      accounts.map((a) => [a.accountId, a.handle]),
      [
        ['783214', 'Twitter'],
        [DEV, 'TwitterDev'],
      ],
    );
  });
});
