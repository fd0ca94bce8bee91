/**
 * Benchmark of {@link computeCoactions} on generated traces (the STACK.md §2 data shape, scaled to 10^6–10^7).
 *
 * Run: `node --import tsx src/detect/co-action.bench.ts [--traces 10000000] [--profile realistic|dense]
 *   [--seed 42] [--threads 2] [--db /tmp/bench.duckdb --memory-limit 3GB]`
 * Wrap in `/usr/bin/time -v` for the peak RSS of the whole process; the script also prints Node's `maxRSS`.
 *
 * Data: generated inside DuckDB by `INSERT … SELECT FROM range()`; every random number is
 * `hash(i, salt, seed)` scaled to [0, 1), so one seed reproduces the data exactly (for one DuckDB version).
 * - Background (≈ 94 %): N/20 accounts with heavy-tailed activity (rank ∝ u², top account ≈ 0.14 % of traces);
 *   kinds share 40 %, hashtag 22 %, url 14 %, domain 12 %, mention 6 %, text 6 %; objects per kind drawn
 *   Zipf-like (rank ∝ u³) from universes of N/5 parent posts, N/50 hashtags, N/10 URLs, N/500 domains,
 *   N/100 handles and N/20 texts. Each object is born at a uniform time in 30 days and its traces decay
 *   exponentially after it; domains and mentions are uniform over the 30 days.
 * - Trending hashtags: 4 hashtags with N/100 traces each (10^5 at N = 10^7): two bursts of N/330,000 minutes
 *   (≈ 3,300 traces per 60 s bucket, so bounded by the default cap of 1,000) and two spread out (paired).
 * - Planted groups: N/40,000 groups (250 at 10^7) of 20 accounts × 40 actions (share, url, hashtag, text in
 *   turn) on objects of their own, every member within 30 s of the group's start time.
 *
 * Profiles (mean decay after birth; spread of the two paired trending hashtags):
 * - `realistic` (default): shares 6 h, hashtags 2 d, URLs 12 h, texts 12 h; trending spread over 7 days. About
 *   0.5 co-action pairs per trace, a few times denser than the real CooRTweet samples (0.1–0.2 pairs per trace
 *   at W = 60 s on `german_elections.csv` and `russian_coord_tweets.csv`).
 * - `dense`: shares 3 h, hashtags 2 d, URLs 6 h, texts 1 h; trending spread over 48 hours. About 1.5 pairs per
 *   trace: a stress test.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { DuckStore } from '../store/duck-store.js';
import { computeCoactions } from './co-action.js';

/** Options of {@link generateBenchTraces}. */
export interface BenchDataOptions {
  /** Total traces to generate (≥ 100,000). */
  traces: number;
  /** Seed of the hash-based generator. */
  seed: number;
  /** Data profile, see the module header. */
  profile: 'realistic' | 'dense';
}

