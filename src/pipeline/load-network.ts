/**
 * Network loading: choose the edges to keep (absolute thresholds or CooRTweet's percentile rule) with
 * set-oriented SQL over `coaction_edges`, then read only the kept edges with their per-kind counts, evidence pairs
 * (joined to the posts behind them) and per-object counts into the shapes of src/model/network.ts.
 * Percentile rule: Righetti & Balluff, CooRTweet `generate_coordinated_network(edge_weight = q)` — keep edges whose
 * weight is strictly above the type-7 quantile q of all edge weights (DuckDB `quantile_cont` is type 7).
 */
import {
  type Correction,
  EDGE_SIGNIFICANCE_DEFAULTS,
  validateEdgeSignificanceOptions,
} from '../detect/edge-significance.js';
import { ConfigError } from '../errors.js';
import type { EdgeKindStats, NetworkEdge, PostRef } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

/**
 * Edge filter:
 * - `significance` (default): keep the edges whose co-action is improbable under the null model of
 *   `computeEdgeSignificance` at false-positive rate `fpr` with multiple-testing control `correction`;
 * - `absolute`: fixed thresholds on co-actions, objects and posts;
 * - `percentile`: CooRTweet-compatible, keep edges above a quantile of the co-action counts.
 */
export type EdgeFilter =
  | { mode: 'significance'; fpr: number; correction: Correction }
  | { mode: 'absolute'; minCoactions: number; minObjects: number; minPostsEach: number }
  | { mode: 'percentile'; quantile: number };

/**
 * Absolute thresholds used by `--min-coactions` & co.: at least 2 co-actions, and each account took part with at
 * least 2 distinct posts — so the two accounts acted together at least twice. One shared link alone yields 2
 * co-actions on 2 objects (its URL and its domain) from a single post each, and is not an edge; `minObjects` stays 1
 * so repeated pushing of one object (link flooding) still counts.
 */
export const ABSOLUTE_EDGE_FILTER: EdgeFilter = Object.freeze({
  mode: 'absolute',
  minCoactions: 2,
  minObjects: 1,
  minPostsEach: 2,
});

/** Default edge filter: significance at a false-positive rate of 0.001 with Benjamini–Hochberg control. */
export const EDGE_FILTER_DEFAULTS: EdgeFilter = Object.freeze({
  mode: 'significance',
  ...EDGE_SIGNIFICANCE_DEFAULTS,
});

/**
 * Check an edge filter.
 * @throws {ConfigError} when the mode is unknown, a threshold is not an integer ≥ 1, the quantile is outside [0, 1],
 *   or the significance options are invalid
 */
export function validateEdgeFilter(filter: EdgeFilter): void {
  const mode = (filter as { mode?: unknown } | null)?.mode;
  if (mode !== 'absolute' && mode !== 'percentile' && mode !== 'significance') {
    throw new ConfigError(
      `graph/edge-filter: invalid \`mode\` (${String(mode)}). Expecting 'significance', 'absolute' or 'percentile'.`,
    );
  }
  if (filter.mode === 'significance') {
    validateEdgeSignificanceOptions(filter);
  } else if (filter.mode === 'absolute') {
    for (const key of ['minCoactions', 'minObjects', 'minPostsEach'] as const) {
      const value = filter[key];
      if (!Number.isInteger(value) || value < 1) {
        throw new ConfigError(`graph/edge-filter: invalid \`${key}\` (${value}). Expecting an integer ≥ 1.`);
      }
    }
  } else if (!(filter.quantile >= 0 && filter.quantile <= 1)) {
    throw new ConfigError(
      `graph/edge-filter: invalid \`quantile\` (${filter.quantile}). Expecting a number in [0, 1].`,
    );
  }
}

/** Per-edge object counts for cluster summaries. */
export interface EdgeObjectCount {
  a: string;
  b: string;
  kind: TraceKind;
  object: string;
  coactions: number;
}

