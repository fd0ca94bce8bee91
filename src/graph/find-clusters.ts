/**
 * Communities and connected components of the account network, with stable cluster ids.
 *
 * Communities: Louvain modularity optimisation (Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E.
 * (2008). Fast unfolding of communities in large networks. J. Stat. Mech. P10008.
 * doi:10.1088/1742-5468/2008/10/P10008) via `graphology-communities-louvain`, weighted by co-actions, with its
 * random node order driven by `seedrandom(seed)` so that identical input gives identical communities (STYLE.md
 * convention 8). CooRnet (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732) and CooRTweet likewise run
 * Louvain on the coordinated-account network.
 *
 * Louvain's labels are arbitrary, so communities are renamed `C0001, C0002, …` in a stable order: size descending,
 * then internal co-actions descending, then the smallest account key. Communities smaller than `minClusterSize`
 * get no id. Components are numbered from 0, largest first, ties by smallest account key.
 */
import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import type { AccountGraph } from './build-account-graph.js';
import { compareStrings } from './compare-strings.js';
import { definedFields, type OptionsInput } from './options-input.js';

// The package is CommonJS and declares `export default`; under NodeNext the default import is `module.exports`,
// which is the function itself at run time.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** Options of {@link findClusters}. */
export interface FindClustersOptions {
  // — Randomness —
  /** Seed of the Louvain node-order PRNG (`seedrandom(String(seed))`). */
  seed: number | string;
  // — Louvain —
  /** Modularity resolution γ (> 0); higher gives more, smaller communities. */
  resolution: number;
  // — Output —
  /** Smallest community that becomes a cluster (integer ≥ 1). */
  minClusterSize: number;
}

/** Defaults of {@link findClusters}: `seed` 42, `resolution` 1, `minClusterSize` 2. */
export const FIND_CLUSTERS_DEFAULTS: Readonly<FindClustersOptions> = Object.freeze({
  seed: 42,
  resolution: 1,
  minClusterSize: 2,
});

/**
 * Merge partial options over {@link FIND_CLUSTERS_DEFAULTS}, then validate.
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateFindClustersOptions}
 */
export function resolveFindClustersOptions(
  input: OptionsInput<FindClustersOptions> = {},
): FindClustersOptions {
  const options = { ...FIND_CLUSTERS_DEFAULTS, ...definedFields(input) } as FindClustersOptions;
  validateFindClustersOptions(options);
  return options;
}

/**
 * Check resolved {@link FindClustersOptions}.
 * @throws {ConfigError} `CONFIG_INVALID` when `seed` is not a finite number or a string, `resolution` is not a
 * finite number > 0, or `minClusterSize` is not an integer ≥ 1
 */
export function validateFindClustersOptions(options: FindClustersOptions): void {
  const { seed, resolution, minClusterSize } = options;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new ConfigError(
      `graph/find-clusters: invalid \`seed\` ${String(seed)}. Expecting a finite number or a string.`,
    );
  }
  if (typeof resolution !== 'number' || !Number.isFinite(resolution) || resolution <= 0) {
    throw new ConfigError(
      `graph/find-clusters: invalid \`resolution\` ${String(resolution)}. Expecting a number > 0.`,
    );
  }
  if (typeof minClusterSize !== 'number' || !Number.isInteger(minClusterSize) || minClusterSize < 1) {
    throw new ConfigError(
      `graph/find-clusters: invalid \`minClusterSize\` ${String(minClusterSize)}. Expecting an integer ≥ 1.`,
    );
  }
}

/** Result of {@link findClusters}. */
export interface ClusterAssignment {
  /** Account key → cluster id (`C0001`…). Accounts of communities below `minClusterSize` are absent. */
  assignment: Map<string, string>;
  /** Account key → connected component index (0-based, largest first), for every node. */
  components: Map<string, number>;
  /** Weighted modularity of the Louvain partition (all communities); `NaN` when the graph has no edge weight. */
  modularity: number;
}

/**
 * Find clusters (seeded Louvain communities with stable ids) and connected components of the account network.
 *
 * @param graph the account network from {@link buildAccountGraph} (edge attribute `weight` = co-actions)
 * @param options `seed` (default 42), `resolution` (default 1), `minClusterSize` (default 2)
 * @returns `{ assignment, components, modularity }`; maps iterate in ascending account-key order
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options
 * @example
 * const { assignment } = findClusters(buildAccountGraph(kept), { seed: 7 });
 * assignment.get('twitter:12'); // 'C0001'
 */
export function findClusters(
  graph: AccountGraph,
  options?: OptionsInput<FindClustersOptions>,
): ClusterAssignment {
  const { seed, resolution, minClusterSize } = resolveFindClustersOptions(options);
  const nodes = graph.nodes().sort(compareStrings);

  // — Communities —
  let communities: Record<string, number>;
  let modularity = Number.NaN;
  if (graph.size === 0) {
    communities = Object.fromEntries(nodes.map((node, i) => [node, i]));
  } else {
    const detailed = louvain.detailed(graph, {
      getEdgeWeight: 'weight',
      resolution,
      rng: seedrandom(String(seed)),
    });
    communities = detailed.communities;
    modularity = detailed.modularity;
  }
  const groups = new Map<number, { members: string[]; coactions: number }>();
  for (const node of nodes) {
    const community = communities[node]!;
    let group = groups.get(community);
    if (group === undefined) {
      group = { members: [], coactions: 0 };
      groups.set(community, group);
    }
    group.members.push(node); // nodes are sorted, so members are too
  }
  graph.forEachEdge((_edge, attributes, source, target) => {
    const community = communities[source]!;
    if (community === communities[target]) groups.get(community)!.coactions += attributes.coactions;
  });
  const ranked = [...groups.values()]
    .filter((group) => group.members.length >= minClusterSize)
    .sort(
      (x, y) =>
        y.members.length - x.members.length ||
        y.coactions - x.coactions ||
        compareStrings(x.members[0]!, y.members[0]!),
    );
  const byNode = new Map<string, string>();
  ranked.forEach((group, i) => {
    const id = clusterId(i + 1);
    for (const member of group.members) byNode.set(member, id);
  });
  const assignment = new Map<string, string>();
  for (const node of nodes) {
    const id = byNode.get(node);
    if (id !== undefined) assignment.set(node, id);
  }

  // — Components —
  const ordered = connectedComponents(graph)
    .map((members) => ({ size: members.length, first: [...members].sort(compareStrings)[0]!, members }))
    .sort((x, y) => y.size - x.size || compareStrings(x.first, y.first));
  const componentOf = new Map<string, number>();
  ordered.forEach((component, i) => {
    for (const member of component.members) componentOf.set(member, i);
  });
  const components = new Map<string, number>(nodes.map((node) => [node, componentOf.get(node)!]));

  return { assignment, components, modularity };
}

/** {@link FIND_CLUSTERS_DEFAULTS}. */
findClusters.defaults = FIND_CLUSTERS_DEFAULTS;

/**
 * The id of the n-th cluster (1-based): `C` + at least four digits.
 * @example clusterId(1) // 'C0001'
 * @example clusterId(12345) // 'C12345'
 */
export function clusterId(n: number): string {
  return `C${String(n).padStart(4, '0')}`;
}
