import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DuckStore } from '../store/duck-store.js';
import { computeCorpusTraces } from './compute-corpus-traces.js';

const SLOGAN = 'the election was stolen by the corrupt officials in the capital';
// Cyrillic Е (U+0415) and о (U+043E) in place of Latin E and o: a different exact-text key, the same text to a
// reader.
const SPOOFED = 'the \u0415lection was stolen by the corrupt \u043efficials in the capital';
const TYPO = 'the election was stolen by the corupt officials in the capital';

describe('computeCorpusTraces', () => {
  let store: DuckStore;
  before(async () => {
    store = await DuckStore.create(':memory:');
    await store.reset();
    const posts: [string, string, string, string][] = [
      // account, text, hashtags, kind
      ['a', SLOGAN, '[]', 'post'],
      ['b', SLOGAN, '[]', 'post'],
      ['c', SPOOFED, '[]', 'post'],
      ['d', TYPO, '[]', 'post'],
      ['e', 'an unrelated sentence about gardens, rivers and the summer festival in town', '[]', 'post'],
      ['e', SLOGAN, '[]', 'share'],
      ['f', 'our goverment lies again', '[]', 'post'],
      ['g', 'the goverment is at it again', '[]', 'post'],
      ['h', 'why does the goverment never answer', '[]', 'post'],
      ['i', 'the government met today', '[]', 'post'],
      ['i', 'a government report', '[]', 'post'],
      ['i', 'government spending', '[]', 'post'],
    ];
    const tagDay = ['one', 'two', 'three', 'four', 'five'];
    let rec = 0;
    for (const [account, text, hashtags, kind] of posts) {
      rec++;
      await store.run(
        `INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind, text, hashtags)
         VALUES ($1, 0, $1, 'x', 'p' || $1, $2, $3, $4, $5, $6)`,
        [rec, account, rec * 1000, kind, text, hashtags],
      );
    }
    // Account t: five posts on one UTC day, one tag each (the paper's minimum); account u: four only.
    for (const [account, n] of [
      ['t', 5],
      ['u', 4],
    ] as const) {
      for (let i = 0; i < n; i++) {
        rec++;
        await store.run(
          `INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind, text, hashtags)
           VALUES ($1, 0, $1, 'x', 'p' || $1, $2, $3, 'post', NULL, $4)`,
          [rec, account, Date.UTC(2024, 0, 2, 8 + i), JSON.stringify([`#${tagDay[i]}`])],
        );
      }
    }
  });
  after(() => store.close());

  it('adds neardup, misspelling and hashtagseq traces as hand-computed', async () => {
    const stats = await computeCorpusTraces(store, {
      kinds: ['neardup', 'misspelling', 'hashtagseq'],
      neardup: {},
      misspelling: {},
      hashtagSeq: {},
      media: {},
    });
    const rows = await store.all<{ rec: bigint; kind: string; value: string }>(
      'SELECT rec, kind, value FROM traces_raw ORDER BY kind, rec',
    );
    const byKind = (kind: string) => rows.filter((r) => r.kind === kind);
    // One group: the two exact copies (recs 1, 2), the spoofed copy (3) and the typo copy (4); the share (6) is
    // not a text of its own; rec 5 is unrelated.
    const neardup = byKind('neardup');
    assert.deepEqual(
      neardup.map((r) => Number(r.rec)),
      [1, 2, 3, 4],
    );
    assert.equal(new Set(neardup.map((r) => r.value)).size, 1);
    assert.match(
      neardup[0]!.value,
      /^nd:[0-9a-f]{16} the election was stolen by the corrupt officials in the capi…$/, // 60 code points,
    );
    assert.deepEqual(stats.neardup?.groups, 1);
    // `goverment` by three accounts (f, g, h): recs 7, 8, 9; `government` is written right 3 times (account i), as
    // often as the misspelling, so the correction-ratio test keeps it.
    assert.deepEqual(
      byKind('misspelling').map((r) => [Number(r.rec), r.value]),
      [
        [7, 'goverment→government'],
        [8, 'goverment→government'],
        [9, 'goverment→government'],
      ],
    );
    // Account t's day: first post rec 13; u has only four tagged posts.
    assert.deepEqual(
      byKind('hashtagseq').map((r) => [Number(r.rec), r.value]),
      [[13, 'one＃two＃three＃four＃five']],
    );
  });

  it('leaves a group of exact copies to the text trace', async () => {
    const only = await DuckStore.create(':memory:');
    try {
      await only.reset();
      for (let rec = 1; rec <= 3; rec++) {
        await only.run(
          `INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind, text)
           VALUES ($1, 0, $1, 'x', 'p' || $1, 'acct' || $1, $1, 'post', $2)`,
          [rec, SLOGAN],
        );
      }
      const stats = await computeCorpusTraces(only, {
        kinds: ['neardup'],
        neardup: {},
        misspelling: {},
        hashtagSeq: {},
        media: {},
      });
      assert.equal(stats.neardup?.groups, 0);
      assert.equal(await only.scalar("SELECT count(*) FROM traces_raw WHERE kind = 'neardup'"), 0);
    } finally {
      only.close();
    }
  });
});
