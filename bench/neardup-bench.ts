/**
 * Near-duplicate benchmark (`findNearDuplicates`, src/signals): quality against an all-pairs exact-Jaccard
 * baseline, and throughput with peak memory. Prints a markdown table.
 *
 * Run: `node --import tsx bench/neardup-bench.ts [--quality 1e4] [--sizes 1e5,1e6] [--pseudo 677000] [--seed 7]
 * [--json out.json]`
 * (`--quality 0` or `--sizes ''` skips a part; `--json` also writes {@link NeardupBenchReport}, as
 * `npm run bench` does). Each throughput size runs in a child process so that its peak RSS
 * (`process.resourceUsage().maxRSS`) is its own: one child generates the corpus first (`bench/generate-copypasta.ts`;
 * its RSS is reported apart) and times the run; a second child streams the generator straight in, so its peak RSS
 * is the algorithm's without a corpus held in memory (as in the pipeline, which streams posts from the store).
 *
 * Quality: truth pairs are the pairs of eligible texts whose shingle sets have exact Jaccard ≥ the threshold
 * (all pairs of distinct normalized texts compared; exact copies have J = 1). Recall = truth pairs that we place
 * in one group ÷ truth pairs; precision = pairs we place in one group with J ≥ threshold ÷ pairs we place in one
 * group. Both are given per text pair and per distinct-text pair. Groups are connected components of verified
 * pairs, so chains (A ~ B ~ C with J(A, C) < threshold) lower group precision while every verified pair is exact:
 * the verified-pair precision re-checks the evidence pairs against the baseline.
 *
 * `--pseudo N` (default 0: skipped) also times `findNearDuplicates` on N distinct texts of 10–20 pseudo-words each
 * (the organic posts of `generate-synthetic.ts`: no near-duplicates, so almost all the time goes to normalizing,
 * shingling and MinHash), the shape of the texts that `detect` feeds it at 10⁶ posts (677k texts).
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import {
  findNearDuplicates,
  jaccard,
  NEARDUP_DEFAULTS,
  type NearDupResult,
} from '../src/signals/find-near-duplicates.js';

import { normalizeForNearDup } from '../src/signals/neardup-normalize.js';
import { countCodePoints, shingleCharsFor, shingleSet } from '../src/signals/shingles.js';
import { copypastaTexts, generateCopypasta } from './generate-copypasta.js';
import { makeVocabulary } from './generate-synthetic.js';

const MB = 1024 * 1024;

/** The quality run on `--quality` texts: ours against the all-pairs exact-Jaccard baseline. */
export interface QualityReport {
  texts: number;
  distinct: number;
  oursMs: number;
  allPairsMs: number;
  allPairsComparisons: number;
  text: { truth: number; grouped: number; hit: number };
  distinctPairs: { truth: number; grouped: number; hit: number };
  family: { truth: number; hit: number; grouped: number };
  verified: { checked: number; correct: number };
  result: NearDupResult;
}

/** Baseline: normalized keys, eligibility and shingle sets exactly as `findNearDuplicates` defines them. */
function baselineKeys(texts: readonly { id: number; text: string }[]) {
  const o = NEARDUP_DEFAULTS;
  const keyOf = new Int32Array(texts.length).fill(-1);
  const index = new Map<string, number>();
  const sets: Uint32Array[] = [];
  const counts: number[] = [];
  for (const { id, text } of texts) {
    const key = normalizeForNearDup(text);
    let k = index.get(key);
    if (k === undefined) {
      if (countCodePoints(key, o.minTextChars) < o.minTextChars) continue;
      const set = shingleSet(key, shingleCharsFor(key, o.shingleChars, o.cjkShingleChars));
      if (set.length < o.minShingles) continue;
      k = sets.length;
      index.set(key, k);
      sets.push(set);
      counts.push(0);
    }
    keyOf[id] = k;
    counts[k]!++;
  }
  return { keyOf, sets, counts };
}

