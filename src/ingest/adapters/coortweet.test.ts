import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Post } from '../../model/post.js';
import type { QuarantineEntry } from '../../model/quarantine.js';
import type { IngestOptions } from '../ingest-options.js';
import { openInput } from '../open-input.js';

// First five rows of CooRTweet's russian_coord_tweets (MIT), then three hand-made bad rows.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/coortweet-sample.csv', import.meta.url));

async function collect(path: string, options?: IngestOptions) {
  const reader = await openInput(path, options);
  const posts: Post[] = [];
  const quarantine: QuarantineEntry[] = [];
  let accounts = 0;
  for await (const item of reader.items()) {
    if (item.type === 'post') posts.push(item.post);
    else if (item.type === 'quarantine') quarantine.push(item.entry);
    else accounts++;
  }
  return { reader, posts, quarantine, accounts };
}

const share = (
  record: number,
  postId: string,
  accountId: string,
  parentPostId: string,
  seconds: number,
): Post => ({
  platform: 'twitter',
  postId,
  accountId,
  tsMs: seconds * 1000,
  kind: 'share',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  parentPostId,
  source: { file: FILE, record },
});

describe('coortweet adapter', () => {
  it('maps each row to one share of object_id, and quarantines the bad rows', async () => {
    const { reader, posts, quarantine, accounts } = await collect(FILE);
    assert.equal(reader.format, 'coortweet');
    assert.deepEqual(posts, [
      share(
        2,
        '114e22f1b2b648528277b76f0b0224e7',
        '0fb4232d1b7b37069c13ee17579bd10e',
        '85d2d12251a735ce05255061f7f231e2',
        1623881091,
      ),
      share(
        3,
        '60e1901aa670f6c05a2d7f7e74cadaf3',
        '7d0e462c10d52c4ec1db5af953bf9b26',
        '89864519cd34cabd6f5a801b6857fea6',
        1623879483,
      ),
      share(
        4,
        '85d2d12251a735ce05255061f7f231e2',
        '2e1140330c02584ffabaf1da362f8e10',
        '6f04c951961f5cf8c05df6f284fc7c17',
        1623865591,
      ),
      share(
        5,
        '321677c8cae729398e86c5c044b3fbba',
        '38b5eea36ec86e4a9aac60980ebf6526',
        '025b1b3dc82df1cc6c6b766e9c651251',
        1623864621,
      ),
      share(
        6,
        '707b5dc150f7405711f992341d0dd32f',
        '536783d1fd886a85ab697f299f153d3b',
        '025b1b3dc82df1cc6c6b766e9c651251',
        1623864188,
      ),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [7, 'timestamp_share', 'invalid_value'],
        [8, 'account_id', 'missing_field'],
        [9, '', 'parse_error'],
      ],
    );
    assert.equal(
      quarantine[0]!.raw,
      '89864519cd34cabd6f5a801b6857fea6,9a1c0e0c3a4e9f1e2d7b6c5a4f3e2d1c,1f2e3d4c5b6a79880f1e2d3c4b5a6978,yesterday',
    );
    assert.equal(accounts, 0);
    assert.equal(posts.length + quarantine.length, 8); // 8 data rows read
    assert.deepEqual(reader.timeRules(), { 'epoch-seconds': 5 });
  });

  it('takes the platform from the option', async () => {
    const { posts } = await collect(FILE, { platform: 'Telegram' });
    assert.ok(posts.every((p) => p.platform === 'telegram'));
  });
});
