/**
 * QUT Coordination Network Toolkit compatibility: the co-retweet network of `compute_co_retweet_parallel`
 * (coordination_network_toolkit/compute_networks.py) plus the loop filter of `graph.load_networkx_graph`
 * (coordination_network_toolkit/graph.py), reproduced over a Chorus case store.
 *
 * Semantics (read from the toolkit's source: compute_networks.py at commit b82a289, graph.py at 41e995d)
 * - Input: one row per message with a `repost_id` (here: one `share` trace; `message_id` = post id, `user_id` =
 *   platform account id, `repost_id` = the parent post id, `timestamp` = post time). The toolkit's `edge` table
 *   has `message_id` as primary key and loads with `insert or ignore`, so a repeated message id keeps its first
 *   row; the same is done here (first by `rec`).
 * - Pairs: `e_1 JOIN e_2 ON e_1.repost_id = e_2.repost_id AND e_2.timestamp BETWEEN e_1.timestamp − W AND
 *   e_1.timestamp + W` — same parent, |Δt| ≤ W inclusive, sliding. Both orders of every pair occur.
 * - Edges are DIRECTED: `user_1 → user_2` with `weight = count(DISTINCT e_1.message_id)`, i.e. how many of
 *   user_1's retweets have at least one retweet of the same parent by user_2 within W. The two directions of a pair
 *   can differ (A retweets twice near B's one retweet: A→B = 2, B→A = 1). Rows with `weight < min_edge_weight`
 *   are dropped (`HAVING weight >= ?`), per direction.
 * - Self-loops (`user_1 = user_2`) are in the table; `load_networkx_graph(loops=False)` drops them
 *   (`where user_1 != user_2`). The nodes of the graph are the endpoints of the kept edges.
 * - Self-pairs: the upstream SQL has no `e_1.message_id != e_2.message_id`, so every retweet also pairs with
 *   itself and, with loops on, every retweeting account gets a loop of weight = its retweet count. The expected
 *   values recorded for the toolkit's test vector (test/fixtures/qut/SOURCE.md: (1,1,loops) → 3, (1,2,loops) → 1,
 *   (60,1,loops) → 7) instead count a loop only for two DIFFERENT retweets of one parent by one account within W.
 *   That is the default here; `upstreamSelfPairs: true` reproduces the upstream SQL literally (→ 9, 6, 9 on the
 *   same vector; the upstream test file at d8c49bc lists 9, 5, 9, which its own SQL does not give for (1,2)).
 *   Non-loop edges are the same either way.
 *
 * Identity is string-level, as the toolkit sees a CSV export: accounts, parents and messages are their id strings
 * (`platform:` prefixes of parent keys are removed), so equal ids on two platforms are one id here.
 *
 * Sources
 * - Graham, T., QUT Digital Observatory. Coordination Network Toolkit (Python, MIT),
 *   https://github.com/QUT-Digital-Observatory/coordination-network-toolkit
 * - Graham, T., Hames, S. & Alpert, E. (2024). The coordination network toolkit: a framework for detecting and
 *   analysing coordinated behaviour on social media. Journal of Computational Social Science 7, 1139–1160.
 *   doi:10.1007/s42001-024-00260-z
 * - Keller, F. B., Schoch, D., Stier, S. & Yang, J. (2020). Political astroturfing on Twitter: how to coordinate a
 *   disinformation campaign. Political Communication 37(2), 256–280. doi:10.1080/10584609.2019.1661888
 */
import { ConfigError } from '../errors.js';
import { compareStrings } from '../graph/compare-strings.js';
import type { DuckStore } from '../store/duck-store.js';
import { checkNonNegativeInteger, checkWindowSeconds } from './check-compat-option.js';
import { PEER_TRACE_ROWS_SQL } from './peer-trace-rows.js';

