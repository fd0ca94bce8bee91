/**
 * Network loading: choose the edges to keep (absolute thresholds or CooRTweet's percentile rule) with
 * set-oriented SQL over `coaction_edges`, then read only the kept edges with their per-kind counts, evidence pairs
 * (joined to the posts behind them) and per-object counts into the shapes of src/model/network.ts.
 * Percentile rule: Righetti & Balluff, CooRTweet `generate_coordinated_network(edge_weight = q)` — keep edges whose
 * weight is strictly above the type-7 quantile q of all edge weights (DuckDB `quantile_cont` is type 7).
 */
import { ConfigError } from '../errors.js';
import type { NetworkEdge, PostRef } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

/** Edge filter: absolute thresholds, or CooRTweet-compatible percentile mode. */
export type EdgeFilter =
  | { mode: 'absolute'; minCoactions: number; minObjects: number; minPostsEach: number }
  | { mode: 'percentile'; quantile: number };

/**
 * Default edge filter: at least 2 co-actions, and each account took part with at least 2 distinct posts — so the
 * two accounts acted together at least twice. One shared link alone yields 2 co-actions on 2 objects (its URL and
 * its domain) from a single post each, and is not an edge; `minObjects` stays 1 so repeated pushing of one object
 * (link flooding) still counts.
 */
export const EDGE_FILTER_DEFAULTS: EdgeFilter = {
  mode: 'absolute',
  minCoactions: 2,
  minObjects: 1,
  minPostsEach: 2,
};

/**
 * Check an edge filter.
 * @throws {ConfigError} when the mode is unknown, a threshold is not an integer ≥ 1, or the quantile is outside [0, 1]
 */
export function validateEdgeFilter(filter: EdgeFilter): void {
  const mode = (filter as { mode?: unknown } | null)?.mode;
  if (mode !== 'absolute' && mode !== 'percentile') {
    throw new ConfigError(
      `graph/edge-filter: invalid \`mode\` (${String(mode)}). Expecting 'absolute' or 'percentile'.`,
    );
  }
  if (filter.mode === 'absolute') {
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
  if (filter.mode === 'absolute') {
    where = `coactions >= ${filter.minCoactions} AND objects >= ${filter.minObjects} AND least(posts_a, posts_b) >= ${filter.minPostsEach}`;
  } else {
    weightThreshold = await store.scalar(
      `SELECT quantile_cont(coactions, ${filter.quantile}) FROM coaction_edges`,
    );
    where = `coactions > ${weightThreshold}`;
  }
  await store.run(`CREATE OR REPLACE TABLE kept_edges AS
    SELECT e.*, da.key AS key_a, db.key AS key_b
    FROM coaction_edges e JOIN account_dict da ON da.account = e.a JOIN account_dict db ON db.account = e.b
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
      edges.push(edge);
      byPair.set(`${row.a},${row.b}`, edge);
    }
  }

  for await (const rows of store.rows(`SELECT k.a, k.b, k.kind, k.coactions, k.objects
      FROM coaction_edge_kinds k JOIN kept_edges USING (a, b) ORDER BY k.a, k.b, k.kind`)) {
    for (const row of rows) {
      byPair.get(`${row.a},${row.b}`)?.perKind.push({
        kind: row.kind as TraceKind,
        coactions: num(row.coactions),
        objects: num(row.objects),
      });
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
      ORDER BY ev.a, ev.b, ev.rank`)) {
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
