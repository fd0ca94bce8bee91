/**
 * `network.gexf` for Gephi: GEXF 1.3 (https://gexf.net/schema.html), written as a stream of pieces from the rows of
 * `toGraphExportRows` (node attributes cluster, platform, handle, component, coactions, …; edge attributes
 * coactions, objects, median_dt_s, kinds, …; edge weight = co-actions). Written here rather than through
 * graphology-gexf's writer, which builds the whole document in memory and ran out of a 4 GB heap on a 390,000-edge
 * network; the output is read back with graphology-gexf's parser in the tests. Every value is XML-escaped (and
 * characters XML forbids replaced). No `lastmodifieddate`, so the bytes are reproducible.
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
 * Write the network as GEXF 1.3 (undirected; node id = account key; `label` = handle, else display name, else key;
 * edge `weight` = co-actions).
 * @param network the coordination network
 * @returns GEXF XML text ending with a newline; identical input gives identical bytes
 * @example writeNetworkGexf(report.network).startsWith('<?xml') // true
 */
export function writeNetworkGexf(network: CoordinationNetwork): string {
  return [...writeNetworkGexfChunks(network)].join('');
}

/** The same text as {@link writeNetworkGexf}, one node or edge at a time, for streaming large networks to a file. */
export function* writeNetworkGexfChunks(network: CoordinationNetwork): Generator<string> {
  const { nodes, edges } = toGraphExportRows(network);
  const nodeSpecs = NODE_ATTRIBUTES.filter((spec) => spec.name !== 'label');
  const edgeSpecs = EDGE_ATTRIBUTES.filter((spec) => spec.name !== 'weight');
  const declare = (specs: readonly GraphAttributeSpec[], cls: 'node' | 'edge') =>
    [
      `    <attributes class="${cls}">\n`,
      ...specs.map(
        (spec) => `      <attribute id="${spec.name}" title="${spec.name}" type="${spec.type}"/>\n`,
      ),
      '    </attributes>\n',
    ].join('');
  const attvalues = (
    specs: readonly GraphAttributeSpec[],
    attributes: Record<string, GraphAttributeValue>,
  ) => {
    const values = specs
      .filter((spec) => attributes[spec.name] !== undefined && attributes[spec.name] !== '')
      .map(
        (spec) =>
          `          <attvalue for="${spec.name}" value="${escapeXml(String(attributes[spec.name]))}"/>\n`,
      );
    return values.length === 0 ? '' : `        <attvalues>\n${values.join('')}        </attvalues>\n`;
  };
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    '  <meta>\n    <creator>Chorus</creator>\n' +
    '    <description>Accounts linked by co-actions (coordination network)</description>\n  </meta>\n' +
    '  <graph defaultedgetype="undirected" mode="static">\n' +
    declare(nodeSpecs, 'node') +
    declare(edgeSpecs, 'edge') +
    '    <nodes>\n';
  for (const node of nodes) {
    const label = node.attributes.label;
    const labelAttr = label === undefined ? '' : ` label="${escapeXml(String(label))}"`;
    yield `      <node id="${escapeXml(node.id)}"${labelAttr}>\n${attvalues(nodeSpecs, node.attributes)}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of edges) {
    const weight = edge.attributes.weight;
    const weightAttr = typeof weight === 'number' ? ` weight="${weight}"` : '';
    yield `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"${weightAttr}>\n${attvalues(edgeSpecs, edge.attributes)}      </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
