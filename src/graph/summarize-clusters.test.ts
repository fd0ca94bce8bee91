import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import type { EvidencePair, NetworkEdge, PostRef } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import { type ObjectCoactionStat, summarizeClusters } from './summarize-clusters.js';

function post(accountKey: string, postId: string, tsMs: number): PostRef {
  const platform = accountKey.slice(0, accountKey.indexOf(':'));
  return { platform, postId, accountKey, tsMs, source: { file: `${platform}.jsonl`, record: Number(tsMs) } };
}
function pair(kind: TraceKind, object: string, postA: PostRef, postB: PostRef): EvidencePair {
  return { kind, object, postA, postB, dtSeconds: Math.abs(postA.tsMs - postB.tsMs) / 1000 };
}

const f1 = post('fb:9', 'f1', 1000);
const f2 = post('fb:9', 'f2', 10000);
const t1 = post('tw:1', 't1', 3000);
const t2 = post('tw:1', 't2', 10500);
const t3 = post('tw:2', 't3', 7000);
const t5 = post('tw:5', 't5', 500);
const t6 = post('tw:6', 't6', 500);

const E1: NetworkEdge = {
  a: 'fb:9',
  b: 'tw:1',
  coactions: 3,
  objects: 2,
  meanDtSeconds: 1.5,
  medianDtSeconds: 2,
  symmetry: 1,
  perKind: [
    { kind: 'url', coactions: 2, objects: 1 },
    { kind: 'share', coactions: 1, objects: 1 },
  ],
  evidence: [pair('url', 'https://e.x/a', f1, t1), pair('share', 'tw:100', f2, t2)],
  evidenceTotal: 3,
};
const E2: NetworkEdge = {
  a: 'tw:1',
  b: 'tw:2',
  coactions: 2,
  objects: 1,
  meanDtSeconds: 4,
  medianDtSeconds: 4,
  symmetry: 1,
  perKind: [{ kind: 'url', coactions: 2, objects: 1 }],
  evidence: [pair('url', 'https://e.x/a', t1, t3)],
  evidenceTotal: 2,
};
const E3: NetworkEdge = {
  a: 'tw:5',
  b: 'tw:6',
  coactions: 4,
  objects: 1,
  meanDtSeconds: 0,
  medianDtSeconds: 0,
  symmetry: 1,
  perKind: [{ kind: 'hashtag', coactions: 4, objects: 1 }],
  evidence: [pair('hashtag', 'vote', t5, t6)],
  evidenceTotal: 4,
};
const CROSS: NetworkEdge = {
  a: 'fb:9',
  b: 'tw:5',
  coactions: 2,
  objects: 1,
  meanDtSeconds: 9,
  medianDtSeconds: 9,
  symmetry: 1,
  perKind: [{ kind: 'text', coactions: 2, objects: 1 }],
  evidence: [pair('text', 'h1', f1, t5)],
  evidenceTotal: 2,
};
const EDGES = [E1, E2, E3, CROSS];
const clustering = {
  assignment: new Map([
    ['fb:9', 'C0001'],
    ['tw:1', 'C0001'],
    ['tw:2', 'C0001'],
    ['tw:5', 'C0002'],
    ['tw:6', 'C0002'],
  ]),
  components: new Map([
    ['fb:9', 0],
    ['tw:1', 0],
    ['tw:2', 0],
    ['tw:5', 0],
    ['tw:6', 0],
  ]),
};
const ACCOUNTS = [
  { platform: 'tw', accountId: '1', handle: 'one', posts: 10 },
  { platform: 'tw', accountId: '2', posts: 4 },
  { platform: 'fb', accountId: '9', displayName: 'Nine' },
];
const STATS: ObjectCoactionStat[] = [
  { a: 'fb:9', b: 'tw:1', kind: 'url', object: 'https://e.x/a', coactions: 2 },
  { a: 'fb:9', b: 'tw:1', kind: 'share', object: 'tw:100', coactions: 1 },
  { a: 'tw:2', b: 'tw:1', kind: 'url', object: 'https://e.x/a', coactions: 2 },
  { a: 'tw:5', b: 'tw:6', kind: 'hashtag', object: 'vote', coactions: 4 },
  { a: 'fb:9', b: 'tw:5', kind: 'text', object: 'h1', coactions: 2 },
];

