import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type ArrayElement, readJsonArray } from './read-json-array.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function elementsOf(text: string, wholeMaxChars?: number, size = 7): Promise<ArrayElement[]> {
  const out: ArrayElement[] = [];
  for await (const batch of readJsonArray(chunked(text, size), wholeMaxChars)) out.push(...batch);
  return out;
}

describe('readJsonArray', () => {
  const text = '[ {"a": 1}, "two", [3], {"d": {"e": null}} ]';
  const expected: ArrayElement[] = [
    { record: 1, value: { a: 1 } },
    { record: 2, value: 'two' },
    { record: 3, value: [3] },
    { record: 4, value: { d: { e: null } } },
  ];

  it('numbers elements from 1 (whole-text path)', async () => {
    assert.deepEqual(await elementsOf(text), expected);
  });

  it('gives the same elements when streamed', async () => {
    assert.deepEqual(await elementsOf(text, 0), expected);
    assert.deepEqual(await elementsOf(text, 10, 3), expected);
  });

  it('keeps the elements before a syntax error and reports the rest once', async () => {
    const broken = '[{"a": 1}, {"b": 2}, {"c": ';
    for (const max of [undefined, 0]) {
      const out = await elementsOf(broken, max);
      assert.deepEqual(out.slice(0, 2), [
        { record: 1, value: { a: 1 } },
        { record: 2, value: { b: 2 } },
      ]);
      assert.equal(out.length, 3);
      assert.equal(out[2]!.record, 3);
      assert.ok('error' in out[2]!);
    }
  });

  it('reports a top-level value that is not an array as one error', async () => {
    const out = await elementsOf('{"a": 1}');
    assert.equal(out.length, 1);
    assert.equal(out[0]!.record, 1);
    assert.ok('error' in out[0]!);
  });

  it('returns nothing for an empty array', async () => {
    assert.deepEqual(await elementsOf('[]'), []);
    assert.deepEqual(await elementsOf('[ ]', 0), []);
  });
});
