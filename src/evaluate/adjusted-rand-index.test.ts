import assert from 'node:assert/strict';
import { test } from 'node:test';
import seedrandom from 'seedrandom';
import { ConfigError } from '../errors.js';
import { adjustedRandIndex, type PartitionLabel } from './adjusted-rand-index.js';

/**
 * Reference: count the four kinds of item pairs directly (O(n²)) and use the pair-confusion form of the ARI,
 * 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)) — algebraically equal to Hubert & Arabie's, but a
 * different computation. `null` labels are singletons (never together with anything).
 */
function bruteForceAri(a: readonly PartitionLabel[], b: readonly PartitionLabel[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const togetherA = a[i] !== null && a[i] === a[j];
      const togetherB = b[i] !== null && b[i] === b[j];
      if (togetherA && togetherB) tp++;
      else if (togetherA) fn++;
      else if (togetherB) fp++;
      else tn++;
    }
  }
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

test('the scikit-learn documentation example: [0,0,1,2] vs [0,0,1,1] = 4/7', () => {
  // By hand: N = C(4,2) = 6; A blocks {0,1},{2},{3} → ΣC(a,2) = 1; B blocks {0,1},{2,3} → ΣC(b,2) = 2;
  // cells (0,0)=2, (1,1)=1, (2,1)=1 → index = 1; expected = 1·2/6 = 1/3; max = 3/2;
  // ARI = (1 − 1/3) / (3/2 − 1/3) = (2/3) / (7/6) = 4/7 = 0.5714285714285715 (sklearn's printed value).
  // Floating point: the last bit may differ from the double nearest 4/7 (0.5714285714285714).
  assert.ok(Math.abs(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1]) - 4 / 7) < 1e-15);
  assert.ok(Math.abs(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 4 / 7) < 1e-15);
});

test('renamed identical partitions give 1; one block vs all singletons gives 0', () => {
  assert.equal(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]), 1);
  // A: one block, ΣC = 6; B: singletons, ΣC = 0; index 0, expected 0, max 3 → 0.
  assert.equal(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3]), 0);
});

test('degenerate cases give 1', () => {
  assert.equal(adjustedRandIndex([], []), 1);
  assert.equal(adjustedRandIndex(['a'], ['b']), 1);
  assert.equal(adjustedRandIndex([null, null, null], [1, 2, 3]), 1);
  assert.equal(adjustedRandIndex(['a', 'a'], ['b', 'b']), 1);
});

test('null labels are singletons, distinct from each other', () => {
  assert.equal(adjustedRandIndex([null, null, 'x', 'x'], [1, 2, 'y', 'y']), 1);
  // [null, null] vs [k, k]: A all singletons, B one block → max 1/2, expected 0, index 0 → 0.
  assert.equal(adjustedRandIndex([null, null], ['k', 'k']), 0);
});

test('matches the O(n²) pair-counting reference on seeded random labelings', () => {
  const rng = seedrandom('chorus-ari');
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(rng() * 60);
    const blocksA = 1 + Math.floor(rng() * 8);
    const blocksB = 1 + Math.floor(rng() * 8);
    const label = (blocks: number): PartitionLabel => {
      const k = Math.floor(rng() * (blocks + 1));
      return k === blocks ? null : `b${k}`;
    };
    const a = Array.from({ length: n }, () => label(blocksA));
    const b = Array.from({ length: n }, () => label(blocksB));
    const expected = bruteForceAri(a, b);
    const actual = adjustedRandIndex(a, b);
    assert.ok(Math.abs(actual - expected) < 1e-12, `round ${round}: ${actual} vs ${expected}`);
  }
});

test('rejects label lists of different lengths', () => {
  assert.throws(() => adjustedRandIndex([1, 2], [1]), ConfigError);
});
