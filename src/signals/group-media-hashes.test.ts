import assert from 'node:assert/strict';
import { test } from 'node:test';
import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import {
  groupMediaHashes,
  MEDIA_GROUP_DEFAULTS,
  parseMediaHash,
  resolveMediaGroupOptions,
} from './group-media-hashes.js';

// Plausible pHashes (32 bits set, no run of zero nibbles), derived from A by flipping whole bytes.
const A = '9f3a6c125be04d71';
const B = '9f3a6c125be04d8e'; // last byte flipped: 8 bits from A
const C = '9f3a6c125be0b28e'; // last two bytes flipped: 8 bits from B, 16 from A
const D = '60c593ed5be04d71'; // first four bytes flipped: 32 bits from A

/** Hamming distance of two 16-hex-digit strings, digit by digit. */
function hexDistance(x: string, y: string): number {
  let d = 0;
  for (let i = 0; i < 16; i++) {
    let v = Number.parseInt(x[i]!, 16) ^ Number.parseInt(y[i]!, 16);
    while (v > 0) {
      d += v & 1;
      v >>= 1;
    }
  }
  return d;
}

/** Reference grouping: all pairs, naive connected components; group id = 'pg:' + smallest hash. */
function bruteForceGroups(hashes: string[], radius: number): Map<string, string> {
  const distinct = [...new Set(hashes)].sort();
  const label = distinct.map((_, i) => i);
  let changed = true;
  while (changed) {
    changed = false;
    for (let a = 0; a < distinct.length; a++) {
      for (let b = a + 1; b < distinct.length; b++) {
        if (label[a] !== label[b] && hexDistance(distinct[a]!, distinct[b]!) <= radius) {
          const low = Math.min(label[a]!, label[b]!);
          label[a] = low;
          label[b] = low;
          changed = true;
        }
      }
    }
  }
  return new Map(distinct.map((h, i) => [h, `pg:${distinct[label[i]!]!}`]));
}

/** Seeded hex hashes: random centres plus copies with 1..maxFlips flipped bits. */
function clusteredHex(seed: string, bases: number, copies: number, maxFlips: number): string[] {
  const rng = seedrandom(seed);
  const out: string[] = [];
  for (let b = 0; b < bases; b++) {
    const bits: number[] = Array.from({ length: 64 }, () => (rng() < 0.5 ? 1 : 0));
    for (let c = 0; c <= copies; c++) {
      const copy = [...bits];
      const flips = c === 0 ? 0 : 1 + Math.floor(rng() * maxFlips);
      for (let f = 0; f < flips; f++) {
        const i = Math.floor(rng() * 64);
        copy[i] = 1 - copy[i]!;
      }
      let hex = '';
      for (let i = 0; i < 64; i += 4) hex += Number.parseInt(copy.slice(i, i + 4).join(''), 2).toString(16);
      out.push(hex);
    }
  }
  return out;
}

test('parseMediaHash: bare, prefixed, upper-case and padded forms; other strings are not hashes', () => {
  assert.equal(parseMediaHash('00FF00ff00FF00ff', true), '00ff00ff00ff00ff');
  assert.equal(parseMediaHash(' phash:00FF00FF00FF00FF ', true), '00ff00ff00ff00ff');
  assert.equal(parseMediaHash('PHASH:00ff00ff00ff00ff', false), '00ff00ff00ff00ff');
  assert.equal(parseMediaHash('pg:00ff00ff00ff00ff', false), '00ff00ff00ff00ff');
  assert.equal(parseMediaHash('00ff00ff00ff00ff', false), null);
  // Bare hex that looks like an id, not a hash: only decimal digits, a run of zero nibbles, too few bits set.
  assert.equal(parseMediaHash('1234567890123456', true), null);
  assert.equal(parseMediaHash('000017a3f2c00001', true), null);
  assert.equal(parseMediaHash('1010101010101010', true), null);
  assert.equal(parseMediaHash('100010001000100a', true), null); // only 6 bits set
  assert.equal(parseMediaHash('phash:000017a3f2c00001', true), '000017a3f2c00001'); // the prefix vouches for it
  assert.equal(parseMediaHash('00ff00ff00ff00f', true), null);
  assert.equal(parseMediaHash('00ff00ff00ff00fff', true), null);
  assert.equal(parseMediaHash('00ff00ff00ff00fg', true), null);
  assert.equal(parseMediaHash('id:00ff00ff00ff00ff', true), null);
  assert.equal(parseMediaHash('file:cat.png', true), null);
});

test('groupMediaHashes: single linkage chains A–B–C (8 + 8 bits) into one group, D stays apart', () => {
  const result = groupMediaHashes([C, D, B, A]);
  assert.equal(result.groupOf.get(A), `pg:${A}`);
  assert.equal(result.groupOf.get(B), `pg:${A}`);
  assert.equal(result.groupOf.get(C), `pg:${A}`);
  assert.equal(result.groupOf.get(D), `pg:${D}`);
  assert.deepEqual(result.groups, [
    { id: `pg:${A}`, hashes: [A, B, C], members: [A, B, C], maxDistanceBits: 16 },
  ]);
  assert.equal(result.stats.hashes, 4);
  assert.equal(result.stats.groups, 1);
  assert.equal(result.stats.groupedHashes, 3);
  assert.equal(result.stats.largestGroup, 3);
  assert.equal(result.stats.passThrough, 0);
});

