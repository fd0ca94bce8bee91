import assert from 'node:assert/strict';
import { test } from 'node:test';
import seedrandom from 'seedrandom';

import { hammingDistance64 } from './hamming-bk-tree.js';
import { forEachHammingPairWithin, planMultiIndex } from './hamming-pairs-within.js';

/** Seeded distinct-ish values: random centres plus copies with up to `maxFlips` flipped bits. */
function clustered(
  seed: string,
  bases: number,
  copies: number,
  maxFlips: number,
): [Uint32Array, Uint32Array] {
  const rng = seedrandom(seed);
  const u32 = (): number => Math.floor(rng() * 2 ** 32) >>> 0;
  const hi: number[] = [];
  const lo: number[] = [];
  for (let b = 0; b < bases; b++) {
    const h0 = u32();
    const l0 = u32();
    for (let c = 0; c <= copies; c++) {
      let h = h0;
      let l = l0;
      const flips = c === 0 ? 0 : 1 + Math.floor(rng() * maxFlips);
      for (let f = 0; f < flips; f++) {
        const bit = Math.floor(rng() * 64);
        if (bit < 32) l = (l ^ (1 << bit)) >>> 0;
        else h = (h ^ (1 << (bit - 32))) >>> 0;
      }
      hi.push(h);
      lo.push(l);
    }
  }
  return [Uint32Array.from(hi), Uint32Array.from(lo)];
}

test('planMultiIndex: chunks cover 64 bits, chunk radius is ⌊r/m⌋, at least 3 chunks', () => {
  for (const count of [0, 10, 1000, 100_000, 1_000_000]) {
    for (const r of [0, 1, 4, 8, 10, 16]) {
      const plan = planMultiIndex(count, r);
      assert.equal(plan.chunkBits.length, plan.chunks);
      assert.equal(
        plan.chunkBits.reduce((s, b) => s + b, 0),
        64,
      );
      assert.ok(plan.chunks >= 3 && Math.max(...plan.chunkBits) <= 22);
      assert.equal(plan.chunkRadiusBits, Math.floor(r / plan.chunks));
    }
  }
});

test('planMultiIndex: 10^6 values at radius 8 → 3 chunks (22, 21, 21 bits), radius 2 inside a chunk', () => {
  // Hand estimate per value (candidates counted once per pair, hence 2^(bits+1)): m = 3 → (1 + 22 + 231) +
  // 2·(1 + 21 + 210) = 718 probes and 254·10^6/2^23 + 464·10^6/2^22 ≈ 140 candidates; m = 4 → 4·137 = 548 probes
  // but 548·10^6/2^17 ≈ 4,200 candidates; m = 9 → 9 probes but ≈ 33,000 candidates.
  assert.deepEqual(planMultiIndex(1_000_000, 8), { chunks: 3, chunkBits: [22, 21, 21], chunkRadiusBits: 2 });
});

test('planMultiIndex: few values at radius 8 → 9 small chunks (exact match per chunk)', () => {
  // 100 values: tables of 2^22 entries would dominate; 9 chunks of 7–8 bits need only exact chunk matches.
  const plan = planMultiIndex(100, 8);
  assert.equal(plan.chunks, 9);
  assert.equal(plan.chunkRadiusBits, 0);
});

test('forEachHammingPairWithin: a pair differing in bits 31 and 32 (across the halves) is found at distance 2', () => {
  const hi = Uint32Array.from([0, 1]);
  const lo = Uint32Array.from([0, 0x80000000]);
  for (const r of [2, 5, 8]) {
    const seen = new Set<string>();
    forEachHammingPairWithin(hi, lo, r, (a, b, d) => seen.add(`${a}-${b}:${d}`));
    assert.deepEqual([...seen], ['0-1:2'], `radius ${r}`);
  }
  const none: string[] = [];
  forEachHammingPairWithin(hi, lo, 1, (a, b) => none.push(`${a}-${b}`));
  assert.deepEqual(none, []);
});

test('forEachHammingPairWithin: exactly the pairs within the radius (vs brute force), a < b, true distance', () => {
  const [hi, lo] = clustered('mih', 60, 5, 12);
  const n = hi.length;
  for (const r of [0, 2, 5, 8, 12, 16]) {
    const visited = new Set<number>();
    forEachHammingPairWithin(hi, lo, r, (a, b, d) => {
      assert.ok(a < b);
      assert.equal(d, hammingDistance64(hi[a]!, lo[a]!, hi[b]!, lo[b]!));
      visited.add(a * n + b);
    });
    const expected = new Set<number>();
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (hammingDistance64(hi[a]!, lo[a]!, hi[b]!, lo[b]!) <= r) expected.add(a * n + b);
      }
    }
    assert.deepEqual([...visited].sort(), [...expected].sort(), `radius ${r}`);
    if (r >= 5)
      assert.ok(expected.size > 50, `radius ${r}: the data must contain near pairs (${expected.size})`);
  }
});

test('forEachHammingPairWithin: rejects bad arguments', () => {
  const one = Uint32Array.from([0]);
  assert.throws(() => forEachHammingPairWithin(one, new Uint32Array(2), 1, () => {}), RangeError);
  assert.throws(() => forEachHammingPairWithin(one, one, 1.5, () => {}), RangeError);
  assert.throws(() => forEachHammingPairWithin(one, one, 65, () => {}), RangeError);
});