async function quality(n: number, seed: number): Promise<QualityReport> {
  const { texts, family } = generateCopypasta({ texts: n, seed });
  const t0 = performance.now();
  const result = await findNearDuplicates(texts);
  const oursMs = performance.now() - t0;

  const { keyOf, sets, counts } = baselineKeys(texts);
  const m = sets.length;
  const t1 = performance.now();
  const truthPairs: number[] = []; // flattened (i, j) of distinct keys with J ≥ threshold
  const truthJ = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const s = jaccard(sets[i]!, sets[j]!);
      if (s >= NEARDUP_DEFAULTS.jaccardThreshold) {
        truthPairs.push(i, j);
        truthJ.set(i * m + j, s);
      }
    }
  }
  const allPairsMs = performance.now() - t1;

  const groupOfKey = new Int32Array(m).fill(-1);
  result.groups.forEach((g, gi) => {
    for (const id of g.members) groupOfKey[keyOf[id]!] = gi;
  });
  const pairs2 = (c: number): number => (c * (c - 1)) / 2;
  const text = { truth: 0, grouped: 0, hit: 0 };
  const distinctPairs = { truth: truthPairs.length / 2, grouped: 0, hit: 0 };
  for (let k = 0; k < m; k++) text.truth += pairs2(counts[k]!);
  text.hit = text.truth; // exact copies always share a group
  for (let p = 0; p < truthPairs.length; p += 2) {
    const i = truthPairs[p]!;
    const j = truthPairs[p + 1]!;
    text.truth += counts[i]! * counts[j]!;
    if (groupOfKey[i]! >= 0 && groupOfKey[i] === groupOfKey[j]) {
      text.hit += counts[i]! * counts[j]!;
      distinctPairs.hit++;
    }
  }
  const keysPerGroup = new Map<number, number[]>();
  for (let k = 0; k < m; k++) {
    if (groupOfKey[k]! >= 0)
      keysPerGroup.set(groupOfKey[k]!, [...(keysPerGroup.get(groupOfKey[k]!) ?? []), k]);
  }
  for (const g of result.groups) text.grouped += pairs2(g.members.length);
  for (const keys of keysPerGroup.values()) distinctPairs.grouped += pairs2(keys.length);

  // Family truth: pairs of eligible texts from one family.
  const familySize = new Map<number, number>();
  const familyGroup = new Map<string, number>();
  for (let id = 0; id < n; id++) {
    if (family[id]! < 0 || keyOf[id]! < 0) continue;
    familySize.set(family[id]!, (familySize.get(family[id]!) ?? 0) + 1);
    const g = groupOfKey[keyOf[id]!]!;
    if (g >= 0) familyGroup.set(`${family[id]}:${g}`, (familyGroup.get(`${family[id]}:${g}`) ?? 0) + 1);
  }
  const familyReport = { truth: 0, hit: 0, grouped: text.grouped };
  for (const size of familySize.values()) familyReport.truth += pairs2(size);
  for (const size of familyGroup.values()) familyReport.hit += pairs2(size);

  const verified = { checked: 0, correct: 0 };
  for (const g of result.groups) {
    for (const { a, b } of g.pairs) {
      const [i, j] = [keyOf[a]!, keyOf[b]!].sort((x, y) => x - y) as [number, number];
      verified.checked++;
      if ((truthJ.get(i * m + j) ?? 0) >= NEARDUP_DEFAULTS.jaccardThreshold) verified.correct++;
    }
  }
  return {
    texts: n,
    distinct: m,
    oursMs,
    allPairsMs,
    allPairsComparisons: pairs2(m),
    text,
    distinctPairs,
    family: familyReport,
    verified,
    result,
  };
}

/** One throughput size (two child processes: pre-generated corpus, and streamed input). */
export interface ThroughputReport {
  texts: number;
  runMs: number;
  generateMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Peak RSS of a second child that streams the generator into `findNearDuplicates` (no corpus held). */
  streamedPeakRssMb: number;
  stats: NearDupResult['stats'];
}

/** One timed run in a child process (the corpus generated first): see {@link ThroughputReport}. */
export type ChildReport = Omit<ThroughputReport, 'streamedPeakRssMb'>;

/** `n` seeded texts of 10–20 words drawn uniformly from `makeVocabulary()` (4,096 pseudo-words), ids 0 … n − 1. */
function* pseudoWordTexts(n: number, seed: number): Generator<{ id: number; text: string }> {
  const rng = seedrandom(`pseudo-words-${seed}`);
  const vocabulary = makeVocabulary();
  const words: string[] = [];
  for (let id = 0; id < n; id++) {
    words.length = 0;
    const count = 10 + Math.floor(rng() * 11);
    for (let w = 0; w < count; w++) words.push(vocabulary[Math.floor(rng() * vocabulary.length)]!);
    yield { id, text: words.join(' ') };
  }
}