/** What {@link loadNetwork} returns. */
export interface LoadedNetwork {
  /** Kept edges, sorted by (a, b). */
  edges: NetworkEdge[];
  /** Per-object co-action counts of the kept edges. */
  edgeObjects: EdgeObjectCount[];
  /** Edges before the filter. */
  candidateEdges: number;
  /** The percentile threshold used (percentile mode), else null. */
  weightThreshold: number | null;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Filter `coaction_edges` and load the kept edges with their evidence. Rows are streamed chunk by chunk; each post
 * and object value behind the evidence is loaded once and shared by every pair that cites it, so memory grows with
 * the kept network, not with the evidence rows.
 * @param store a case whose co-action tables exist (see `computeCoactions`)
 * @param filter see {@link EdgeFilter}
 * @throws {ConfigError} for an invalid filter; {@link StoreError} when a query fails
 */
export async function loadNetwork(
  store: DuckStore,
  filter: EdgeFilter = EDGE_FILTER_DEFAULTS,
): Promise<LoadedNetwork> {
  validateEdgeFilter(filter);
  const candidateEdges = await store.scalar('SELECT count(*) FROM coaction_edges');
  let weightThreshold: number | null = null;
  let where: string;
  const hasSignificance =
    (await store.scalar(
      "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('sig_edges', 'sig_edge_kinds')",
    )) === 2;
  if (filter.mode === 'significance') {
    if (!hasSignificance) {
      throw new ConfigError(
        'graph/edge-filter: mode `significance` needs the significance tables; run `computeEdgeSignificance` first.',
      );
    }
    where = 's.significant';
  } else if (filter.mode === 'absolute') {
    where = `coactions >= ${filter.minCoactions} AND objects >= ${filter.minObjects} AND least(posts_a, posts_b) >= ${filter.minPostsEach}`;
  } else {
    weightThreshold = await store.scalar(
      `SELECT quantile_cont(coactions, ${filter.quantile}) FROM coaction_edges`,
    );
    where = `coactions > ${weightThreshold}`;
  }
  const sigColumns = hasSignificance
    ? 's.weight AS sig_weight, s.log10_p, s.expected AS sig_expected, s.best_kind, s.group_log10_p'
    : 'NULL AS sig_weight, NULL AS log10_p, NULL AS sig_expected, NULL AS best_kind, NULL AS group_log10_p';
  const sigJoin = hasSignificance ? 'LEFT JOIN sig_edges s USING (a, b)' : '';
  await store.run(`CREATE OR REPLACE TABLE kept_edges AS
    SELECT e.*, da.key AS key_a, db.key AS key_b, ${sigColumns}
    FROM coaction_edges e JOIN account_dict da ON da.account = e.a JOIN account_dict db ON db.account = e.b
    ${sigJoin}
    WHERE ${where}`);

  const edges: NetworkEdge[] = [];
  const byPair = new Map<string, NetworkEdge>();
  for await (const rows of store.rows('SELECT * FROM kept_edges ORDER BY key_a, key_b')) {
    for (const row of rows) {
      const edge: NetworkEdge = {
        a: String(row.key_a),
        b: String(row.key_b),
        coactions: num(row.coactions),
        objects: num(row.objects),
        meanDtSeconds: num(row.mean_dt_s),
        medianDtSeconds: num(row.median_dt_s),
        symmetry: num(row.symmetry),
        perKind: [],
        evidence: [],
        evidenceTotal: num(row.coactions),
      };
      if (row.log10_p !== null && row.log10_p !== undefined) {
        edge.log10PValue = num(row.log10_p);
        edge.pValue = 10 ** edge.log10PValue;
        edge.expected = num(row.sig_expected);
        edge.idfWeight = num(row.sig_weight);
      }
      if (row.group_log10_p !== null && row.group_log10_p !== undefined) {
        edge.groupLog10PValue = num(row.group_log10_p);
      }
      if (filter.mode === 'significance') edge.weight = num(row.sig_weight);
      edges.push(edge);
      byPair.set(`${row.a},${row.b}`, edge);
    }
  }

  const kindSig = hasSignificance
    ? 'sk.expected, sk.log10_p FROM coaction_edge_kinds k JOIN kept_edges USING (a, b) LEFT JOIN sig_edge_kinds sk USING (a, b, kind)'
    : 'NULL AS expected, NULL AS log10_p FROM coaction_edge_kinds k JOIN kept_edges USING (a, b)';
  for await (const rows of store.rows(`SELECT k.a, k.b, k.kind, k.coactions, k.objects, ${kindSig}
      ORDER BY k.a, k.b, k.kind`)) {
    for (const row of rows) {
      const stats: EdgeKindStats = {
        kind: row.kind as TraceKind,
        coactions: num(row.coactions),
        objects: num(row.objects),
      };
      if (row.log10_p !== null && row.log10_p !== undefined) {
        stats.expected = num(row.expected);
        stats.log10PValue = num(row.log10_p);
      }
      byPair.get(`${row.a},${row.b}`)?.perKind.push(stats);
    }
  }

  // Posts behind the evidence, loaded once each.
  const posts = new Map<string, PostRef>();
  for await (const rows of store.rows(`SELECT p.rec, p.platform, p.post_id, p.account_id, p.ts_ms, p.text, f.path, p.record
      FROM posts p JOIN files f ON f.file_idx = p.file_idx
      WHERE p.rec IN (SELECT rec_a FROM coaction_evidence JOIN kept_edges USING (a, b)
                      UNION SELECT rec_b FROM coaction_evidence JOIN kept_edges USING (a, b))`)) {
    for (const row of rows) {
      const ref: PostRef = {
        platform: String(row.platform),
        postId: String(row.post_id),
        accountKey: `${row.platform}:${row.account_id}`,
        tsMs: num(row.ts_ms),
        source: { file: String(row.path), record: num(row.record) },
      };
      if (typeof row.text === 'string') ref.text = row.text;
      posts.set(String(row.rec), ref);
    }
  }
  // Object values, loaded once each.
  const objectValues = new Map<string, string>();
  const objectValue = (row: Record<string, unknown>): string => {
    const key = String(row.object);
    let value = objectValues.get(key);
    if (value === undefined) {
      value = String(row.value);
      objectValues.set(key, value);
    }
    return value;
  };

  for await (const rows of store.rows(`SELECT ev.a, ev.b, ev.kind, ev.object, o.value, ev.rec_a, ev.rec_b, ev.dt_ms
      FROM coaction_evidence ev JOIN kept_edges USING (a, b) JOIN object_dict o ON o.object = ev.object
      ORDER BY ev.a, ev.b, ev.dt_ms, ev.kind, ev.object, ev.rec_a, ev.rec_b`)) {
    for (const row of rows) {
      const postA = posts.get(String(row.rec_a));
      const postB = posts.get(String(row.rec_b));
      if (postA === undefined || postB === undefined) continue;
      byPair.get(`${row.a},${row.b}`)?.evidence.push({
        kind: row.kind as TraceKind,
        object: objectValue(row),
        postA,
        postB,
        dtSeconds: num(row.dt_ms) / 1000,
      });
    }
  }

  const edgeObjects: EdgeObjectCount[] = [];
  for await (const rows of store.rows(`SELECT k.key_a, k.key_b, eo.kind, eo.object, o.value, eo.coactions
      FROM coaction_edge_objects eo JOIN kept_edges k USING (a, b) JOIN object_dict o ON o.object = eo.object
      ORDER BY k.key_a, k.key_b, eo.kind, o.value`)) {
    for (const row of rows) {
      edgeObjects.push({
        a: String(row.key_a),
        b: String(row.key_b),
        kind: row.kind as TraceKind,
        object: objectValue(row),
        coactions: num(row.coactions),
      });
    }
  }
  return { edges, edgeObjects, candidateEdges, weightThreshold };
}
