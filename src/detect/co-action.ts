/**
 * Co-action within a time window, as set-oriented SQL in the case store (DuckDB).
 *
 * Accounts a ≠ b co-act on object o when each has a trace on o and |t_a − t_b| ≤ W_kind (inclusive, sliding and
 * exact: no fixed bins, so no pair is lost across a bin edge). Every such trace pair is one co-action; the edge
 * between a and b carries the co-action count, the distinct objects, mean and median Δt, per-kind counts, a
 * CooRTweet-style symmetry score and a capped, deterministic evidence sample.
 *
 * Methods and sources:
 * - Co-retweet / co-tweet within a short window: Keller, Schoch, Stier & Yang 2020, "Political Astroturfing on
 *   Twitter: How to Coordinate a Disinformation Campaign", doi:10.1080/10584609.2019.1661888.
 * - Coordinated link sharing (CLSB) within a coordination interval: Giglietto, Righetti, Rossi & Marino 2020,
 *   "It takes a village to manipulate the media" (CooRnet), doi:10.1080/1369118X.2020.1739732.
 * - Objects of any kind, pair table with Δt, `edge_symmetry_score`: Righetti & Balluff, CooRTweet (R package,
 *   `detect_groups`, `generate_coordinated_network`).
 * - Co-retweet, co-link, co-reply, co-tweet networks over a time window: Graham et al. 2024, QUT Digital
 *   Observatory coordination network toolkit.
 * - Many trace kinds ("traces") projected onto one account network: Pacheco et al. 2021, "Uncovering Coordinated
 *   Networks on Social Media: Methods and Case Studies", doi:10.1609/icwsm.v15i1.18075.
 *
 * Algorithm (STACK.md §2, the bucketed self-join): each trace of kind k gets the bucket ⌊t / w_k⌋ with
 * w_k = W_k (in ms; 1 ms when W_k = 0). Two traces at most W_k apart lie in the same or in adjacent buckets, so
 * the self-join is an equi-join on (object, bucket) plus (object, bucket + 1), then the exact |Δt| ≤ W_k filter.
 * Joining on the object alone is quadratic on trending objects (191 s against 2.7 s in STACK.md §2). Within one
 * bucket a pair is taken once by requiring account(x) < account(y); across adjacent buckets it is taken once as
 * (earlier bucket, later bucket), so every unordered trace pair appears exactly once.
 *
 * Viral objects (DESIGN.md §4): a (kind, object, bucket) cell holding more than `maxTracesPerObjectWindow` traces
 * is a burst. Its traces are not paired at all, which bounds the pairs any one object-window can produce; the
 * cells are counted and the largest reported in {@link CoactionStats.bounded}, never dropped silently.
 *
 * @module
 */

import type { BoundedObjects } from '../model/run-info.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';
import { type CoactionOptionsInput, resolveCoactionOptions, windowMs } from './co-action-options.js';

export {
  COACTION_DEFAULTS,
  type CoactionOptions,
  type CoactionOptionsInput,
  resolveCoactionOptions,
  validateCoactionOptions,
  type WindowSpec,
} from './co-action-options.js';
export { parseWindowSpec } from './parse-window-spec.js';

/** Tables written by {@link computeCoactions}, in the order they are built. */
export const COACTION_TABLES = [
  'coaction_pairs',
  'coaction_edges',
  'coaction_edge_kinds',
  'coaction_edge_objects',
  'coaction_evidence',
] as const;

/** One of {@link COACTION_TABLES}. */
export type CoactionTable = (typeof COACTION_TABLES)[number];

/** DDL of the output tables: the column contract documented on {@link computeCoactions}. */
export const COACTION_DDL: Readonly<Record<CoactionTable, string>> = {
  coaction_pairs: `CREATE TABLE coaction_pairs (a INTEGER, b INTEGER, kind VARCHAR, object INTEGER,
    rec_a BIGINT, rec_b BIGINT, ts_a BIGINT, ts_b BIGINT, dt_ms BIGINT)`,
  coaction_edges: `CREATE TABLE coaction_edges (a INTEGER, b INTEGER, coactions BIGINT, objects BIGINT,
    mean_dt_s DOUBLE, median_dt_s DOUBLE, posts_a BIGINT, posts_b BIGINT, symmetry DOUBLE)`,
  coaction_edge_kinds: `CREATE TABLE coaction_edge_kinds (a INTEGER, b INTEGER, kind VARCHAR,
    coactions BIGINT, objects BIGINT)`,
  coaction_edge_objects: `CREATE TABLE coaction_edge_objects (a INTEGER, b INTEGER, kind VARCHAR,
    object INTEGER, coactions BIGINT, min_dt_s DOUBLE)`,
  coaction_evidence: `CREATE TABLE coaction_evidence (a INTEGER, b INTEGER, kind VARCHAR, object INTEGER,
    rec_a BIGINT, rec_b BIGINT, dt_ms BIGINT, rank INTEGER)`,
};

