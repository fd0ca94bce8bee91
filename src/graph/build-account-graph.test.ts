import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CibError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import { buildAccountGraph } from './build-account-graph.js';

function edge(a: string, b: string, coactions: number): NetworkEdge {
  return {
    a,
    b,
    coactions,
    objects: 1,
    meanDtSeconds: 2,
    medianDtSeconds: 1.5,
    symmetry: 0.5,
    perKind: [
      { kind: 'url', coactions, objects: 1 },
      { kind: 'hashtag', coactions: 0, objects: 0 },
      { kind: 'share', coactions: 1, objects: 1 },
    ],
    evidence: [],
    evidenceTotal: coactions,
  };
}

describe('buildAccountGraph', () => {
  const edges = [edge('x:b', 'x:c', 3), edge('t:z', 'x:a', 1), edge('x:a', 'x:b', 2)];

  it('inserts nodes in sorted key order and edges sorted by their ends, keyed e0…', () => {
    const graph = buildAccountGraph(edges);
    assert.equal(graph.type, 'undirected');
    assert.deepEqual(graph.nodes(), ['t:z', 'x:a', 'x:b', 'x:c']);
    assert.deepEqual(
      graph.mapEdges((key, _attr, source, target) => `${key}:${source}-${target}`),
      ['e0:t:z-x:a', 'e1:x:a-x:b', 'e2:x:b-x:c'],
    );
  });

  it('carries weight = coactions and the edge facts; kinds with co-actions only, sorted', () => {
    const graph = buildAccountGraph(edges);
    assert.deepEqual(graph.getEdgeAttributes('e2'), {
      weight: 3,
      coactions: 3,
      objects: 1,
      meanDtSeconds: 2,
      medianDtSeconds: 1.5,
      symmetry: 0.5,
      kinds: ['share', 'url'],
    });
  });

  it('annotates nodes with account facts and splits keys at the first colon', () => {
    const graph = buildAccountGraph(
      [edge('bsky:did:plc:1', 'x:a', 2)],
      [
        { platform: 'x', accountId: 'a', handle: '@a', displayName: 'A <b>', posts: 7 },
        { platform: 'x', accountId: 'unused', handle: 'nobody' },
      ],
    );
    assert.deepEqual(graph.getNodeAttributes('x:a'), {
      platform: 'x',
      accountId: 'a',
      handle: '@a',
      displayName: 'A <b>',
      posts: 7,
    });
    assert.deepEqual(graph.getNodeAttributes('bsky:did:plc:1'), {
      platform: 'bsky',
      accountId: 'did:plc:1',
      posts: 0,
    });
    assert.equal(graph.order, 2, 'accounts without an edge are not added');
  });

  it('is identical for any edge order and for swapped ends', () => {
    const reference = JSON.stringify(buildAccountGraph(edges).export());
    const swapped = edges.map((e) => ({ ...e, a: e.b, b: e.a }));
    for (const variant of [[...edges].reverse(), [edges[1]!, edges[2]!, edges[0]!], swapped]) {
      assert.equal(JSON.stringify(buildAccountGraph(variant).export()), reference);
    }
  });

  it('rejects self-loops, duplicate pairs, bad keys and bad co-action counts', () => {
    assert.throws(() => buildAccountGraph([edge('x:a', 'x:a', 1)]), CibError);
    assert.throws(() => buildAccountGraph([edge('x:a', 'x:b', 1), edge('x:b', 'x:a', 2)]), {
      code: 'INPUT_INVALID',
    });
    assert.throws(() => buildAccountGraph([edge('nocolon', 'x:b', 1)]), { code: 'INPUT_INVALID' });
    assert.throws(() => buildAccountGraph([edge('x:a', 'x:b', Number.NaN)]), { code: 'INPUT_INVALID' });
  });

  it('builds an empty graph from no edges', () => {
    assert.equal(buildAccountGraph([]).order, 0);
  });
});
