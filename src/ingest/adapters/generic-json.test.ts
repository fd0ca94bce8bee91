import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { collectInput } from '../../../test/helpers/collect-input.js';

const MAPPED = fileURLToPath(new URL('../../../test/fixtures/ingest/generic-mapped.jsonl', import.meta.url));
const ALIASES = fileURLToPath(
  new URL('../../../test/fixtures/ingest/generic-aliases.jsonl', import.meta.url),
);

const base = {
  platform: 'unknown',
  kind: 'post',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
} as const;

describe('generic jsonl adapter', () => {
  it('reads keys and dotted paths named by --map', async () => {
    const map = {
      id: 'msg_id',
      account: 'who.id',
      ts: 'when',
      text: 'content',
      hashtags: 'tags',
      name: 'who.name',
    };
    const { reader, posts, accounts, quarantine } = await collectInput(MAPPED, { map });
    assert.equal(reader.format, 'jsonl');
    assert.deepEqual(posts, [
      // Tue, 01 Jun 2021 12:00:00 +0200 = 10:00Z = 1622541600 s.
      {
        ...base,
        postId: 'm1',
        accountId: 'a1',
        tsMs: 1622541600000,
        text: 'first',
        hashtags: ['x', 'y'],
        source: { file: MAPPED, record: 1 },
      },
      {
        ...base,
        postId: 'm2',
        accountId: 'a2',
        tsMs: 1622541605123,
        text: 'second',
        source: { file: MAPPED, record: 2 },
      },
    ]);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [
        [4, 'who.id', 'missing_field'],
        [5, '', 'parse_error'],
        [6, 'when', 'invalid_value'],
      ],
    );
    assert.deepEqual(accounts, [{ platform: 'unknown', accountId: 'a1', displayName: 'Ann' }]);
    assert.equal(posts.length + quarantine.length, 5); // line 3 is blank: not a record
    assert.deepEqual(reader.timeRules(), { rfc2822: 1, 'epoch-milliseconds': 1 });
  });

  it('detects aliased keys and takes the platform from the data', async () => {
    const { reader, posts } = await collectInput(ALIASES);
    assert.equal(reader.format, 'jsonl');
    assert.deepEqual(posts, [
      {
        ...base,
        platform: 'telegram',
        postId: '1',
        accountId: 'a',
        tsMs: 1622541600000,
        text: 'hi',
        source: { file: ALIASES, record: 1 },
      },
      {
        ...base,
        postId: '2',
        accountId: 'b',
        tsMs: 1622541605000,
        text: 'hello',
        source: { file: ALIASES, record: 2 },
      },
    ]);
  });

  it('quarantines records that are not objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-json-'));
    try {
      const path = join(dir, 'mixed.jsonl');
      writeFileSync(path, '{"user_id": "a", "ts": 1622541600}\n[1, 2]\n"text"\nnull\n7\n');
      const { posts, quarantine } = await collectInput(path);
      assert.deepEqual(
        posts.map((p) => [p.source.record, p.accountId, p.tsMs, p.postId]),
        [[1, 'a', 1622541600000, 'mixed.jsonl#1']],
      );
      assert.deepEqual(
        quarantine.map((q) => [q.record, q.code]),
        [
          [2, 'unsupported_record'],
          [3, 'unsupported_record'],
          [4, 'unsupported_record'],
          [5, 'unsupported_record'],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('generic jsonl: a record without a key other records have', () => {
  it('takes that record’s hashtags, links and mentions from its text; an explicit [] stays empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-jsonl-keys-'));
    try {
      const path = join(dir, 'posts.jsonl');
      writeFileSync(
        path,
        [
          '{"id":"1","account":"a","ts":"2024-01-01T00:00:00Z","text":"see #cats at https://x.example/a","hashtags":[],"urls":[]}',
          '{"id":"2","account":"b","ts":"2024-01-01T00:01:00Z","text":"see #cats at https://x.example/a"}',
          '',
        ].join('\n'),
      );
      const { posts } = await collectInput(path);
      assert.deepEqual(
        posts.map((p) => [p.postId, p.hashtags, p.urls]),
        [
          ['1', [], []],
          ['2', ['cats'], ['https://x.example/a']],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
