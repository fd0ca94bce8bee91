/**
 * Accuracy of a detection run against planted ground truth (DESIGN.md §4 "Benchmark"). Definitions:
 *
 * - Universe: `truth.accounts`. An account is FLAGGED when it is a member of a detected cluster. Detected accounts
 *   missing from the truth are dropped from their clusters before scoring and reported in `unknownAccounts`.
 * - Account level (positive = campaign account): TP flagged campaign accounts, FP flagged organic, FN unflagged
 *   campaign accounts, TN unflagged organic; precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean.
 *   Organic false-positive rate = FP / organic accounts (target ≤ 0.1 %).
 * - Cluster level: Jaccard |c ∩ d| / |c ∪ d| between each campaign c and cluster d (d restricted to the
 *   universe). A campaign is FOUND when some cluster reaches {@link MIN_JACCARD}; a cluster is CORRECT when some
 *   campaign does. Cluster recall = found / campaigns, precision = correct / clusters, F1 their harmonic mean.
 * - ARI (Hubert & Arabie 1985, doi:10.1007/BF01908075) over the universe: truth label = campaign id or a singleton
 *   per organic account; detected label = cluster id or a singleton per unflagged account. `ariFlagged`: the
 *   same, restricted to accounts in a campaign or flagged.
 * - Per tactic t: the campaigns using t; recall_t = flagged members / members; precision_t = TP_t / (TP_t + FP_t)
 *   with FP_t the flagged organic accounts in a cluster that holds at least one member (organic accounts pulled
 *   into that tactic's clusters). Members of other campaigns in those clusters count in neither.
 * - Undefined ratios (0/0) are `null`; F1 follows `f1Score`.
 */
import { ConfigError } from '../errors.js';
import { compareStrings } from '../graph/compare-strings.js';
import { type GroundTruth, TACTICS } from '../model/ground-truth.js';
import { adjustedRandIndex, type PartitionLabel } from './adjusted-rand-index.js';
import type {
  AccountMetrics,
  CampaignEvaluation,
  ClusterMetrics,
  Evaluation,
  TacticEvaluation,
  UnknownAccounts,
} from './evaluation.js';
import { UNKNOWN_SAMPLE_SIZE } from './evaluation.js';
import { f1Score } from './f1-score.js';
import { ratioOrNull } from './ratio-or-null.js';
import type { DetectedCluster } from './read-detected-clusters.js';

/** Jaccard similarity at which a campaign and a cluster match (a majority of their union is shared). */
export const MIN_JACCARD = 0.5;

/** A cluster restricted to the universe, with its overlap with each campaign. */
interface ClusterOverlap {
  id: string;
  /** Universe members. */
  size: number;
  /** Organic members. */
  organic: number;
  /** Members per campaign id. */
  shared: Map<string, number>;
}

/** Best match of a campaign so far. */
interface Match {
  cluster: ClusterOverlap;
  shared: number;
  jaccard: number;
}

/**
 * Score detected clusters against planted ground truth (definitions in the module header). Pure and
 * deterministic: campaigns keep truth order, tactics `TACTICS` order.
 * @param truth validated ground truth (see `readGroundTruth`)
 * @param clusters detected clusters (see `readDetectedClusters`); ids unique, accounts in at most one cluster
 * @returns the evaluation, fields in {@link Evaluation} order
 * @throws {ConfigError} `CONFIG_INVALID` when two clusters share an id or an account is in two clusters
 * @example evaluateDetection(truth, [{ id: 'C0001', accounts: truth.campaigns[0].accounts }]).account.precision // 1
 */
