/**
 * The clusters an indicator export shares: those whose score (src/score, `scoreCase`) reaches a threshold, with
 * their accounts, in cluster id order.
 *
 * @module
 */

import type { Cluster, NetworkAccount } from '../model/network.js';
import type { ClusterScore } from '../model/score.js';
import type { CaseReport } from './case-report.js';

/** A cluster selected by {@link scoredClusters}. */
export interface ScoredCluster {
  cluster: Cluster;
  score: ClusterScore;
  /** The cluster's accounts from `network.accounts`, sorted by key. */
  accounts: NetworkAccount[];
}

/**
 * Clusters of `report` whose score is at least `minScore`, in cluster id order. A case without scores (older
 * cases) gives none: indicators are only shared for scored clusters.
 * @param report the case
 * @param minScore threshold in [0, 1]
 */
export function scoredClusters(report: CaseReport, minScore: number): ScoredCluster[] {
  const scores = new Map((report.scores?.clusters ?? []).map((s) => [s.cluster, s]));
  const accountsByCluster = new Map<string, NetworkAccount[]>();
  for (const account of report.network.accounts) {
    const list = accountsByCluster.get(account.cluster) ?? [];
    list.push(account);
    accountsByCluster.set(account.cluster, list);
  }
  const out: ScoredCluster[] = [];
  for (const cluster of report.network.clusters) {
    const score = scores.get(cluster.id);
    if (score === undefined || !(score.score >= minScore)) continue;
    const accounts = (accountsByCluster.get(cluster.id) ?? []).sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    out.push({ cluster, score, accounts });
  }
  return out.sort((a, b) => (a.cluster.id < b.cluster.id ? -1 : a.cluster.id > b.cluster.id ? 1 : 0));
}
