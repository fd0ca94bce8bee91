import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import type { Post } from '../../model/post.js';
import { crowdtangleAdapter, crowdtangleTime } from './crowdtangle.js';

// Hand-made rows in the column layout of CrowdTangle's Facebook and Instagram CSV downloads.
const FB = fileURLToPath(new URL('../../../test/fixtures/ingest/crowdtangle-facebook.csv', import.meta.url));
const IG = fileURLToPath(new URL('../../../test/fixtures/ingest/crowdtangle-instagram.csv', import.meta.url));
const ORIG = 'https://www.facebook.com/100064111111111/posts/3000000000000001';
const PAGE = '100064111111111';
const ECHO = '100064222222222';

const post = (
  file: string,
  record: number,
  o: Omit<Post, 'urls' | 'hashtags' | 'mentions' | 'mediaHashes' | 'source'> & Partial<Post>,
): Post => ({ urls: [], hashtags: [], mentions: [], mediaHashes: [], ...o, source: { file, record } });

describe('crowdtangleTime', () => {
  it('turns a zone abbreviation into an offset and leaves other values alone', () => {
    assert.equal(crowdtangleTime('2021-01-06 16:07:56 EST'), '2021-01-06 16:07:56-05:00');
    assert.equal(crowdtangleTime('2021-07-06 16:07 CEST'), '2021-07-06 16:07+02:00');
    assert.equal(crowdtangleTime('2021-01-06 16:07:56 XYZ'), '2021-01-06 16:07:56 XYZ');
    assert.equal(crowdtangleTime(1609967276), 1609967276);
  });
});

describe('crowdtangle adapter: detection', () => {
  it('recognises Facebook and Instagram headers only', () => {
    assert.equal(crowdtangleAdapter.detect(['Page Name', 'Facebook Id', 'Post Created', 'URL']), true);
    assert.equal(crowdtangleAdapter.detect(['Account', 'User Name', 'Post Created', 'URL']), true);
    assert.equal(crowdtangleAdapter.detect(['Account', 'User Name', 'URL']), false);
    assert.equal(crowdtangleAdapter.detect(['tweetid', 'userid', 'tweet_time', 'urls']), false);
  });
});

describe('crowdtangle adapter: Facebook', () => {
  it('maps posts, shares and quotes of Facebook posts; quarantines bad rows', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FB);
    assert.equal(reader.format, 'crowdtangle');
    // Post Created by GNU date: 2021-01-06 16:07:56 EST = 21:07:56Z = 1609967276; 16:09 EST = 1609967340;
    // 16:10 EST = 1609967400; 22:00 CET = 21:00Z = 1609966800.
    assert.deepEqual(posts, [
      post(FB, 2, {
        platform: 'facebook',
        postId: ORIG,
        accountId: PAGE,
        tsMs: 1609967276000,
        kind: 'post',
        text: 'Read this now #StopTheSteal https://example.org/a',
        urls: ['https://example.org/a'],
        hashtags: ['StopTheSteal'],
        metrics: { likes: 30, replies: 10, shares: 10 },
      }),
      post(FB, 3, {
        platform: 'facebook',
        postId: 'https://www.facebook.com/100064222222222/posts/3000000000000002',
        accountId: ECHO,
        tsMs: 1609967340000,
        kind: 'share',
        parentPostId: ORIG,
        urls: [ORIG],
        metrics: { likes: 1, replies: 0, shares: 0 },
      }),
      post(FB, 4, {
        platform: 'facebook',
        postId: 'https://www.facebook.com/100064222222222/posts/3000000000000003',
        accountId: ECHO,
        tsMs: 1609967400000,
        kind: 'quote',
        text: 'Share this everywhere!',
        parentPostId: ORIG,
        urls: [ORIG],
        metrics: { likes: 2, replies: 0, shares: 1 },
      }),
      post(FB, 8, {
        platform: 'facebook',
        postId: 'https://www.facebook.com/100064111111111/videos/3000000000000007',
        accountId: PAGE,
        tsMs: 1609966800000,
        kind: 'post',
        text: 'Watch:\nsame message, two lines',
        metrics: { likes: 5, replies: 1, shares: 2, views: 900 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FB, 5, 'Facebook Id', 'missing_field'],
        [FB, 6, 'Post Created', 'invalid_value'],
        [FB, 7, 'URL', 'missing_field'],
      ],
    );
    // Page Created 2015-03-02 10:00:00 and 2020-12-01 08:00:00 read as UTC: 1425290400, 1606809600. The repeated
    // identical Patriot Echo facts are emitted once; the last row's unreadable Page Created is dropped and counted.
    assert.deepEqual(accounts, [
      {
        platform: 'facebook',
        accountId: PAGE,
        handle: 'dailypatriotnews',
        displayName: 'Daily Patriot News',
        createdAtMs: 1425290400000,
        followers: 15000,
        bio: 'Your daily news',
      },
      {
        platform: 'facebook',
        accountId: ECHO,
        handle: 'patriotecho',
        displayName: 'Patriot Echo',
        createdAtMs: 1606809600000,
        followers: 52,
      },
      {
        platform: 'facebook',
        accountId: PAGE,
        handle: 'dailypatriotnews',
        displayName: 'Daily Patriot News',
        followers: 15000,
        bio: 'Your daily news',
      },
    ]);
    assert.deepEqual(reader.ignoredValues(), { 'Page Created: not a readable time': 1 });
    assert.equal(posts.length + quarantine.length, 7);
    assert.deepEqual(reader.timeRules(), { 'iso8601-offset': 4 });
  });
});

describe('crowdtangle adapter: Instagram', () => {
  it('keys accounts by user name and reads the caption', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(IG);
    assert.equal(reader.format, 'crowdtangle');
    assert.deepEqual(posts, [
      post(IG, 2, {
        platform: 'instagram',
        postId: 'https://www.instagram.com/p/CJxAAAAAAAA/',
        accountId: 'dailypatriot.ig',
        tsMs: 1609968600000, // 16:30 EST = 21:30Z
        kind: 'post',
        text: 'Same caption #StopTheSteal @friend',
        hashtags: ['StopTheSteal'],
        mentions: ['friend'],
        metrics: { likes: 100, replies: 20 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [[3, 'User Name', 'missing_field']],
    );
    assert.deepEqual(accounts, [
      {
        platform: 'instagram',
        accountId: 'dailypatriot.ig',
        handle: 'dailypatriot.ig',
        displayName: 'Daily Patriot',
        followers: 5000,
      },
    ]);
  });
});
