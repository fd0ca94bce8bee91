import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DOMParser } from '@xmldom/xmldom';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { writeNetworkGexf, writeNetworkGexfChunks } from './write-network-gexf.js';

/** Parse with every xmldom warning or error turned into an exception. */
function strictXml(xml: string) {
  const fail = (message: string) => {
    throw new Error(`XML not well-formed: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    xml,
    'application/xml',
  );
}

describe('writeNetworkGexf', () => {
  const gexf = writeNetworkGexf(CASE_REPORT.network);

  it('is well-formed GEXF 1.3, deterministic, and carries no timestamp', () => {
    const doc = strictXml(gexf);
    assert.equal(doc.documentElement?.getAttribute('version'), '1.3');
    assert.equal(doc.documentElement?.getAttribute('xmlns'), 'http://gexf.net/1.3');
    assert.ok(!gexf.includes('lastmodifieddate'));
    assert.equal(writeNetworkGexf(structuredClone(CASE_REPORT.network)), gexf);
    assert.ok(gexf.endsWith('\n'));
  });

  it('round-trips through graphology-gexf with the documented attributes', () => {
    const graph = parseGexf(UndirectedGraph, gexf);
    assert.equal(graph.order, 10);
    assert.equal(graph.size, 9);
    assert.deepEqual(graph.getNodeAttributes('twitter:1001'), {
      label: '=HYPERLINK("http://evil.example/x","click")',
      account: 'twitter:1001',
      cluster: 'C0001',
      platform: 'twitter',
      account_id: '1001',
      handle: '=HYPERLINK("http://evil.example/x","click")',
      display_name: 'Anna <b>bold</b>',
      component: 0,
      degree: 2,
      coactions: 12,
      posts: 40,
    });
    assert.equal(graph.getNodeAttribute('twitter:1002', 'handle'), '<script>alert(1)</script>');
    assert.equal(graph.getNodeAttribute('facebook:4001', 'display_name'), `"quoted" & 'apos'`);
    assert.equal(
      graph.getNodeAttribute('facebook:4001', 'handle'),
      'ctrl\uFFFD\uFFFDchar',
      'XML-invalid chars replaced',
    );
    assert.equal(graph.getNodeAttribute('facebook:4002', 'handle'), 'naïve 中文 😀');
    assert.equal(
      graph.getNodeAttribute('twitter:9001', 'cluster'),
      undefined,
      'unclustered: no cluster value',
    );
    const edge = graph.edge('twitter:1001', 'twitter:1002')!;
    assert.deepEqual(graph.getEdgeAttributes(edge), {
      weight: 8,
      coactions: 8,
      objects: 3,
      median_dt_s: 4,
      mean_dt_s: 7,
      symmetry: 0.75,
      kinds: 'share,url',
      evidence_count: 8,
    });
  });

  it('escapes markup in attribute values', () => {
    assert.ok(gexf.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(!gexf.includes('<script'));
    assert.ok(!gexf.includes('<b>'));
  });

  it('streams the same text in pieces, one node or edge at a time', () => {
    const pieces = [...writeNetworkGexfChunks(CASE_REPORT.network)];
    assert.ok(pieces.length >= CASE_REPORT.network.accounts.length + CASE_REPORT.network.edges.length);
    assert.equal(pieces.join(''), gexf);
  });
});
