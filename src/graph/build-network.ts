/**
 * The graph stage after the edge filter, in one call: build the account network from the kept edges, find
 * clusters and summarise them into a `CoordinationNetwork` (src/model/network.ts). Filtering stays a separate step
 * (`filterEdges`, or the store's SQL filter), so it is never applied twice.
 * Methods: Louvain communities (Blondel, V. D. et al. 2008, doi:10.1088/1742-5468/2008/10/P10008) on the
 * co-action network of Giglietto et al. 2020 (CooRnet, doi:10.1080/1369118X.2020.1739732) and Righetti & Balluff
 * (CooRTweet). See the files of each step.
 */
import type { CoordinationNetwork, NetworkEdge } from '../model/network.js';
import type { AccountFactsInput } from './account-facts.js';
import { buildAccountGraph } from './build-account-graph.js';
import { compareStrings } from './compare-strings.js';
import { FIND_CLUSTERS_DEFAULTS, type FindClustersOptions, findClusters } from './find-clusters.js';
import type { OptionsInput } from './options-input.js';
import {
  type ObjectCoactionStat,
  SUMMARIZE_CLUSTERS_DEFAULTS,
  type SummarizeClustersOptions,
  summarizeClusters,
} from './summarize-clusters.js';

/** Options of {@link buildNetwork}: communities (`findClusters`) and summaries (`summarizeClusters`). */
export type ClusterOptions = FindClustersOptions & SummarizeClustersOptions;

/**
 * Defaults of {@link buildNetwork}: `seed` 42, `resolution` 1, `minClusterSize` 2, `topObjects` 10,
 * `evidencePosts` 50.
 */
export const CLUSTER_DEFAULTS: Readonly<ClusterOptions> = Object.freeze({
  ...FIND_CLUSTERS_DEFAULTS,
  ...SUMMARIZE_CLUSTERS_DEFAULTS,
});

/** Result of {@link buildNetwork.detailed}. */
export interface BuildNetworkResult {
  /** Kept edges (sorted by account keys), accounts and clusters. */
  network: CoordinationNetwork;
  /** Weighted modularity of the Louvain partition (`NaN` for a network without edges). */
  modularity: number;
}

function buildNetworkDetailed(
  edges: readonly NetworkEdge[],
  objectStats?: readonly ObjectCoactionStat[],
  accounts?: AccountFactsInput,
  options: OptionsInput<ClusterOptions> = {},
): BuildNetworkResult {
  const sorted = edges
    .map((edge) => ({ edge, ends: [edge.a, edge.b].sort(compareStrings) }))
    .sort((x, y) => compareStrings(x.ends[0]!, y.ends[0]!) || compareStrings(x.ends[1]!, y.ends[1]!))
    .map(({ edge }) => edge);
  const graph = buildAccountGraph(sorted, accounts);
  const { seed, resolution, minClusterSize, topObjects, evidencePosts } = options;
  const clustering = findClusters(graph, { seed, resolution, minClusterSize });
  const { clusters, accounts: nodes } = summarizeClusters(
    { edges: sorted, clustering, accounts, objectStats },
    { topObjects, evidencePosts },
  );
  return { network: { accounts: nodes, edges: sorted, clusters }, modularity: clustering.modularity };
}

/**
 * Cluster and summarise kept co-action edges into a `CoordinationNetwork`.
 *
 * @param edges kept edges (already filtered, e.g. by `filterEdges`; any order; one per account pair)
 * @param objectStats optional per-pair object co-actions, for exact top objects (see `summarizeClusters`)
 * @param accounts optional account facts (a list, or a map whose values are the facts)
 * @param options `seed` (42), `resolution` (1), `minClusterSize` (2), `topObjects` (10), `evidencePosts` (50)
 * @returns the network: edges sorted by account keys, accounts and clusters ordered as `summarizeClusters` says;
 *   identical for any permutation of `edges`
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options
 * @throws {CibError} `INPUT_INVALID` on a self-loop, a duplicate pair or a malformed account key
 * @example
 * const network = buildNetwork(filterEdges(candidates, { mode: 'percentile', quantile: 0.9 }), stats, accounts);
 * const { modularity } = buildNetwork.detailed(kept);
 */
export function buildNetwork(
  edges: readonly NetworkEdge[],
  objectStats?: readonly ObjectCoactionStat[],
  accounts?: AccountFactsInput,
  options?: OptionsInput<ClusterOptions>,
): CoordinationNetwork {
  return buildNetworkDetailed(edges, objectStats, accounts, options).network;
}

/** Same as {@link buildNetwork}, with the modularity of the partition. */
buildNetwork.detailed = buildNetworkDetailed;
/** {@link CLUSTER_DEFAULTS}. */
buildNetwork.defaults = CLUSTER_DEFAULTS;
