import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { stableStringify } from './stable-stringify.js';

describe('stableStringify', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    assert.equal(
      stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 3 } }, 0),
      '{"a":{"c":3,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the insertion order', () => {
    const x = { first: 1, second: { p: 'x', q: 'y' } };
    const y = { second: { q: 'y', p: 'x' }, first: 1 };
    assert.equal(stableStringify(x), stableStringify(y));
  });

  it('follows JSON semantics for undefined and non-finite numbers', () => {
    assert.equal(
      stableStringify({ a: undefined, b: Number.NaN, c: [undefined] }, 0),
      '{"b":null,"c":[null]}',
    );
  });
});
