import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import type { Post } from '../../model/post.js';
import { detectTableAdapter } from '../adapter-registry.js';
import { metaContentLibraryAdapter } from './meta-content-library.js';

// Hand-made rows in the column layout of a Meta Content Library Facebook post download (dotted expanded fields).
const FB = fileURLToPath(
  new URL('../../../test/fixtures/ingest/meta-content-library-facebook.csv', import.meta.url),
);

const post = (
  record: number,
  o: Omit<Post, 'urls' | 'hashtags' | 'mentions' | 'mediaHashes' | 'source' | 'platform'> & Partial<Post>,
): Post => ({
  platform: 'facebook',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  ...o,
  source: { file: FB, record },
});

describe('meta-content-library adapter: detection', () => {
  it('recognises the MCL header and no other format', () => {
    assert.equal(metaContentLibraryAdapter.detect(['id', 'creation_time', 'text', 'post_owner.id']), true);
    assert.equal(metaContentLibraryAdapter.detect(['id', 'creation_time', 'text']), false);
    assert.equal(
      metaContentLibraryAdapter.detect(['Page Name', 'Facebook Id', 'Post Created', 'URL']),
      false,
    );
    assert.equal(
      metaContentLibraryAdapter.detect(['object_id', 'account_id', 'content_id', 'timestamp_share']),
      false,
    );
    assert.equal(metaContentLibraryAdapter.detect(['id', 'account_id', 'timestamp', 'text']), false);
  });

  it('is what the registry picks for an MCL header, and does not steal CrowdTangle or CooRTweet headers', () => {
    const mcl = ['id', 'creation_time', 'text', 'post_owner.id', 'post_owner.name', 'shared_post_id'];
    assert.equal(detectTableAdapter(mcl, 'csv')?.format, 'meta-content-library');
    const ct = ['Page Name', 'Facebook Id', 'Post Created', 'URL', 'Message'];
    assert.equal(detectTableAdapter(ct, 'csv')?.format, 'crowdtangle');
    const ctw = ['object_id', 'account_id', 'content_id', 'timestamp_share'];
    assert.equal(detectTableAdapter(ctw, 'csv')?.format, 'coortweet');
    assert.equal(detectTableAdapter(['id', 'account_id', 'timestamp', 'text'], 'csv')?.format, 'csv');
  });
});

describe('meta-content-library adapter: Facebook', () => {
  it('maps posts, shares and quotes by shared_post_id; quarantines bad rows', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FB);
    assert.equal(reader.format, 'meta-content-library');
    // creation_time by hand (2024-03-04T00:00Z = 19786 days = 1709510400 s): 10:15:00 → +36900 = 1709547300;
    // 10:16:30 → 1709547390; 11:17:00+01:00 = 10:17Z → 1709547420; 2024-03-05T08:00 → 1709510400+86400+28800.
    assert.deepEqual(posts, [
      post(2, {
        postId: '9001',
        accountId: '111',
        tsMs: 1709547300000,
        kind: 'post',
        text: 'Vote early! #Election2024 @civicdesk https://example.org/vote',
        lang: 'en',
        urls: ['https://example.org/vote'],
        hashtags: ['Election2024'],
        mentions: ['civicdesk'],
        metrics: { likes: 120, replies: 14, shares: 40, views: 5000 },
      }),
      post(3, {
        postId: '9002',
        accountId: '222',
        tsMs: 1709547390000,
        kind: 'share',
        parentPostId: '9001',
        metrics: { likes: 2, replies: 0, shares: 0 },
      }),
      post(4, {
        postId: '9003',
        accountId: '333',
        tsMs: 1709547420000,
        kind: 'quote',
        text: 'Everyone share this, now!!',
        lang: 'en',
        parentPostId: '9001',
        metrics: { likes: 5, replies: 1, shares: 3 },
      }),
      post(8, {
        postId: '9007',
        accountId: '111',
        tsMs: 1709625600000,
        kind: 'post',
        text: 'Breaking:\nsame story',
        lang: 'en',
        urls: ['http://news.example.com/story?id=7'],
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FB, 5, 'post_owner.id', 'missing_field'],
        [FB, 6, 'creation_time', 'invalid_value'],
        [FB, 7, 'id', 'missing_field'],
      ],
    );
    // The second Daily Civic News row repeats identical facts and is emitted once; Amplifier has no username.
    assert.deepEqual(accounts, [
      { platform: 'facebook', accountId: '111', handle: 'dailycivic', displayName: 'Daily Civic News' },
      { platform: 'facebook', accountId: '222', handle: 'echo.page', displayName: 'Echo Page' },
      { platform: 'facebook', accountId: '333', displayName: 'Amplifier' },
    ]);
    assert.equal(posts.length + quarantine.length, 7);
    assert.deepEqual(reader.timeRules(), { 'iso8601-naive-as-UTC': 3, 'iso8601-offset': 1 });
  });

  it('reads an Instagram download when the platform option says so', async () => {
    const { posts, accounts } = await collectInput(FB, { platform: 'instagram' });
    assert.deepEqual(
      posts.map((p) => [p.platform, p.postId]),
      [
        ['instagram', '9001'],
        ['instagram', '9002'],
        ['instagram', '9003'],
        ['instagram', '9007'],
      ],
    );
    assert.ok(accounts.every((a) => a.platform === 'instagram'));
  });
});