describe('summarizeClusters', () => {
  it('summarises each cluster from its internal edges (evidence-only fallback)', () => {
    const { clusters } = summarizeClusters({ edges: EDGES, clustering, accounts: ACCOUNTS });
    assert.deepEqual(clusters[0], {
      id: 'C0001',
      size: 3,
      accounts: ['fb:9', 'tw:1', 'tw:2'],
      platforms: ['fb', 'tw'],
      firstTsMs: 1000,
      lastTsMs: 10500,
      edges: 2,
      coactions: 5,
      density: 2 / 3, // 2·2 / (3·2)
      medianDtSeconds: 2, // Δt of evidence pairs: 2, 0.5, 4
      perKind: [
        { kind: 'url', coactions: 4, objects: 2 }, // without object stats: sum of per-edge objects
        { kind: 'share', coactions: 1, objects: 1 },
      ],
      topObjects: [
        { kind: 'url', object: 'https://e.x/a', coactions: 2, accounts: 3 }, // 2 evidence pairs
        { kind: 'share', object: 'tw:100', coactions: 1, accounts: 2 },
      ],
      evidencePosts: [f1, t1, t3, f2, t2], // t1 appears in two pairs, listed once
    });
    assert.deepEqual(clusters[1], {
      id: 'C0002',
      size: 2,
      accounts: ['tw:5', 'tw:6'],
      platforms: ['tw'],
      firstTsMs: 500,
      lastTsMs: 500,
      edges: 1,
      coactions: 4,
      density: 1,
      medianDtSeconds: 0,
      perKind: [{ kind: 'hashtag', coactions: 4, objects: 1 }],
      topObjects: [{ kind: 'hashtag', object: 'vote', coactions: 1, accounts: 2 }],
      evidencePosts: [t5, t6],
    });
    assert.equal(clusters.length, 2);
  });

  it('uses per-object stats for top objects and distinct objects per kind, ignoring cross-cluster pairs', () => {
    const { clusters } = summarizeClusters({ edges: EDGES, clustering, objectStats: STATS });
    assert.deepEqual(clusters[0]!.topObjects, [
      { kind: 'url', object: 'https://e.x/a', coactions: 4, accounts: 3 },
      { kind: 'share', object: 'tw:100', coactions: 1, accounts: 2 },
    ]);
    assert.deepEqual(clusters[0]!.perKind, [
      { kind: 'url', coactions: 4, objects: 1 },
      { kind: 'share', coactions: 1, objects: 1 },
    ]);
    assert.deepEqual(clusters[1]!.topObjects, [
      { kind: 'hashtag', object: 'vote', coactions: 4, accounts: 2 },
    ]);
  });

  it('orders top objects by co-actions, then kind, then object, and applies the caps', () => {
    const stats: ObjectCoactionStat[] = [
      { a: 'tw:5', b: 'tw:6', kind: 'url', object: 'b', coactions: 3 },
      { a: 'tw:5', b: 'tw:6', kind: 'url', object: 'a', coactions: 3 },
      { a: 'tw:5', b: 'tw:6', kind: 'hashtag', object: 'z', coactions: 3 },
      { a: 'tw:5', b: 'tw:6', kind: 'hashtag', object: 'big', coactions: 9 },
    ];
    const { clusters } = summarizeClusters(
      { edges: EDGES, clustering, objectStats: stats },
      { topObjects: 3, evidencePosts: 2 },
    );
    assert.deepEqual(
      clusters[1]!.topObjects.map((o) => `${o.kind}:${o.object}`),
      ['hashtag:big', 'hashtag:z', 'url:a'],
    );
    assert.deepEqual(clusters[0]!.evidencePosts, [f1, t1]);
  });

  it('lists every account with cluster, component, degree, co-actions over all kept edges and facts', () => {
    const { accounts } = summarizeClusters({ edges: EDGES, clustering, accounts: ACCOUNTS });
    assert.deepEqual(accounts, [
      {
        key: 'fb:9',
        platform: 'fb',
        accountId: '9',
        displayName: 'Nine',
        cluster: 'C0001',
        component: 0,
        degree: 2,
        coactions: 5,
        posts: 0,
      },
      {
        key: 'tw:1',
        platform: 'tw',
        accountId: '1',
        handle: 'one',
        cluster: 'C0001',
        component: 0,
        degree: 2,
        coactions: 5,
        posts: 10,
      },
      {
        key: 'tw:2',
        platform: 'tw',
        accountId: '2',
        cluster: 'C0001',
        component: 0,
        degree: 1,
        coactions: 2,
        posts: 4,
      },
      {
        key: 'tw:5',
        platform: 'tw',
        accountId: '5',
        cluster: 'C0002',
        component: 0,
        degree: 2,
        coactions: 6,
        posts: 0,
      },
      {
        key: 'tw:6',
        platform: 'tw',
        accountId: '6',
        cluster: 'C0002',
        component: 0,
        degree: 1,
        coactions: 4,
        posts: 0,
      },
    ]);
  });

  it('puts accounts without a cluster last with cluster ""', () => {
    const assignment = new Map(clustering.assignment);
    assignment.delete('tw:6');
    assignment.delete('tw:5');
    const { clusters, accounts } = summarizeClusters({
      edges: EDGES,
      clustering: { ...clustering, assignment },
    });
    assert.deepEqual(
      clusters.map((c) => c.id),
      ['C0001'],
    );
    assert.deepEqual(
      accounts.map((a) => `${a.key}=${a.cluster}`),
      ['fb:9=C0001', 'tw:1=C0001', 'tw:2=C0001', 'tw:5=', 'tw:6='],
    );
  });

  it('is independent of edge order', () => {
    const a = summarizeClusters({ edges: EDGES, clustering, accounts: ACCOUNTS, objectStats: STATS });
    const b = summarizeClusters({
      edges: [...EDGES].reverse(),
      clustering,
      accounts: ACCOUNTS,
      objectStats: [...STATS].reverse(),
    });
    assert.deepEqual(b, a);
  });

  it('validates options', () => {
    assert.throws(() => summarizeClusters({ edges: [], clustering }, { topObjects: -1 }), ConfigError);
    assert.throws(() => summarizeClusters({ edges: [], clustering }, { evidencePosts: 1.5 }), ConfigError);
  });
});