/**
 * Child-process body. `array`: generate the corpus, then time `findNearDuplicates` on it. `stream`: feed the
 * generator straight in, to measure memory without the corpus. `pseudo`: as `array` on {@link pseudoWordTexts}.
 */
async function child(n: number, seed: number, mode: string): Promise<void> {
  let report: ChildReport;
  if (mode === 'stream') {
    const t0 = performance.now();
    const { stats } = await findNearDuplicates(copypastaTexts({ texts: n, seed }));
    const runMs = performance.now() - t0;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    report = { texts: n, runMs, generateMs: 0, rssBeforeMb: 0, peakRssMb, stats };
  } else {
    const t0 = performance.now();
    const texts: { id: number; text: string }[] = [];
    const corpus = mode === 'pseudo' ? pseudoWordTexts(n, seed) : copypastaTexts({ texts: n, seed });
    for (const t of corpus) texts.push({ id: t.id, text: t.text });
    const generateMs = performance.now() - t0;
    globalThis.gc?.();
    const rssBeforeMb = process.memoryUsage().rss / MB;
    const t1 = performance.now();
    const { stats } = await findNearDuplicates(texts);
    const runMs = performance.now() - t1;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    report = { texts: n, runMs, generateMs, rssBeforeMb, peakRssMb, stats };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(n: number, seed: number, mode: 'array' | 'stream' | 'pseudo'): ChildReport {
  const self = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, '--expose-gc', self, '--child', String(n), '--mode', mode];
  const out = spawnSync(process.execPath, [...args, '--seed', String(seed)], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out.status !== 0) throw new Error(`neardup-bench: child for ${n} texts failed (status ${out.status})`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as ChildReport;
}

function throughput(n: number, seed: number): ThroughputReport {
  const timed = runChild(n, seed, 'array');
  return { ...timed, streamedPeakRssMb: runChild(n, seed, 'stream').peakRssMb };
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number, b: number): string => (b === 0 ? '—' : fmt(a / b, 4));

/** What `--json` writes: the quality run (without the groups), the throughput rows and the printed Markdown. */
export interface NeardupBenchReport {
  seed: number;
  threshold: number;
  quality: (Omit<QualityReport, 'result'> & { stats: NearDupResult['stats'] }) | null;
  throughput: ThroughputReport[];
  /** The `--pseudo` run, or `null` when skipped. */
  pseudo: ChildReport | null;
  markdown: string;
}

function qualityLines(q: QualityReport): string[] {
  const s = q.result.stats;
  const row = (name: string, value: string): string => `| ${name} | ${value} |`;
  const of = (hit: number, all: number): string => `${ratio(hit, all)} (${fmt(hit)} / ${fmt(all)})`;
  const speedup = q.oursMs > 0 ? q.allPairsMs / q.oursMs : Number.POSITIVE_INFINITY;
  return [
    `## Quality (${fmt(q.texts)} texts, ${fmt(q.distinct)} distinct eligible, threshold ${NEARDUP_DEFAULTS.jaccardThreshold})`,
    '',
    '| measure | value |',
    '|---|---|',
    row('recall, text pairs (target ≥ 0.95)', of(q.text.hit, q.text.truth)),
    row('precision, verified evidence pairs (target ≥ 0.99)', of(q.verified.correct, q.verified.checked)),
    row('precision, text pairs in one group (group-pair precision)', of(q.text.hit, q.text.grouped)),
    row('recall, distinct-text pairs', of(q.distinctPairs.hit, q.distinctPairs.truth)),
    row('precision, distinct-text pairs in one group', of(q.distinctPairs.hit, q.distinctPairs.grouped)),
    row(
      'family recall: same-family pairs in one group (generator truth)',
      ratio(q.family.hit, q.family.truth),
    ),
    row('family purity: pairs in one group from one family', ratio(q.family.hit, q.family.grouped)),
    row('groups / grouped texts', `${fmt(s.groups)} / ${fmt(s.groupedTexts)}`),
    row(
      'candidate / compared / verified pairs',
      `${fmt(s.candidatePairs)} / ${fmt(s.comparedPairs)} / ${fmt(s.verifiedPairs)}`,
    ),
    row('ours (MinHash + LSH + exact verification), ms', fmt(q.oursMs)),
    row(
      `all-pairs exact Jaccard baseline (${fmt(q.allPairsComparisons)} pairs), ms`,
      `${fmt(q.allPairsMs)} (${fmt(speedup, 1)}× ours)`,
    ),
    '',
    'Groups are union-find components of verified pairs, so A ~ B and B ~ C put A and C in one group even when',
    'J(A, C) < threshold: such chained pairs lower group-pair precision and family purity, while every evidence',
    'pair is exactly verified (verified-pair precision).',
    '',
  ];
}

function throughputLines(rows: ThroughputReport[]): string[] {
  return [
    '## Throughput (single thread; run time with the corpus pre-generated)',
    '',
    '| texts | run s | texts/min | peak RSS MB | RSS before run MB (corpus) | peak RSS MB, streamed input | distinct | short | compared pairs | groups | grouped texts |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const perMin = (r.texts / r.runMs) * 60_000;
      return `| ${fmt(r.texts)} | ${fmt(r.runMs / 1000, 1)} | ${fmt(perMin)} | ${fmt(r.peakRssMb)} | ${fmt(r.rssBeforeMb)} | ${fmt(r.streamedPeakRssMb)} | ${fmt(r.stats.distinctKeys)} | ${fmt(r.stats.short)} | ${fmt(r.stats.comparedPairs)} | ${fmt(r.stats.groups)} | ${fmt(r.stats.groupedTexts)} |`;
    }),
    '',
  ];
}

