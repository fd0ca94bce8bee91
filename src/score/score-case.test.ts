import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Cluster, CoordinationNetwork, NetworkAccount, NetworkEdge } from '../model/network.js';
import type { TraceKind } from '../model/trace.js';
import type { CaseSignals } from '../signals/case-signals.js';
import { formatLog10P } from './format-p-value.js';
import { scoreCase } from './score-case.js';

function edge(
  a: string,
  b: string,
  log10PValue: number,
  medianDtSeconds: number,
  perKind: [TraceKind, number][],
): NetworkEdge {
  const coactions = perKind.reduce((s, [, c]) => s + c, 0);
  return {
    a,
    b,
    coactions,
    objects: coactions,
    meanDtSeconds: medianDtSeconds,
    medianDtSeconds,
    symmetry: 1,
    perKind: perKind.map(([kind, c]) => ({ kind, coactions: c, objects: c })),
    evidence: [],
    evidenceTotal: coactions,
    log10PValue,
  };
}

function account(key: string, cluster: string): NetworkAccount {
  const [platform, accountId] = key.split(':') as [string, string];
  return { key, platform, accountId, cluster, component: 0, degree: 2, coactions: 1, posts: 10 };
}

function cluster(
  id: string,
  accounts: string[],
  platforms: string[],
  perKind: [TraceKind, number][],
  dt: number,
): Cluster {
  return {
    id,
    size: accounts.length,
    accounts,
    platforms,
    firstTsMs: 0,
    lastTsMs: 0,
    edges: 3,
    coactions: perKind.reduce((s, [, c]) => s + c, 0),
    density: 1,
    medianDtSeconds: dt,
    perKind: perKind.map(([kind, c]) => ({ kind, coactions: c, objects: c })),
    topObjects: [],
    evidencePosts: [],
  };
}

// C0001: t:a, t:b, t:c — shares and identical text, Δt 6 s, office hours, two of three in a creation batch, t:a
// with a machine-made handle. C0002: f:x and t:y on two platforms, identical text only.
const NETWORK: CoordinationNetwork = {
  accounts: [
    account('f:x', 'C0002'),
    account('t:a', 'C0001'),
    account('t:b', 'C0001'),
    account('t:c', 'C0001'),
    account('t:y', 'C0002'),
  ],
  edges: [
    edge('f:x', 't:y', -6, 100, [['text', 3]]),
    edge('t:a', 't:b', -10, 5, [
      ['share', 3],
      ['text', 4],
    ]),
    edge('t:a', 't:c', -30, 8, [['share', 2]]),
    edge('t:b', 't:c', -20, 6, [['share', 1]]),
  ],
  clusters: [
    cluster(
      'C0001',
      ['t:a', 't:b', 't:c'],
      ['t'],
      [
        ['share', 6],
        ['text', 4],
      ],
      6,
    ),
    cluster('C0002', ['f:x', 't:y'], ['facebook', 'twitter'], [['text', 3]], 100),
  ],
};

const fit = (worksOfficeHours: boolean, confidence: number) => ({
  worksOfficeHours,
  confidence,
  offsetLabel: 'UTC+08:00',
  lunchStartHour: 12,
  weekendShare: 0,
});

const SIGNALS = {
  clusters: [
    {
      cluster: 'C0001',
      time: { schedule: fit(true, 0.5) },
      accounts: { sharedProfileImages: [] },
      reasons: [],
    },
    {
      cluster: 'C0002',
      time: { schedule: fit(false, 0) },
      accounts: { sharedProfileImages: [] },
      reasons: [],
    },
  ],
  accounts: [
    { key: 't:a', posts: 10, schedule: fit(false, 0), flags: { handlePattern: 'name-digits' } },
    { key: 't:b', posts: 10, schedule: fit(false, 0), flags: { handlePattern: 'plain' } },
    { key: 't:c', posts: 10, schedule: fit(false, 0), flags: null },
  ],
  cohorts: [
    {
      id: 'B001',
      kind: 'creation',
      accounts: ['t:a', 't:b'],
      reasons: [],
      createdFirstMs: 0,
      createdLastMs: 86_400_000,
      pValue: 1e-6,
      clusters: ['C0001'],
    },
  ],
} as unknown as CaseSignals;

