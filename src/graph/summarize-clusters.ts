/**
 * Cluster and account summaries of the account network: the `clusters` and `accounts` of a
 * `CoordinationNetwork` (src/model/network.ts), computed from the kept edges, their evidence and a cluster
 * assignment. Density is the share of possible pairs that are kept edges, 2E / (n(n − 1)) (undirected simple
 * graph). What a cluster "pushes" (top objects) follows CooRnet's per-component top URLs (Giglietto et al. 2020,
 * doi:10.1080/1369118X.2020.1739732) and CooRTweet's `group_stats()` (Righetti & Balluff).
 * Everything is ordered explicitly so that identical input gives identical output.
 */
import { ConfigError } from '../errors.js';
import type {
  Cluster,
  ClusterObject,
  EdgeKindStats,
  NetworkAccount,
  NetworkEdge,
  PostRef,
} from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import { type AccountFactsInput, indexAccountFacts } from './account-facts.js';
import { compareClusterIds } from './compare-cluster-ids.js';
import { compareStrings } from './compare-strings.js';
import type { ClusterAssignment } from './find-clusters.js';
import { median } from './median.js';
import { definedFields, type OptionsInput } from './options-input.js';
import { splitAccountKey } from './split-account-key.js';

/** Co-actions of one account pair on one object (from the detect stage), for a cluster's top objects. */
export interface ObjectCoactionStat {
  /** Account keys of the pair (either order). */
  a: string;
  b: string;
  kind: TraceKind;
  /** Canonical object value. */
  object: string;
  /** Co-action pairs of `a` and `b` on this object. */
  coactions: number;
}

/** Input of {@link summarizeClusters}. */
export interface SummarizeClustersInput {
  /** Kept edges (the graph's edges), with `perKind` and `evidence`. */
  edges: readonly NetworkEdge[];
  /** Cluster ids and component indices per account key, from {@link findClusters}. */
  clustering: Pick<ClusterAssignment, 'assignment' | 'components'>;
  /** Per-account facts (handle, display name, posts); accounts without facts get none and `posts` 0. */
  accounts?: AccountFactsInput | undefined;
  /**
   * Per-pair object co-actions. When given, top objects and per-kind distinct object counts come from here
   * (exact when complete); otherwise from the edges' evidence samples (top objects) and the sum of per-edge
   * object counts (per kind, an upper bound).
   */
  objectStats?: readonly ObjectCoactionStat[] | undefined;
}

/** Options of {@link summarizeClusters}. */
export interface SummarizeClustersOptions {
  /** Most top objects kept per cluster (integer ≥ 0). */
  topObjects: number;
  /** Most evidence posts kept per cluster (integer ≥ 0). */
  evidencePosts: number;
}

/** Defaults of {@link summarizeClusters}: 10 top objects, 50 evidence posts per cluster. */
export const SUMMARIZE_CLUSTERS_DEFAULTS: Readonly<SummarizeClustersOptions> = Object.freeze({
  topObjects: 10,
  evidencePosts: 50,
});

/**
 * Merge partial options over {@link SUMMARIZE_CLUSTERS_DEFAULTS}, then validate.
 * @throws {ConfigError} `CONFIG_INVALID` when a cap is not an integer ≥ 0
 */
export function resolveSummarizeClustersOptions(
  input: OptionsInput<SummarizeClustersOptions> = {},
): SummarizeClustersOptions {
  const options = { ...SUMMARIZE_CLUSTERS_DEFAULTS, ...definedFields(input) } as SummarizeClustersOptions;
  validateSummarizeClustersOptions(options);
  return options;
}

/**
 * Check resolved {@link SummarizeClustersOptions}.
 * @throws {ConfigError} `CONFIG_INVALID` when `topObjects` or `evidencePosts` is not an integer ≥ 0
 */
export function validateSummarizeClustersOptions(options: SummarizeClustersOptions): void {
  for (const key of ['topObjects', 'evidencePosts'] as const) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new ConfigError(
        `graph/summarize-clusters: invalid \`${key}\` ${String(value)}. Expecting an integer ≥ 0.`,
      );
    }
  }
}

/** Result of {@link summarizeClusters}. */
export interface ClusterSummaries {
  /** Clusters in id order (`C0001` first). */
  clusters: Cluster[];
  /** Every account at an end of a kept edge, by cluster id (unclustered last), then key. */
  accounts: NetworkAccount[];
}

