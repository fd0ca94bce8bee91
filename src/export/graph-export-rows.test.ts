import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CoordinationNetwork, NetworkEdge } from '../model/network.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, toGraphExportRows } from './graph-export-rows.js';

function edge(a: string, b: string, coactions: number): NetworkEdge {
  return {
    a,
    b,
    coactions,
    objects: 1,
    meanDtSeconds: 1 / 3,
    medianDtSeconds: Number.NaN,
    symmetry: 1,
    perKind: [
      { kind: 'url', coactions, objects: 1 },
      { kind: 'domain', coactions, objects: 1 },
      { kind: 'text', coactions: 0, objects: 0 },
    ],
    evidence: [],
    evidenceTotal: coactions,
  };
}

describe('toGraphExportRows', () => {
  it('sorts nodes and edges, numbers edges e0…, rounds and drops non-finite values', () => {
    const network: CoordinationNetwork = {
      accounts: [],
      edges: [edge('x:b', 'x:c', 2), edge('x:a', 'x:b', 5)],
      clusters: [],
    };
    const { nodes, edges } = toGraphExportRows(network);
    assert.deepEqual(
      nodes.map((n) => n.id),
      ['x:a', 'x:b', 'x:c'],
    );
    assert.deepEqual(nodes[0]!.attributes, { label: 'x:a', account: 'x:a' });
    assert.deepEqual(edges[0], {
      id: 'e0',
      source: 'x:a',
      target: 'x:b',
      attributes: {
        weight: 5,
        coactions: 5,
        objects: 1,
        mean_dt_s: 0.333,
        symmetry: 1,
        kinds: 'domain,url',
        evidence_count: 5,
      },
    });
  });

  it('keeps ids unique when cleaning XML-invalid characters makes two keys equal', () => {
    const network: CoordinationNetwork = {
      accounts: [],
      edges: [edge('x:a\u0000', 'x:a\u0001', 1)],
      clusters: [],
    };
    const { nodes, edges } = toGraphExportRows(network);
    assert.deepEqual(
      nodes.map((n) => n.id),
      ['x:a\uFFFD', 'x:a\uFFFD~2'],
    );
    assert.deepEqual([edges[0]!.source, edges[0]!.target], ['x:a\uFFFD', 'x:a\uFFFD~2']);
  });

  it('declares unique attribute names', () => {
    for (const specs of [NODE_ATTRIBUTES, EDGE_ATTRIBUTES]) {
      assert.equal(new Set(specs.map((s) => s.name)).size, specs.length);
    }
  });
});
