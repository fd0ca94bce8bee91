import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import { youtubeAdapter } from './youtube.js';

// Hand-written from the YouTube Data API v3 Video, CommentThread, Comment and Channel resource docs.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/youtube-api.jsonl', import.meta.url));
const CH = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';
const VIDEO = 'Ks-_Mh1QhMc';

const post = expectedPost('youtube', FILE);

describe('youtube adapter', () => {
  it('detects YouTube kinds only', () => {
    assert.equal(youtubeAdapter.detect({ kind: 'youtube#videoListResponse', items: [] }), true);
    assert.equal(youtubeAdapter.detect({ kind: 'youtube#comment' }), true);
    assert.equal(youtubeAdapter.detect({ kind: 'post', id: '1' }), false);
    assert.equal(youtubeAdapter.detect({ data: [] }), false);
  });

  it('maps videos, comment threads, replies and channels; quarantines bad items', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'youtube');
    // publishedAt by GNU date: 2024-03-01T12:00:00Z = 1709294400, 12:05Z = 1709294700, 12:06:30Z = 1709294790;
    // 13:00+01:00 = 12:00Z.
    assert.deepEqual(posts, [
      post(1, {
        postId: VIDEO,
        accountId: CH,
        tsMs: 1709294400000,
        kind: 'post',
        text: 'Election night live\n\nFull coverage #Election2024 https://example.org/live',
        lang: 'en',
        urls: ['https://example.org/live'],
        hashtags: ['Election2024'],
        metrics: { likes: 120, replies: 3, views: 1500 },
      }),
      post(2, {
        postId: 'UgzA1',
        accountId: 'UCalice',
        tsMs: 1709294700000,
        kind: 'reply',
        text: 'Same text everywhere #vote',
        hashtags: ['vote'],
        parentPostId: VIDEO,
        parentAccountId: CH,
        metrics: { likes: 4, replies: 2 },
      }),
      post(2, {
        postId: 'UgzA1.R1',
        accountId: 'UCbob',
        tsMs: 1709294790000,
        kind: 'reply',
        text: 'agreed',
        parentPostId: 'UgzA1',
        parentAccountId: 'UCalice',
        metrics: { likes: 0 },
      }),
      post(3, {
        postId: 'UgzA1.R3',
        accountId: 'UCcarol',
        tsMs: 1709294400000,
        kind: 'reply',
        text: 'see https://example.org/live',
        urls: ['https://example.org/live'],
        parentPostId: 'UgzA1',
        metrics: { likes: 1 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 1, 'items[1].snippet.channelId', 'missing_field'],
        [FILE, 2, 'items[0].replies.comments[1].snippet.publishedAt', 'invalid_value'],
        [FILE, 4, '', 'parse_error'],
        [FILE, 5, '', 'unsupported_record'],
        [FILE, 7, 'error', 'unsupported_record'],
      ],
    );
    assert.match(quarantine[0]!.raw, /"NoChannel01"/);
    assert.match(quarantine[4]!.reason, /403: quotaExceeded/);
    assert.deepEqual(accounts, [
      { platform: 'youtube', accountId: CH, displayName: 'Google for Developers' },
      { platform: 'youtube', accountId: 'UCalice', handle: 'alice' },
      { platform: 'youtube', accountId: 'UCbob', handle: 'bob' },
      { platform: 'youtube', accountId: 'UCcarol', displayName: 'Carol Legacy' },
      {
        platform: 'youtube',
        accountId: 'UCalice',
        handle: 'alice',
        displayName: 'Alice',
        createdAtMs: 1433116800000,
        followers: 42,
        bio: 'I vote',
      },
    ]);
    // 2 videos + 3 comments of the thread + 1 comment + invalid line + playlist + error; channel and empty page: none.
    assert.equal(posts.length + quarantine.length, 9);
    assert.deepEqual(reader.timeRules(), { 'iso8601-offset': 4 });
  });
});
