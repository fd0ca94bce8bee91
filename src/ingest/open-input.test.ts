import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { ConfigError, InputError } from '../errors.js';
import type { Post } from '../model/post.js';
import type { FormatName } from './format-name.js';
import type { IngestItem } from './ingest-item.js';
import type { IngestOptions } from './ingest-options.js';
import { openInput } from './open-input.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-open-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const inputError = (code: string) => (e: unknown) => e instanceof InputError && e.code === code;
const configError = (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID';

async function items(path: string, options?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of (await openInput(path, options)).items()) out.push(item);
  return out;
}
const postsOf = (list: IngestItem[]): Post[] => list.flatMap((i) => (i.type === 'post' ? [i.post] : []));

describe('openInput: format auto-detection', () => {
  const cases: [string, FormatName][] = [
    ['coortweet-sample.csv', 'coortweet'],
    ['coortweet-long-sample.csv', 'coortweet-long'],
    ['qut-sample.csv', 'qut'],
    ['qut-coretweet-test-input.csv', 'qut'],
    ['twitter-io-sample.csv', 'twitter-io'],
    ['generic.csv', 'csv'],
    ['generic.parquet', 'parquet'],
    ['generic-aliases.jsonl', 'jsonl'],
    ['twarc2-pages.jsonl', 'twarc2'],
    ['twarc2-flat.jsonl', 'twarc2'],
    ['twitter-v1.jsonl', 'twitter-v1'],
    ['twitter-v1-array.json', 'twitter-v1'],
  ];
  for (const [name, format] of cases) {
    it(`detects ${name} as ${format}`, async () => {
      assert.equal((await openInput(fixture(name))).format, format);
    });
  }

  it('detects tab-separated generic tables', async () => {
    const path = tmp('tabs.tsv', 'user_id\ttimestamp\ttext\nu1\t1622541600\thello, world\n');
    const list = await items(path);
    assert.deepEqual(
      postsOf(list).map((p) => [p.accountId, p.tsMs, p.text]),
      [['u1', 1622541600000, 'hello, world']],
    );
  });

  it('skips an invalid first JSON line when detecting', async () => {
    const path = tmp('late.jsonl', `{not json\n${readFileSync(fixture('twitter-v1.jsonl'), 'utf8')}`);
    const reader = await openInput(path);
    assert.equal(reader.format, 'twitter-v1');
  });
});

