/**
 * The graph stage (DESIGN.md §3): edge filters, the account network, communities and cluster summaries.
 * Re-exports only.
 */
export { type AccountFacts, type AccountFactsInput, indexAccountFacts } from './account-facts.js';
export {
  type AccountEdgeAttributes,
  type AccountGraph,
  type AccountNodeAttributes,
  buildAccountGraph,
} from './build-account-graph.js';
export {
  type BuildNetworkResult,
  buildNetwork,
  CLUSTER_DEFAULTS,
  type ClusterOptions,
} from './build-network.js';
export { compareClusterIds } from './compare-cluster-ids.js';
export { compareStrings } from './compare-strings.js';
export {
  type AbsoluteFilterOptions,
  FILTER_EDGES_DEFAULTS,
  type FilterEdgesInput,
  type FilterEdgesOptions,
  type FilterEdgesResult,
  filterEdges,
  type PercentileFilterOptions,
  resolveFilterEdgesOptions,
  validateFilterEdgesOptions,
} from './filter-edges.js';
export {
  type ClusterAssignment,
  clusterId,
  FIND_CLUSTERS_DEFAULTS,
  type FindClustersOptions,
  findClusters,
  resolveFindClustersOptions,
  validateFindClustersOptions,
} from './find-clusters.js';
export { median } from './median.js';
export { definedFields, type OptionsInput } from './options-input.js';
export { quantileType7 } from './quantile-type7.js';
export { splitAccountKey } from './split-account-key.js';
export {
  type ClusterSummaries,
  type ObjectCoactionStat,
  resolveSummarizeClustersOptions,
  SUMMARIZE_CLUSTERS_DEFAULTS,
  type SummarizeClustersInput,
  type SummarizeClustersOptions,
  summarizeClusters,
  validateSummarizeClustersOptions,
} from './summarize-clusters.js';
