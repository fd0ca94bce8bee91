import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import type { Post } from '../../model/post.js';

// qut-sample.csv: rows of the QUT toolkit's examples/sample_data.csv (MIT) plus hand-made rows (multi-line message,
// bad time, missing user); CRLF line ends. qut-coretweet-test-input.csv: the toolkit's tests/data file, unchanged.
const SAMPLE = fileURLToPath(new URL('../../../test/fixtures/ingest/qut-sample.csv', import.meta.url));
const ORACLE = fileURLToPath(
  new URL('../../../test/fixtures/ingest/qut-coretweet-test-input.csv', import.meta.url),
);

const post = (
  record: number,
  o: Pick<Post, 'postId' | 'accountId' | 'tsMs' | 'kind' | 'text' | 'urls'> & { parentPostId?: string },
): Post => ({
  platform: 'twitter',
  ...o,
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  source: { file: SAMPLE, record },
});

describe('qut adapter', () => {
  it('maps reposts to shares, replies to replies, Python-list and space-delimited urls, with exact line numbers', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(SAMPLE);
    assert.equal(reader.format, 'qut');
    assert.deepEqual(posts, [
      post(2, {
        postId: '1',
        accountId: '4',
        tsMs: 1606451170518,
        kind: 'post',
        text: 'mango reindeer apple',
        urls: ['http://example.com/2'],
      }),
      post(3, {
        postId: '2',
        accountId: '1',
        tsMs: 1606451170518,
        kind: 'share',
        parentPostId: '1',
        text: 'camel',
        urls: ['http://example.com/4', 'http://example.com/6'],
      }),
      post(4, {
        postId: '3',
        accountId: '8',
        tsMs: 1606451170518,
        kind: 'share',
        parentPostId: '2',
        text: 'mango notebook pear',
        urls: ['http://example.com/4', 'http://example.com/1'],
      }),
      post(5, {
        postId: '12',
        accountId: '4',
        tsMs: 1606451170519,
        kind: 'reply',
        parentPostId: '10',
        text: 'notebook apple reindeer pineapple',
        urls: ['http://example.com/6'],
      }),
      post(6, {
        postId: '101',
        accountId: '9',
        tsMs: 1606451171250,
        kind: 'post',
        text: 'line one\r\nline two, with "quotes"',
        urls: ['http://example.com/a', 'http://example.com/b'],
      }),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [9, 'timestamp', 'invalid_value'],
        [10, 'user_id', 'missing_field'],
      ],
    );
    assert.deepEqual(accounts, [
      { platform: 'twitter', accountId: '4', handle: 'user_4' },
      { platform: 'twitter', accountId: '1', handle: 'user_1' },
      { platform: 'twitter', accountId: '8', handle: 'user_8' },
      { platform: 'twitter', accountId: '9', handle: 'user_9' },
    ]);
    assert.equal(posts.length + quarantine.length, 7);
  });

  it("reads the toolkit's co-retweet test input (BOM, relative seconds from 0) completely", async () => {
    const { reader, posts, quarantine } = await collectInput(ORACLE);
    assert.equal(reader.format, 'qut');
    assert.equal(quarantine.length, 0);
    assert.equal(posts.length, 15);
    assert.deepEqual(
      posts.map((p) => [p.source.record, p.postId, p.accountId, p.kind, p.parentPostId, p.tsMs]),
      [
        [2, '0', 'uid0', 'share', 'rtid0', 0],
        [3, '1', 'uid1', 'share', 'rtid0', 59000],
        [4, '2', 'uid2', 'share', 'rtid1', 60000],
        [5, '3', 'uid3', 'share', 'rtid1', 70000],
        [6, '4', 'uid2', 'share', 'rtid2', 70000],
        [7, '5', 'uid3', 'share', 'rtid2', 131000],
        [8, '6', 'uid4', 'share', 'rtid3', 30000],
        [9, '7', 'uid5', 'share', 'rtid3', 89000],
        [10, '8', 'uid4', 'share', 'rtid4', 40000],
        [11, '9', 'uid5', 'share', 'rtid4', 41000],
        [12, '10', 'uid10', 'share', 'rtid5', 42000],
        [13, '11', 'uid10', 'share', 'rtid5', 52000],
        [14, '12', 'uid11', 'share', 'rtid6', 42000],
        [15, '13', 'uid12', 'share', 'rtid6', 300000],
        [16, '14', 'uid0', 'share', 'rtid0', 1000],
      ],
    );
    assert.equal(posts[0]!.text, 'Example tweet from uid0');
    assert.deepEqual(posts[0]!.urls, []);
  });
});
