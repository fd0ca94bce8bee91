/**
 * CooRTweet 2.1.3 compatibility: `detect_groups` and `generate_coordinated_network` of the R package CooRTweet,
 * reproduced over a Chorus case store so that results can be checked row for row against the reference tool.
 *
 * What is implemented
 * - {@link coortweetDetectGroups}: CooRTweet's `detect_groups(x, time_window, min_participation)` (R/detect_groups.R:
 *   `do_detect_groups`, `calc_group_combinations`, `do_remove_loops`, `filter_min_participation`) on the table that
 *   a Chorus store implies for one trace kind: one row per trace, `object_id` = the object's original id,
 *   `content_id` = the post id, `account_id` = the platform account id, `timestamp_share` = the post time.
 * - {@link coortweetNetwork}: CooRTweet's `generate_coordinated_network(x, edge_weight, subgraph = 0)`
 *   (R/generate_coordinated_network.R) as a plain edge table, with R's type-7 quantile (src/graph/quantile-type7.ts).
 *
 * Semantics (CooRTweet 2.1.3, read from its R source; the oracle in test/fixtures/coortweet confirms each point)
 * 1. Pre-filter: accounts with fewer than `min_participation` rows (traces of the kind, any object) are dropped
 *    (`x[, if (.N >= min_participation) .SD, by = account_id]`). This also regroups the rows by account in order of
 *    first appearance, which decides ties below.
 * 2. Pairs: per `object_id`, every unordered pair of rows with |Δt| ≤ `time_window` (inclusive, sliding, no bins).
 * 3. Loops removed: pairs where `object_id` equals either `content_id`, where `content_id == content_id_y`, or where
 *    `account_id == account_id_y`.
 * 4. Post-filter (only when `min_participation >= 1`): let C be every content id still in a pair; an account
 *    qualifies when at least `min_participation` of its (pre-filtered) rows have a content id in C; a pair is kept
 *    when EITHER side's content id belongs to a qualifying account's rows in C (R uses `|`).
 * 5. Orientation: `content_id`/`account_id` is the earlier share. On equal timestamps the row that comes first
 *    after step 1 wins, i.e. the account that appears first in the input (smallest `rec`), not the smaller id.
 * 6. Network: accounts ordered as strings (`pmin`/`pmax`, C-locale order here; CooRTweet's ids are hex so locales
 *    agree), `weight` = pairs, `avg_time_delta` = mean Δt, `n_content_id`/`n_content_id_y` = distinct values of
 *    the pair columns `content_id`/`content_id_y` (NOT per account: the content columns are not swapped with the
 *    accounts), `edge_symmetry_score` = min/max of the two, `weight_threshold` = 1 when weight is strictly greater
 *    than the type-7 quantile at `edge_weight` of all edge weights.
 *
 * Identity is string-level, as CooRTweet sees the table: two platforms' accounts (or objects, or posts) with the
 * same id string are one account (object, content) here, exactly as they would be in an exported CooRTweet table.
 *
 * Sources
 * - Righetti, N. & Balluff, P. CooRTweet: coordinated networks detection on social media (R package, MIT),
 *   https://github.com/nicolarighetti/CooRTweet (version 2.1.3; CRAN). Files R/detect_groups.R,
 *   R/calc_group_combinations.R, R/generate_coordinated_network.R.
 * - Giglietto, F., Righetti, N., Rossi, L. & Marino, G. (2020). It takes a village to manipulate the media:
 *   coordinated link sharing behavior during 2018 and 2019 Italian elections. Information, Communication &
 *   Society 23(6), 867–891. doi:10.1080/1369118X.2020.1739732
 * - Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American Statistician 50(4),
 *   361–365. doi:10.1080/00031305.1996.10473566 (R's `quantile(type = 7)`).
 */
import { ConfigError } from '../errors.js';
import { compareStrings } from '../graph/compare-strings.js';
import { quantileType7 } from '../graph/quantile-type7.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';
import { checkNonNegativeInteger, checkWindowSeconds } from './check-compat-option.js';
import { PEER_TRACE_ROWS_SQL } from './peer-trace-rows.js';