/** One directed edge of the toolkit's `co_retweet_network` table: `source` = user_1, `target` = user_2. */
export interface QutEdge {
  /** user_1: platform account id whose retweets are counted. */
  source: string;
  /** user_2: platform account id that retweeted the same parents within the window. */
  target: string;
  /** Distinct retweets (messages) of `source` with a matching retweet by `target` within the window (≥ 1). */
  weight: number;
}

/** The toolkit's co-retweet network: the nodes (sorted) and the directed edges (sorted by source, target). */
export interface QutNetwork {
  /** Platform account ids that are an endpoint of a kept edge, sorted (code-unit order). */
  nodes: string[];
  edges: QutEdge[];
}

/** Options of {@link qutCoretweetNetwork}. */
export interface QutCoretweetOptions {
  // -- window --
  /** The toolkit's `time_window`: largest |Δt| between two retweets of one parent, in seconds (inclusive), ≥ 0. */
  windowSeconds: number;
  // -- filters --
  /** The toolkit's `min_edge_weight`: least weight a directed edge needs. Integer ≥ 0. */
  minEdgeWeight?: number;
  /** Keep self-loops (`loops=True` of `load_networkx_graph`). */
  selfLoops?: boolean;
  /** Pair each retweet with itself as the upstream SQL does (only changes self-loops); see the file header. */
  upstreamSelfPairs?: boolean;
}

/** Defaults of {@link qutCoretweetNetwork} (the toolkit's own: `min_edge_weight=1`, `loops=False`). */
export const QUT_CORETWEET_DEFAULTS = {
  minEdgeWeight: 1,
  selfLoops: false,
  upstreamSelfPairs: false,
} as const satisfies Omit<Required<QutCoretweetOptions>, 'windowSeconds'>;

const SUBJECT = 'detect/qut-compat';

/**
 * Merge {@link QutCoretweetOptions} with {@link QUT_CORETWEET_DEFAULTS} and check them.
 * @throws {ConfigError} `CONFIG_INVALID` when `windowSeconds` is not a finite number ≥ 0, `minEdgeWeight` is not an
 *   integer ≥ 0, or a flag is not a boolean
 */
export function resolveQutCoretweetOptions(options: QutCoretweetOptions): Required<QutCoretweetOptions> {
  const resolved = { ...QUT_CORETWEET_DEFAULTS, ...options } as Required<QutCoretweetOptions>;
  checkWindowSeconds(SUBJECT, resolved.windowSeconds);
  checkNonNegativeInteger(SUBJECT, 'minEdgeWeight', resolved.minEdgeWeight);
  for (const flag of ['selfLoops', 'upstreamSelfPairs'] as const) {
    if (typeof resolved[flag] !== 'boolean') {
      throw new ConfigError(
        `${SUBJECT}: invalid \`${flag}\` (${String(resolved[flag])}). Expecting true or false.`,
      );
    }
  }
  return resolved;
}

/** Suffix of this module's temporary tables, so concurrent calls on one store never collide. */
let tempSeq = 0;

/**
 * The QUT toolkit's co-retweet network over the `share` traces of a case store, computed with set-oriented SQL
 * (equi-join on parent and time bucket, then the exact window test and the per-direction count).
 *
 * Input tables (see src/store/schema.ts): `traces` of kind `share`, `account_dict` (→ `user_id` = `account_id`),
 * `object_dict` (→ `repost_id`: `value` without a leading `platform:`), `posts` (→ `message_id` = `post_id`).
 *
 * @param store the case store; read only (temporary tables are created and dropped)
 * @param options see {@link QutCoretweetOptions}
 * @param options.windowSeconds the toolkit's `time_window`, seconds, inclusive (required)
 * @param [options.minEdgeWeight=1] least weight per directed edge
 * @param [options.selfLoops=false] keep `user → same user` edges (two different retweets of one parent within W)
 * @param [options.upstreamSelfPairs=false] also pair every retweet with itself, as the upstream SQL does
 * @returns `{ nodes, edges }`: nodes = endpoints of the kept edges (sorted); edges directed, sorted
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options (see {@link resolveQutCoretweetOptions})
 * @throws {StoreError} `STORE_FAILED` when a query fails (e.g. the case tables are missing)
 * @example
 * const { nodes, edges } = await qutCoretweetNetwork(store, { windowSeconds: 60, minEdgeWeight: 2 });
 * console.log(`${nodes.length} accounts, ${edges.length} directed edges`);
 */
