/**
 * The account network as a graphology graph: accounts are nodes, kept co-action edges are weighted undirected
 * edges (weight = the edge's `weight` when set — the IDF sum of significance mode — else co-actions, CooRTweet's `weight`). Built deterministically (nodes and edges inserted in sorted key
 * order, edge keys `e0, e1, …` in that order) so that community detection and graph files do not depend on the
 * order in which the detector produced the edges.
 * Sources: Giglietto et al. 2020 (CooRnet) doi:10.1080/1369118X.2020.1739732; Righetti & Balluff, CooRTweet.
 */
import { UndirectedGraph } from 'graphology';

import { CibError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import { type AccountFactsInput, indexAccountFacts } from './account-facts.js';
import { compareStrings } from './compare-strings.js';
import { splitAccountKey } from './split-account-key.js';

/** Node attributes of an {@link AccountGraph}. */
export interface AccountNodeAttributes {
  platform: string;
  accountId: string;
  handle?: string;
  displayName?: string;
  /** Posts of the account in the case (0 when unknown). */
  posts: number;
}

/** Edge attributes of an {@link AccountGraph}. */
export interface AccountEdgeAttributes {
  /** Louvain weight: the edge's `weight` (IDF sum in significance mode), else `coactions`. */
  weight: number;
  coactions: number;
  objects: number;
  meanDtSeconds: number;
  medianDtSeconds: number;
  symmetry: number;
  /** Trace kinds with co-actions on the edge, sorted. */
  kinds: TraceKind[];
}

/** The undirected, weighted account network. */
export type AccountGraph = UndirectedGraph<AccountNodeAttributes, AccountEdgeAttributes>;

/**
 * Build the account network from kept edges.
 *
 * Nodes are the accounts at either end of an edge, inserted in ascending key order (plain code-unit order);
 * `accounts` only annotates them (handle, display name, posts) — accounts without an edge are not added. Edges are
 * inserted sorted by (smaller key, larger key) with keys `e0, e1, …`, so any permutation of `edges` yields the same
 * graph.
 *
 * @param edges kept edges (`a`/`b` in either order; one edge per account pair)
 * @param accounts optional per-account facts (a list, or a map whose values are the facts)
 * @returns a new {@link AccountGraph}
 * @throws {CibError} `INPUT_INVALID` on a self-loop, a duplicate account pair, a malformed account key, or a
 * co-action count that is not a finite number ≥ 0
 * @example
 * const graph = buildAccountGraph(filterEdges(edges), accounts);
 * graph.getEdgeAttribute('e0', 'weight');
 */
export function buildAccountGraph(edges: readonly NetworkEdge[], accounts?: AccountFactsInput): AccountGraph {
  const facts = indexAccountFacts(accounts);
  const ordered = edges
    .map((edge) => {
      if (edge.a === edge.b) {
        throw new CibError(
          'INPUT_INVALID',
          `graph/build-account-graph: self-loop on ${JSON.stringify(edge.a)}.`,
        );
      }
      if (typeof edge.coactions !== 'number' || !Number.isFinite(edge.coactions) || edge.coactions < 0) {
        throw new CibError(
          'INPUT_INVALID',
          `graph/build-account-graph: invalid \`coactions\` ${String(edge.coactions)} on ${JSON.stringify(edge.a)}–${JSON.stringify(edge.b)}. Expecting a finite number ≥ 0.`,
        );
      }
      return edge.a < edge.b ? { lo: edge.a, hi: edge.b, edge } : { lo: edge.b, hi: edge.a, edge };
    })
    .sort((x, y) => compareStrings(x.lo, y.lo) || compareStrings(x.hi, y.hi));

  const keys = new Set<string>();
  for (const { lo, hi } of ordered) {
    keys.add(lo);
    keys.add(hi);
  }
  const graph: AccountGraph = new UndirectedGraph<AccountNodeAttributes, AccountEdgeAttributes>();
  for (const key of [...keys].sort(compareStrings)) {
    const { platform, accountId } = splitAccountKey(key);
    const fact = facts.get(key);
    const attributes: AccountNodeAttributes = { platform, accountId, posts: fact?.posts ?? 0 };
    if (fact?.handle !== undefined) attributes.handle = fact.handle;
    if (fact?.displayName !== undefined) attributes.displayName = fact.displayName;
    graph.addNode(key, attributes);
  }
  ordered.forEach(({ lo, hi, edge }, i) => {
    if (graph.hasEdge(lo, hi)) {
      throw new CibError(
        'INPUT_INVALID',
        `graph/build-account-graph: duplicate edge ${JSON.stringify(lo)}–${JSON.stringify(hi)}. Expecting one edge per account pair.`,
      );
    }
    graph.addUndirectedEdgeWithKey(`e${i}`, lo, hi, {
      weight: edge.weight ?? edge.coactions,
      coactions: edge.coactions,
      objects: edge.objects,
      meanDtSeconds: edge.meanDtSeconds,
      medianDtSeconds: edge.medianDtSeconds,
      symmetry: edge.symmetry,
      kinds: [...new Set(edge.perKind.filter((k) => k.coactions > 0).map((k) => k.kind))].sort(
        compareStrings,
      ),
    });
  });
  return graph;
}
