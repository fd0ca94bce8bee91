import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import { exactIds, tiktokAdapter } from './tiktok.js';

// Hand-written from the TikTok Research API codebook and the Query Videos / Query Video Comments specs.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/tiktok-research.jsonl', import.meta.url));
const V1 = '7178094153075935518';

const post = expectedPost('tiktok', FILE);

describe('exactIds', () => {
  it('maps the rounded double back to the literal digits, and flags collisions', () => {
    // 2^53 ≈ 9.007e15; doubles near 7.18e18 are 1024 apart, so …518 and …519 round alike.
    const ids = exactIds('{"id":7178094153075935518,"video_id":123,"music_id":7034000000000000001}');
    assert.deepEqual([...ids], [['7178094153075935000', V1]]);
    const clash = exactIds('[{"id":7178094153075935518},{"id":7178094153075935519}]');
    assert.deepEqual([...clash], [['7178094153075935000', null]]);
  });
});

describe('tiktok adapter', () => {
  it('detects Research API bodies and objects, not X API pages', () => {
    assert.equal(tiktokAdapter.detect({ data: { videos: [] }, error: { code: 'ok' } }), true);
    assert.equal(tiktokAdapter.detect({ data: {}, error: { code: 'x', log_id: '1' } }), true);
    assert.equal(tiktokAdapter.detect({ id: 1, create_time: 1, username: 'a' }), true);
    assert.equal(tiktokAdapter.detect({ data: [{ id: '1' }], includes: {}, meta: {} }), false);
    assert.equal(tiktokAdapter.detect({ data: { id: '1', text: 'hi' } }), false);
  });

  it('maps videos and comments with exact int64 ids; quarantines bad items', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'tiktok');
    assert.deepEqual(posts, [
      post(1, {
        postId: V1,
        accountId: 'news_daily',
        tsMs: 1699954200000,
        kind: 'post',
        text: 'Breaking: polls close at 8 #vote #election https://example.org/p',
        urls: ['https://example.org/p'],
        hashtags: ['vote', 'election'],
        mentions: ['bob_tt'],
        metrics: { likes: 10, replies: 2, shares: 5, views: 1000, bookmarks: 1 },
      }),
      post(2, {
        postId: '7178100000000000001',
        accountId: 'alice_tt',
        tsMs: 1699954260000,
        kind: 'reply',
        text: 'so true #vote',
        hashtags: ['vote'],
        parentPostId: V1,
        metrics: { likes: 3, replies: 0 },
      }),
      post(3, {
        postId: '6912345678',
        accountId: 'copycat01',
        tsMs: 1699954280000,
        kind: 'post',
        text: 'Breaking: polls close at 8 #vote #election',
        hashtags: ['vote', 'election'],
        metrics: { likes: 0, views: 12 },
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 1, 'data.videos[1].username', 'missing_field'],
        [FILE, 1, 'data.videos[2].create_time', 'invalid_value'],
        [FILE, 2, 'data.comments[0].username', 'missing_field'],
        [FILE, 4, 'data.videos[0].id', 'invalid_value'],
        [FILE, 4, 'data.videos[1].id', 'invalid_value'],
        [FILE, 5, 'error', 'unsupported_record'],
        [FILE, 6, '', 'unsupported_record'],
      ],
    );
    assert.match(quarantine[5]!.reason, /rate_limit_exceeded/);
    assert.deepEqual(accounts, [
      { platform: 'tiktok', accountId: 'news_daily', handle: 'news_daily' },
      { platform: 'tiktok', accountId: 'copycat01', handle: 'copycat01' },
    ]);
    // 3 + 2 + 1 + 2 items, the error body and the array line; the empty page holds none.
    assert.equal(posts.length + quarantine.length, 10);
    assert.deepEqual(reader.timeRules(), { 'epoch-seconds': 3 });
  });
});
