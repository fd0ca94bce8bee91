/**
 * Network loading: choose the edges to keep (absolute thresholds or CooRTweet's percentile rule) with
 * set-oriented SQL over `coaction_edges`, then read only the kept edges with their per-kind counts, evidence pairs
 * (joined to the posts behind them) and per-object counts into the shapes of src/model/network.ts.
 * Percentile rule: Righetti & Balluff, CooRTweet `generate_coordinated_network(edge_weight = q)` — keep edges whose
 * weight is strictly above the type-7 quantile q of all edge weights (DuckDB `quantile_cont` is type 7).
 */
import { ConfigError } from '../errors.js';
import type { EdgeKindStats, EvidencePair, NetworkEdge, PostRef } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

/** Edge filter: absolute thresholds, or CooRTweet-compatible percentile mode. */
export type EdgeFilter =
  | { mode: 'absolute'; minCoactions: number; minObjects: number }
  | { mode: 'percentile'; quantile: number };

/** Default edge filter: at least 2 co-actions on at least 2 distinct objects. */
export const EDGE_FILTER_DEFAULTS: EdgeFilter = { mode: 'absolute', minCoactions: 2, minObjects: 2 };

/**
 * Check an edge filter.
 * @throws {ConfigError} when a threshold is negative/not finite or the quantile is outside [0, 1]
 */
export function validateEdgeFilter(filter: EdgeFilter): void {
  if (filter.mode === 'absolute') {
    for (const key of ['minCoactions', 'minObjects'] as const) {
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
 * Filter `coaction_edges` and load the kept edges with their evidence.
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
    where = `coactions >= ${filter.minCoactions} AND objects >= ${filter.minObjects}`;
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

  const edgeRows = await store.all('SELECT * FROM kept_edges ORDER BY key_a, key_b');
  const edges: NetworkEdge[] = [];
  const byPair = new Map<string, NetworkEdge>();
  for (const row of edgeRows) {
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

  const kindRows = await store.all(`SELECT k.a, k.b, k.kind, k.coactions, k.objects
    FROM coaction_edge_kinds k JOIN kept_edges USING (a, b) ORDER BY k.a, k.b, k.kind`);
  for (const row of kindRows) {
    const stats: EdgeKindStats = {
      kind: row.kind as TraceKind,
      coactions: num(row.coactions),
      objects: num(row.objects),
    };
    byPair.get(`${row.a},${row.b}`)?.perKind.push(stats);
  }

  const evidenceRows = await store.all(`SELECT ev.a, ev.b, ev.kind, o.value AS object, ev.dt_ms, ev.rank,
      pa.platform AS pa_platform, pa.post_id AS pa_post, pa.account_id AS pa_account, pa.ts_ms AS pa_ts, pa.text AS pa_text,
      fa.path AS pa_file, pa.record AS pa_record,
      pb.platform AS pb_platform, pb.post_id AS pb_post, pb.account_id AS pb_account, pb.ts_ms AS pb_ts, pb.text AS pb_text,
      fb.path AS pb_file, pb.record AS pb_record
    FROM coaction_evidence ev
    JOIN kept_edges USING (a, b)
    JOIN object_dict o ON o.object = ev.object
    JOIN posts pa ON pa.rec = ev.rec_a JOIN files fa ON fa.file_idx = pa.file_idx
    JOIN posts pb ON pb.rec = ev.rec_b JOIN files fb ON fb.file_idx = pb.file_idx
    ORDER BY ev.a, ev.b, ev.rank`);
  const postRef = (row: Record<string, unknown>, p: 'pa' | 'pb'): PostRef => {
    const ref: PostRef = {
      platform: String(row[`${p}_platform`]),
      postId: String(row[`${p}_post`]),
      accountKey: `${row[`${p}_platform`]}:${row[`${p}_account`]}`,
      tsMs: num(row[`${p}_ts`]),
      source: { file: String(row[`${p}_file`]), record: num(row[`${p}_record`]) },
    };
    const text = row[`${p}_text`];
    if (typeof text === 'string') ref.text = text;
    return ref;
  };
  for (const row of evidenceRows) {
    const pair: EvidencePair = {
      kind: row.kind as TraceKind,
      object: String(row.object),
      postA: postRef(row, 'pa'),
      postB: postRef(row, 'pb'),
      dtSeconds: num(row.dt_ms) / 1000,
    };
    byPair.get(`${row.a},${row.b}`)?.evidence.push(pair);
  }

  const objectRows =
    await store.all(`SELECT kept_edges.key_a, kept_edges.key_b, eo.kind, o.value AS object, eo.coactions
    FROM coaction_edge_objects eo JOIN kept_edges USING (a, b) JOIN object_dict o ON o.object = eo.object
    ORDER BY kept_edges.key_a, kept_edges.key_b, eo.kind, o.value`);
  const edgeObjects: EdgeObjectCount[] = objectRows.map((row) => ({
    a: String(row.key_a),
    b: String(row.key_b),
    kind: row.kind as TraceKind,
    object: String(row.object),
    coactions: num(row.coactions),
  }));
  return { edges, edgeObjects, candidateEdges, weightThreshold };
}
