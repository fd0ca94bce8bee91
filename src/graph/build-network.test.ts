import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import { buildNetwork, CLUSTER_DEFAULTS } from './build-network.js';
import { filterEdges } from './filter-edges.js';

function edge(a: string, b: string, coactions: number): NetworkEdge {
  const postA = {
    platform: 'x',
    postId: `${a}-p`,
    accountKey: a,
    tsMs: 1000,
    source: { file: 'in.csv', record: 2 },
  };
  const postB = {
    platform: 'x',
    postId: `${b}-p`,
    accountKey: b,
    tsMs: 4000,
    source: { file: 'in.csv', record: 3 },
  };
  return {
    a,
    b,
    coactions,
    objects: coactions,
    meanDtSeconds: 3,
    medianDtSeconds: 3,
    symmetry: 1,
    perKind: [{ kind: 'url', coactions, objects: coactions }],
    evidence: [{ kind: 'url', object: `https://n.example/${a}`, postA, postB, dtSeconds: 3 }],
    evidenceTotal: coactions,
  };
}

const EDGES = [
  edge('x:a', 'x:b', 4),
  edge('x:b', 'x:c', 4),
  edge('x:a', 'x:c', 4),
  edge('x:c', 'x:d', 1),
  edge('x:e', 'x:f', 3),
];

describe('buildNetwork', () => {
  it('clusters and summarises the edges it is given, without filtering them again', () => {
    const { network, modularity } = buildNetwork.detailed(EDGES, undefined, [
      { platform: 'x', accountId: 'a', handle: 'alpha', posts: 3 },
    ]);
    assert.equal(network.edges.length, 5);
    assert.deepEqual(
      network.clusters.map((c) => [c.id, c.accounts.join(',')]),
      [
        ['C0001', 'x:a,x:b,x:c,x:d'],
        ['C0002', 'x:e,x:f'],
      ],
    );
    assert.equal(network.accounts.find((a) => a.key === 'x:a')!.handle, 'alpha');
    // m = 16; Q = (13 + 3)/16 − (26/32)² − (6/32)²
    assert.ok(Math.abs(modularity - (1 - (26 / 32) ** 2 - (6 / 32) ** 2)) < 1e-9);
  });

  it('composes with filterEdges and takes account facts as a map', () => {
    const facts = new Map([['x:e', { platform: 'x', accountId: 'e', displayName: 'E' }]]);
    const network = buildNetwork(filterEdges(EDGES, { mode: 'percentile', quantile: 0.25 }), [], facts);
    // weights 4,4,4,1,3 → quantile 0.25 = 3 → keep the three 4s
    assert.deepEqual(
      network.clusters.map((c) => c.accounts.join(',')),
      ['x:a,x:b,x:c'],
    );
    assert.equal(buildNetwork(EDGES, [], facts).accounts.find((a) => a.key === 'x:e')!.displayName, 'E');
  });

  it('passes cluster and summary options through', () => {
    const network = buildNetwork(EDGES, undefined, undefined, { minClusterSize: 3, topObjects: 1 });
    assert.deepEqual(
      network.clusters.map((c) => c.id),
      ['C0001'],
    );
    assert.equal(network.clusters[0]!.topObjects.length, 1);
    assert.equal(network.accounts.find((a) => a.key === 'x:e')!.cluster, '');
    assert.throws(() => buildNetwork(EDGES, undefined, undefined, { resolution: -1 }), ConfigError);
    assert.deepEqual(buildNetwork.defaults, CLUSTER_DEFAULTS);
  });

  it('gives the same network for any edge order', () => {
    const reference = JSON.stringify(buildNetwork(EDGES));
    assert.equal(JSON.stringify(buildNetwork([...EDGES].reverse())), reference);
    assert.equal(
      JSON.stringify(buildNetwork([EDGES[3]!, EDGES[0]!, EDGES[4]!, EDGES[2]!, EDGES[1]!])),
      reference,
    );
  });
});
