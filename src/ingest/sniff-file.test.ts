import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import { InputError } from '../errors.js';
import { sniffFile } from './sniff-file.js';

const dir = mkdtempSync(join(tmpdir(), 'chorus-ingest-sniff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const unreadable = (e: unknown) => e instanceof InputError && e.code === 'INPUT_UNREADABLE';

describe('sniffFile', () => {
  it('detects gzip and Parquet by magic bytes, not by name', async () => {
    const gz = join(dir, 'data.csv');
    writeFileSync(gz, gzipSync(Buffer.from('a,b\n')));
    assert.deepEqual({ ...(await sniffFile(gz)), bytes: 0 }, { bytes: 0, gzip: true, parquet: false });
    const pq = join(dir, 'data.bin');
    writeFileSync(pq, Buffer.from('PAR1....PAR1'));
    assert.deepEqual(await sniffFile(pq), { bytes: 12, gzip: false, parquet: true });
    const plain = join(dir, 'data.gz');
    writeFileSync(plain, 'a,b\n');
    assert.deepEqual(await sniffFile(plain), { bytes: 4, gzip: false, parquet: false });
  });

  it('accepts empty files', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    assert.deepEqual(await sniffFile(empty), { bytes: 0, gzip: false, parquet: false });
  });

  it('throws INPUT_UNREADABLE for missing files and directories', async () => {
    await assert.rejects(sniffFile(join(dir, 'missing.csv')), unreadable);
    await assert.rejects(sniffFile(dir), unreadable);
  });
});