/** How many bounded objects {@link CoactionStats.bounded} lists, largest first. */
export const BOUNDED_TOP_OBJECTS = 20;

/** What {@link computeCoactions} found. Deterministic for identical input and options. */
export interface CoactionStats {
  /** Rows of `coaction_pairs`: co-action trace pairs. */
  pairs: number;
  /** Rows of `coaction_edges`: account pairs with at least one co-action. */
  edges: number;
  /** Pairs per trace kind; every kind that was paired is present (0 when none). */
  byKind: Record<string, number>;
  /** Object-window cells over the cap that were not paired (see {@link CoactionOptions.maxTracesPerObjectWindow}). */
  bounded: BoundedObjects;
  /** The windows used, in seconds, for every kind (also those not paired). */
  windowSeconds: Record<TraceKind, number>;
}

/** Optional observers of {@link computeCoactions}. */
export interface CoactionHooks {
  /** Called after each step with its name and wall-clock milliseconds (for progress bars and run.json). */
  onStep?: (step: string, ms: number) => void;
}

/** SQL string literal (kinds come from a closed list; quoting anyway keeps the SQL safe if that changes). */
function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Temporary tables of one run, dropped at the end (also on failure). */
const TEMP_TABLES = ['_co_win', '_co_heavy', '_co_full', '_co_p', '_co_multi', '_co_mp'] as const;

/**
 * Find every co-action in the store's `traces` table and (re)build the co-action tables from them.
 *
 * Input: `traces(account INTEGER, rec BIGINT, ts_ms BIGINT, kind VARCHAR, object INTEGER)` (store DDL), with
 * `object` unique across kinds and `account` numbered in account-key order; `object_dict` supplies the values
 * named in `bounded.top`. Rows of kinds not in `options.kinds` are ignored. A trace is one row; the pipeline
 * writes at most one row per (rec, kind, object) (see `extractTraces`), so (object, rec_a, rec_b) identifies a pair.
 *
 * Output tables (dropped first, then rebuilt; `a < b` everywhere, `rec_a`/`ts_a` belong to account `a`; row
 * order is unspecified, so sort when reading):
 * - `coaction_pairs(a, b, kind, object, rec_a, rec_b, ts_a, ts_b, dt_ms)`: one row per unordered pair of traces
 *   of different accounts on the same object with |ts_a − ts_b| ≤ W_kind; `dt_ms` = |ts_a − ts_b|.
 * - `coaction_edges(a, b, coactions, objects, mean_dt_s, median_dt_s, posts_a, posts_b, symmetry)`: one row per
 *   account pair with ≥ 1 co-action. `coactions` = pairs; `objects` = distinct objects; `mean_dt_s`/`median_dt_s`
 *   over the pairs' Δt in seconds (median of an even count = mean of the two middle values); `posts_a`/`posts_b` =
 *   distinct records of a / of b in the pairs; `symmetry` = min(posts_a, posts_b) / max(posts_a, posts_b) in
 *   (0, 1] (CooRTweet's `edge_symmetry_score`).
 * - `coaction_edge_kinds(a, b, kind, coactions, objects)`: pairs and distinct objects per edge and kind.
 * - `coaction_edge_objects(a, b, kind, object, coactions, min_dt_s)`: pairs and smallest Δt (s) per edge and object.
 * - `coaction_evidence(a, b, kind, object, rec_a, rec_b, dt_ms, rank)`: per edge its first `evidencePerEdge` pairs
 *   in the order (dt_ms, object, rec_a, rec_b), plus the first pair of every other kind behind the edge, so each
 *   kind keeps evidence of its own (a copypasta edge that also shares links shows both); `rank` is the 1-based
 *   position in that order over all kinds. Empty when `evidencePerEdge` is 0.
 *
 * Cost: one equi-join on (object, bucket) with an exact Δt filter, then one pass per output table. Edges with a
 * single pair (in organic data almost all of them) are written as projections of their pair; only the pairs of
 * multi-pair edges are aggregated. Measured with co-action.bench.ts on 2 threads: 10^7 traces → 6.3 M pairs in
 * ≈ 5 s (2.8 GB peak RSS, in memory); the dense profile (15.6 M pairs) ≈ 10 s. Memory is dominated by the output
 * tables themselves, so large cases should use a file-backed store or a DuckDB memory limit.
 *
 * @param store an open case store whose `traces` table is filled
 * @param options partial {@link CoactionOptions}, merged over {@link COACTION_DEFAULTS}:
 *   `[options.windowSeconds]` seconds per kind (share/reply/url/domain/hashtag/mention/object 60, text/media/
 *   neardup 300, misspelling 604,800, hashtagseq 86,400; a `default` entry applies to kinds not named),
 *   `[options.kinds=all kinds]`,
 *   `[options.maxTracesPerObjectWindow=1000]` traces per (kind, object, bucket) cell before it is bounded,
 *   `[options.evidencePerEdge=10]` evidence pairs per edge (plus the first of each further kind)
 * @param hooks optional observers (step timings)
 * @returns counts of pairs and edges, pairs per kind, the bounded cells and the windows used
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid (checked before any SQL runs)
 * @throws {StoreError} `STORE_FAILED` when DuckDB fails (e.g. the `traces` table is missing, out of memory)
 * @example
 * const store = await DuckStore.create(':memory:');
 * // … fill traces (and object_dict) …
 * const stats = await computeCoactions(store, { windowSeconds: { default: 60, text: 300 } });
 * console.log(stats.pairs, stats.edges, stats.bounded.objectWindows);
 */
