import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import { InputError } from '../errors.js';
import { readTextChunks } from './read-text-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, gzip: boolean): Promise<string> {
  let text = '';
  for await (const chunk of readTextChunks(path, gzip)) text += chunk;
  return text;
}

describe('readTextChunks', () => {
  it('decodes UTF-8 and drops its BOM', async () => {
    const path = join(dir, 'bom.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\nö,€\n')]));
    assert.equal(await readAll(path, false), 'a,b\nö,€\n');
  });

  it('decodes UTF-16 LE and BE marked by a BOM', async () => {
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,ü\n', 'utf16le')]));
    assert.equal(await readAll(le, false), 'a,ü\n');
    const be = join(dir, 'be.csv');
    const body = Buffer.from('a,ü\n', 'utf16le');
    body.swap16();
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), body]));
    assert.equal(await readAll(be, false), 'a,ü\n');
  });

  it('gunzips, including multi-byte characters split across chunks', async () => {
    const text = `id,text\n${'1,ünïcødé 🚀\n'.repeat(20000)}`;
    const path = join(dir, 'big.csv.gz');
    writeFileSync(path, gzipSync(Buffer.from(text)));
    assert.equal(await readAll(path, true), text);
  });

  it('throws INPUT_UNREADABLE on corrupt or truncated gzip', async () => {
    const gz = gzipSync(Buffer.from('a,b\n'.repeat(1000)));
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, gz.subarray(0, gz.length - 20));
    const corrupt = join(dir, 'corrupt.gz');
    writeFileSync(corrupt, Buffer.concat([gz.subarray(0, 12), Buffer.alloc(64, 0x55)]));
    for (const path of [truncated, corrupt]) {
      await assert.rejects(
        readAll(path, true),
        (e: unknown) => e instanceof InputError && e.code === 'INPUT_UNREADABLE',
      );
    }
  });

  it('throws INPUT_UNREADABLE for a missing file', async () => {
    await assert.rejects(
      readAll(join(dir, 'nope.csv'), false),
      (e: unknown) => e instanceof InputError && e.code === 'INPUT_UNREADABLE',
    );
  });
});