function pseudoLines(r: ChildReport): string[] {
  return [
    `## Distinct pseudo-word texts (${fmt(r.texts)} texts of 10–20 words, no near-duplicates; single thread)`,
    '',
    '| texts | run s | µs / text | texts/min | peak RSS MB | RSS before run MB (corpus) | compared pairs | groups |',
    '|---|---|---|---|---|---|---|---|',
    `| ${fmt(r.texts)} | ${fmt(r.runMs / 1000, 2)} | ${fmt((r.runMs * 1000) / r.texts, 2)} | ${fmt((r.texts / r.runMs) * 60_000)} | ${fmt(r.peakRssMb)} | ${fmt(r.rssBeforeMb)} | ${fmt(r.stats.comparedPairs)} | ${fmt(r.stats.groups)} |`,
    '',
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quality: { type: 'string', default: '1e4' },
      sizes: { type: 'string', default: '1e5,1e6' },
      seed: { type: 'string', default: '7' },
      child: { type: 'string' },
      mode: { type: 'string', default: 'array' },
      json: { type: 'string' },
      pseudo: { type: 'string', default: '0' },
    },
  });
  const seed = Number(values.seed);
  if (values.child !== undefined) return child(Number(values.child), seed, values.mode);
  const lines: string[] = [];
  const print = (part: string[]): void => {
    lines.push(...part);
    process.stdout.write(`${part.join('\n')}\n`);
  };
  const qualityTexts = Number(values.quality);
  const q = qualityTexts > 0 ? await quality(qualityTexts, seed) : null;
  if (q) print(qualityLines(q));
  const sizes = values.sizes
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number);
  const rows = sizes.map((n) => throughput(n, seed));
  if (rows.length > 0) print(throughputLines(rows));
  const pseudoTexts = Number(values.pseudo);
  const pseudo = pseudoTexts > 0 ? runChild(pseudoTexts, seed, 'pseudo') : null;
  if (pseudo) print(pseudoLines(pseudo));
  if (values.json !== undefined) {
    let summary: NeardupBenchReport['quality'] = null;
    if (q) {
      const { result, ...rest } = q;
      summary = { ...rest, stats: result.stats };
    }
    const report: NeardupBenchReport = {
      seed,
      threshold: NEARDUP_DEFAULTS.jaccardThreshold,
      quality: summary,
      throughput: rows,
      pseudo,
      markdown: lines.join('\n'),
    };
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  }
}

await main();
