/**
 * `network.graphml` for Cytoscape, igraph, networkx, yEd and Gephi: GraphML 1.0
 * (http://graphml.graphdrawing.org/specification.html), written by hand because graphology-graphml only parses.
 * Every attribute is declared with a `<key>` (typed, with a `<desc>`), every string goes through `escapeXml`
 * (markup escaped, characters XML forbids replaced), and the order is fixed, so the bytes are reproducible.
 */
import type { CoordinationNetwork } from '../model/network.js';
import { escapeXml } from './escape-xml.js';
import {
  EDGE_ATTRIBUTES,
  type GraphAttributeSpec,
  type GraphAttributeValue,
  NODE_ATTRIBUTES,
  toGraphExportRows,
} from './graph-export-rows.js';

/**
 * Write the network as GraphML (undirected). Key ids are `n_<name>` for nodes and `e_<name>` for edges; the edge
 * attribute `weight` carries co-actions.
 * @param network the coordination network
 * @returns GraphML XML text ending with a newline
 * @example writeNetworkGraphml(report.network).includes('<key id="n_cluster"') // true
 */
export function writeNetworkGraphml(network: CoordinationNetwork): string {
  return [...writeNetworkGraphmlChunks(network)].join('');
}

/** The same text as {@link writeNetworkGraphml}, one node or edge at a time, for streaming large networks. */
export function* writeNetworkGraphmlChunks(network: CoordinationNetwork): Generator<string> {
  const { nodes, edges } = toGraphExportRows(network);
  const head: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const declare = (spec: GraphAttributeSpec, domain: 'node' | 'edge') =>
    `  <key id="${domain[0]}_${spec.name}" for="${domain}" attr.name="${spec.name}" attr.type="${spec.type}"><desc>${escapeXml(spec.description)}</desc></key>`;
  for (const spec of NODE_ATTRIBUTES) head.push(declare(spec, 'node'));
  for (const spec of EDGE_ATTRIBUTES) head.push(declare(spec, 'edge'));
  head.push('  <graph id="chorus" edgedefault="undirected">');
  yield `${head.join('\n')}\n`;
  const data = (
    prefix: string,
    specs: readonly GraphAttributeSpec[],
    attributes: Record<string, GraphAttributeValue>,
  ) =>
    specs
      .filter((spec) => attributes[spec.name] !== undefined)
      .map(
        (spec) =>
          `      <data key="${prefix}_${spec.name}">${escapeXml(String(attributes[spec.name]))}</data>`,
      );
  for (const node of nodes) {
    yield `${[`    <node id="${escapeXml(node.id)}">`, ...data('n', NODE_ATTRIBUTES, node.attributes), '    </node>'].join('\n')}\n`;
  }
  for (const edge of edges) {
    yield `${[
      `    <edge id="${edge.id}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...data('e', EDGE_ATTRIBUTES, edge.attributes),
      '    </edge>',
    ].join('\n')}\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