/** Counts of the generated parts. */
export interface BenchDataCounts {
  background: number;
  trending: number;
  planted: number;
  groups: number;
  /** Accounts of planted groups are numbered from here up. */
  firstPlantedAccount: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Mean decay (ms) per background kind share, hashtag, url, domain, mention, text (0 = uniform), and spread. */
const PROFILES = {
  realistic: { decayMs: [6 * HOUR_MS, 2 * DAY_MS, 12 * HOUR_MS, 0, 0, 12 * HOUR_MS], spreadMs: 7 * DAY_MS },
  dense: { decayMs: [3 * HOUR_MS, 2 * DAY_MS, 6 * HOUR_MS, 0, 0, HOUR_MS], spreadMs: 2 * DAY_MS },
} as const;

/**
 * Append benchmark data to `traces` (and the trending hashtags to `object_dict`), see the module header.
 * @returns how many traces each part holds
 */
export async function generateBenchTraces(
  store: DuckStore,
  opts: BenchDataOptions,
): Promise<BenchDataCounts> {
  const n = opts.traces;
  const seed = opts.seed;
  const profile = PROFILES[opts.profile];
  const groups = Math.max(5, Math.round(n / 40_000));
  const planted = groups * 20 * 40;
  const perTrend = Math.max(1000, Math.round(n / 100));
  const trending = 4 * perTrend;
  const burstMs = Math.max(60_000, Math.round((perTrend / 3300) * 60_000));
  const background = n - planted - trending;
  const accounts = Math.max(1000, Math.round(n / 20));
  const t0 = 1_700_000_000_000;
  const span = 30 * DAY_MS;
  const base = 100_000_000; // object ids of kind index k start at k × base
  const u = (salt: number, of = 'i') =>
    `((hash(${of}, ${salt}, ${seed}) >> 11)::DOUBLE / 9007199254740992.0)`;
  const account = (salt: number) =>
    `((floor(${accounts} * pow(${u(salt)}, 2))::BIGINT * 7919) % ${accounts})::INTEGER`;
  const universes = [n / 5, n / 50, n / 10, n / 500, n / 100, n / 20].map(Math.round);

  await store.run(`
    INSERT INTO traces
    WITH g AS (SELECT i, ${u(1)} AS uk, ${u(3)} AS uo, ${u(4)} AS ut FROM range(${background}) r(i)),
    k AS (
      SELECT i, uo, ut,
        CASE WHEN uk < 0.40 THEN 0 WHEN uk < 0.62 THEN 1 WHEN uk < 0.76 THEN 2
             WHEN uk < 0.88 THEN 3 WHEN uk < 0.94 THEN 4 ELSE 5 END AS kc FROM g),
    o AS (SELECT i, ut, kc, kc * ${base} + floor([${universes.join(', ')}][kc + 1] * pow(uo, 3))::BIGINT AS obj FROM k)
    SELECT ${account(2)}, i,
      CASE WHEN kc IN (3, 4) THEN ${t0} + floor(ut * ${span})::BIGINT
           ELSE ${t0} + floor(${u(5, 'obj')} * ${span})::BIGINT
                + floor(-ln(1 - ut) * [${profile.decayMs.join(', ')}][kc + 1])::BIGINT
      END,
      ['share', 'hashtag', 'url', 'domain', 'mention', 'text'][kc + 1],
      obj::INTEGER
    FROM o`);

  // Trending hashtags: ids just above the background hashtag universe; #0 and #1 burst, #2 and #3 spread.
  const trendBase = base + (universes[1] ?? 0) + 1;
  await store.run(`
    INSERT INTO traces
    SELECT ${account(6)}, ${background} + i,
      ${t0} + (i // ${perTrend}) * ${5 * DAY_MS}
        + floor(${u(7)} * CASE WHEN i // ${perTrend} < 2 THEN ${burstMs} ELSE ${profile.spreadMs} END)::BIGINT,
      'hashtag', (${trendBase} + i // ${perTrend})::INTEGER
    FROM range(${trending}) r(i)`);
  await store.run(
    `INSERT INTO object_dict SELECT ${trendBase} + j, 'hashtag', 'trending' || j FROM range(4) r(j)`,
  );

  // Planted groups: accounts above the organic ones; objects in a range no background object reaches.
  await store.run(`
    INSERT INTO traces
    WITH m AS (SELECT i, i // 800 AS grp, (i % 800) // 40 AS member, i % 40 AS ev FROM range(${planted}) r(i))
    SELECT (${accounts} + grp * 20 + member)::INTEGER, ${background + trending} + i,
      ${t0} + floor(${u(8, 'grp * 40 + ev')} * ${span})::BIGINT + floor(${u(9)} * 30000)::BIGINT,
      ['share', 'url', 'hashtag', 'text'][ev % 4 + 1],
      ([0, 2, 1, 5][ev % 4 + 1] * ${base} + ${base / 2} + grp * 40 + ev)::INTEGER
    FROM m`);
  return { background, trending, planted, groups, firstPlantedAccount: accounts };
}

/** Generate the data, run {@link computeCoactions} once and print timings, counts and peak RSS. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      traces: { type: 'string', default: '1000000' },
      profile: { type: 'string', default: 'realistic' },
      seed: { type: 'string', default: '42' },
      threads: { type: 'string', default: '2' },
      db: { type: 'string', default: ':memory:' },
      'memory-limit': { type: 'string' },
    },
  });
  const traces = Number(values.traces);
  const profile = values.profile === 'dense' ? 'dense' : 'realistic';
  const threads = Number(values.threads);
  const memoryLimit = values['memory-limit'];
  const store = await DuckStore.create(values.db, { threads, ...(memoryLimit ? { memoryLimit } : {}) });
  try {
    let started = performance.now();
    const counts = await generateBenchTraces(store, { traces, seed: Number(values.seed), profile });
    if (values.db !== ':memory:') await store.run('CHECKPOINT');
    const genSeconds = (performance.now() - started) / 1000;
    console.log(
      `generated ${traces.toLocaleString('en')} traces (${profile}) in ${genSeconds.toFixed(2)} s`,
      counts,
    );

    started = performance.now();
    const stats = await computeCoactions(
      store,
      {},
      {
        onStep: (step, ms) => console.log(`  ${step.padEnd(14)} ${(ms / 1000).toFixed(2)} s`),
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const plantedEdges = await store.scalar(
      `SELECT count(*) FROM coaction_edges WHERE a >= ${counts.firstPlantedAccount} AND coactions >= 40`,
    );
    const result = {
      traces,
      profile,
      threads,
      db: values.db,
      memoryLimit: memoryLimit ?? null,
      seconds: Number(seconds.toFixed(2)),
      pairs: stats.pairs,
      edges: stats.edges,
      plantedEdges: { found: plantedEdges, expected: counts.groups * 190 },
      byKind: Object.fromEntries(Object.entries(stats.byKind).filter(([, v]) => v > 0)),
      bounded: { ...stats.bounded, top: stats.bounded.top.slice(0, 4) },
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
