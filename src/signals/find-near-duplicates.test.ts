import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import fc from 'fast-check';

import { CibError, ConfigError } from '../errors.js';
import {
  findNearDuplicates,
  NEARDUP_DEFAULTS,
  type NearDupInput,
  type NearDupOptions,
  type NearDupResult,
  resolveNearDupOptions,
  validateNearDupOptions,
} from './find-near-duplicates.js';
import { jaccard } from './minhash.js';
import { normalizeForNearDup } from './neardup-normalize.js';
import { shingleCharsFor, shingleSet } from './shingles.js';

const BASE = 'The election was stolen, share this before they delete it!';
const EDITED = 'The electon was stolen, share this before they delete it! #truth';
const OTHER = 'Lovely weather in Lisbon today, we are going to the beach.';

const inputs = (texts: string[]): NearDupInput[] => texts.map((text, id) => ({ id, text }));

test('findNearDuplicates: an edited copy and exact copies form one group; unrelated and short texts do not', async () => {
  const { groups, stats } = await findNearDuplicates(
    inputs([BASE, OTHER, EDITED, `RT @amy: ${BASE} https://t.co/x`, 'lol', BASE]),
  );
  assert.equal(groups.length, 1);
  const [group] = groups;
  assert.deepEqual(group!.members, [0, 2, 3, 5]);
  assert.equal(group!.distinctTexts, 2);
  assert.equal(group!.representativeId, 0); // BASE is posted three times
  assert.equal(group!.pairs.length, 1);
  assert.deepEqual([group!.pairs[0]!.a, group!.pairs[0]!.b], [0, 2]);
  const set = (t: string): Uint32Array => shingleSet(normalizeForNearDup(t), 5);
  assert.equal(group!.pairs[0]!.jaccard, jaccard(set(BASE), set(EDITED)));
  assert.equal(group!.minJaccard, group!.pairs[0]!.jaccard);
  assert.deepEqual(
    { ...stats, candidatePairs: 0, comparedPairs: 0 },
    {
      texts: 6,
      eligible: 5,
      short: 1,
      distinctKeys: 3,
      candidatePairs: 0,
      comparedPairs: 0,
      verifiedPairs: 1,
      groups: 1,
      groupedTexts: 4,
    },
  );
});

test('findNearDuplicates: the group id hashes the smallest normalized text of the group', async () => {
  const { groups } = await findNearDuplicates(inputs([BASE, EDITED]));
  const smallest = [normalizeForNearDup(BASE), normalizeForNearDup(EDITED)].sort()[0]!;
  const expected = `nd:${createHash('sha256').update(smallest).digest('hex').slice(0, 16)}`;
  assert.equal(groups[0]!.id, expected);
  // Unrelated texts, before or after, do not change it.
  const more = await findNearDuplicates([
    { id: 10, text: OTHER },
    { id: 11, text: EDITED },
    { id: 12, text: 'Completely different words about cooking pasta at home tonight' },
    { id: 13, text: BASE },
  ]);
  assert.equal(more.groups[0]!.id, expected);
});

test('findNearDuplicates: exact copies alone form a group (1 distinct text, no pairs)', async () => {
  const { groups } = await findNearDuplicates(inputs([OTHER, OTHER]));
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]!.members, [0, 1]);
  assert.equal(groups[0]!.distinctTexts, 1);
  assert.equal(groups[0]!.minJaccard, 1);
  assert.deepEqual(groups[0]!.pairs, []);
});

test('findNearDuplicates: a repeated id is listed once and one id alone is no group', async () => {
  const alone = await findNearDuplicates([
    { id: 4, text: OTHER },
    { id: 4, text: OTHER },
  ]);
  assert.deepEqual(alone.groups, []);
  const { groups } = await findNearDuplicates([
    { id: 4, text: OTHER },
    { id: 4, text: OTHER },
    { id: 2, text: OTHER },
  ]);
  assert.deepEqual(groups[0]!.members, [2, 4]);
});

