import assert from 'node:assert/strict';
import { test } from 'node:test';

import { NEARDUP_DEFAULTS } from './find-near-duplicates.js';
import {
  bandKeys,
  createMinHashParams,
  jaccard,
  jaccardOfSets,
  lshCandidateProbability,
  minHashSignature,
} from './minhash.js';
import { fmix32 } from './shingles.js';

test('jaccard: hand-computed values on small sorted sets', () => {
  assert.equal(jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)), 0.5); // 2 common / 4 in union
  assert.equal(jaccard([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.7); // 7 / 10
  assert.equal(jaccard([10, 20], [30, 40]), 0);
  assert.equal(jaccard([5], [5]), 1);
  assert.equal(jaccard([], [1]), 0);
  assert.equal(jaccard([], []), 1);
});

test('lshCandidateProbability: 1 − (1 − s^r)^b, hand-computed', () => {
  assert.equal(lshCandidateProbability(0.5, 1, 1), 0.5);
  assert.equal(lshCandidateProbability(0.5, 2, 1), 0.75); // 1 − 0.5²
  assert.equal(lshCandidateProbability(0.5, 1, 2), 0.25); // 0.5²
  assert.equal(lshCandidateProbability(1, 20, 4), 1);
  assert.equal(lshCandidateProbability(0, 20, 4), 0);
  // 0.7⁴ = 0.2401; 0.7599²⁰ = e^(20 · ln 0.7599) = e^(−5.49137) ≈ 0.0041222
  assert.ok(Math.abs(lshCandidateProbability(0.7, 20, 4) - 0.9958778) < 1e-6);
  // The defaults meet the target: a pair at the threshold is a candidate with probability ≥ 0.99.
  const { bands, rows, jaccardThreshold } = NEARDUP_DEFAULTS;
  assert.ok(lshCandidateProbability(jaccardThreshold, bands, rows) >= 0.99);
});

test('createMinHashParams: seeded, deterministic, odd multipliers', () => {
  const p = createMinHashParams(64, 42);
  const q = createMinHashParams(64, 42);
  assert.deepEqual(p, q);
  assert.notDeepEqual(createMinHashParams(64, 43).a, p.a);
  for (const a of p.a) assert.equal(a % 2, 1);
});

test('minHashSignature: per function, min of (a·x + b) mod 2³² (BigInt reference)', () => {
  const params = createMinHashParams(16, 'test');
  const shingles = Uint32Array.of(0, 1, 0xffffffff, 123456789, 987654321);
  const sig = minHashSignature(shingles, params);
  for (let i = 0; i < 16; i++) {
    let min = 2n ** 32n;
    for (const x of shingles) {
      const v = (BigInt(params.a[i]!) * BigInt(x) + BigInt(params.b[i]!)) % 2n ** 32n;
      if (v < min) min = v;
    }
    assert.equal(sig[i], Number(min));
  }
  assert.ok(minHashSignature(new Uint32Array(0), params).every((v) => v === 0xffffffff));
});

test('minHashSignature: the share of equal slots estimates the Jaccard similarity (seeded)', () => {
  // A = {0 … 79}, B = {20 … 99} (hashed): |A ∩ B| = 60, |A ∪ B| = 100, J = 0.6.
  const hashed = (from: number, to: number): Uint32Array =>
    Uint32Array.from({ length: to - from }, (_, i) => fmix32(from + i + 1));
  const params = createMinHashParams(2048, 7);
  const sa = minHashSignature(hashed(0, 80), params);
  const sb = minHashSignature(hashed(20, 100), params);
  let equal = 0;
  for (let i = 0; i < 2048; i++) if (sa[i] === sb[i]) equal++;
  // Standard error √(0.6 · 0.4 / 2048) ≈ 0.011; allow 4 standard errors.
  assert.ok(Math.abs(equal / 2048 - 0.6) < 0.045, `estimate ${equal / 2048}`);
});

test('bandKeys: equal bands give equal keys; a change touches only its band', () => {
  const sig = Uint32Array.from({ length: 12 }, (_, i) => i * 1000);
  const a = new Uint32Array(3);
  const b = new Uint32Array(5);
  bandKeys(sig, 3, 4, a);
  bandKeys(sig, 3, 4, b, 2);
  assert.deepEqual([...b.subarray(2)], [...a]);
  const changed = sig.slice();
  changed[5] = 1; // band 1 (rows 4–7)
  const c = new Uint32Array(3);
  bandKeys(changed, 3, 4, c);
  assert.equal(c[0], a[0]);
  assert.notEqual(c[1], a[1]);
  assert.equal(c[2], a[2]);
  assert.notEqual(a[0], a[1]);
});

test('jaccardOfSets: hand-computed values, and equal to jaccard on the sorted sets', () => {
  assert.equal(jaccardOfSets(Uint32Array.of(3, 1, 2), Uint32Array.of(4, 2, 3)), 0.5); // 2 common / 4 in union
  assert.equal(jaccardOfSets(Uint32Array.of(10, 20), Uint32Array.of(40, 30)), 0);
  assert.equal(jaccardOfSets(Uint32Array.of(5), Uint32Array.of(5)), 1);
  assert.equal(jaccardOfSets(new Uint32Array(0), Uint32Array.of(1)), 0);
  assert.equal(jaccardOfSets(new Uint32Array(0), new Uint32Array(0)), 1);
  // Seeded random sets (of fmix32 values, as shingle hashes are), up to 3,000 values each.
  let state = 1;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  for (let run = 0; run < 50; run++) {
    const pool = 1 + (next() % 4000);
    const draw = (): Uint32Array => {
      const set = new Set<number>();
      const size = next() % 3000;
      for (let i = 0; i < size; i++) set.add(fmix32(next() % pool));
      return Uint32Array.from(set);
    };
    const a = draw();
    const b = draw();
    const sortedA = a.slice().sort();
    const sortedB = b.slice().sort();
    assert.equal(jaccardOfSets(a, b), jaccard(sortedA, sortedB));
  }
});

test('bandKeys: stride places band j at offset + j · stride', () => {
  const sig = Uint32Array.from({ length: 12 }, (_, i) => i * 7 + 1);
  const packed = new Uint32Array(3);
  bandKeys(sig, 3, 4, packed);
  const strided = new Uint32Array(20);
  bandKeys(sig, 3, 4, strided, 2, 5);
  assert.deepEqual([strided[2], strided[7], strided[12]], [...packed]);
  assert.equal(strided.filter((v) => v !== 0).length, 3);
});
