import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Post, SuppliedObject } from '../../model/post.js';
import type { QuarantineEntry } from '../../model/quarantine.js';
import { openInput } from '../open-input.js';

// Rows of CooRTweet's german_elections (MIT), incl. its real row without post_id, plus one bad timestamp.
const FILE = fileURLToPath(
  new URL('../../../test/fixtures/ingest/coortweet-long-sample.csv', import.meta.url),
);

const post = (
  record: number,
  platform: string,
  postId: string,
  accountId: string,
  seconds: number,
  objects: SuppliedObject[],
): Post => ({
  platform,
  postId,
  accountId,
  tsMs: seconds * 1000,
  kind: 'post',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  objects,
  source: { file: FILE, record },
});

describe('coortweet-long adapter', () => {
  it('maps each row to a post with its supplied objects and the platform of the account prefix', async () => {
    const reader = await openInput(FILE);
    assert.equal(reader.format, 'coortweet-long');
    const posts: Post[] = [];
    const quarantine: QuarantineEntry[] = [];
    for await (const item of reader.items()) {
      if (item.type === 'post') posts.push(item.post);
      else if (item.type === 'quarantine') quarantine.push(item.entry);
    }
    assert.deepEqual(posts, [
      post(2, 'facebook', '129235', 'fb_12670', 1629589836, [
        { kind: 'url', id: '23678' },
        { kind: 'domain', id: '3498' },
      ]),
      post(3, 'facebook', '84441', 'fb_5966', 1629589069, [{ kind: 'domain', id: '6756' }]),
      post(4, 'facebook', '84443', 'fb_5966', 1629589050, [
        { kind: 'url', id: '29871' },
        { kind: 'domain', id: '5534' },
      ]),
      post(5, 'twitter', '24844', 'tw_27470', 1631604679, [{ kind: 'hashtag', id: '40449' }]),
      post(6, 'twitter', '24865', 'tw_27470', 1632587628, []),
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code, q.raw]),
      [
        [7, 'post_id', 'missing_field', 'fb_45,,,,,,1632141427'],
        [8, 'timestamp', 'invalid_value', 'fb_5966,84447,,,6756,,2021-13-01'],
      ],
    );
    assert.equal(posts.length + quarantine.length, 7);
  });
});
