import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DOMParser } from '@xmldom/xmldom';
import { UndirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { writeNetworkGraphml } from './write-network-graphml.js';

function strictXml(xml: string) {
  const fail = (message: string) => {
    throw new Error(`XML not well-formed: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    xml,
    'application/xml',
  );
}

describe('writeNetworkGraphml', () => {
  const graphml = writeNetworkGraphml(CASE_REPORT.network);

  it('is well-formed, declares every key used, and is deterministic', () => {
    const doc = strictXml(graphml);
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) => k.getAttribute('id'));
    const used = new Set(Array.from(doc.getElementsByTagName('data')).map((d) => d.getAttribute('key')));
    for (const key of used) assert.ok(keys.includes(key), `undeclared key ${key}`);
    assert.equal(doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault'), 'undirected');
    assert.equal(writeNetworkGraphml(structuredClone(CASE_REPORT.network)), graphml);
  });

  it('round-trips through graphology-graphml with typed attributes', () => {
    const graph = parseGraphml(UndirectedGraph, graphml);
    assert.equal(graph.order, 10);
    assert.equal(graph.size, 9);
    assert.deepEqual(graph.getNodeAttributes('twitter:3001'), {
      label: 'back`tick`',
      account: 'twitter:3001',
      cluster: 'C0002',
      platform: 'twitter',
      account_id: '3001',
      handle: 'back`tick`',
      display_name: 'line1\nline2',
      component: 1,
      degree: 2,
      coactions: 8,
      posts: 5,
    });
    assert.equal(graph.getNodeAttribute('twitter:1002', 'handle'), '<script>alert(1)</script>');
    assert.equal(graph.getNodeAttribute('twitter:3003', 'display_name'), '\tTabbed');
    assert.equal(graph.getNodeAttribute('facebook:4001', 'display_name'), `"quoted" & 'apos'`);
    assert.equal(graph.getNodeAttribute('facebook:4001', 'handle'), 'ctrl\uFFFD\uFFFDchar');
    assert.equal(graph.getNodeAttribute('twitter:9001', 'cluster'), '');
    const edge = graph.edge('facebook:4001', 'facebook:4002')!;
    assert.deepEqual(graph.getEdgeAttributes(edge), {
      weight: 7,
      coactions: 7,
      objects: 1,
      median_dt_s: 0.5,
      mean_dt_s: 0.5,
      symmetry: 0.75,
      kinds: 'object',
      evidence_count: 7,
    });
  });

  it('escapes attacker strings', () => {
    assert.ok(graphml.includes('<data key="n_handle">&lt;script&gt;alert(1)&lt;/script&gt;</data>'));
    assert.ok(!graphml.includes('<script'));
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(graphml));
  });
});