// ---------------------------------------------------------------------------------------------------------------
// Shapes

/**
 * One coordinated share pair, as a row of CooRTweet's `detect_groups` result.
 * - `objectId`: the shared object's original id (for `share`, the parent post id without the `platform:` prefix).
 * - `contentId` / `accountId`: the earlier share (post id, platform account id); `contentIdY` / `accountIdY`: the
 *   later one. On equal times, the account that appears first in the input comes first.
 * - `timeDelta`: |t_y − t| in seconds (fractional when the store holds sub-second times), 0 ≤ `timeDelta` ≤ W.
 */
export interface CoortweetPair {
  objectId: string;
  contentId: string;
  contentIdY: string;
  timeDelta: number;
  accountId: string;
  accountIdY: string;
}

/**
 * One undirected edge of CooRTweet's `generate_coordinated_network` (no subgraph), `accountA < accountB` as strings.
 * - `weight`: number of pairs between the two accounts.
 * - `avgTimeDelta`: mean `timeDelta` of those pairs, in seconds.
 * - `nContentId` / `nContentIdY`: distinct `contentId` / `contentIdY` values among those pairs (pair columns, not
 *   per account, as in CooRTweet).
 * - `edgeSymmetryScore`: min(nContentId, nContentIdY) / max(nContentId, nContentIdY), in (0, 1].
 * - `weightThreshold`: 1 when `weight` is strictly above the `edgeWeight` quantile (R type 7) of all edge weights.
 */