export function evaluateDetection(truth: GroundTruth, clusters: readonly DetectedCluster[]): Evaluation {
  const campaignOf = new Map<string, string | null>();
  for (const account of truth.accounts) campaignOf.set(account.key, account.campaign);
  const { clusterOf, unknown } = assignClusters(clusters, campaignOf);
  const overlaps = clusters.map((cluster) => overlapOf(cluster, campaignOf));
  const account = accountMetrics(truth, clusterOf);
  const organicAccounts = account.fp + account.tn;
  const matches = bestMatches(truth, overlaps);
  const campaignSizes = new Map(truth.campaigns.map((c) => [c.id, c.accounts.length]));
  return {
    scenario: truth.scenario,
    seed: truth.seed,
    counts: {
      accounts: truth.accounts.length,
      campaignAccounts: account.tp + account.fn,
      organicAccounts,
      flaggedAccounts: clusterOf.size,
      campaigns: truth.campaigns.length,
      clusters: clusters.length,
    },
    account,
    organicFalsePositiveRate: ratioOrNull(account.fp, organicAccounts),
    cluster: clusterMetrics(truth, overlaps, campaignSizes, matches),
    ...ariPair(truth, clusterOf),
    perTactic: tacticMetrics(truth, clusterOf, overlaps),
    perCampaign: truth.campaigns.map((campaign) => {
      const flagged = campaign.accounts.filter((key) => clusterOf.has(key)).length;
      const match = matches.get(campaign.id);
      return {
        id: campaign.id,
        tactics: [...campaign.tactics],
        difficulty: campaign.difficulty,
        size: campaign.accounts.length,
        flagged,
        recall: ratioOrNull(flagged, campaign.accounts.length),
        bestCluster: match?.cluster.id ?? null,
        jaccard: match?.jaccard ?? 0,
        bestClusterSize: match?.cluster.size ?? 0,
        bestClusterOrganic: match?.cluster.organic ?? 0,
        found: (match?.jaccard ?? 0) >= MIN_JACCARD,
      } satisfies CampaignEvaluation;
    }),
    unknownAccounts: unknown,
  };
}

/** Cluster of each flagged universe account, and the detected accounts outside the universe. */
function assignClusters(
  clusters: readonly DetectedCluster[],
  campaignOf: ReadonlyMap<string, string | null>,
): { clusterOf: Map<string, string>; unknown: UnknownAccounts } {
  const ids = new Set<string>();
  const seen = new Map<string, string>();
  const clusterOf = new Map<string, string>();
  const unknown = new Set<string>();
  for (const cluster of clusters) {
    if (ids.has(cluster.id)) throw new ConfigError(`evaluate: duplicate cluster id "${cluster.id}".`);
    ids.add(cluster.id);
    for (const key of cluster.accounts) {
      const other = seen.get(key);
      if (other !== undefined) {
        throw new ConfigError(`evaluate: account "${key}" is in clusters "${other}" and "${cluster.id}".`);
      }
      seen.set(key, cluster.id);
      if (campaignOf.has(key)) clusterOf.set(key, cluster.id);
      else unknown.add(key);
    }
  }
  const sorted = [...unknown].sort(compareStrings);
  return { clusterOf, unknown: { count: sorted.length, sample: sorted.slice(0, UNKNOWN_SAMPLE_SIZE) } };
}

function overlapOf(cluster: DetectedCluster, campaignOf: ReadonlyMap<string, string | null>): ClusterOverlap {
  const overlap: ClusterOverlap = { id: cluster.id, size: 0, organic: 0, shared: new Map() };
  for (const key of cluster.accounts) {
    const campaign = campaignOf.get(key);
    if (campaign === undefined) continue;
    overlap.size++;
    if (campaign === null) overlap.organic++;
    else overlap.shared.set(campaign, (overlap.shared.get(campaign) ?? 0) + 1);
  }
  return overlap;
}

function accountMetrics(truth: GroundTruth, clusterOf: ReadonlyMap<string, string>): AccountMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { key, campaign } of truth.accounts) {
    const flagged = clusterOf.has(key);
    if (campaign !== null) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  const precision = ratioOrNull(tp, tp + fp);
  const recall = ratioOrNull(tp, tp + fn);
  return { tp, fp, fn, tn, precision, recall, f1: f1Score(precision, recall) };
}

const jaccard = (shared: number, sizeA: number, sizeB: number): number => {
  const union = sizeA + sizeB - shared;
  return union === 0 ? 0 : shared / union;
};

