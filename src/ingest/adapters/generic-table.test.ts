import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { collectInput } from '../../../test/helpers/collect-input.js';

const CSV = fileURLToPath(new URL('../../../test/fixtures/ingest/generic.csv', import.meta.url));
// generic.parquet: 4 rows written by DuckDB (see test/fixtures/ingest/README.md).
const PARQUET = fileURLToPath(new URL('../../../test/fixtures/ingest/generic.parquet', import.meta.url));

const base = { platform: 'unknown', mentions: [], mediaHashes: [] } as const;

describe('generic csv adapter', () => {
  it('reads aliased columns, derives kinds, synthesises missing ids and quarantines bad rows', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(CSV);
    assert.equal(reader.format, 'csv');
    assert.deepEqual(posts, [
      {
        ...base,
        postId: 'p1',
        accountId: 'u1',
        tsMs: 1622541600000,
        kind: 'post',
        text: 'Hello, world',
        urls: ['https://example.com/a'],
        hashtags: ['one', 'two'],
        source: { file: CSV, record: 2 },
      },
      {
        ...base,
        postId: 'p2',
        accountId: 'u2',
        tsMs: 1622541630000,
        kind: 'share',
        text: 'multi\nline body',
        urls: [],
        hashtags: [],
        parentPostId: 'p1',
        source: { file: CSV, record: 3 },
      },
      {
        ...base,
        postId: 'generic.csv#5',
        accountId: 'u3',
        tsMs: 1622541700000,
        kind: 'post',
        text: 'no id here',
        urls: ['https://x.org/1', 'https://x.org/2'],
        hashtags: [],
        source: { file: CSV, record: 5 },
      },
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [7, 'user_id', 'missing_field'],
        [8, 'created_at', 'invalid_value'],
        [9, 'kind', 'invalid_value'],
        [10, '', 'parse_error'],
        [11, '', 'parse_error'],
      ],
    );
    assert.equal(quarantine[3]!.raw, 'p7,u7,gina,2021-06-01 10:04:00,too many,,,,,,extra');
    assert.deepEqual(accounts, [
      { platform: 'unknown', accountId: 'u1', handle: 'alice', followers: 120 },
      { platform: 'unknown', accountId: 'u2', handle: 'bob' },
      { platform: 'unknown', accountId: 'u3', handle: 'carol' },
    ]);
    assert.equal(posts.length + quarantine.length, 8);
    assert.deepEqual(reader.timeRules(), {
      'iso8601-naive-as-UTC': 1,
      'iso8601-offset': 1,
      'epoch-seconds': 1,
    });
  });

  it('reads naive times in the tz option and takes the platform option', async () => {
    const { reader, posts } = await collectInput(CSV, { tz: '+02:00', platform: 'Reddit' });
    assert.equal(posts[0]!.tsMs, 1622534400000); // 10:00 at +02:00 = 08:00Z
    assert.equal(posts[1]!.tsMs, 1622541630000); // has its own zone
    assert.ok(posts.every((p) => p.platform === 'reddit'));
    assert.deepEqual(reader.timeRules(), {
      'iso8601-naive-as-+02:00': 1,
      'iso8601-offset': 1,
      'epoch-seconds': 1,
    });
  });

  it('lets --map override the aliases', async () => {
    const { posts } = await collectInput(CSV, { map: { account: 'username', text: 'urls' } });
    assert.deepEqual(
      posts.map((p) => [p.accountId, p.text]),
      [
        ['alice', 'https://example.com/a'],
        ['@bob', undefined],
        ['carol', "['https://x.org/1', 'https://x.org/2']"],
        ['dave', undefined],
      ],
    );
  });
});

describe('generic parquet adapter', () => {
  it('reads Parquet rows through DuckDB, numbering rows from 1', async () => {
    const { reader, posts, quarantine } = await collectInput(PARQUET);
    assert.equal(reader.format, 'parquet');
    assert.deepEqual(posts, [
      {
        ...base,
        postId: '1001',
        accountId: 'u1',
        tsMs: 1622541600000,
        kind: 'post',
        text: 'hello',
        urls: [],
        hashtags: ['a', 'b'],
        source: { file: PARQUET, record: 1 },
      },
      {
        ...base,
        postId: '1002',
        accountId: 'u2',
        tsMs: 1622541605250,
        kind: 'share',
        text: 'RT hello',
        urls: [],
        hashtags: [],
        parentPostId: '1001',
        source: { file: PARQUET, record: 2 },
      },
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [3, 'user_id', 'missing_field'],
        [4, 'created_at', 'missing_field'],
      ],
    );
    assert.match(quarantine[0]!.raw, /"tweet_id":"1003"/);
    assert.deepEqual(reader.timeRules(), { 'iso8601-naive-as-UTC': 2 });
  });

  it('applies the tz option to naive Parquet timestamps', async () => {
    const { posts } = await collectInput(PARQUET, { tz: '+02:00' });
    assert.equal(posts[0]!.tsMs, 1622534400000);
  });
});

describe('generic csv adapter without entity columns', () => {
  it('takes links, hashtags and mentions from the text itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chorus-generic-'));
    try {
      const file = join(dir, 'plain.csv');
      await writeFile(
        file,
        'account,ts,text\nu1,2021-06-01T10:00:00Z,Read this @anna https://news.example/a #Vote!\n',
      );
      const { posts } = await collectInput(file);
      assert.equal(posts.length, 1);
      assert.deepEqual(
        [posts[0]!.urls, posts[0]!.hashtags, posts[0]!.mentions],
        [['https://news.example/a'], ['Vote'], ['anna']],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
