/**
 * Score a detection against the synthetic ground truth: which planted accounts landed in clusters whose majority
 * is planted, and how many organic accounts were clustered at all.
 *
 * @module
 */
import type { CoordinationNetwork } from '../src/model/network.js';

/** Ground-truth groups as {@link evaluateClusters} needs them (a subset of `SyntheticTruth`). */
export interface TruthGroups {
  plantedAccountIds: readonly string[];
  groups: readonly { id: number; accountIds: readonly string[] }[];
}

/** Quality of the clusters against the planted groups. */
export interface ClusterEvaluation {
  plantedAccounts: number;
  /** Planted accounts in a cluster whose members are more than half planted. */
  plantedInPlantedClusters: number;
  /** `plantedInPlantedClusters / plantedAccounts` (0..1). */
  recall: number;
  /** Planted accounts in any cluster. */
  plantedClustered: number;
  /** Accounts in any cluster. */
  clusteredAccounts: number;
  /** Organic accounts in any cluster (false positives at the account level). */
  organicClustered: number;
  /** Organic accounts in clusters whose majority is planted. */
  organicInPlantedClusters: number;
  /** Planted accounts among all clustered accounts (0..1; 1 when nothing is clustered). */
  precision: number;
  clusters: number;
  /** Clusters whose majority is planted. */
  plantedClusters: number;
  /** Planted groups all of whose members landed in one planted-majority cluster. */
  groupsExact: number;
  /** Planted groups with ≥ 90 % of members in planted-majority clusters. */
  groupsRecovered: number;
  /** Planted groups spread over more than one cluster. */
  groupsSplit: number;
  /** Clusters holding members of more than one planted group. */
  clustersMixingGroups: number;
  groups: number;
}

/**
 * Compare clusters with planted groups by account id (platform-independent).
 * @param network the network `detect` returned
 * @param truth planted account ids and groups
 * @returns account- and group-level scores, see {@link ClusterEvaluation}
 */
export function evaluateClusters(network: CoordinationNetwork, truth: TruthGroups): ClusterEvaluation {
  const groupOf = new Map<string, number>();
  for (const g of truth.groups) for (const id of g.accountIds) groupOf.set(id, g.id);
  const idOfKey = new Map<string, string>();
  for (const a of network.accounts) idOfKey.set(a.key, a.accountId);
  const idOf = (key: string): string => idOfKey.get(key) ?? key.slice(key.indexOf(':') + 1);

  const clusterOfPlanted = new Map<string, string>();
  let plantedInPlantedClusters = 0;
  let plantedClustered = 0;
  let clusteredAccounts = 0;
  let organicInPlantedClusters = 0;
  let plantedClusters = 0;
  let clustersMixingGroups = 0;
  const plantedMajority = new Set<string>();
  for (const c of network.clusters) {
    const ids = c.accounts.map(idOf);
    const planted = ids.filter((id) => groupOf.has(id));
    const majority = planted.length * 2 > ids.length;
    clusteredAccounts += ids.length;
    plantedClustered += planted.length;
    if (majority) {
      plantedClusters++;
      plantedMajority.add(c.id);
      plantedInPlantedClusters += planted.length;
      organicInPlantedClusters += ids.length - planted.length;
    }
    if (new Set(planted.map((id) => groupOf.get(id))).size > 1) clustersMixingGroups++;
    for (const id of planted) clusterOfPlanted.set(id, c.id);
  }
  let groupsExact = 0;
  let groupsRecovered = 0;
  let groupsSplit = 0;
  for (const g of truth.groups) {
    const clusters = new Set<string>();
    let inPlanted = 0;
    for (const id of g.accountIds) {
      const c = clusterOfPlanted.get(id);
      if (c === undefined) continue;
      clusters.add(c);
      if (plantedMajority.has(c)) inPlanted++;
    }
    if (clusters.size > 1) groupsSplit++;
    if (clusters.size === 1 && inPlanted === g.accountIds.length) groupsExact++;
    if (inPlanted >= 0.9 * g.accountIds.length) groupsRecovered++;
  }
  const plantedAccounts = truth.plantedAccountIds.length;
  return {
    plantedAccounts,
    plantedInPlantedClusters,
    recall: plantedAccounts === 0 ? 1 : plantedInPlantedClusters / plantedAccounts,
    plantedClustered,
    clusteredAccounts,
    organicClustered: clusteredAccounts - plantedClustered,
    organicInPlantedClusters,
    precision: clusteredAccounts === 0 ? 1 : plantedClustered / clusteredAccounts,
    clusters: network.clusters.length,
    plantedClusters,
    groupsExact,
    groupsRecovered,
    groupsSplit,
    clustersMixingGroups,
    groups: truth.groups.length,
  };
}
