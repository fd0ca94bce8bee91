/**
 * What both human-readable reports show, computed once and in a fixed order: clusters by id, their accounts,
 * strongest internal edges and evidence, and the accounts outside any cluster. Keeps `report.html` and `report.md`
 * consistent and deterministic.
 */
import { compareClusterIds } from '../graph/compare-cluster-ids.js';
import { compareStrings } from '../graph/compare-strings.js';
import type { Cluster, NetworkAccount, NetworkEdge, PostRef } from '../model/network.js';
import type { CaseReport } from './case-report.js';
import type { ReportOptions } from './report-options.js';

/** One cluster as the reports show it. */
export interface ClusterView {
  cluster: Cluster;
  /** Member accounts in key order (capped at `accountsPerCluster`); unknown keys get a stub with only `key`. */
  accounts: (NetworkAccount | { key: string })[];
  /** Members not listed because of the cap. */
  accountsOmitted: number;
  /** Evidence posts, oldest first (capped at `evidencePostsPerCluster`). */
  posts: PostRef[];
  /** Internal edges, most co-actions first, then by account keys (capped at `strongestEdgesPerCluster`). */
  strongestEdges: NetworkEdge[];
  /** Every internal edge, in the same order (for evidence drawn from all of them, e.g. near-duplicate examples). */
  internalEdges: NetworkEdge[];
}

/** The view model of a report. */
export interface ReportView {
  clusters: ClusterView[];
  /** Every account of the network by key. */
  accountsByKey: Map<string, NetworkAccount>;
  /** Accounts of the network without a cluster, by key. */
  unclustered: NetworkAccount[];
}

/**
 * Build the {@link ReportView} of a case.
 * @param report the case
 * @param options resolved report options (caps)
 */
export function buildReportView(report: CaseReport, options: ReportOptions): ReportView {
  const { network } = report;
  const accountsByKey = new Map<string, NetworkAccount>();
  for (const account of [...network.accounts].sort((x, y) => compareStrings(x.key, y.key))) {
    if (!accountsByKey.has(account.key)) accountsByKey.set(account.key, account);
  }
  const clusterOf = (key: string): string => accountsByKey.get(key)?.cluster ?? '';
  const internal = new Map<string, NetworkEdge[]>();
  for (const edge of network.edges) {
    const id = clusterOf(edge.a);
    if (id === '' || id !== clusterOf(edge.b)) continue;
    const list = internal.get(id);
    if (list === undefined) internal.set(id, [edge]);
    else list.push(edge);
  }
  const clusters = [...network.clusters]
    .sort((x, y) => compareClusterIds(x.id, y.id))
    .map((cluster): ClusterView => {
      const keys = [...cluster.accounts].sort(compareStrings);
      const internalEdges = (internal.get(cluster.id) ?? [])
        .slice()
        .sort((x, y) => y.coactions - x.coactions || compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
      const listed = keys.slice(0, options.accountsPerCluster);
      return {
        cluster,
        accounts: listed.map((key) => accountsByKey.get(key) ?? { key }),
        accountsOmitted: keys.length - listed.length,
        posts: [...cluster.evidencePosts]
          .sort(
            (x, y) =>
              x.tsMs - y.tsMs || compareStrings(x.platform, y.platform) || compareStrings(x.postId, y.postId),
          )
          .slice(0, options.evidencePostsPerCluster),
        strongestEdges: internalEdges.slice(0, options.strongestEdgesPerCluster),
        internalEdges,
      };
    });
  const unclustered = [...accountsByKey.values()].filter((account) => account.cluster === '');
  return { clusters, accountsByKey, unclustered };
}
