import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import type { Post } from '../../model/post.js';
import { redditAdapter } from './reddit.js';

// Hand-written from the Reddit Link/Comment thing fields as Pushshift dumps archive them.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/reddit-pushshift.ndjson', import.meta.url));

const post = expectedPost('reddit', FILE);

const TITLE = 'Officials confirm calm in the city';

// created_utc by GNU date: 10:00Z = 1646128800, 10:05Z = 1646129100, 13:10Z = 1646140200, 13:12:30Z = 1646140350,
// 14:00Z = 1646143200 (2022-03-01).
const EXPECTED: Post[] = [
  post(1, {
    postId: 't3_t8x1ab',
    accountId: 'truth_seeker_01',
    tsMs: 1646128800000,
    kind: 'post',
    text: TITLE,
    urls: ['https://example.org/a'],
    metrics: { score: 15, replies: 3 },
  }),
  post(2, {
    postId: 't3_t8x2cd',
    accountId: 'echo_chamber_22',
    tsMs: 1646129100000,
    kind: 'share',
    text: TITLE,
    parentPostId: 't3_t8x1ab',
    parentAccountId: 'truth_seeker_01',
    metrics: { score: 2, replies: 0 },
  }),
  post(3, {
    postId: 't1_hz1a2b3',
    accountId: 'echo_chamber_22',
    tsMs: 1646140200000,
    kind: 'reply',
    text: 'Source: https://example.org/b.',
    urls: ['https://example.org/b'],
    parentPostId: 't3_t8x1ab',
    parentAccountId: 'truth_seeker_01',
    metrics: { score: 4 },
  }),
  post(4, {
    postId: 't1_hz1a2b4',
    accountId: 'truth_seeker_01',
    tsMs: 1646140350000,
    kind: 'reply',
    text: 'thanks',
    parentPostId: 't1_hz1a2b3',
    parentAccountId: 'echo_chamber_22',
    metrics: { score: 1 },
  }),
  post(5, {
    postId: 't3_t8x3ef',
    accountId: 'calm_citizen',
    tsMs: 1646143200000,
    kind: 'post',
    text: 'Is it calm?\n\nAsking for a friend, see https://example.org/c',
    urls: ['https://example.org/c'],
    metrics: { score: 1, replies: 0 },
  }),
];

describe('reddit adapter', () => {
  it('maps submissions, crossposts as shares and comments as replies', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'reddit');
    assert.deepEqual(posts, EXPECTED);
    assert.deepEqual(
      accounts.map((a) => [a.platform, a.accountId, a.handle]),
      [
        ['reddit', 'truth_seeker_01', 'truth_seeker_01'],
        ['reddit', 'echo_chamber_22', 'echo_chamber_22'],
        ['reddit', 'calm_citizen', 'calm_citizen'],
      ],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 6, 'author', 'missing_field'],
        [FILE, 7, 'created_utc', 'missing_field'],
        [FILE, 8, '', 'parse_error'],
        [FILE, 9, '', 'unsupported_record'],
        [FILE, 10, '', 'unsupported_record'],
      ],
    );
    assert.equal(posts.length + quarantine.length, 10);
  });

  it('detects Reddit things only', () => {
    assert.equal(
      redditAdapter.detect({ id: 'a', author: 'x', created_utc: 1, subreddit: 's', body: 'b' }),
      true,
    );
    assert.equal(
      redditAdapter.detect({ id: 'a', author: 'x', created_utc: 1, subreddit: 's', title: 't' }),
      true,
    );
    assert.equal(redditAdapter.detect({ id: 'a', author: 'x', created_utc: 1, body: 'b' }), false);
    assert.equal(redditAdapter.detect({ id_str: '1', user: {}, created_at: 'x', text: 't' }), false);
  });
});
