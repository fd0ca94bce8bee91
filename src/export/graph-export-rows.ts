/**
 * The node and edge tables that the graph files (`network.gexf`, `network.graphml`) carry: one place that decides
 * ids, attribute names, types and order, so Gephi, Cytoscape and igraph see the same attributes in both formats.
 * Strings are cleaned of characters XML 1.0 forbids (`sanitizeXmlText`); escaping is the writers' job.
 */
import { compareStrings } from '../graph/compare-strings.js';
import type { CoordinationNetwork } from '../model/network.js';
import { roundDecimal } from './format-decimal.js';
import { sanitizeXmlText } from './sanitize-xml-text.js';

/** XML-friendly type of a graph attribute (GraphML `attr.type`; GEXF infers the same from the values). */
export type GraphAttributeType = 'string' | 'long' | 'double';

/** Declaration of one node or edge attribute. */
export interface GraphAttributeSpec {
  /** Attribute name (also the GraphML key id suffix and the GEXF attribute id). */
  name: string;
  type: GraphAttributeType;
  /** What it means, for the GraphML `<desc>`. */
  description: string;
}

/** Node attributes, in order. */
export const NODE_ATTRIBUTES: readonly GraphAttributeSpec[] = Object.freeze([
  { name: 'label', type: 'string', description: 'Handle, else display name, else account key' },
  { name: 'account', type: 'string', description: 'Account key platform:accountId' },
  { name: 'cluster', type: 'string', description: 'Cluster id (empty when unclustered)' },
  { name: 'platform', type: 'string', description: 'Platform' },
  { name: 'account_id', type: 'string', description: 'Platform account id' },
  { name: 'handle', type: 'string', description: 'Handle (attacker-written)' },
  { name: 'display_name', type: 'string', description: 'Display name (attacker-written)' },
  { name: 'component', type: 'long', description: 'Connected component, 0-based, largest first' },
  { name: 'degree', type: 'long', description: 'Neighbours in the kept network' },
  { name: 'coactions', type: 'long', description: 'Co-actions over the account’s kept edges' },
  { name: 'posts', type: 'long', description: 'Posts of the account in the case' },
] as const);

/** Edge attributes, in order. */
export const EDGE_ATTRIBUTES: readonly GraphAttributeSpec[] = Object.freeze([
  { name: 'weight', type: 'double', description: 'Co-actions (edge weight)' },
  { name: 'coactions', type: 'long', description: 'Co-action pairs' },
  { name: 'objects', type: 'long', description: 'Distinct objects co-acted on' },
  { name: 'median_dt_s', type: 'double', description: 'Median time gap in seconds' },
  { name: 'mean_dt_s', type: 'double', description: 'Mean time gap in seconds' },
  { name: 'symmetry', type: 'double', description: 'CooRTweet edge symmetry score (0..1]' },
  { name: 'kinds', type: 'string', description: 'Trace kinds with co-actions, comma-separated' },
  { name: 'evidence_count', type: 'long', description: 'All co-action pairs behind the edge' },
] as const);

/** An attribute value: strings are XML-clean, numbers finite. Absent values are omitted. */
export type GraphAttributeValue = string | number;

/** One node row. */
export interface GraphNodeRow {
  /** XML id: the account key (cleaned; `~n` appended in the rare case cleaning makes two keys collide). */
  id: string;
  attributes: Record<string, GraphAttributeValue>;
}

/** One edge row. */
export interface GraphEdgeRow {
  /** `e0, e1, …` in row order. */
  id: string;
  source: string;
  target: string;
  attributes: Record<string, GraphAttributeValue>;
}

/**
 * Node and edge rows of a network: nodes sorted by account key, edges by (a, b). Accounts at an edge end but
 * missing from `network.accounts` still get a node (with only `label` and `account`).
 * @param network the coordination network
 * @returns `{ nodes, edges }` with attributes in {@link NODE_ATTRIBUTES}/{@link EDGE_ATTRIBUTES} order
 */
export function toGraphExportRows(network: CoordinationNetwork): {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
} {
  const accounts = new Map(network.accounts.map((a) => [a.key, a]));
  const keys = new Set(accounts.keys());
  for (const e of network.edges) {
    keys.add(e.a);
    keys.add(e.b);
  }
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const nodes = [...keys].sort(compareStrings).map((key): GraphNodeRow => {
    let id = sanitizeXmlText(key);
    for (let n = 2; used.has(id); n++) id = `${sanitizeXmlText(key)}~${n}`;
    used.add(id);
    ids.set(key, id);
    const a = accounts.get(key);
    const attributes: Record<string, GraphAttributeValue> = {
      label: sanitizeXmlText(a?.handle || a?.displayName || key),
      account: sanitizeXmlText(key),
    };
    if (a !== undefined) {
      attributes.cluster = sanitizeXmlText(a.cluster);
      attributes.platform = sanitizeXmlText(a.platform);
      attributes.account_id = sanitizeXmlText(a.accountId);
      if (a.handle !== undefined) attributes.handle = sanitizeXmlText(a.handle);
      if (a.displayName !== undefined) attributes.display_name = sanitizeXmlText(a.displayName);
      attributes.component = a.component;
      attributes.degree = a.degree;
      attributes.coactions = a.coactions;
      attributes.posts = a.posts;
    }
    return { id, attributes: dropNonFinite(attributes) };
  });
  const edges = [...network.edges]
    .sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b))
    .map(
      (e, i): GraphEdgeRow => ({
        id: `e${i}`,
        source: ids.get(e.a)!,
        target: ids.get(e.b)!,
        attributes: dropNonFinite({
          weight: e.coactions,
          coactions: e.coactions,
          objects: e.objects,
          median_dt_s: roundDecimal(e.medianDtSeconds, 3),
          mean_dt_s: roundDecimal(e.meanDtSeconds, 3),
          symmetry: roundDecimal(e.symmetry, 6),
          kinds: sanitizeXmlText(
            [...new Set(e.perKind.filter((k) => k.coactions > 0).map((k) => k.kind))]
              .sort(compareStrings)
              .join(','),
          ),
          evidence_count: e.evidenceTotal,
        }),
      }),
    );
  return { nodes, edges };
}

function dropNonFinite(attributes: Record<string, GraphAttributeValue>): Record<string, GraphAttributeValue> {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'number' && !Number.isFinite(value)) delete attributes[name];
  }
  return attributes;
}