describe('openInput: compression and encodings', () => {
  it('reads gzip by its magic bytes, whatever the file name', async () => {
    const plain = await items(fixture('generic.csv'));
    const path = tmp('generic-csv.dat', gzipSync(readFileSync(fixture('generic.csv'))));
    const zipped = await items(path);
    assert.equal((await openInput(path)).format, 'csv');
    const strip = (list: IngestItem[]) =>
      list.map((i) =>
        i.type === 'post'
          ? { ...i.post, source: i.post.source.record, postId: i.post.postId.replace(/^.*#/, '#') }
          : i.type,
      );
    assert.deepEqual(strip(zipped), strip(plain));
  });

  it('reads gzip-compressed JSON lines', async () => {
    const path = tmp('tweets.jsonl.gz', gzipSync(readFileSync(fixture('twarc2-pages.jsonl'))));
    const reader = await openInput(path);
    assert.equal(reader.format, 'twarc2');
    let posts = 0;
    for await (const item of reader.items()) if (item.type === 'post') posts++;
    assert.equal(posts, 5);
  });

  it('reads UTF-16 LE CSV with a BOM', async () => {
    const text = readFileSync(fixture('coortweet-sample.csv'), 'utf8');
    const path = tmp('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const reader = await openInput(path);
    assert.equal(reader.format, 'coortweet');
    assert.equal(postsOf(await items(path)).length, 5);
  });
});

describe('openInput: forced formats and maps', () => {
  it('reads a file with a forced format', async () => {
    const reader = await openInput(fixture('qut-coretweet-test-input.csv'), { format: 'qut' });
    assert.equal(reader.format, 'qut');
  });

  it('treats a map alone as the generic format of the container', async () => {
    const reader = await openInput(fixture('coortweet-sample.csv'), {
      map: { account: 'account_id', ts: 'timestamp_share', id: 'content_id' },
    });
    assert.equal(reader.format, 'csv');
    const posts = postsOf(
      await items(fixture('coortweet-sample.csv'), { map: { account: 'account_id', ts: 'timestamp_share' } }),
    );
    assert.equal(posts.length, 5);
    assert.equal(posts[0]!.kind, 'post');
  });

  it('refuses a forced format that does not fit the container or the header', async () => {
    await assert.rejects(
      openInput(fixture('generic.csv'), { format: 'twarc2' }),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
    await assert.rejects(
      openInput(fixture('twitter-v1.jsonl'), { format: 'csv' }),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
    await assert.rejects(
      openInput(fixture('generic.parquet'), { format: 'jsonl' }),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
    await assert.rejects(
      openInput(fixture('coortweet-sample.csv'), { format: 'qut' }),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
  });

  it('refuses a map naming a column the header lacks', async () => {
    await assert.rejects(
      openInput(fixture('generic.csv'), { map: { account: 'no_such_column' } }),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
  });

  it('throws ConfigError for bad options before touching the file', async () => {
    await assert.rejects(openInput(fixture('generic.csv'), { format: 'xml' as FormatName }), configError);
    await assert.rejects(openInput(fixture('generic.csv'), { tz: 'Atlantis/Capital' }), configError);
    await assert.rejects(
      openInput(fixture('coortweet-sample.csv'), { format: 'coortweet', map: { account: 'a' } }),
      configError,
    );
    await assert.rejects(openInput(join(dir, 'missing.csv'), { map: { whom: 'x' } }), configError);
  });
});

describe('openInput: unreadable and unknown inputs', () => {
  it('throws INPUT_UNREADABLE for a missing file or a directory', async () => {
    await assert.rejects(openInput(join(dir, 'does-not-exist.csv')), inputError('INPUT_UNREADABLE'));
    await assert.rejects(openInput(dir), inputError('INPUT_UNREADABLE'));
  });

  it('throws INPUT_UNREADABLE for a corrupt gzip file', async () => {
    const gz = gzipSync(Buffer.from('user_id,timestamp\n'.repeat(100)));
    const path = tmp('corrupt.csv.gz', Buffer.concat([gz.subarray(0, 12), Buffer.alloc(80, 0x41)]));
    await assert.rejects(openInput(path), inputError('INPUT_UNREADABLE'));
  });

  it('yields what it could read, then throws INPUT_UNREADABLE, when a gzip file breaks mid-way', async () => {
    const rows = Array.from(
      { length: 30000 },
      (_, i) => `u${i % 50},${1622541600 + i},text number ${i}`,
    ).join('\n');
    const gz = gzipSync(Buffer.from(`user_id,timestamp,text\n${rows}\n`));
    const path = tmp('truncated.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const reader = await openInput(path);
    assert.equal(reader.format, 'csv');
    let posts = 0;
    await assert.rejects(async () => {
      for await (const item of reader.items()) if (item.type === 'post') posts++;
    }, inputError('INPUT_UNREADABLE'));
    assert.ok(posts > 0 && posts < 30000, `read ${posts} posts before the break`);
  });

  it('throws INPUT_UNREADABLE for a corrupt Parquet file', async () => {
    const path = tmp('corrupt.parquet', Buffer.from('PAR1 this is not really parquet PAR1'));
    await assert.rejects(openInput(path), inputError('INPUT_UNREADABLE'));
  });

  it('throws INPUT_FORMAT_UNKNOWN for an unknown header or unknown JSON keys', async () => {
    await assert.rejects(openInput(fixture('unknown-header.csv')), inputError('INPUT_FORMAT_UNKNOWN'));
    await assert.rejects(openInput(fixture('generic-mapped.jsonl')), inputError('INPUT_FORMAT_UNKNOWN'));
    await assert.rejects(
      openInput(tmp('garbage.jsonl', '{oops\n{still not json\n')),
      inputError('INPUT_FORMAT_UNKNOWN'),
    );
  });

  it('throws INPUT_FORMAT_UNKNOWN for an empty file unless a format is forced', async () => {
    const path = tmp('empty.csv', '\n\n');
    await assert.rejects(openInput(path), inputError('INPUT_FORMAT_UNKNOWN'));
    const reader = await openInput(path, { format: 'twarc2' });
    assert.equal(reader.format, 'twarc2');
    assert.deepEqual(await items(path, { format: 'twarc2' }), []);
  });

  it('yields nothing for a header-only table', async () => {
    assert.deepEqual(await items(tmp('header-only.csv', 'user_id,timestamp\n')), []);
  });
});

describe('openInput: the reader', () => {
  it('can be iterated again, with time rules counted afresh', async () => {
    const reader = await openInput(fixture('generic.csv'));
    assert.deepEqual(reader.timeRules(), {});
    let first = 0;
    for await (const item of reader.items()) if (item.type === 'post') first++;
    let second = 0;
    for await (const item of reader.items()) if (item.type === 'post') second++;
    assert.equal(first, 3);
    assert.equal(second, 3);
    assert.deepEqual(reader.timeRules(), {
      'iso8601-naive-as-UTC': 1,
      'iso8601-offset': 1,
      'epoch-seconds': 1,
    });
    assert.equal(reader.path, fixture('generic.csv'));
  });

  it('accounts for every record exactly once across all fixtures', async () => {
    const expectedRecords: [string, number][] = [
      ['coortweet-sample.csv', 8],
      ['coortweet-long-sample.csv', 7],
      ['qut-sample.csv', 7],
      ['qut-coretweet-test-input.csv', 15],
      ['twitter-io-sample.csv', 6],
      ['generic.csv', 8],
      ['generic.parquet', 4],
      ['generic-aliases.jsonl', 2],
      ['twarc2-pages.jsonl', 10],
      ['twarc2-flat.jsonl', 3],
      ['twitter-v1.jsonl', 8],
      ['twitter-v1-array.json', 3],
    ];
    for (const [name, records] of expectedRecords) {
      const list = await items(fixture(name));
      const read = list.filter((i) => i.type !== 'account').length;
      assert.equal(read, records, name);
    }
  });
});