export async function computeCoactions(
  store: DuckStore,
  options: CoactionOptionsInput = {},
  hooks: CoactionHooks = {},
): Promise<CoactionStats> {
  const o = resolveCoactionOptions(options);
  const cap = o.maxTracesPerObjectWindow;
  const step = async (name: string, sql: string): Promise<void> => {
    const started = performance.now();
    await store.run(sql);
    hooks.onStep?.(name, performance.now() - started);
  };
  /** Create output table `table` and fill it with `select`. */
  const fill = (name: string, table: CoactionTable, select: string): Promise<void> =>
    step(name, `${COACTION_DDL[table]};\nINSERT INTO ${table} ${select}`);
  const kindList = `[${o.kinds.map(lit).join(', ')}]`;
  const kindOf = (k: string) => `${kindList}[${k} + 1]`;
  // Window table: kind → small code k (index in options.kinds), inclusive bound limit_ms, bucket width ≥ 1 ms.
  const windowRows = o.kinds.map((kind, k) => {
    const limit = windowMs(o, kind);
    return `(${lit(kind)}, ${k}, ${limit}, ${Math.max(1, limit)})`;
  });
  // Bucketed traces of the chosen kinds. Floor division: DuckDB's // truncates toward zero.
  const bucketed = `SELECT t.object, t.ts_ms // w.width_ms - (t.ts_ms % w.width_ms < 0)::BIGINT AS bk,
      t.account, t.rec, t.ts_ms, w.k, w.limit_ms
    FROM traces t JOIN _co_win w ON t.kind = w.kind`;

  try {
    await store.run(COACTION_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n'));
    await step(
      'windows',
      `CREATE OR REPLACE TEMP TABLE _co_win (kind VARCHAR, k UTINYINT, limit_ms BIGINT, width_ms BIGINT);
       INSERT INTO _co_win VALUES ${windowRows.join(', ')};`,
    );
    // Viral-object cells. Only an object with more than `cap` traces in all can have a cell over the cap, so the
    // per-cell count runs on those objects alone.
    await step(
      'bounded',
      `CREATE OR REPLACE TEMP TABLE _co_heavy AS
         SELECT t.object FROM traces t SEMI JOIN _co_win w ON t.kind = w.kind
         GROUP BY t.object HAVING count(*) > ${cap};
       CREATE OR REPLACE TEMP TABLE _co_full AS
         SELECT object, bk, any_value(k) AS k, count(*) AS n
         FROM (${bucketed}) SEMI JOIN _co_heavy USING (object)
         GROUP BY object, bk HAVING count(*) > ${cap};`,
    );
    await step(
      'traces',
      `CREATE OR REPLACE TEMP TABLE _co_p AS SELECT * FROM (${bucketed}) ANTI JOIN _co_full USING (object, bk)`,
    );
    // The bucketed self-join: x in bucket bk meets y in bk (x.account < y.account) or in bk + 1 (any other account).
    const ifA = (xa: string, ya: string) => `CASE WHEN x.account < y.account THEN ${xa} ELSE ${ya} END`;
    await fill(
      'pairs',
      'coaction_pairs',
      `WITH x AS (SELECT object, bk + d AS jb, d, account, rec, ts_ms, k, limit_ms
                  FROM _co_p CROSS JOIN (VALUES (0::BIGINT), (1::BIGINT)) v(d))
       SELECT
         ${ifA('x.account', 'y.account')}, ${ifA('y.account', 'x.account')}, ${kindOf('x.k')}, x.object,
         ${ifA('x.rec', 'y.rec')}, ${ifA('y.rec', 'x.rec')}, ${ifA('x.ts_ms', 'y.ts_ms')}, ${ifA('y.ts_ms', 'x.ts_ms')},
         abs(x.ts_ms - y.ts_ms)
       FROM x JOIN _co_p y ON y.object = x.object AND y.bk = x.jb
       WHERE x.account <> y.account AND (x.d = 1 OR x.account < y.account)
         AND abs(x.ts_ms - y.ts_ms) <= x.limit_ms`,
    );
    await store.run('DROP TABLE _co_p');
    // Edges with more than one pair, and their pairs; every other edge is a projection of its single pair.
    await step(
      'multi',
      `CREATE OR REPLACE TEMP TABLE _co_multi AS
         SELECT a, b FROM coaction_pairs GROUP BY a, b HAVING count(*) > 1;
       CREATE OR REPLACE TEMP TABLE _co_mp AS SELECT * FROM coaction_pairs SEMI JOIN _co_multi USING (a, b);`,
    );
    const single = 'FROM coaction_pairs ANTI JOIN _co_multi USING (a, b)';
    await fill(
      'edges',
      'coaction_edges',
      `SELECT a, b, 1, 1, dt_ms / 1000, dt_ms / 1000, 1, 1, 1 ${single}
       UNION ALL
       SELECT a, b, count(*), count(DISTINCT object), avg(dt_ms) / 1000, median(dt_ms) / 1000,
              count(DISTINCT rec_a) AS pa, count(DISTINCT rec_b) AS pb, least(pa, pb) / greatest(pa, pb)
       FROM _co_mp GROUP BY a, b`,
    );
    await fill(
      'edge_kinds',
      'coaction_edge_kinds',
      `SELECT a, b, kind, 1, 1 ${single}
       UNION ALL
       SELECT a, b, kind, count(*), count(DISTINCT object) FROM _co_mp GROUP BY a, b, kind`,
    );
    await fill(
      'edge_objects',
      'coaction_edge_objects',
      `SELECT a, b, kind, object, 1, dt_ms / 1000 ${single}
       UNION ALL
       SELECT a, b, any_value(kind), object, count(*), min(dt_ms) / 1000 FROM _co_mp GROUP BY a, b, object`,
    );
    await fill(
      'evidence',
      'coaction_evidence',
      `SELECT a, b, kind, object, rec_a, rec_b, dt_ms, 1 ${single} WHERE ${o.evidencePerEdge} > 0
       UNION ALL
       SELECT a, b, kind, object, rec_a, rec_b, dt_ms,
              row_number() OVER (PARTITION BY a, b ORDER BY dt_ms, object, rec_a, rec_b) AS rank
       FROM _co_mp
       QUALIFY ${o.evidencePerEdge} > 0 AND (rank <= ${o.evidencePerEdge}
         OR row_number() OVER (PARTITION BY a, b, kind ORDER BY dt_ms, object, rec_a, rec_b) = 1)`,
    );

    const byKind: Record<string, number> = {};
    for (const kind of o.kinds) byKind[kind] = 0;
    let pairs = 0;
    for (const row of await store.all<{ kind: string; n: bigint }>(
      'SELECT kind, count(*) AS n FROM coaction_pairs GROUP BY kind',
    )) {
      byKind[row.kind] = Number(row.n);
      pairs += Number(row.n);
    }
    const edges = await store.scalar('SELECT count(*) FROM coaction_edges');
    const bounded = await readBounded(store, cap, kindList);
    return { pairs, edges, byKind, bounded, windowSeconds: { ...o.windowSeconds } };
  } finally {
    // Best effort: a failing clean-up must not hide the error that got us here (temp tables die with the connection).
    await store.run(TEMP_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n')).catch(() => undefined);
  }
}

/** Summarise `_co_full` as {@link BoundedObjects}: totals and the largest objects (largest cell first). */
async function readBounded(store: DuckStore, cap: number, kindList: string): Promise<BoundedObjects> {
  const [totals] = await store.all<{ cells: bigint; traces: bigint | null }>(
    'SELECT count(*) AS cells, sum(n)::BIGINT AS traces FROM _co_full',
  );
  const top = await store.all<{ kind: string; object: string; traces: bigint }>(
    `WITH f AS (SELECT object, any_value(k) AS k, max(n) AS traces FROM _co_full GROUP BY object)
     SELECT ${kindList}[f.k + 1] AS kind, coalesce(d.value, CAST(f.object AS VARCHAR)) AS object, f.traces
     FROM f LEFT JOIN object_dict d ON d.object = f.object
     ORDER BY f.traces DESC, kind, object, f.object
     LIMIT ${BOUNDED_TOP_OBJECTS}`,
  );
  return {
    maxTracesPerObjectWindow: cap,
    objectWindows: Number(totals?.cells ?? 0),
    traces: Number(totals?.traces ?? 0),
    top: top.map((r) => ({ kind: r.kind as TraceKind, object: r.object, traces: Number(r.traces) })),
  };
}
