import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import type { Post } from '../../model/post.js';
import { blueskyAdapter, parseAtUri } from './bluesky.js';

// Hand-written from the AT Protocol lexicons (app.bsky.feed.post/repost/defs) and the Jetstream event shape.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/bluesky-jetstream.jsonl', import.meta.url));

const A = 'did:plc:4vb3bq6rzqfhbmvxqzi4i5xk';
const B = 'did:plc:7nxzyoun6zhxrhs64oizewvi';
const C = 'did:plc:qqfhbmvxqzi4i5xk4vb3bq6r';
const AP = `at://${A}/app.bsky.feed.post/3l3qo2vutsw2b`;

const post = expectedPost('bluesky', FILE);

// createdAt by GNU date (+%s%3N), 2024-09-09: 19:46:02.102Z = 1725911162102, 19:47Z = 1725911220000,
// 19:50Z = 1725911400000, 20:00Z = 1725912000000, 21:00Z = 1725915600000, 22:00Z = 1725919200000.
const EXPECTED: Post[] = [
  post(1, {
    postId: AP,
    accountId: A,
    tsMs: 1725911162102,
    kind: 'post',
    text: 'Calm in the city today #news https://example.org/a',
    lang: 'en',
    urls: ['https://example.org/a'],
    hashtags: ['news'],
  }),
  post(2, {
    postId: `at://${B}/app.bsky.feed.repost/3l3qo3aaaaa2c`,
    accountId: B,
    tsMs: 1725911220000,
    kind: 'share',
    parentPostId: AP,
    parentAccountId: A,
  }),
  post(3, {
    postId: `at://${C}/app.bsky.feed.post/3l3qo4bbbbb2d`,
    accountId: C,
    tsMs: 1725911400000,
    kind: 'reply',
    text: 'agreed @alice.example',
    lang: 'en',
    mentions: [A],
    parentPostId: AP,
    parentAccountId: A,
  }),
  post(4, {
    postId: `at://${B}/app.bsky.feed.post/3l3qo5ccccc2e`,
    accountId: B,
    tsMs: 1725912000000,
    kind: 'quote',
    text: 'Look at this',
    parentPostId: AP,
    parentAccountId: A,
  }),
  post(7, {
    postId: `at://${C}/app.bsky.feed.post/3l3qo9zzzzz2k`,
    accountId: C,
    tsMs: 1725915600000,
    kind: 'post',
    text: 'Read this',
    urls: ['https://example.org/b'],
  }),
  post(8, {
    postId: `repost:${C}:${AP}`,
    accountId: C,
    tsMs: 1725919200000,
    kind: 'share',
    parentPostId: AP,
    parentAccountId: A,
  }),
];

describe('bluesky adapter', () => {
  it('maps Jetstream posts, reposts, replies, quotes, listRecords entries and feed views', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'bluesky');
    assert.deepEqual(posts, EXPECTED);
    assert.deepEqual(
      accounts.map((a) => [a.platform, a.accountId, a.handle, a.displayName]),
      [
        ['bluesky', C, 'carol.example', undefined],
        ['bluesky', A, 'alice.example', 'Alice'],
        ['bluesky', B, 'bob.example', undefined],
      ],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 5, 'commit.collection', 'unsupported_record'],
        [FILE, 6, 'kind', 'unsupported_record'],
        [FILE, 9, 'record.createdAt', 'invalid_value'],
        [FILE, 10, 'commit.record.createdAt', 'missing_field'],
        [FILE, 11, '', 'parse_error'],
        [FILE, 12, 'commit.operation', 'unsupported_record'],
      ],
    );
    assert.equal(posts.length + quarantine.length, 12);
  });

  it('gives postView counts as metrics (a feedViewPost without reason is the post itself)', async () => {
    const path = join(tmpdir(), `chorus-bluesky-${process.pid}.json`);
    const view = {
      uri: AP,
      cid: 'x',
      author: { did: A, handle: 'alice.example' },
      record: { $type: 'app.bsky.feed.post', createdAt: '2024-09-09T19:46:02.102Z', text: 'hi' },
      replyCount: 1,
      repostCount: 2,
      likeCount: 5,
      quoteCount: 1,
    };
    await writeFile(path, JSON.stringify([{ post: view }]));
    const { reader, posts } = await collectInput(path);
    await rm(path);
    assert.equal(reader.format, 'bluesky');
    assert.deepEqual(
      posts.map((p) => [p.postId, p.kind, p.tsMs, p.metrics]),
      [[AP, 'post', 1725911162102, { likes: 5, shares: 2, replies: 1, quotes: 1 }]],
    );
  });

  it('quarantines a createdAt that is not an ISO date-time (a number would read as 1970)', async () => {
    const first = JSON.parse((await readFile(FILE, 'utf8')).split('\n')[0]!);
    first.commit.record.createdAt = 12;
    const path = join(tmpdir(), `chorus-bluesky-num-${process.pid}.jsonl`);
    await writeFile(path, `${JSON.stringify(first)}\n`);
    const { posts, quarantine } = await collectInput(path);
    await rm(path);
    assert.deepEqual(posts, []);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [[1, 'commit.record.createdAt', 'invalid_value']],
    );
  });

  it('parses AT URIs', () => {
    assert.deepEqual(parseAtUri(AP), { did: A, collection: 'app.bsky.feed.post', rkey: '3l3qo2vutsw2b' });
    assert.equal(parseAtUri('https://bsky.app/profile/x/post/y'), undefined);
    assert.equal(parseAtUri(`at://${A}`), undefined);
  });

  it('detects Bluesky shapes only', () => {
    assert.equal(blueskyAdapter.detect({ did: A, time_us: 1, kind: 'commit' }), true);
    assert.equal(blueskyAdapter.detect({ uri: AP, cid: 'x', value: {} }), true);
    assert.equal(blueskyAdapter.detect({ post: { uri: AP } }), true);
    assert.equal(
      blueskyAdapter.detect({ uri: 'https://mastodon.social/users/a/statuses/1', account: {} }),
      false,
    );
    assert.equal(blueskyAdapter.detect({ id: '1', author_id: '2', created_at: 'x' }), false);
  });
});