/**
 * Summarise clusters and accounts of the kept network.
 *
 * Per cluster (its *internal* edges are kept edges with both ends in it):
 * - `accounts` sorted keys; `platforms` sorted; `size`.
 * - `edges`, `coactions`: count and co-action sum of internal edges; `density` = 2E / (n(n − 1)) (0 when n < 2).
 * - `firstTsMs` / `lastTsMs`: oldest and newest post in the internal edges' evidence samples (0 when none).
 * - `medianDtSeconds`: median Δt of those evidence pairs; without evidence, the median of the internal edges'
 *   `medianDtSeconds`; 0 for a cluster without internal edges. Evidence samples are capped smallest-Δt-first by
 *   the detector, so this is exact only when the samples are complete (`evidence.length === evidenceTotal`).
 * - `perKind`: co-actions per kind summed over internal edges, most first, then kind; `objects` see `objectStats`.
 * - `topObjects`: per (kind, object) the co-action sum and the distinct cluster accounts involved, most co-actions
 *   first, then kind, then object; capped at `topObjects`.
 * - `evidencePosts`: distinct posts (platform, post id) of the internal evidence pairs, oldest first, then
 *   platform, post id; capped at `evidencePosts`.
 *
 * Per account: `cluster` (`''` when its community was below `minClusterSize`), `component` (-1 when absent from
 * `clustering.components`), `degree` and
 * `coactions` over all its kept edges, `posts` from `accounts` (0 when unknown).
 *
 * @param input kept edges, clustering, optional account facts and per-object stats
 * @param options `topObjects` (default 10), `evidencePosts` (default 50)
 * @returns `{ clusters, accounts }`
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options
 * @throws {CibError} `INPUT_INVALID` on a malformed account key
 * @example
 * const graph = buildAccountGraph(kept, accounts);
 * const { clusters } = summarizeClusters({ edges: kept, clustering: findClusters(graph), accounts });
 */
export function summarizeClusters(
  input: SummarizeClustersInput,
  options?: OptionsInput<SummarizeClustersOptions>,
): ClusterSummaries {
  const caps = resolveSummarizeClustersOptions(options);
  const { edges, clustering } = input;
  const facts = indexAccountFacts(input.accounts);
  const clusterOf = (key: string): string => clustering.assignment.get(key) ?? '';

  // — Accounts —
  const degree = new Map<string, number>();
  const coactionsOf = new Map<string, number>();
  for (const edge of edges) {
    for (const key of [edge.a, edge.b]) {
      degree.set(key, (degree.get(key) ?? 0) + 1);
      coactionsOf.set(key, (coactionsOf.get(key) ?? 0) + edge.coactions);
    }
  }
  const accounts: NetworkAccount[] = [...degree.keys()]
    .map((key) => {
      const { platform, accountId } = splitAccountKey(key);
      const fact = facts.get(key);
      const account: NetworkAccount = {
        key,
        platform,
        accountId,
        cluster: clusterOf(key),
        component: clustering.components.get(key) ?? -1, // -1: not in the components map
        degree: degree.get(key)!,
        coactions: coactionsOf.get(key)!,
        posts: fact?.posts ?? 0,
      };
      if (fact?.handle !== undefined) account.handle = fact.handle;
      if (fact?.displayName !== undefined) account.displayName = fact.displayName;
      return account;
    })
    .sort((x, y) => compareClusterIds(x.cluster, y.cluster) || compareStrings(x.key, y.key));

  // — Cluster members and internal edges —
  const members = new Map<string, string[]>();
  for (const account of accounts) {
    if (account.cluster === '') continue;
    const list = members.get(account.cluster);
    if (list === undefined) members.set(account.cluster, [account.key]);
    else list.push(account.key);
  }
  // Members of the assignment that have no kept edge still belong to their cluster.
  for (const [key, id] of clustering.assignment) {
    if (degree.has(key)) continue;
    const list = members.get(id);
    if (list === undefined) members.set(id, [key]);
    else list.push(key);
  }
  const internal = new Map<string, NetworkEdge[]>();
  for (const edge of edges) {
    const id = clusterOf(edge.a);
    if (id === '' || id !== clusterOf(edge.b)) continue;
    const list = internal.get(id);
    if (list === undefined) internal.set(id, [edge]);
    else list.push(edge);
  }
  const statsByCluster = new Map<string, ObjectCoactionStat[]>();
  for (const stat of input.objectStats ?? []) {
    const id = clusterOf(stat.a);
    if (id === '' || id !== clusterOf(stat.b)) continue;
    const list = statsByCluster.get(id);
    if (list === undefined) statsByCluster.set(id, [stat]);
    else list.push(stat);
  }

  const clusters = [...members.keys()].sort(compareClusterIds).map((id): Cluster => {
    const keys = members.get(id)!.sort(compareStrings);
    const own = internal.get(id) ?? [];
    const stats = input.objectStats === undefined ? undefined : (statsByCluster.get(id) ?? []);
    const n = keys.length;
    const platforms = [...new Set(keys.map((key) => splitAccountKey(key).platform))].sort(compareStrings);
    const evidence = own.flatMap((edge) => edge.evidence);
    const posts = distinctPosts(evidence.flatMap((pair) => [pair.postA, pair.postB]));
    const dts = evidence.map((pair) => pair.dtSeconds);
    const medianDt =
      dts.length > 0 ? median(dts) : own.length > 0 ? median(own.map((edge) => edge.medianDtSeconds)) : 0;
    return {
      id,
      size: n,
      accounts: keys,
      platforms,
      firstTsMs: posts.length > 0 ? posts[0]!.tsMs : 0,
      lastTsMs: posts.length > 0 ? posts[posts.length - 1]!.tsMs : 0,
      edges: own.length,
      coactions: own.reduce((sum, edge) => sum + edge.coactions, 0),
      density: n < 2 ? 0 : (2 * own.length) / (n * (n - 1)),
      medianDtSeconds: medianDt,
      perKind: perKindStats(own, stats),
      topObjects: topObjects(own, stats, caps.topObjects),
      evidencePosts: posts.slice(0, caps.evidencePosts),
    };
  });

  return { clusters, accounts };
}

