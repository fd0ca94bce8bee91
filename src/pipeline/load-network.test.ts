import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { computeCoactions } from '../detect/co-action.js';
import { ConfigError } from '../errors.js';
import { DuckStore } from '../store/duck-store.js';
import { ABSOLUTE_EDGE_FILTER, loadNetwork } from './load-network.js';

// Accounts 0 = t:a, 1 = t:b, 2 = t:c (sorted keys). Objects: 0 url U1, 1 domain D, 2 url U2, 3 url U3.
// a & b share one link once (posts 1 and 2, 10 s apart): url U1 + domain D = 2 co-actions on 2 objects from one
// post each. a & c share two links at different times (posts 3/5 and 4/6): url + domain each time = 4 co-actions
// on 3 objects (U2, U3, D), two posts each.
const POSTS: [number, string, string, number][] = [
  [1, 'p1', 'a', 0],
  [2, 'p2', 'b', 10_000],
  [3, 'p3', 'a', 1_000_000],
  [4, 'p4', 'a', 2_000_000],
  [5, 'p5', 'c', 1_020_000],
  [6, 'p6', 'c', 2_030_000],
];
const TRACES: [number, number, number][] = [
  // [rec, account, object]
  [1, 0, 0],
  [1, 0, 1],
  [2, 1, 0],
  [2, 1, 1],
  [3, 0, 2],
  [3, 0, 1],
  [5, 2, 2],
  [5, 2, 1],
  [4, 0, 3],
  [4, 0, 1],
  [6, 2, 3],
  [6, 2, 1],
];

describe('loadNetwork', () => {
  let store: DuckStore;
  before(async () => {
    store = await DuckStore.create(':memory:');
    await store.run(`INSERT INTO files (file_idx, path) VALUES (0, 'x.csv')`);
    for (const [rec, post, account, ts] of POSTS) {
      await store.run(
        `INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind, text)
         VALUES (${rec}, 0, ${rec + 1}, 't', '${post}', '${account}', ${1_700_000_000_000 + ts}, 'post', 'text ${post}')`,
      );
    }
    await store.run(
      `INSERT INTO account_dict VALUES (0, 't', 'a', 't:a'), (1, 't', 'b', 't:b'), (2, 't', 'c', 't:c')`,
    );
    await store.run(`INSERT INTO object_dict VALUES (0, 'url', 'https://x.example/1'), (1, 'domain', 'x.example'),
      (2, 'url', 'https://x.example/2'), (3, 'url', 'https://x.example/3')`);
    for (const [rec, account, object] of TRACES) {
      const kind = object === 1 ? 'domain' : 'url';
      await store.run(
        `INSERT INTO traces SELECT ${account}, ${rec}, ts_ms, '${kind}', ${object} FROM posts WHERE rec = ${rec}`,
      );
    }
    await computeCoactions(store, { windowSeconds: { default: 60 } });
  });
  after(() => store.close());

  it('by default keeps only account pairs that acted together with at least two posts each', async () => {
    const loaded = await loadNetwork(store, ABSOLUTE_EDGE_FILTER);
    assert.equal(loaded.candidateEdges, 2);
    assert.deepEqual(
      loaded.edges.map((e) => [e.a, e.b, e.coactions, e.objects]),
      [['t:a', 't:c', 4, 3]],
    );
    const edge = loaded.edges[0]!;
    assert.deepEqual(edge.perKind, [
      { kind: 'domain', coactions: 2, objects: 1 },
      { kind: 'url', coactions: 2, objects: 2 },
    ]);
    assert.equal(edge.medianDtSeconds, 25);
    assert.equal(edge.evidence.length, 4);
    assert.deepEqual(
      edge.evidence.map((p) => [p.postA.postId, p.postB.postId, p.dtSeconds]),
      [
        ['p3', 'p5', 20],
        ['p3', 'p5', 20],
        ['p4', 'p6', 30],
        ['p4', 'p6', 30],
      ],
    );
    assert.equal(edge.evidence[0]!.postA.source.file, 'x.csv');
  });

  it('keeps the single shared link when each account may contribute one post', async () => {
    const loaded = await loadNetwork(store, {
      mode: 'absolute',
      minCoactions: 2,
      minObjects: 2,
      minPostsEach: 1,
    });
    assert.deepEqual(
      loaded.edges.map((e) => [e.a, e.b]),
      [
        ['t:a', 't:b'],
        ['t:a', 't:c'],
      ],
    );
  });

  it('applies the CooRTweet percentile rule: weight strictly above the type-7 quantile', async () => {
    // Weights 2 and 4: the 0.5 quantile is 3, so only a–c stays.
    const loaded = await loadNetwork(store, { mode: 'percentile', quantile: 0.5 });
    assert.equal(loaded.weightThreshold, 3);
    assert.deepEqual(
      loaded.edges.map((e) => e.b),
      ['t:c'],
    );
  });

  it('rejects a bad filter', async () => {
    await assert.rejects(loadNetwork(store, { mode: 'percentile', quantile: 2 }), ConfigError);
    await assert.rejects(
      loadNetwork(store, { mode: 'absolute', minCoactions: 0, minObjects: 1, minPostsEach: 1 }),
      ConfigError,
    );
  });
});
