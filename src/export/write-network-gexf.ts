/**
 * `network.gexf` for Gephi: GEXF 1.3 (https://gexf.net/schema.html) through graphology-gexf's writer, from the
 * rows of `toGraphExportRows` (node attributes cluster, platform, handle, component, coactions, …; edge attributes
 * coactions, objects, median_dt_s, kinds, …; edge weight = co-actions). The writer escapes markup characters;
 * characters XML forbids are replaced beforehand. No `lastmodifieddate`, so the bytes are reproducible.
 */
import { UndirectedGraph } from 'graphology';
import { write as writeGexfString } from 'graphology-gexf';

import type { CoordinationNetwork } from '../model/network.js';
import { type GraphAttributeValue, toGraphExportRows } from './graph-export-rows.js';

/**
 * Write the network as GEXF 1.3 (undirected; node id = account key; `label` = handle, else display name, else key).
 * @param network the coordination network
 * @returns GEXF XML text ending with a newline; identical input gives identical bytes
 * @example writeNetworkGexf(report.network).startsWith('<?xml') // true
 */
export function writeNetworkGexf(network: CoordinationNetwork): string {
  const { nodes, edges } = toGraphExportRows(network);
  type Attrs = Record<string, GraphAttributeValue>;
  const graph = new UndirectedGraph<Attrs, Attrs>();
  graph.mergeAttributes({
    creator: 'Chorus',
    description: 'Accounts linked by co-actions (coordination network)',
  });
  for (const node of nodes) graph.addNode(node.id, node.attributes);
  for (const edge of edges)
    graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, edge.attributes);
  const xml = writeGexfString(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: String(label), attributes: rest };
    },
    formatEdge: (_key, attributes) => {
      const { weight, ...rest } = attributes;
      return typeof weight === 'number' ? { weight, attributes: rest } : { attributes: rest };
    },
  });
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}
