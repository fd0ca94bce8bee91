import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseList } from './parse-list.js';

describe('parseList', () => {
  it('reads Python-list strings as pandas and the QUT toolkit write them', () => {
    assert.deepEqual(parseList("['http://example.com/2', 'http://x/1']"), [
      'http://example.com/2',
      'http://x/1',
    ]);
    assert.deepEqual(parseList("['http://example.com/2']"), ['http://example.com/2']);
    assert.deepEqual(parseList('[tag1, tag2]'), ['tag1', 'tag2']);
    assert.deepEqual(parseList("['a, b', \"it's\"]"), ['a, b', "it's"]);
    assert.deepEqual(parseList("['esc\\'aped']"), ["esc'aped"]);
    assert.deepEqual(parseList('[123, 456]'), ['123', '456']);
    assert.deepEqual(parseList('[None, x]'), ['x']);
  });

  it('reads JSON arrays, as strings or values', () => {
    assert.deepEqual(parseList('["a", "b"]'), ['a', 'b']);
    assert.deepEqual(parseList(['a', ' b ', '', 7, null, { x: 1 }]), ['a', 'b', '7']);
    assert.deepEqual(parseList([10n]), ['10']);
  });

  it('splits delimited text on white space, commas, semicolons and pipes', () => {
    assert.deepEqual(parseList('http://a/1 http://b/2'), ['http://a/1', 'http://b/2']);
    assert.deepEqual(parseList('a,b;c|d  e'), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(parseList('single'), ['single']);
    assert.deepEqual(parseList(42), ['42']);
  });

  it('reads empty markers as no items', () => {
    for (const v of [undefined, null, '', '  ', '[]', 'nan', 'None', 'null', true, { a: 1 }])
      assert.deepEqual(parseList(v), []);
  });

  it('strips one prefix character per item when asked', () => {
    assert.deepEqual(parseList('#one #two three', '#'), ['one', 'two', 'three']);
    assert.deepEqual(parseList("['@a', 'b', '@']", '@'), ['a', 'b']);
  });
});