export interface CoortweetEdge {
  accountA: string;
  accountB: string;
  weight: number;
  avgTimeDelta: number;
  nContentId: number;
  nContentIdY: number;
  edgeSymmetryScore: number;
  weightThreshold: 0 | 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Options

/** Options of {@link coortweetDetectGroups}. */
export interface CoortweetDetectOptions {
  // -- window --
  /** CooRTweet `time_window`: largest |Δt| between two shares of one object, in seconds (inclusive), ≥ 0. */
  windowSeconds: number;
  // -- filters --
  /** CooRTweet `min_participation`: least rows an account needs, before and after pairing. Integer ≥ 0. */
  minParticipation?: number;
  // -- input --
  /** Which trace kind plays CooRTweet's `object_id` (default `share`: co-retweet of the same parent). */
  kind?: TraceKind;
}

/** Defaults of {@link coortweetDetectGroups} (CooRTweet 2.1.3's own, except the window, which has none here). */
export const COORTWEET_DETECT_DEFAULTS = {
  minParticipation: 2,
  kind: 'share',
} as const satisfies Omit<Required<CoortweetDetectOptions>, 'windowSeconds'>;

/** Options of {@link coortweetNetwork}. */
export interface CoortweetNetworkOptions {
  /** CooRTweet `edge_weight`: the quantile (0..1) of edge weights that `weightThreshold` compares against. */
  edgeWeight?: number;
}

/** Defaults of {@link coortweetNetwork} (CooRTweet 2.1.3's own). */
export const COORTWEET_NETWORK_DEFAULTS = {
  edgeWeight: 0.5,
} as const satisfies Required<CoortweetNetworkOptions>;

const SUBJECT = 'detect/coortweet-compat';

/**
 * Merge {@link CoortweetDetectOptions} with {@link COORTWEET_DETECT_DEFAULTS} and check them.
 * @throws {ConfigError} `CONFIG_INVALID` when `windowSeconds` is not a finite number ≥ 0, or `minParticipation`
 *   is not an integer ≥ 0
 */
export function resolveCoortweetDetectOptions(
  options: CoortweetDetectOptions,
): Required<CoortweetDetectOptions> {
  const resolved = { ...COORTWEET_DETECT_DEFAULTS, ...options } as Required<CoortweetDetectOptions>;
  checkWindowSeconds(SUBJECT, resolved.windowSeconds);
  checkNonNegativeInteger(SUBJECT, 'minParticipation', resolved.minParticipation);
  if (typeof resolved.kind !== 'string' || resolved.kind.length === 0) {
    throw new ConfigError(
      `${SUBJECT}: invalid \`kind\` (${String(resolved.kind)}). Expecting a trace kind such as 'share'.`,
    );
  }
  return resolved;
}

/**
 * Merge {@link CoortweetNetworkOptions} with {@link COORTWEET_NETWORK_DEFAULTS} and check them.
 * @throws {ConfigError} `CONFIG_INVALID` when `edgeWeight` is not a number in [0, 1] (CooRTweet's own check)
 */
export function resolveCoortweetNetworkOptions(
  options: CoortweetNetworkOptions = {},
): Required<CoortweetNetworkOptions> {
  const resolved = { ...COORTWEET_NETWORK_DEFAULTS, ...options };
  if (typeof resolved.edgeWeight !== 'number' || !(resolved.edgeWeight >= 0 && resolved.edgeWeight <= 1)) {
    throw new ConfigError(
      `${SUBJECT}: invalid \`edgeWeight\` (${String(resolved.edgeWeight)}). Expecting a number in [0, 1].`,
    );
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------------------------
// detect_groups

/** Suffix of this module's temporary tables, so concurrent calls on one store never collide. */
let tempSeq = 0;

/**
 * CooRTweet's `detect_groups`: pairs of shares of the same object by different accounts within `windowSeconds`,
 * computed with set-oriented SQL in the store (equi-join on object and time bucket, then the exact window test).
 *
 * Input tables (see src/store/schema.ts): `traces` rows of `kind`, with `account_dict` (→ `account_id`),
 * `object_dict` (→ `object_id`: `value` without a leading `platform:` of the trace's platform) and `posts`
 * (→ `content_id` = `post_id`, via `rec`). `rec` is the input order: on equal times the account whose first trace
 * of this kind has the smaller `rec` becomes `accountId`, as in CooRTweet.
 *
 * @param store the case store; its tables are read, never changed (temporary tables are created and dropped)
 * @param options see {@link CoortweetDetectOptions}
 * @param options.windowSeconds CooRTweet `time_window`, seconds, inclusive (required)
 * @param [options.minParticipation=2] CooRTweet `min_participation`
 * @param [options.kind='share'] trace kind used as CooRTweet's `object_id`
 * @returns the pairs, sorted by `objectId`, `contentId`, `contentIdY`, then the accounts (code-unit order;
 *   CooRTweet's own row order is not part of its contract, so compare with it as sets of rows)
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options (see {@link resolveCoortweetDetectOptions})
 * @throws {StoreError} `STORE_FAILED` when a query fails (e.g. the case tables are missing)
 * @example
 * const store = await DuckStore.create(':memory:');
 * // … ingest and trace extraction fill posts, account_dict, object_dict, traces …
 * const pairs = await coortweetDetectGroups(store, { windowSeconds: 10 });
 * const edges = coortweetNetwork(pairs);
 * store.close();
 */
export async function coortweetDetectGroups(
  store: DuckStore,
  options: CoortweetDetectOptions,
): Promise<CoortweetPair[]> {
  const { windowSeconds, minParticipation, kind } = resolveCoortweetDetectOptions(options);
  const windowMs = windowSeconds * 1000;
  // Pairs within the window lie in the same or adjacent buckets whenever the bucket is at least the window wide.
  const bucketMs = Math.max(Math.ceil(windowMs), 1);
  tempSeq += 1;
  const x = `coortweet_x_${tempSeq}`;
  const pairTable = `coortweet_pairs_${tempSeq}`;
  try {
    // CooRTweet's input table x, string identities dense-coded to integers. After the pre-filter R's rows are
    // grouped by account in order of first appearance (`by = account_id`), then in input order: `acc_first`
    // (the account's smallest rec) and `rec` reproduce that order, which decides equal-time pairs.
    await store.run(
      `CREATE TEMP TABLE ${x} AS
       WITH raw AS (
         SELECT rec, ts_ms, obj_key, account_id, post_id AS content_id, object_id FROM (${PEER_TRACE_ROWS_SQL})
       ), coded AS (
         SELECT *,
                row_number() OVER (ORDER BY rec, obj_key) AS rid,
                dense_rank() OVER (ORDER BY account_id) AS acc,
                dense_rank() OVER (ORDER BY object_id) AS obj,
                dense_rank() OVER (ORDER BY content_id) AS cid,
                min(rec) OVER (PARTITION BY account_id) AS acc_first,
                count(*) OVER (PARTITION BY account_id) AS acc_rows
         FROM raw
       )
       SELECT rid, acc, obj, cid, ts_ms, acc_first, rec,
              floor(ts_ms / $bucket)::BIGINT AS bucket, object_id = content_id AS self_object,
              account_id, object_id, content_id
       FROM coded WHERE acc_rows >= $minp`,
      { kind, bucket: bucketMs, minp: minParticipation },
    );
    // Candidate pairs: same object, same or next time bucket (never the object alone), then the exact window.
    // Loops (same account, same content, object == content) are dropped here; CooRTweet drops them before its
    // second min_participation filter too, so the order of operations is the same.
    const side = `rid, acc, cid, ts_ms, acc_first, rec`;
    await store.run(
      `CREATE TEMP TABLE ${pairTable} AS
       WITH xs AS (SELECT obj, bucket, ${side} FROM ${x} WHERE NOT self_object),
       cand AS (
         SELECT a.obj, a.rid AS rid_a, a.acc AS acc_a, a.cid AS cid_a, a.ts_ms AS ts_a, a.acc_first AS first_a,
                a.rec AS rec_a, b.rid AS rid_b, b.acc AS acc_b, b.cid AS cid_b, b.ts_ms AS ts_b,
                b.acc_first AS first_b, b.rec AS rec_b
         FROM xs a JOIN xs b ON a.obj = b.obj AND a.bucket = b.bucket AND a.rid < b.rid
         UNION ALL
         SELECT a.obj, a.rid, a.acc, a.cid, a.ts_ms, a.acc_first, a.rec,
                b.rid, b.acc, b.cid, b.ts_ms, b.acc_first, b.rec
         FROM xs a JOIN xs b ON a.obj = b.obj AND b.bucket = a.bucket + 1
       ), kept AS (
         SELECT * FROM cand
         WHERE abs(ts_a - ts_b) <= $windowMs AND acc_a <> acc_b AND cid_a <> cid_b
       )
       SELECT obj,
              CASE WHEN a_first THEN rid_a ELSE rid_b END AS rid_1,
              CASE WHEN a_first THEN rid_b ELSE rid_a END AS rid_2,
              CASE WHEN a_first THEN cid_a ELSE cid_b END AS cid_1,
              CASE WHEN a_first THEN cid_b ELSE cid_a END AS cid_2,
              abs(ts_a - ts_b) AS dt_ms
       FROM (
         SELECT *, ts_a < ts_b OR (ts_a = ts_b AND (first_a < first_b OR (first_a = first_b AND
                   (rec_a < rec_b OR (rec_a = rec_b AND rid_a < rid_b))))) AS a_first
         FROM kept)`,
      { windowMs },
    );
    // Second min_participation filter (filter_min_participation): contents still paired (C); accounts with at
    // least minParticipation rows whose content is in C; keep a pair when either content belongs to them.
    const keepFilter =
      minParticipation >= 1
        ? `WITH c AS (SELECT cid_1 AS cid FROM ${pairTable} UNION SELECT cid_2 FROM ${pairTable}),
             in_c AS (SELECT x.acc, x.cid FROM ${x} x SEMI JOIN c ON c.cid = x.cid),
             qual AS (SELECT acc FROM in_c GROUP BY acc HAVING count(*) >= $minp),
             k AS (SELECT DISTINCT in_c.cid FROM in_c SEMI JOIN qual ON qual.acc = in_c.acc)
           SELECT * FROM ${pairTable} WHERE cid_1 IN (SELECT cid FROM k) OR cid_2 IN (SELECT cid FROM k)`
        : `SELECT * FROM ${pairTable}`;
    const rows = await store.all<{
      object_id: string;
      content_id: string;
      content_id_y: string;
      dt_ms: number;
      account_id: string;
      account_id_y: string;
    }>(
      `WITH f AS (${keepFilter})
       SELECT x1.object_id, x1.content_id, x2.content_id AS content_id_y, f.dt_ms::DOUBLE AS dt_ms,
              x1.account_id, x2.account_id AS account_id_y
       FROM f JOIN ${x} x1 ON x1.rid = f.rid_1 JOIN ${x} x2 ON x2.rid = f.rid_2`,
      minParticipation >= 1 ? { minp: minParticipation } : undefined,
    );
    return rows
      .map((r) => ({
        objectId: r.object_id,
        contentId: r.content_id,
        contentIdY: r.content_id_y,
        timeDelta: r.dt_ms / 1000,
        accountId: r.account_id,
        accountIdY: r.account_id_y,
      }))
      .sort(
        (u, v) =>
          compareStrings(u.objectId, v.objectId) ||
          compareStrings(u.contentId, v.contentId) ||
          compareStrings(u.contentIdY, v.contentIdY) ||
          compareStrings(u.accountId, v.accountId) ||
          compareStrings(u.accountIdY, v.accountIdY) ||
          u.timeDelta - v.timeDelta,
      );
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${pairTable}`);
    await store.run(`DROP TABLE IF EXISTS ${x}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// generate_coordinated_network

/**
 * CooRTweet's `generate_coordinated_network(x, edge_weight, subgraph = 0)` as an edge table: one undirected edge
 * per account pair with its weight, mean Δt, content counts, symmetry and threshold flag.
 * @param pairs rows of {@link coortweetDetectGroups} (or any CooRTweet `detect_groups` result)
 * @param options see {@link CoortweetNetworkOptions}
 * @param [options.edgeWeight=0.5] quantile of edge weights for `weightThreshold` (0..1)
 * @returns edges sorted by `accountA`, `accountB` (string order); empty when `pairs` is empty
 * @throws {ConfigError} `CONFIG_INVALID` when `edgeWeight` is outside [0, 1]
 * @example
 * const edges = coortweetNetwork(await coortweetDetectGroups(store, { windowSeconds: 60 }), { edgeWeight: 0.95 });
 * const strong = edges.filter((e) => e.weightThreshold === 1);
 */
export function coortweetNetwork(
  pairs: readonly CoortweetPair[],
  options: CoortweetNetworkOptions = {},
): CoortweetEdge[] {
  const { edgeWeight } = resolveCoortweetNetworkOptions(options);
  interface Acc {
    a: string;
    b: string;
    n: number;
    sumDt: number;
    content: Set<string>;
    contentY: Set<string>;
  }
  const groups = new Map<string, Acc>();
  for (const pair of pairs) {
    // pmin/pmax on the accounts only; the content columns stay where detect_groups put them.
    const [a, b] =
      pair.accountId < pair.accountIdY
        ? [pair.accountId, pair.accountIdY]
        : [pair.accountIdY, pair.accountId];
    const key = `${a}\u0000${b}`;
    let acc = groups.get(key);
    if (!acc) {
      acc = { a, b, n: 0, sumDt: 0, content: new Set(), contentY: new Set() };
      groups.set(key, acc);
    }
    acc.n += 1;
    acc.sumDt += pair.timeDelta;
    acc.content.add(pair.contentId);
    acc.contentY.add(pair.contentIdY);
  }
  const list = [...groups.values()].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  if (list.length === 0) return [];
  const threshold = quantileType7(
    list.map((g) => g.n),
    edgeWeight,
  );
  return list.map((g) => {
    const nContentId = g.content.size;
    const nContentIdY = g.contentY.size;
    return {
      accountA: g.a,
      accountB: g.b,
      weight: g.n,
      avgTimeDelta: g.sumDt / g.n,
      nContentId,
      nContentIdY,
      edgeSymmetryScore: Math.min(nContentId, nContentIdY) / Math.max(nContentId, nContentIdY),
      weightThreshold: g.n > threshold ? 1 : 0,
    };
  });
}
