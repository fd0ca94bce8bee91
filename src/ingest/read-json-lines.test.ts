import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readJsonLines, type TextLine } from './read-json-lines.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function linesOf(text: string, size = 1 << 16): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const batch of readJsonLines(chunked(text, size))) out.push(...batch);
  return out;
}

describe('readJsonLines', () => {
  const text = '{"a":1}\r\n\r\n  \n{"b":2}\n{"c":\n{"d":4}';
  const expected: TextLine[] = [
    { line: 1, text: '{"a":1}' },
    { line: 4, text: '{"b":2}' },
    { line: 5, text: '{"c":' },
    { line: 6, text: '{"d":4}' },
  ];

  it('numbers lines from 1, skips blank ones and strips \\r\\n', async () => {
    assert.deepEqual(await linesOf(text), expected);
  });

  it('gives the same lines whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 8])
      assert.deepEqual(await linesOf(text, size), expected, `chunk size ${size}`);
  });

  it('returns nothing for empty input', async () => {
    assert.deepEqual(await linesOf(''), []);
    assert.deepEqual(await linesOf('\n\n'), []);
  });
});