describe('scoreCase', () => {
  // Edges needed p ≤ 1e-8 to be kept (a run's log10Needed).
  const scores = scoreCase(NETWORK, SIGNALS, { windowSeconds: { share: 60, text: 300 }, log10Needed: -8 });

  it('computes the cluster components and the noisy-OR score by hand', () => {
    const c1 = scores.clusters[0]!;
    assert.equal(c1.cluster, 'C0001');
    // median −log10 p of (10, 20, 30) = 20 → 1; 1 − 6/60; 4 of 10 co-actions on text; {share, text} → 1/3;
    // fit confidence 0.5; 2 of 3 in batch B001; 1 of 3 machine-made handles; one platform.
    assert.deepEqual(c1.components, {
      significance: 1,
      synchrony: 0.9,
      duplication: 0.4,
      diversity: 0.3333,
      schedule: 0.5,
      creation: 0.6667,
      handles: 0.3333,
      crossPlatform: 0,
    });
    // 1 − 0.2 · 0.64 · 0.8 · 0.9 · 0.85 · (1 − 0.4·2/3) · (1 − 0.2/3) = 1 − 0.0536166… = 0.94638…
    assert.equal(c1.score, 0.9464);
    assert.deepEqual(
      c1.reasons.map((r) => r.behaviour),
      [
        null,
        'fast-resharing',
        'copypasta',
        'automated-posting',
        'shift-pattern',
        'creation-burst',
        'generated-handles',
      ],
    );
    assert.equal(
      c1.reasons[0]!.text,
      'co-action this strong is improbable by chance: its 3 edges have median p ≤ 1e-20 (strongest p ≤ 1e-30) under the null model',
    );
    assert.equal(c1.reasons[1]!.text, '3 accounts re-shared the same 6 posts together (6 co-actions)');
    // Only t:a and t:b co-acted on text: the reason counts the accounts that did, not the cluster.
    assert.equal(c1.reasons[2]!.text, '2 accounts posted identical text: 4 distinct texts, 4 co-actions');
    assert.deepEqual(
      c1.reasons[2]!.disarm.map((t) => t.id),
      ['T0084.001'],
    );
    assert.equal(c1.reasons[5]!.evidence, 'cohort-B001');
    assert.deepEqual(
      c1.reasons[4]!.killchain.map((t) => t.id),
      ['3.1', '3.1.1'],
    );
  });

  it('scores each clustered account from its own edges and flags', () => {
    assert.deepEqual(
      scores.accounts.map((a) => [a.key, a.cluster]),
      [
        ['f:x', 'C0002'],
        ['t:a', 'C0001'],
        ['t:b', 'C0001'],
        ['t:c', 'C0001'],
        ['t:y', 'C0002'],
      ],
    );
    const a = scores.accounts[1]!;
    // edges (a,b) −10 and (a,c) −30 → median 20 → 1; median Δt (5, 8) = 6.5 → 1 − 6.5/60; text 4 of 9;
    // {share, text}; no own office hours; in batch B001; machine-made handle.
    assert.deepEqual(a.components, {
      significance: 1,
      synchrony: 0.8917,
      duplication: 0.4444,
      diversity: 0.3333,
      schedule: 0,
      creation: 1,
      handles: 1,
      crossPlatform: 0,
    });
    // 1 − 0.2 · (1 − 0.4·0.891667) · (1 − 0.5·4/9) · 0.9 · 0.6 · 0.8 = 1 − 0.043232 = 0.956768
    assert.equal(a.score, 0.9568);
  });

  it('adds cross-platform and platform amplification procedures', () => {
    const c2 = scores.clusters[1]!;
    assert.equal(c2.components.crossPlatform, 1);
    // −log10 p 6 → 0.3; Δt 100 s of a 300 s text window → 2/3; all content; one family.
    assert.equal(c2.components.significance, 0.3);
    assert.equal(c2.components.synchrony, 0.6667);
    const copypasta = c2.reasons.find((r) => r.behaviour === 'copypasta')!;
    assert.deepEqual(
      copypasta.killchain.map((t) => t.id),
      ['6.2', '6.2.1', '6.2.4'],
    );
    assert.ok(c2.reasons.some((r) => r.behaviour === 'cross-platform' && /facebook, twitter/.test(r.text)));
    assert.ok(!c2.reasons.some((r) => r.behaviour === 'automated-posting'));
    const x = scores.accounts[0]!;
    assert.equal(x.components.crossPlatform, 1);
  });

  it('renders p-values as an upper bound', () => {
    assert.equal(formatLog10P(-18.2), 'p ≤ 6.4e-19'); // 10^-18.2 = 6.31e-19, mantissa rounded up
    assert.equal(formatLog10P(-1), 'p = 0.100');
    assert.equal(formatLog10P(-2064.3), 'p < 1e-300');
  });
});

describe('scoreCase with a group supported as a whole', () => {
  it("counts each edge with the smaller of its own and its group's p-value", () => {
    const network = structuredClone(NETWORK);
    // C0002's single edge: p 1e-6 alone (component 0.3); its group was supported at p 1e-40 → 1.
    network.edges[0]!.groupLog10PValue = -40;
    const scores = scoreCase(network, SIGNALS, { windowSeconds: { share: 60, text: 300 }, log10Needed: -8 });
    const c2 = scores.clusters[1]!;
    assert.equal(c2.components.significance, 1);
    assert.equal(
      c2.reasons[0]!.text,
      'co-action this strong is improbable by chance: its edge has p ≤ 1e-6 under the null model; tested as a whole, the group has p ≤ 1e-40',
    );
  });

  it('does not call co-action improbable when the p-values do not reach what the run needed', () => {
    const c2 = scoreCase(NETWORK, SIGNALS, { windowSeconds: { text: 300 }, log10Needed: -8 }).clusters[1]!;
    assert.equal(
      c2.reasons[0]!.text,
      "not improbable by chance at the run's false-positive rate (needs p ≤ 1e-8): its edge has p ≤ 1e-6 under the null model",
    );
    // Without a stated threshold, the p-values are quoted without a verdict.
    const plain = scoreCase(NETWORK, SIGNALS, { windowSeconds: { text: 300 } }).clusters[1]!;
    assert.equal(plain.reasons[0]!.text, 'its edge has p ≤ 1e-6 under the null model');
  });
});
