import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Account } from '../../model/account.js';
import type { Post } from '../../model/post.js';
import type { QuarantineEntry } from '../../model/quarantine.js';
import { openInput } from '../open-input.js';

// Hand-made rows in the column layout of Twitter's information-operations archives (hashed user ids).
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/twitter-io-sample.csv', import.meta.url));
const U = 'b4e8bd0a9f51c4c2f8f3a6a1e7d2c9b0f1e2d3c4b5a6978800112233445566aa';
const V = '7e1d0c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5';

const tweet = (record: number, o: Omit<Post, 'platform' | 'mediaHashes' | 'source'>): Post => ({
  platform: 'twitter',
  ...o,
  mediaHashes: [],
  source: { file: FILE, record },
});

describe('twitter-io adapter', () => {
  it('maps originals, retweets, replies and quotes with entities, metrics and profile facts', async () => {
    const reader = await openInput(FILE);
    assert.equal(reader.format, 'twitter-io');
    const posts: Post[] = [];
    const accounts: Account[] = [];
    const quarantine: QuarantineEntry[] = [];
    for await (const item of reader.items()) {
      if (item.type === 'post') posts.push(item.post);
      else if (item.type === 'account') accounts.push(item.account);
      else quarantine.push(item.entry);
    }
    // tweet_time is naive UTC: 2017-03-05 14:22 = 1488723720 s (GNU date).
    assert.deepEqual(posts, [
      tweet(2, {
        postId: '835869286742740992',
        accountId: U,
        tsMs: 1488723720000,
        kind: 'post',
        text: 'Новости дня #news https://t.co/abc',
        lang: 'ru',
        urls: ['https://example.ru/a'],
        hashtags: ['news'],
        mentions: [],
        metrics: { likes: 3, shares: 2, replies: 1, quotes: 0 },
      }),
      tweet(3, {
        postId: '835879286742740993',
        accountId: U,
        tsMs: 1488726060000,
        kind: 'share',
        text: 'RT @kremlin_fan: Главное за день',
        lang: 'ru',
        urls: [],
        hashtags: ['news', 'politics'],
        mentions: ['2743981374'],
        parentPostId: '835000000000000001',
        parentAccountId: '2743981374',
        metrics: { likes: 0, shares: 0, replies: 0, quotes: 0 },
      }),
      tweet(4, {
        postId: '835969286742740994',
        accountId: V,
        tsMs: 1488792615000,
        kind: 'reply',
        text: '@b4e8 totally agree',
        lang: 'en',
        urls: [],
        hashtags: [],
        mentions: [U],
        parentPostId: '835869286742740992',
        parentAccountId: U,
        metrics: { likes: 1, shares: 0, replies: 0, quotes: 0 },
      }),
      tweet(5, {
        postId: '836069286742740995',
        accountId: V,
        tsMs: 1488931140000,
        kind: 'quote',
        text: 'Read this https://t.co/xyz',
        lang: 'en',
        urls: ['https://example.org/story?id=1'],
        hashtags: [],
        mentions: [],
        parentPostId: '835869286742740992',
        metrics: { likes: 5, shares: 1, replies: 0, quotes: 2 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [6, 'tweet_time', 'invalid_value'],
        [7, 'userid', 'missing_field'],
      ],
    );
    const profile = {
      platform: 'twitter',
      accountId: U,
      handle: U,
      displayName: U,
      createdAtMs: 1399766400000,
      following: 300,
      bio: 'Новости и аналитика',
    };
    assert.deepEqual(accounts, [
      { ...profile, followers: 1520 },
      { ...profile, followers: 1521 },
      {
        platform: 'twitter',
        accountId: V,
        handle: '7e1d…',
        displayName: '7e1d…',
        createdAtMs: 1478044800000,
        followers: 12,
        following: 48,
      },
    ]);
    assert.equal(posts.length + quarantine.length, 6);
    assert.deepEqual(reader.timeRules(), { 'iso8601-naive-as-UTC': 4 });
  });
});