test('groupMediaHashes: the default radius is inclusive (8 bits link, 9 do not)', () => {
  assert.equal(MEDIA_GROUP_DEFAULTS.radiusBits, 8);
  const nine = '9f3a6c125be04c8e'; // B with one more bit flipped (0x4d → 0x4c): 9 bits from A
  assert.equal(groupMediaHashes([A, B]).groups.length, 1);
  assert.equal(groupMediaHashes([A, nine]).groups.length, 0);
  assert.equal(groupMediaHashes([A, nine], { radiusBits: 9 }).groups.length, 1);
  assert.equal(groupMediaHashes([A, B], { radiusBits: 7 }).groups.length, 0);
});

test('groupMediaHashes: equal hashes written differently are one object; non-hashes pass through', () => {
  const inputs = [
    '9F3A6C125BE04D71',
    'phash:9f3a6c125be04d71',
    'id:42',
    'file:media/cat.png',
    'pg:nothex',
    '',
  ];
  const result = groupMediaHashes([...inputs, 'id:42']);
  assert.equal(result.groupOf.get('9F3A6C125BE04D71'), 'pg:9f3a6c125be04d71');
  assert.equal(result.groupOf.get('phash:9f3a6c125be04d71'), 'pg:9f3a6c125be04d71');
  for (const exact of ['id:42', 'file:media/cat.png', 'pg:nothex', '']) {
    assert.equal(result.groupOf.get(exact), exact);
  }
  assert.equal(result.groupOf.size, inputs.length);
  assert.equal(result.stats.inputs, 6);
  assert.equal(result.stats.hashes, 1);
  assert.equal(result.stats.passThrough, 4);
  assert.deepEqual(result.groups, []);
  assert.equal(result.stats.largestGroup, 1);
});

test('groupMediaHashes: acceptBareHex false keeps bare 16-hex ids exact', () => {
  const result = groupMediaHashes(['1234567890123456', 'phash:1234567890123457'], { acceptBareHex: false });
  assert.equal(result.groupOf.get('1234567890123456'), '1234567890123456');
  assert.equal(result.groupOf.get('phash:1234567890123457'), 'pg:1234567890123457');
});

test('groupMediaHashes: no input → empty result', () => {
  const result = groupMediaHashes([]);
  assert.equal(result.groupOf.size, 0);
  assert.deepEqual(result.groups, []);
  assert.equal(result.stats.largestGroup, 0);
});

test('groupMediaHashes: both search indexes equal brute force on seeded clustered hashes', () => {
  const hashes = clusteredHex('media', 80, 4, 7);
  for (const radiusBits of [0, 4, 8, 12]) {
    const expected = bruteForceGroups(hashes, radiusBits);
    const viaMih = groupMediaHashes(hashes, { radiusBits });
    const viaBk = groupMediaHashes(hashes, { radiusBits, searchIndex: 'bk-tree' });
    assert.deepEqual(viaMih.groupOf, expected, `multi-index, radius ${radiusBits}`);
    assert.deepEqual(viaBk.groupOf, expected, `bk-tree, radius ${radiusBits}`);
    assert.deepEqual(viaBk.groups, viaMih.groups);
    if (radiusBits === 8) assert.ok(viaMih.groups.length > 40, 'the data must contain groups');
    for (const group of viaMih.groups) {
      const rep = group.id.slice(3);
      assert.equal(rep, group.hashes[0]);
      assert.equal(group.maxDistanceBits, Math.max(...group.hashes.map((h) => hexDistance(rep, h))));
    }
  }
});

test('groupMediaHashes: the result does not depend on input order', () => {
  const hashes = clusteredHex('order', 30, 3, 6);
  const rng = seedrandom('shuffle');
  const shuffled = [...hashes];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const a = groupMediaHashes(hashes);
  const b = groupMediaHashes(shuffled);
  assert.deepEqual(a.groups, b.groups);
  assert.deepEqual(new Map([...a.groupOf].sort()), new Map([...b.groupOf].sort()));
});

test('resolveMediaGroupOptions: rejects invalid options with ConfigError', () => {
  assert.deepEqual(resolveMediaGroupOptions({}), MEDIA_GROUP_DEFAULTS);
  for (const bad of [
    { radiusBits: -1 },
    { radiusBits: 17 },
    { radiusBits: 1.5 },
    { radiusBits: Number.NaN },
    { acceptBareHex: 'yes' as unknown as boolean },
    { searchIndex: 'kd-tree' as unknown as 'bk-tree' },
  ]) {
    assert.throws(() => groupMediaHashes([A], bad), ConfigError, JSON.stringify(bad));
  }
});
