import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { WRITE_BUFFER_CHARS, writeChunks } from './write-chunks.js';

const dir = await mkdtemp(join(tmpdir(), 'chorus-chunks-'));
after(() => rm(dir, { recursive: true, force: true }));

test('writes every piece in order, across the 1 MB flush boundary, as UTF-8', async () => {
  const piece = 'é, ＃\n'; // 5 characters, 8 bytes in UTF-8
  const count = Math.ceil((2.5 * WRITE_BUFFER_CHARS) / piece.length);
  const path = join(dir, 'big.txt');
  await writeChunks(
    path,
    (function* () {
      for (let i = 0; i < count; i++) yield piece;
    })(),
  );
  const text = await readFile(path, 'utf8');
  assert.equal(text.length, count * piece.length);
  assert.equal(text, piece.repeat(count));
});

test('an empty source makes an empty file; a failing source leaves the file closed and rethrows', async () => {
  const empty = join(dir, 'empty.txt');
  await writeChunks(empty, []);
  assert.equal(await readFile(empty, 'utf8'), '');
  const broken = join(dir, 'broken.txt');
  await assert.rejects(
    writeChunks(
      broken,
      (function* () {
        yield 'a';
        throw new Error('boom');
      })(),
    ),
    /boom/,
  );
});