test('findNearDuplicates: Russian with a Latin homoglyph and Chinese with one changed character', async () => {
  const { groups } = await findNearDuplicates([
    { id: 1, text: 'Выборы украдены, смотрите видео и поделитесь с друзьями' },
    { id: 2, text: 'Выб\u006Fры украдены, смотрите видео и поделитесь с друзьями' }, // Latin o
    { id: 3, text: '选举被偷了，请大家马上转发这个视频给所有的朋友看看' },
    { id: 4, text: '选举被偷了，请大家马上转发这个视频给所有的朋友看' },
    { id: 5, text: '今天天气很好，我们一起去公园散步然后吃午饭吧朋友们' },
  ]);
  assert.deepEqual(
    groups.map((g) => g.members).sort((a, b) => a[0]! - b[0]!),
    [
      [1, 2],
      [3, 4],
    ],
  );
});

test('findNearDuplicates: short texts are counted, never grouped (minTextChars, minShingles)', async () => {
  const { groups, stats } = await findNearDuplicates(
    inputs([
      'good morning',
      'good morning',
      'lol lol lol lol lol lol lol',
      'lol lol lol lol lol lol lol',
      '',
    ]),
  );
  assert.deepEqual(groups, []);
  assert.equal(stats.short, 5);
  assert.equal(stats.eligible, 0);
});

test('findNearDuplicates: same result for any input order, and for an async iterable', async () => {
  const texts = inputs([
    BASE,
    OTHER,
    EDITED,
    BASE,
    `${OTHER} #sun`,
    'another unrelated sentence about trains',
  ]);
  const reference = await findNearDuplicates(texts);
  const reversed = await findNearDuplicates([...texts].reverse());
  assert.deepEqual(reversed, reference);
  async function* stream(): AsyncGenerator<NearDupInput> {
    yield* texts;
  }
  assert.deepEqual(await findNearDuplicates(stream()), reference);
});

test('findNearDuplicates: maxEvidencePairs bounds the pairs; an invalid id throws INPUT_INVALID', async () => {
  const { groups } = await findNearDuplicates(inputs([BASE, EDITED]), { maxEvidencePairs: 0 });
  assert.deepEqual(groups[0]!.pairs, []);
  assert.ok(groups[0]!.minJaccard < 1);
  await assert.rejects(
    findNearDuplicates([{ id: Number.NaN, text: BASE }]),
    (e: unknown) => e instanceof CibError && e.code === 'INPUT_INVALID',
  );
});

test('resolveNearDupOptions / validateNearDupOptions', () => {
  assert.deepEqual(resolveNearDupOptions(), { ...NEARDUP_DEFAULTS });
  assert.equal(resolveNearDupOptions({ bands: 10 }).bands, 10);
  const bad: [keyof NearDupOptions, unknown][] = [
    ['minTextChars', 0],
    ['minShingles', 1.5],
    ['shingleChars', 33],
    ['cjkShingleChars', 0],
    ['bands', 0],
    ['rows', Number.NaN],
    ['seed', 0.5],
    ['maxBucketNeighbours', 0],
    ['maxEvidencePairs', -1],
    ['jaccardThreshold', 0],
    ['jaccardThreshold', 1.1],
    ['jaccardThreshold', '0.7'],
  ];
  for (const [field, value] of bad) {
    assert.throws(
      () => resolveNearDupOptions({ [field]: value }),
      (e: unknown) =>
        e instanceof ConfigError && e.code === 'CONFIG_INVALID' && e.message.includes(`\`${field}\``),
      `${field} = ${String(value)}`,
    );
  }
  assert.throws(
    () => validateNearDupOptions({ ...NEARDUP_DEFAULTS, bands: 512, rows: 3 }),
    (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID',
  );
});

/** Brute-force reference: every pair of eligible texts with exact Jaccard ≥ threshold (ids a < b). */
function bruteForcePairs(texts: readonly NearDupInput[], threshold: number): [number, number][] {
  const o = NEARDUP_DEFAULTS;
  const sets = texts.map(({ id, text }) => {
    const key = normalizeForNearDup(text);
    const set = shingleSet(key, shingleCharsFor(key, o.shingleChars, o.cjkShingleChars));
    const eligible = Array.from(key).length >= o.minTextChars && set.length >= o.minShingles;
    return { id, set: eligible ? set : null };
  });
  const out: [number, number][] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (a.set !== null && b.set !== null && jaccard(a.set, b.set) >= threshold) {
        out.push(a.id < b.id ? [a.id, b.id] : [b.id, a.id]);
      }
    }
  }
  return out;
}

