/**
 * The evaluation stage (DESIGN.md §4 "Benchmark"): accuracy of a `chorus detect` run against the planted ground
 * truth of a simulated case — account, cluster, per-tactic and per-campaign metrics, and the adjusted Rand index.
 * Re-exports only.
 */
export { adjustedRandIndex, type PartitionLabel } from './adjusted-rand-index.js';
export { evaluateDetection, MIN_JACCARD } from './evaluate-detection.js';
export {
  type AccountMetrics,
  type CampaignEvaluation,
  type ClusterMetrics,
  type Evaluation,
  type EvaluationCounts,
  type TacticEvaluation,
  UNKNOWN_SAMPLE_SIZE,
  type UnknownAccounts,
} from './evaluation.js';
export { f1Score } from './f1-score.js';
export { formatEvaluationTable, ORGANIC_FPR_TARGET } from './format-evaluation-table.js';
export { formatIssuePath } from './format-issue-path.js';
export { ratioOrNull } from './ratio-or-null.js';
export {
  checkClusters,
  type DetectedCluster,
  DetectedClustersSchema,
  NETWORK_FILE,
  readDetectedClusters,
} from './read-detected-clusters.js';
export { GroundTruthSchema, parseGroundTruth, readGroundTruth } from './read-ground-truth.js';
