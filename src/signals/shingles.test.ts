import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import {
  characterShingles,
  countCodePoints,
  distinctInPlace,
  distinctShingleHashes,
  fmix32,
  hashShingle,
  isCjkDominant,
  shingleCharsFor,
  shingleSet,
} from './shingles.js';

const M32 = 0xffffffffn;

/** Reference FNV-1a over code points, computed with BigInt. */
function fnv1aReference(text: string): bigint {
  let h = 0x811c9dc5n;
  for (const ch of text) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x01000193n) & M32;
  return h;
}

/** Reference MurmurHash3 fmix32, computed with BigInt. */
function fmixReference(value: bigint): number {
  let h = value;
  h ^= h >> 16n;
  h = (h * 0x85ebca6bn) & M32;
  h ^= h >> 13n;
  h = (h * 0xc2b2ae35n) & M32;
  h ^= h >> 16n;
  return Number(h);
}

test('characterShingles: hand-computed shingles, by code point', () => {
  assert.deepEqual(characterShingles('abcde', 3), ['abc', 'bcd', 'cde']);
  assert.deepEqual(characterShingles('a b', 2), ['a ', ' b']);
  assert.deepEqual(characterShingles('ab', 3), ['ab']); // shorter than k: one shingle
  assert.deepEqual(characterShingles('', 3), []);
  // 😀 is one code point (two UTF-16 units) and is never split
  assert.deepEqual(characterShingles('a😀bc', 2), ['a😀', '😀b', 'bc']);
  assert.deepEqual(characterShingles('选举被偷', 2), ['选举', '举被', '被偷']);
});

test('hashShingle: FNV-1a over code points, then fmix32 (BigInt reference)', () => {
  assert.equal(fnv1aReference('a'), 0xe40c292cn); // published FNV-1a 32-bit test vector for "a"
  for (const s of ['a', 'hello', 'выбор', '选举', 'a😀b', '']) {
    assert.equal(hashShingle(s), fmixReference(fnv1aReference(s)), s);
  }
  assert.equal(fmix32(0), 0);
});

test('shingleSet: sorted distinct hashes of the character shingles', () => {
  const reference = (text: string, k: number): number[] =>
    [...new Set(characterShingles(text, k).map(hashShingle))].sort((a, b) => a - b);
  assert.equal(shingleSet('aaaaaa', 5).length, 1); // 'aaaaa' twice
  assert.equal(shingleSet('abcabcabc', 3).length, 3); // abc, bca, cab
  assert.equal(shingleSet('', 5).length, 0);
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (text, k) => {
      assert.deepEqual([...shingleSet(text, k)], reference(text, k));
    }),
    { seed: 42, numRuns: 500 },
  );
});

test('isCjkDominant / shingleCharsFor: more than half of the non-space code points are CJK', () => {
  assert.equal(isCjkDominant('选举被偷了!'), true); // 5 of 6
  assert.equal(isCjkDominant('election stolen 选举'), false);
  assert.equal(isCjkDominant('ab选举'), false); // exactly half
  assert.equal(isCjkDominant('a 选举'), true); // the space does not count
  assert.equal(isCjkDominant('안녕하세요 여러분'), true); // Hangul
  assert.equal(isCjkDominant('𠀋𠀋x'), true); // Han extension B (astral)
  assert.equal(shingleCharsFor('选举被偷了', 5, 2), 2);
  assert.equal(shingleCharsFor('выборы украдены', 5, 2), 5);
});

test('countCodePoints: code points, capped at atLeast', () => {
  assert.equal(countCodePoints('a😀b'), 3);
  assert.equal(countCodePoints(''), 0);
  assert.equal(countCodePoints('abcdef', 4), 4);
  assert.equal(countCodePoints('😀😀😀', 4), 3);
  assert.equal(countCodePoints('a'.repeat(100), 20), 20);
});

test('distinctShingleHashes: the values of shingleSet with the k of shingleCharsFor, any order', () => {
  const sorted = (out: Uint32Array, n: number): number[] => [...out.subarray(0, n)].sort((a, b) => a - b);
  const out = new Uint32Array(64);
  assert.equal(distinctShingleHashes('aaaaaa', 5, 2, out), 1); // 'aaaaa' twice
  assert.equal(out[0], hashShingle('aaaaa'));
  assert.equal(distinctShingleHashes('', 5, 2, out), 0);
  assert.equal(distinctShingleHashes('ab', 5, 2, out), 1); // shorter than k: one shingle
  assert.equal(out[0], hashShingle('ab'));
  // CJK-dominant: k = 2 (选举 / 举被 / 被偷 / 偷了)
  assert.deepEqual(sorted(out, distinctShingleHashes('选举被偷了', 5, 2, out)), [
    ...shingleSet('选举被偷了', 2),
  ]);
  assert.throws(() => distinctShingleHashes('abcdef', 5, 2, new Uint32Array(5)), RangeError);
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      (text, k, cjkK) => {
        const buffer = new Uint32Array(Math.max(1, text.length));
        const n = distinctShingleHashes(text, k, cjkK, buffer);
        assert.deepEqual(sorted(buffer, n), [...shingleSet(text, shingleCharsFor(text, k, cjkK))]);
      },
    ),
    { seed: 7, numRuns: 500 },
  );
});

test('distinctInPlace: distinct values to the front, also when probing degenerates or the set is large', () => {
  const check = (values: number[]): void => {
    const array = Uint32Array.from(values);
    const n = distinctInPlace(array, array.length);
    const expected = [...new Set(values)].sort((a, b) => a - b);
    assert.equal(n, expected.length);
    assert.deepEqual(
      [...array.subarray(0, n)].sort((a, b) => a - b),
      expected,
    );
  };
  check([]);
  check([7, 3, 7, 9, 3, 3]);
  check([0, 0xffffffff, 0, 0xffffffff]);
  // Equal low bits: every value lands in one slot chain, the probe budget runs out and the rest is sorted.
  check(Array.from({ length: 3000 }, (_, i) => ((i % 1700) * 0x100000) >>> 0));
  // Beyond 65,536 values: sorted, not hashed.
  check(Array.from({ length: 70_000 }, (_, i) => fmix32(i % 50_000)));
  // Only the first `count` values count.
  const partial = Uint32Array.of(1, 2, 1, 5, 6);
  assert.equal(distinctInPlace(partial, 3), 2);
});