export async function qutCoretweetNetwork(
  store: DuckStore,
  options: QutCoretweetOptions,
): Promise<QutNetwork> {
  const { windowSeconds, minEdgeWeight, selfLoops, upstreamSelfPairs } = resolveQutCoretweetOptions(options);
  const windowMs = windowSeconds * 1000;
  const bucketMs = Math.max(Math.ceil(windowMs), 1);
  tempSeq += 1;
  const e = `qut_edge_${tempSeq}`;
  try {
    // The toolkit's `edge` table (reposts only), identities dense-coded; first row per message id kept.
    await store.run(
      `CREATE TEMP TABLE ${e} AS
       WITH raw AS (
         SELECT rec, ts_ms, obj_key, account_id AS user_id, post_id AS message_id, object_id AS repost_id
         FROM (${PEER_TRACE_ROWS_SQL})
       ), firsts AS (
         SELECT * FROM raw QUALIFY row_number() OVER (PARTITION BY message_id ORDER BY rec, obj_key) = 1
       )
       SELECT dense_rank() OVER (ORDER BY message_id) AS msg,
              dense_rank() OVER (ORDER BY user_id) AS usr,
              dense_rank() OVER (ORDER BY repost_id) AS rp,
              ts_ms, floor(ts_ms / $bucket)::BIGINT AS bucket, user_id
       FROM firsts`,
      { bucket: bucketMs, kind: 'share' },
    );
    // Unordered pairs once (same bucket with msg order, or next bucket), then both directions: (user of e_1,
    // user of e_2, message of e_1). Self-pairs (a message with itself) only in upstream mode.
    const selfPairs = upstreamSelfPairs ? `UNION ALL SELECT usr, usr, msg FROM ${e}` : '';
    const rows = await store.all<{ source: string; target: string; weight: number }>(
      `WITH pairs AS (
         SELECT a.usr AS u_a, a.msg AS m_a, b.usr AS u_b, b.msg AS m_b
         FROM ${e} a JOIN ${e} b ON a.rp = b.rp AND a.bucket = b.bucket AND a.msg < b.msg
         WHERE abs(a.ts_ms - b.ts_ms) <= $windowMs
         UNION ALL
         SELECT a.usr, a.msg, b.usr, b.msg
         FROM ${e} a JOIN ${e} b ON a.rp = b.rp AND b.bucket = a.bucket + 1
         WHERE b.ts_ms - a.ts_ms <= $windowMs
       ), directed AS (
         SELECT u_a AS u1, u_b AS u2, m_a AS m1 FROM pairs
         UNION ALL
         SELECT u_b, u_a, m_b FROM pairs
         ${selfPairs}
       ), weighted AS (
         SELECT u1, u2, count(DISTINCT m1) AS weight FROM directed GROUP BY u1, u2
         HAVING count(DISTINCT m1) >= $minWeight
       ), names AS (SELECT DISTINCT usr, user_id FROM ${e})
       SELECT n1.user_id AS source, n2.user_id AS target, w.weight::DOUBLE AS weight
       FROM weighted w JOIN names n1 ON n1.usr = w.u1 JOIN names n2 ON n2.usr = w.u2
       ${selfLoops ? '' : 'WHERE w.u1 <> w.u2'}`,
      { windowMs, minWeight: minEdgeWeight },
    );
    const edges: QutEdge[] = rows
      .map((r) => ({ source: r.source, target: r.target, weight: r.weight }))
      .sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
    const nodeSet = new Set<string>();
    for (const edge of edges) {
      nodeSet.add(edge.source);
      nodeSet.add(edge.target);
    }
    const nodes = [...nodeSet].sort(compareStrings);
    return { nodes, edges };
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${e}`);
  }
}
