import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import {
  FILTER_EDGES_DEFAULTS,
  type FilterEdgesInput,
  filterEdges,
  resolveFilterEdgesOptions,
} from './filter-edges.js';

function edge(a: string, b: string, coactions: number, objects = 1): NetworkEdge {
  return {
    a,
    b,
    coactions,
    objects,
    meanDtSeconds: 1,
    medianDtSeconds: 1,
    symmetry: 1,
    perKind: [{ kind: 'url', coactions, objects }],
    evidence: [],
    evidenceTotal: coactions,
  };
}

const ids = (edges: NetworkEdge[]) => edges.map((e) => `${e.a}-${e.b}`);

describe('filterEdges — absolute', () => {
  const edges = [
    edge('t:1', 't:2', 1),
    edge('t:1', 't:3', 2),
    edge('t:2', 't:3', 3, 2),
    edge('t:3', 't:4', 5, 1),
  ];

  it('keeps coactions ≥ 2 and objects ≥ 1 by default, in input order', () => {
    assert.deepEqual(ids(filterEdges(edges)), ['t:1-t:3', 't:2-t:3', 't:3-t:4']);
    assert.deepEqual(ids(filterEdges(edges, { mode: 'absolute' })), ['t:1-t:3', 't:2-t:3', 't:3-t:4']);
  });

  it('applies both minimums', () => {
    assert.deepEqual(ids(filterEdges(edges, { minCoactions: 3, minObjects: 2 })), ['t:2-t:3']);
    assert.deepEqual(ids(filterEdges(edges, { minCoactions: 1 })), ids(edges));
  });

  it('returns the same edge objects and reports what it dropped', () => {
    const result = filterEdges.detailed(edges, { minCoactions: 5 });
    assert.equal(result.kept[0], edges[3]);
    assert.equal(result.dropped, 3);
    assert.equal(result.threshold, null);
    assert.deepEqual(result.options, { mode: 'absolute', minCoactions: 5, minObjects: 1 });
  });
});

describe('filterEdges — percentile (CooRTweet)', () => {
  it('keeps weights strictly above the median by default', () => {
    // weights 1,1,2,3,5 → R quantile(., 0.5) = 2 → keep 3 and 5 (2 itself is not > 2)
    const edges = [
      edge('t:a', 't:b', 3),
      edge('t:a', 't:c', 1),
      edge('t:b', 't:c', 2),
      edge('t:c', 't:d', 5),
      edge('t:d', 't:e', 1),
    ];
    const result = filterEdges.detailed(edges, { mode: 'percentile' });
    assert.equal(result.threshold, 2);
    assert.deepEqual(ids(result.kept), ['t:a-t:b', 't:c-t:d']);
    assert.equal(result.dropped, 3);
  });

  it('interpolates like R type 7', () => {
    // weights 1,2,3,4 → quantile 0.5 = 2.5 → keep 3, 4; quantile 0.9 = 3.7 → keep 4
    const edges = [
      edge('t:a', 't:b', 4),
      edge('t:a', 't:c', 1),
      edge('t:b', 't:c', 3),
      edge('t:c', 't:d', 2),
    ];
    assert.deepEqual(ids(filterEdges(edges, { mode: 'percentile', quantile: 0.5 })), ['t:a-t:b', 't:b-t:c']);
    const threshold = filterEdges.detailed(edges, { mode: 'percentile', quantile: 0.9 }).threshold!;
    assert.ok(Math.abs(threshold - 3.7) < 1e-12, String(threshold));
    assert.deepEqual(ids(filterEdges(edges, { mode: 'percentile', quantile: 0.9 })), ['t:a-t:b']);
  });

  it('keeps nothing at quantile 1 and everything above the minimum at quantile 0', () => {
    const edges = [edge('t:a', 't:b', 2), edge('t:a', 't:c', 2), edge('t:b', 't:c', 7)];
    assert.deepEqual(filterEdges(edges, { mode: 'percentile', quantile: 1 }), []);
    assert.deepEqual(ids(filterEdges(edges, { mode: 'percentile', quantile: 0 })), ['t:b-t:c']);
  });

  it('handles no edges', () => {
    const result = filterEdges.detailed([], { mode: 'percentile' });
    assert.deepEqual(result.kept, []);
    assert.ok(Number.isNaN(result.threshold));
  });
});

describe('filterEdges — options', () => {
  it('exposes and resolves defaults', () => {
    assert.deepEqual(filterEdges.defaults, FILTER_EDGES_DEFAULTS);
    assert.deepEqual(resolveFilterEdgesOptions(), { mode: 'absolute', minCoactions: 2, minObjects: 1 });
    assert.deepEqual(resolveFilterEdgesOptions({ mode: 'percentile' }), {
      mode: 'percentile',
      quantile: 0.5,
    });
    assert.deepEqual(resolveFilterEdgesOptions({ minCoactions: undefined }), FILTER_EDGES_DEFAULTS.absolute);
  });

  it('rejects invalid values, unknown modes and fields of the other mode with ConfigError', () => {
    const bad: unknown[] = [
      { mode: 'top' },
      { mode: 'percentile', minCoactions: 3 },
      { mode: 'absolute', quantile: 0.9 },
      { mode: 'percentile', quantile: 1.5 },
      { mode: 'percentile', quantile: Number.NaN },
      { minCoactions: 0 },
      { minCoactions: 2.5 },
      { minObjects: -1 },
    ];
    for (const options of bad) {
      assert.throws(() => filterEdges([], options as FilterEdgesInput), ConfigError, JSON.stringify(options));
    }
  });
});
