import assert from 'node:assert/strict';
import { test } from 'node:test';
import seedrandom from 'seedrandom';

import { HammingBkTree, hammingDistance64, popcount32 } from './hamming-bk-tree.js';

/** Reference popcount: count bits one by one. */
function naivePopcount(x: number): number {
  let n = 0;
  for (let bit = 0; bit < 32; bit++) if (((x >>> bit) & 1) === 1) n++;
  return n;
}

/** Seeded 64-bit values: `bases` random centres, each with `copies` variants of 0..`maxFlips` flipped bits. */
function clusteredValues(seed: string, bases: number, copies: number, maxFlips: number): [number, number][] {
  const rng = seedrandom(seed);
  const u32 = (): number => Math.floor(rng() * 2 ** 32) >>> 0;
  const out: [number, number][] = [];
  for (let b = 0; b < bases; b++) {
    const hi = u32();
    const lo = u32();
    out.push([hi, lo]);
    for (let c = 0; c < copies; c++) {
      let h = hi;
      let l = lo;
      const flips = Math.floor(rng() * (maxFlips + 1));
      for (let f = 0; f < flips; f++) {
        const bit = Math.floor(rng() * 64);
        if (bit < 32) l = (l ^ (1 << bit)) >>> 0;
        else h = (h ^ (1 << (bit - 32))) >>> 0;
      }
      out.push([h, l]);
    }
  }
  return out;
}

test('popcount32: hand values and agreement with a bit-by-bit count', () => {
  assert.equal(popcount32(0), 0);
  assert.equal(popcount32(0xffffffff), 32);
  assert.equal(popcount32(-1), 32);
  assert.equal(popcount32(0x80000001), 2);
  assert.equal(popcount32(0b1011), 3);
  const rng = seedrandom('popcount');
  for (let i = 0; i < 1000; i++) {
    const x = Math.floor(rng() * 2 ** 32);
    assert.equal(popcount32(x), naivePopcount(x));
  }
});

test('hammingDistance64: counts differing bits in both halves', () => {
  assert.equal(hammingDistance64(0, 0, 0, 0), 0);
  assert.equal(hammingDistance64(0xffffffff, 0xffffffff, 0, 0), 64);
  assert.equal(hammingDistance64(0x80000000, 1, 0, 0), 2);
  assert.equal(hammingDistance64(0x0f, 0xf0, 0x0e, 0xf1), 2);
});

test('HammingBkTree: duplicates are stored once and keep their index', () => {
  const tree = new HammingBkTree();
  assert.equal(tree.insert(1, 2), 0);
  assert.equal(tree.insert(1, 3), 1);
  assert.equal(tree.insert(1, 2), 0);
  assert.equal(tree.size, 2);
  assert.equal(tree.hiAt(1), 1);
  assert.equal(tree.loAt(1), 3);
});

test('HammingBkTree: empty tree finds nothing', () => {
  assert.deepEqual(new HammingBkTree().search(0, 0, 64), []);
});

test('HammingBkTree: hand-built example', () => {
  const tree = new HammingBkTree();
  tree.insert(0, 0b0000); // 0
  tree.insert(0, 0b0111); // 1: 3 bits from 0
  tree.insert(0, 0b0001); // 2: 1 bit from 0
  tree.insert(0xffffffff, 0xffffffff); // 3: 64 bits from 0
  assert.deepEqual(tree.search(0, 0b0011, 1), [1, 2]);
  assert.deepEqual(tree.search(0, 0b0011, 2), [0, 1, 2]);
  assert.deepEqual(tree.search(0xffffffff, 0xfffffffe, 0), []);
  assert.deepEqual(tree.search(0xffffffff, 0xfffffffe, 1), [3]);
});

test('HammingBkTree: range queries equal brute force on seeded clustered values (radii 0, 3, 8, 12)', () => {
  const values = clusteredValues('bk', 150, 4, 10);
  const tree = new HammingBkTree();
  const indexOf: number[] = values.map(([h, l]) => tree.insert(h, l));
  const distinct = new Map<number, [number, number]>();
  for (const [i, v] of values.entries()) distinct.set(indexOf[i]!, v);
  assert.equal(tree.size, distinct.size);
  const queries = clusteredValues('bk-queries', 40, 2, 6);
  for (const radius of [0, 3, 8, 12]) {
    for (const [qh, ql] of [...queries, ...values.slice(0, 30)]) {
      const expected = [...distinct.entries()]
        .filter(([, [h, l]]) => hammingDistance64(qh, ql, h, l) <= radius)
        .map(([index]) => index)
        .sort((a, b) => a - b);
      assert.deepEqual(tree.search(qh, ql, radius), expected);
    }
  }
});