const WORDS = [
  'vote',
  'stolen',
  'truth',
  'share',
  'they',
  'delete',
  'media',
  'lies',
  'wake',
  'up',
  'now',
  'the',
];

/** Small corpora: a few families of edited copies (0–2 character edits, a hashtag) and random noise texts. */
const corpus = fc
  .record({
    bases: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 14 }), {
      minLength: 1,
      maxLength: 4,
    }),
    copies: fc.array(
      fc.record({
        family: fc.nat(),
        edits: fc.array(fc.record({ at: fc.nat(), ch: fc.constantFrom('a', 'x', 'e', '') }), {
          maxLength: 2,
        }),
        tag: fc.boolean(),
      }),
      { minLength: 2, maxLength: 24 },
    ),
    noise: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 12 }), { maxLength: 6 }),
  })
  .map(({ bases, copies, noise }): NearDupInput[] => {
    const texts = copies.map(({ family, edits, tag }) => {
      const chars = Array.from(bases[family % bases.length]!.join(' '));
      for (const { at, ch } of edits) chars.splice(at % chars.length, 1, ch);
      return `${chars.join('')}${tag ? ' #wakeup' : ''}`;
    });
    for (const words of noise) texts.push(words.join(' '));
    return texts.map((text, i) => ({ id: 1000 - 7 * i, text }));
  });

function groupOf(result: NearDupResult): Map<number, number> {
  const map = new Map<number, number>();
  result.groups.forEach((g, i) => {
    for (const id of g.members) {
      assert.equal(map.has(id), false, `id ${id} in two groups`);
      map.set(id, i);
    }
  });
  return map;
}

test('findNearDuplicates vs brute force: verified pairs are exact, recall of J ≥ 0.7 pairs ≥ 0.9 (seeded)', async () => {
  const threshold = NEARDUP_DEFAULTS.jaccardThreshold;
  let truth = 0;
  let found = 0;
  for (const texts of fc.sample(corpus, { seed: 20240501, numRuns: 120 })) {
    const result = await findNearDuplicates(texts);
    const group = groupOf(result);
    const byId = new Map(texts.map((t) => [t.id, t.text]));
    for (const g of result.groups) {
      assert.deepEqual(
        g.members,
        [...g.members].sort((a, b) => a - b),
      );
      for (const { a, b, jaccard: reported } of g.pairs) {
        const sa = shingleSet(normalizeForNearDup(byId.get(a)!), 5);
        const sb = shingleSet(normalizeForNearDup(byId.get(b)!), 5);
        assert.equal(reported, jaccard(sa, sb));
        assert.ok(reported >= threshold);
      }
    }
    for (const [a, b] of bruteForcePairs(texts, threshold)) {
      truth++;
      if (group.has(a) && group.get(a) === group.get(b)) found++;
    }
  }
  assert.ok(truth > 500, `only ${truth} true pairs: the corpus generator is too weak`);
  assert.ok(found / truth >= 0.9, `recall ${found}/${truth}`);
});

test('findNearDuplicates: short Chinese copypasta (10–19 characters) is eligible, 8 characters is short', async () => {
  const base = '选举被偷了我们要求重新计票'; // 13 characters, 12 distinct 2-shingles
  // One character replaced in the middle: 2 of 12 shingles change, J = 10 / 14 ≈ 0.714 ≥ 0.7 to the base.
  const v1 = '选举被偷了我们必求重新计票';
  const v2 = '选举被抢了我们要求重新计票';
  const result = await findNearDuplicates([
    { id: 1, text: base },
    { id: 2, text: v1 },
    { id: 3, text: v2 },
    { id: 4, text: '选举被偷了我们要' }, // 8 characters: short
  ]);
  assert.deepEqual(
    result.groups.map((g) => g.members),
    [[1, 2, 3]],
  );
  assert.equal(result.stats.short, 1);
});
