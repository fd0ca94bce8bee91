import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CAMPAIGN_PARAPHRASE_VOCABULARY, campaignSentence } from './campaign-texts.js';
import { SimRandom } from './sim-random.js';
import { jaccard, makeParaphrases, shingleSet, typoEdit } from './text-edits.js';

test('shingleSet: 5-shingles after lower-casing and collapsing spaces', () => {
  assert.deepEqual([...shingleSet('abcdef')], ['abcde', 'bcdef']);
  assert.deepEqual([...shingleSet('AB  CDE')], ['ab cd', 'b cde']);
  assert.deepEqual([...shingleSet('abc')], ['abc']);
});

test('jaccard: |A∩B| / |A∪B|', () => {
  assert.equal(jaccard(new Set([1, 2]), new Set([2, 3])), 1 / 3);
  assert.equal(jaccard(new Set(), new Set()), 1);
  assert.equal(jaccard(new Set([1]), new Set([2])), 0);
});

/** Levenshtein distance, brute force. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

test('typoEdit: changes the text by at most 2 edits per typo (a swap is two substitutions)', () => {
  const rng = new SimRandom('typo');
  const text = 'the western media keep lying about the flooding';
  for (let i = 0; i < 300; i++) {
    const edits = 1 + (i % 2);
    const out = typoEdit(text, rng, edits);
    assert.notEqual(out, text);
    assert.ok(editDistance(out, text) <= 2 * edits, out);
  }
});

test('makeParaphrases: distinct, ≥ 0.75 to the template and ≥ 0.7 pairwise (brute-force shingles)', () => {
  const rng = new SimRandom('para');
  const grams = (s: string) => {
    const t = s.toLowerCase().replace(/\s+/g, ' ').trim();
    const out = new Set<string>();
    for (let i = 0; i + 5 <= t.length; i++) out.add(t.substring(i, i + 5));
    return out;
  };
  const sim = (a: string, b: string) => {
    const A = grams(a);
    const B = grams(b);
    const inter = [...A].filter((x) => B.has(x)).length;
    return inter / (A.size + B.size - inter);
  };
  for (let round = 0; round < 5; round++) {
    const template = campaignSentence(rng, true);
    assert.ok(template.length >= 140, template);
    const versions = makeParaphrases(template, 30, rng, CAMPAIGN_PARAPHRASE_VOCABULARY);
    assert.equal(versions.length, 30);
    assert.equal(new Set(versions.map((v) => v.toLowerCase())).size, 30);
    for (const v of versions) {
      assert.notEqual(v.toLowerCase(), template.toLowerCase());
      assert.ok(sim(v, template) >= 0.75);
    }
    for (let i = 0; i < versions.length; i++)
      for (let j = i + 1; j < versions.length; j++) assert.ok(sim(versions[i]!, versions[j]!) >= 0.7);
  }
});

test('campaignSentence: copypasta sentences have at least 60 characters', () => {
  const rng = new SimRandom('short');
  for (let i = 0; i < 200; i++) assert.ok(campaignSentence(rng, false).length >= 60);
});
