import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { UnionFind } from './union-find.js';

test('UnionFind: hand example', () => {
  const uf = new UnionFind(6);
  assert.equal(uf.union(0, 1), true);
  assert.equal(uf.union(2, 3), true);
  assert.equal(uf.union(1, 0), false); // already together
  assert.equal(uf.union(1, 3), true); // {0, 1, 2, 3}
  assert.equal(uf.connected(0, 2), true);
  assert.equal(uf.connected(0, 4), false);
  assert.equal(uf.sizeOf(3), 4);
  assert.equal(uf.sizeOf(4), 1);
  assert.equal(uf.sizeOf(5), 1);
  assert.equal(new UnionFind(0).size, 0);
  assert.throws(() => new UnionFind(-1), RangeError);
});

test('UnionFind: same partition as a brute-force relabelling (property, seeded)', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 30 })
        .chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 })),
        ),
      ([n, unions]) => {
        const uf = new UnionFind(n);
        const label = Array.from({ length: n }, (_, i) => i);
        for (const [x, y] of unions) {
          uf.union(x, y);
          const from = label[y]!;
          const to = label[x]!;
          for (let i = 0; i < n; i++) if (label[i] === from) label[i] = to;
        }
        for (let x = 0; x < n; x++) {
          assert.equal(uf.sizeOf(x), label.filter((l) => l === label[x]).length);
          for (let y = 0; y < n; y++) assert.equal(uf.connected(x, y), label[x] === label[y]);
        }
      },
    ),
    { seed: 42, numRuns: 300 },
  );
});
