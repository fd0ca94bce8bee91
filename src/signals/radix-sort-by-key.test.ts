import assert from 'node:assert/strict';
import { test } from 'node:test';

import { radixSortByKey } from './radix-sort-by-key.js';

/** Reference: a stable comparison sort of (key, item) pairs by key. */
function reference(keys: Uint32Array, items: Int32Array): [number[], number[]] {
  const pairs = Array.from(keys, (key, i) => [key, items[i]!] as const);
  pairs.sort((p, q) => p[0] - q[0]); // Array.prototype.sort is stable (ES2019)
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

function sorted(keys: Uint32Array, items: Int32Array): [number[], number[]] {
  const k = keys.slice();
  const it = items.slice();
  radixSortByKey(k, it, new Uint32Array(k.length), new Int32Array(k.length));
  return [[...k], [...it]];
}

test('radixSortByKey: hand-computed example, stable on equal keys', () => {
  assert.deepEqual(sorted(Uint32Array.of(3, 1, 3, 0), Int32Array.of(0, 1, 2, 3)), [
    [0, 1, 3, 3],
    [3, 1, 0, 2],
  ]);
  assert.deepEqual(sorted(new Uint32Array(0), new Int32Array(0)), [[], []]);
  assert.deepEqual(sorted(Uint32Array.of(0xffffffff, 0, 0x80000000), Int32Array.of(1, 2, 3)), [
    [0, 0x80000000, 0xffffffff],
    [2, 3, 1],
  ]);
});

test('radixSortByKey: equals a stable comparison sort, below and above 4,096 keys (8- and 16-bit digits)', () => {
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  for (const m of [5, 100, 4095, 4096, 20_000]) {
    for (const spread of [7, 0x10000, 0x100000000]) {
      // Few distinct keys (spread 7) test stability; keys differing only in high bits test the last pass.
      const keys = Uint32Array.from({ length: m }, () =>
        spread === 0x10000 ? (next() % spread) * 0x10000 : next() % spread,
      );
      const items = Int32Array.from({ length: m }, (_, i) => i);
      assert.deepEqual(sorted(keys, items), reference(keys, items), `m ${m}, spread ${spread}`);
    }
  }
});

test('radixSortByKey: short arrays throw RangeError', () => {
  assert.throws(
    () => radixSortByKey(new Uint32Array(3), new Int32Array(2), new Uint32Array(3), new Int32Array(3)),
    RangeError,
  );
  assert.throws(
    () => radixSortByKey(new Uint32Array(3), new Int32Array(3), new Uint32Array(2), new Int32Array(3)),
    RangeError,
  );
});