/** {@link SUMMARIZE_CLUSTERS_DEFAULTS}. */
summarizeClusters.defaults = SUMMARIZE_CLUSTERS_DEFAULTS;

function distinctPosts(posts: PostRef[]): PostRef[] {
  const seen = new Map<string, PostRef>();
  for (const post of posts) {
    const id = `${post.platform}\u0000${post.postId}`;
    if (!seen.has(id)) seen.set(id, post);
  }
  return [...seen.values()].sort(
    (x, y) => x.tsMs - y.tsMs || compareStrings(x.platform, y.platform) || compareStrings(x.postId, y.postId),
  );
}

function perKindStats(
  edges: readonly NetworkEdge[],
  stats: readonly ObjectCoactionStat[] | undefined,
): EdgeKindStats[] {
  const byKind = new Map<TraceKind, EdgeKindStats>();
  for (const edge of edges) {
    for (const k of edge.perKind) {
      const entry = byKind.get(k.kind) ?? { kind: k.kind, coactions: 0, objects: 0 };
      entry.coactions += k.coactions;
      if (stats === undefined) entry.objects += k.objects;
      byKind.set(k.kind, entry);
    }
  }
  if (stats !== undefined) {
    const objects = new Map<TraceKind, Set<string>>();
    for (const stat of stats) {
      const set = objects.get(stat.kind) ?? new Set<string>();
      set.add(stat.object);
      objects.set(stat.kind, set);
    }
    for (const [kind, set] of objects) {
      const entry = byKind.get(kind) ?? { kind, coactions: 0, objects: 0 };
      entry.objects = set.size;
      byKind.set(kind, entry);
    }
  }
  return [...byKind.values()].sort((x, y) => y.coactions - x.coactions || compareStrings(x.kind, y.kind));
}

function topObjects(
  edges: readonly NetworkEdge[],
  stats: readonly ObjectCoactionStat[] | undefined,
  cap: number,
): ClusterObject[] {
  const rows: readonly ObjectCoactionStat[] =
    stats ??
    edges.flatMap((edge) =>
      edge.evidence.map((pair) => ({
        a: edge.a,
        b: edge.b,
        kind: pair.kind,
        object: pair.object,
        coactions: 1,
      })),
    );
  const byObject = new Map<
    string,
    { kind: TraceKind; object: string; coactions: number; accounts: Set<string> }
  >();
  for (const row of rows) {
    const id = `${row.kind}\u0000${row.object}`;
    let entry = byObject.get(id);
    if (entry === undefined) {
      entry = { kind: row.kind, object: row.object, coactions: 0, accounts: new Set() };
      byObject.set(id, entry);
    }
    entry.coactions += row.coactions;
    entry.accounts.add(row.a);
    entry.accounts.add(row.b);
  }
  return [...byObject.values()]
    .sort(
      (x, y) =>
        y.coactions - x.coactions || compareStrings(x.kind, y.kind) || compareStrings(x.object, y.object),
    )
    .slice(0, cap)
    .map(({ kind, object, coactions, accounts }) => ({ kind, object, coactions, accounts: accounts.size }));
}
