import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import type { Post } from '../../model/post.js';
import { mastodonAdapter, mastodonText } from './mastodon.js';

// Hand-written from the Mastodon API Status and Account entity documentation: a page of statuses (JSON array).
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/mastodon-statuses.json', import.meta.url));

const S1 = '109100000000000001';
const ALICE = '109000000000000011';
const BOB = '109000000000000022';
const CAROL = '109000000000000033';
const ZERO = { likes: 0, shares: 0, replies: 0 };
const TEXT1 = 'Calm in the city today #news https://example.org/a?x=1&y=2';
const URL1 = 'https://example.org/a?x=1&y=2';

const post = expectedPost('mastodon', FILE);

// created_at by GNU date, 2022-11-15: 10:00Z = 1668506400, 10:05Z = 1668506700, 10:10Z = 1668507000,
// 10:20Z = 1668507600. Account created_at 2022-11-01 = 1667260800, 11-02 = 1667347200, 11-03 = 1667433600.
const EXPECTED: Post[] = [
  post(1, {
    postId: S1,
    accountId: ALICE,
    tsMs: 1668506400000,
    kind: 'post',
    text: TEXT1,
    lang: 'en',
    urls: [URL1],
    hashtags: ['news'],
    metrics: { likes: 3, shares: 2, replies: 1 },
  }),
  post(2, {
    postId: '109100000000000002',
    accountId: BOB,
    tsMs: 1668506700000,
    kind: 'share',
    text: TEXT1,
    lang: 'en',
    urls: [URL1],
    hashtags: ['news'],
    parentPostId: S1,
    parentAccountId: ALICE,
    metrics: ZERO,
  }),
  post(3, {
    postId: '109100000000000003',
    accountId: CAROL,
    tsMs: 1668507000000,
    kind: 'reply',
    text: '@alice agreed & shared',
    lang: 'en',
    mentions: ['alice'],
    parentPostId: S1,
    parentAccountId: ALICE,
    metrics: ZERO,
  }),
  post(4, {
    postId: '109100000000000004',
    accountId: BOB,
    tsMs: 1668507600000,
    kind: 'quote',
    text: 'Look at this\ntwice\n\nRE: mastodon.example/@alice/109100000000000001',
    lang: 'en',
    urls: ['https://mastodon.example/@alice/109100000000000001'],
    parentPostId: S1,
    parentAccountId: ALICE,
    metrics: ZERO,
  }),
];

describe('mastodon adapter', () => {
  it('maps statuses, reblogs as shares, replies and quotes', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'mastodon');
    assert.deepEqual(posts, EXPECTED);
    assert.deepEqual(accounts, [
      {
        platform: 'mastodon',
        accountId: ALICE,
        handle: 'alice',
        displayName: 'Alice',
        createdAtMs: 1667260800000,
        followers: 10,
        following: 5,
        bio: 'Local news & views',
      },
      {
        platform: 'mastodon',
        accountId: BOB,
        handle: 'bob@other.example',
        displayName: 'Bob',
        createdAtMs: 1667347200000,
        followers: 3,
        following: 7,
      },
      {
        platform: 'mastodon',
        accountId: CAROL,
        handle: 'carol',
        displayName: 'Carol',
        createdAtMs: 1667433600000,
        followers: 1,
        following: 1,
      },
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 5, 'created_at', 'invalid_value'],
        [FILE, 6, 'account.id', 'missing_field'],
        [FILE, 7, '', 'unsupported_record'],
      ],
    );
    assert.equal(posts.length + quarantine.length, 7);
  });

  it('turns content HTML into text', () => {
    assert.equal(
      mastodonText('<p>a &amp; b<br>c</p><p>d &#8212; &#x2014; &lt;i&gt;</p>'),
      'a & b\nc\n\nd — — <i>',
    );
    assert.equal(mastodonText('<p>&bogus; &#0;</p>'), '&bogus; &#0;');
  });

  it('detects Mastodon statuses only', () => {
    const s = { id: '1', created_at: 'x', account: { id: '2' }, content: '<p>x</p>', visibility: 'public' };
    assert.equal(mastodonAdapter.detect(s), true);
    assert.equal(mastodonAdapter.detect({ ...s, account: 'a' }), false);
    assert.equal(mastodonAdapter.detect({ id_str: '1', user: {}, created_at: 'x', text: 't' }), false);
  });
});
