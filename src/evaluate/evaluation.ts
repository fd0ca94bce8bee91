/**
 * Shape of an evaluation of a detection run against planted ground truth (what `evaluateDetection` returns and
 * `chorus evaluate` writes as `evaluation.json`). JSON-serialisable; fields are assigned in the order declared
 * here, so `JSON.stringify` output has a fixed key order. A ratio whose denominator is 0 is `null` (undefined,
 * shown as "—" in tables), never a made-up 0 or 1.
 */
import type { Difficulty, Tactic } from '../model/ground-truth.js';

/** Sizes of the inputs. */
export interface EvaluationCounts {
  /** Accounts in the truth (the universe). */
  accounts: number;
  /** Accounts in a planted campaign. */
  campaignAccounts: number;
  /** Organic accounts (`campaign: null`). */
  organicAccounts: number;
  /** Universe accounts that are members of a detected cluster. */
  flaggedAccounts: number;
  /** Planted campaigns. */
  campaigns: number;
  /** Detected clusters. */
  clusters: number;
}

/** Account-level confusion counts and ratios (positive = campaign account; predicted = flagged). */
export interface AccountMetrics {
  /** Flagged campaign accounts. */
  tp: number;
  /** Flagged organic accounts. */
  fp: number;
  /** Unflagged campaign accounts. */
  fn: number;
  /** Unflagged organic accounts. */
  tn: number;
  /** tp / (tp + fp); `null` when nothing is flagged. */
  precision: number | null;
  /** tp / (tp + fn); `null` when there are no campaign accounts. */
  recall: number | null;
  /** Harmonic mean of precision and recall (see `f1Score`); `null` when both are undefined. */
  f1: number | null;
}

/** Cluster-level matching by Jaccard similarity. */
export interface ClusterMetrics {
  /** Jaccard similarity at which a campaign and a cluster match (0.5). */
  minJaccard: number;
  /** Campaigns with a cluster of Jaccard ≥ `minJaccard`. */
  foundCampaigns: number;
  /** Clusters with a campaign of Jaccard ≥ `minJaccard`. */
  correctClusters: number;
  /** correctClusters / clusters; `null` without clusters. */
  precision: number | null;
  /** foundCampaigns / campaigns; `null` without campaigns. */
  recall: number | null;
  /** Harmonic mean of the two (see `f1Score`). */
  f1: number | null;
}

/** Account-level accuracy restricted to the campaigns that use one tactic. */
export interface TacticEvaluation {
  tactic: Tactic;
  /** Ids of the campaigns using the tactic. */
  campaigns: string[];
  /** Accounts of those campaigns. */
  members: number;
  /** Flagged members. */
  tp: number;
  /** Flagged organic accounts in a cluster that holds at least one member. */
  fp: number;
  /** Unflagged members. */
  fn: number;
  /** tp / (tp + fp); `null` when no member is flagged and no organic account was pulled in. */
  precision: number | null;
  /** tp / members; `null` when the campaigns have no members. */
  recall: number | null;
  f1: number | null;
}

/** How well one planted campaign was recovered. */
export interface CampaignEvaluation {
  id: string;
  tactics: Tactic[];
  difficulty: Difficulty;
  /** Members. */
  size: number;
  /** Flagged members. */
  flagged: number;
  /** flagged / size; `null` for an empty campaign. */
  recall: number | null;
  /** The cluster with the highest Jaccard similarity (ties: more shared accounts, then smaller id); `null` if none
   * shares an account. */
  bestCluster: string | null;
  /** Jaccard similarity with `bestCluster` (0 when none). */
  jaccard: number;
  /** Accounts of `bestCluster` (0 when none). */
  bestClusterSize: number;
  /** Organic accounts in `bestCluster` (0 when none). */
  bestClusterOrganic: number;
  /** `jaccard ≥ minJaccard`. */
  found: boolean;
}

/** Detected accounts that the truth does not list (left out of every metric). */
export interface UnknownAccounts {
  count: number;
  /** The first {@link UNKNOWN_SAMPLE_SIZE} keys, sorted. */
  sample: string[];
}

/** Number of unknown account keys listed in {@link UnknownAccounts.sample}. */
export const UNKNOWN_SAMPLE_SIZE = 20;

/** Accuracy of a detection run against planted ground truth. */
export interface Evaluation {
  /** Scenario name from the truth. */
  scenario: string;
  /** Generator seed from the truth. */
  seed: number;
  counts: EvaluationCounts;
  account: AccountMetrics;
  /** Flagged organic / all organic accounts (the ≤ 0.1 % target); `null` without organic accounts. */
  organicFalsePositiveRate: number | null;
  cluster: ClusterMetrics;
  /** Adjusted Rand index over the universe (campaigns vs clusters; everything else singletons). */
  ari: number;
  /** Adjusted Rand index over the accounts in a campaign or flagged; `null` when there are none. */
  ariFlagged: number | null;
  /** One entry per tactic present in the truth, in `TACTICS` order. */
  perTactic: TacticEvaluation[];
  /** One entry per campaign, in truth order. */
  perCampaign: CampaignEvaluation[];
  unknownAccounts: UnknownAccounts;
}
