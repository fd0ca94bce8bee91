import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import { buildAccountGraph } from './build-account-graph.js';
import { clusterId, findClusters } from './find-clusters.js';

function edge(a: string, b: string, coactions: number): NetworkEdge {
  return {
    a,
    b,
    coactions,
    objects: 1,
    meanDtSeconds: 0,
    medianDtSeconds: 0,
    symmetry: 1,
    perKind: [{ kind: 'url', coactions, objects: 1 }],
    evidence: [],
    evidenceTotal: coactions,
  };
}

// Two triangles joined by a weak bridge, plus two separate pairs.
const EDGES = [
  edge('x:a1', 'x:a2', 5),
  edge('x:a1', 'x:a3', 5),
  edge('x:a2', 'x:a3', 5),
  edge('x:b1', 'x:b2', 3),
  edge('x:b1', 'x:b3', 3),
  edge('x:b2', 'x:b3', 3),
  edge('x:a3', 'x:b1', 1),
  edge('x:d1', 'x:d2', 1),
  edge('x:c1', 'x:c2', 10),
];

function shuffle<T>(items: readonly T[], seed: string): T[] {
  const rng = seedrandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('findClusters', () => {
  it('finds the planted communities and numbers them by size, then internal co-actions', () => {
    const { assignment } = findClusters(buildAccountGraph(EDGES));
    // triangle A: size 3, internal 15 → C0001; triangle B: size 3, internal 9 → C0002;
    // pair c: size 2, internal 10 → C0003; pair d: size 2, internal 1 → C0004.
    assert.deepEqual(Object.fromEntries(assignment), {
      'x:a1': 'C0001',
      'x:a2': 'C0001',
      'x:a3': 'C0001',
      'x:b1': 'C0002',
      'x:b2': 'C0002',
      'x:b3': 'C0002',
      'x:c1': 'C0003',
      'x:c2': 'C0003',
      'x:d1': 'C0004',
      'x:d2': 'C0004',
    });
  });

  it('numbers components largest first, ties by smallest key', () => {
    const { components } = findClusters(buildAccountGraph(EDGES));
    assert.deepEqual(Object.fromEntries(components), {
      'x:a1': 0,
      'x:a2': 0,
      'x:a3': 0,
      'x:b1': 0,
      'x:b2': 0,
      'x:b3': 0,
      'x:c1': 1,
      'x:c2': 1,
      'x:d1': 2,
      'x:d2': 2,
    });
  });

  it('reports the weighted modularity of the partition', () => {
    // m = 36; Q = Σ L_c/m − (d_c/2m)² with (L, d) = (15, 31), (9, 19), (10, 20), (1, 2)
    const expected = 35 / 36 - (31 ** 2 + 19 ** 2 + 20 ** 2 + 2 ** 2) / 72 ** 2;
    const { modularity } = findClusters(buildAccountGraph(EDGES));
    assert.ok(Math.abs(modularity - expected) < 1e-9, `${modularity} vs ${expected}`);
  });

  it('breaks full ties by the smallest account key', () => {
    const { assignment } = findClusters(
      buildAccountGraph([edge('x:q1', 'x:q2', 2), edge('x:p1', 'x:p2', 2)]),
    );
    assert.equal(assignment.get('x:p1'), 'C0001');
    assert.equal(assignment.get('x:q1'), 'C0002');
  });

  it('leaves communities below minClusterSize without an id', () => {
    const { assignment, components } = findClusters(buildAccountGraph(EDGES), { minClusterSize: 3 });
    assert.deepEqual([...new Set(assignment.values())], ['C0001', 'C0002']);
    assert.equal(assignment.has('x:c1'), false);
    assert.equal(components.get('x:c1'), 1, 'components still cover every node');
  });

  it('gives identical ids for identical input, whatever the edge order', () => {
    const rng = seedrandom('graph');
    const edges: NetworkEdge[] = [];
    // 6 groups of 6 dense accounts, plus random sparse noise between groups
    for (let g = 0; g < 6; g++) {
      for (let i = 0; i < 6; i++) {
        for (let j = i + 1; j < 6; j++) {
          if (rng() < 0.8) edges.push(edge(`t:g${g}u${i}`, `t:g${g}u${j}`, 2 + Math.floor(rng() * 5)));
        }
      }
    }
    for (let k = 0; k < 12; k++) {
      const a = `t:g${k % 6}u${k % 5}`;
      const b = `t:g${(k + 1) % 6}u${(k + 3) % 6}`;
      if (!edges.some((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))) edges.push(edge(a, b, 1));
    }
    const reference = findClusters(buildAccountGraph(edges));
    assert.ok(new Set(reference.assignment.values()).size >= 2);
    for (const seed of ['s1', 's2', 's3', 's4', 's5']) {
      const again = findClusters(buildAccountGraph(shuffle(edges, seed)));
      assert.deepEqual([...again.assignment], [...reference.assignment]);
      assert.deepEqual([...again.components], [...reference.components]);
      assert.equal(again.modularity, reference.modularity);
    }
  });

  it('handles graphs without edges', () => {
    const result = findClusters(buildAccountGraph([]));
    assert.equal(result.assignment.size, 0);
    assert.ok(Number.isNaN(result.modularity));
  });

  it('validates options', () => {
    const graph = buildAccountGraph(EDGES);
    assert.throws(() => findClusters(graph, { resolution: 0 }), ConfigError);
    assert.throws(() => findClusters(graph, { minClusterSize: 1.5 }), ConfigError);
    assert.throws(() => findClusters(graph, { seed: Number.NaN }), ConfigError);
    assert.deepEqual(findClusters.defaults, { seed: 42, resolution: 1, minClusterSize: 2 });
  });

  it('formats cluster ids with at least four digits', () => {
    assert.equal(clusterId(1), 'C0001');
    assert.equal(clusterId(12345), 'C12345');
  });
});