/** Best cluster of each campaign that shares an account with some cluster (ties: more shared, smaller id). */
function bestMatches(truth: GroundTruth, overlaps: readonly ClusterOverlap[]): Map<string, Match> {
  const sizes = new Map(truth.campaigns.map((c) => [c.id, c.accounts.length]));
  const best = new Map<string, Match>();
  for (const cluster of overlaps) {
    for (const [campaign, shared] of cluster.shared) {
      const score = jaccard(shared, sizes.get(campaign)!, cluster.size);
      const old = best.get(campaign);
      const better =
        old === undefined ||
        score > old.jaccard ||
        (score === old.jaccard &&
          (shared > old.shared || (shared === old.shared && compareStrings(cluster.id, old.cluster.id) < 0)));
      if (better) best.set(campaign, { cluster, shared, jaccard: score });
    }
  }
  return best;
}

function clusterMetrics(
  truth: GroundTruth,
  overlaps: readonly ClusterOverlap[],
  campaignSizes: ReadonlyMap<string, number>,
  matches: ReadonlyMap<string, Match>,
): ClusterMetrics {
  const foundCampaigns = truth.campaigns.filter(
    (c) => (matches.get(c.id)?.jaccard ?? 0) >= MIN_JACCARD,
  ).length;
  const correctClusters = overlaps.filter((cluster) =>
    [...cluster.shared].some(
      ([campaign, shared]) => jaccard(shared, campaignSizes.get(campaign)!, cluster.size) >= MIN_JACCARD,
    ),
  ).length;
  const precision = ratioOrNull(correctClusters, overlaps.length);
  const recall = ratioOrNull(foundCampaigns, truth.campaigns.length);
  return {
    minJaccard: MIN_JACCARD,
    foundCampaigns,
    correctClusters,
    precision,
    recall,
    f1: f1Score(precision, recall),
  };
}

/** ARI over the universe, and over the accounts in a campaign or flagged. */
function ariPair(
  truth: GroundTruth,
  clusterOf: ReadonlyMap<string, string>,
): { ari: number; ariFlagged: number | null } {
  const truthLabels: PartitionLabel[] = [];
  const detectedLabels: PartitionLabel[] = [];
  const truthActive: PartitionLabel[] = [];
  const detectedActive: PartitionLabel[] = [];
  for (const { key, campaign } of truth.accounts) {
    const cluster = clusterOf.get(key) ?? null;
    truthLabels.push(campaign);
    detectedLabels.push(cluster);
    if (campaign === null && cluster === null) continue;
    truthActive.push(campaign);
    detectedActive.push(cluster);
  }
  return {
    ari: adjustedRandIndex(truthLabels, detectedLabels),
    ariFlagged: truthActive.length === 0 ? null : adjustedRandIndex(truthActive, detectedActive),
  };
}

function tacticMetrics(
  truth: GroundTruth,
  clusterOf: ReadonlyMap<string, string>,
  overlaps: readonly ClusterOverlap[],
): TacticEvaluation[] {
  const organicIn = new Map(overlaps.map((cluster) => [cluster.id, cluster.organic]));
  const result: TacticEvaluation[] = [];
  for (const tactic of TACTICS) {
    const campaigns = truth.campaigns.filter((c) => c.tactics.includes(tactic));
    if (campaigns.length === 0) continue;
    let members = 0;
    let tp = 0;
    const touched = new Set<string>();
    for (const campaign of campaigns) {
      members += campaign.accounts.length;
      for (const key of campaign.accounts) {
        const cluster = clusterOf.get(key);
        if (cluster === undefined) continue;
        tp++;
        touched.add(cluster);
      }
    }
    let fp = 0;
    for (const id of touched) fp += organicIn.get(id)!;
    const precision = ratioOrNull(tp, tp + fp);
    const recall = ratioOrNull(tp, members);
    result.push({
      tactic,
      campaigns: campaigns.map((c) => c.id),
      members,
      tp,
      fp,
      fn: members - tp,
      precision,
      recall,
      f1: f1Score(precision, recall),
    });
  }
  return result;
}
