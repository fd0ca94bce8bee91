import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { DetectResult } from '../pipeline/detect.js';
import { formatSummary } from './print-summary.js';

const cluster = {
  id: 'C0001',
  size: 2,
  accounts: ['x:a', 'x:b'],
  platforms: ['x'],
  firstTsMs: 0,
  lastTsMs: 0,
  edges: 1,
  coactions: 4,
  density: 1,
  medianDtSeconds: 225_000,
  perKind: [{ kind: 'misspelling' as const, coactions: 4, objects: 2 }],
  topObjects: [],
  evidencePosts: [],
};

/** The run fields both tests share: 3 posts, 2 accounts, one edge and one cluster. */
const RUN_BASE = {
  totals: {
    read: 3,
    accepted: 3,
    quarantined: 0,
    duplicates: 0,
    posts: 3,
    accounts: 2,
    traces: 4,
    tracesByKind: { misspelling: 4 },
    coactionPairs: 4,
    candidateEdges: 1,
    edges: 1,
    clusters: 1,
    clusteredAccounts: 2,
  },
  inputs: [],
  bounded: { objectWindows: 0, traces: 0, maxTracesPerObjectWindow: 1000, objects: [] },
};

test('formatSummary prints reasons as one terminal-safe line and durations readably', () => {
  const hostile = 'share “\u001b[2J\u001b[31mred\ninjected line\u202Eevil”';
  const result = {
    run: {
      ...RUN_BASE,
      signals: { misspelling: { tokens: 2, traces: 4 } },
    },
    network: { accounts: [], edges: [], clusters: [cluster] },
    signals: {
      clusters: [{ cluster: 'C0001', reasons: [hostile] }],
      accounts: [],
      cohorts: [{ id: 'S001', kind: 'schedule', accounts: ['x:a'], reasons: ['tab\there'], clusters: [] }],
    },
    outputs: [],
  } as unknown as DetectResult;
  const text = formatSummary(result, 'out');
  assert.ok(!text.includes('\u001b'), 'no escape character reaches the terminal');
  assert.ok(!text.includes('\u202E'));
  assert.ok(text.includes('⟦U+001B⟧[2J⟦U+001B⟧[31mred⟦U+000A⟧injected line⟦U+202E⟧evil'));
  assert.ok(text.includes('cohort S001: tab⟦U+0009⟧here'));
  assert.ok(text.includes('signals: 2 shared misspellings'));
  // 225,000 s = 2 d 14 h 30 min, as the report writes durations.
  assert.match(text, /C0001: 2 accounts on x, 4 co-actions \(misspelling\), median Δt 2 d 14 h/);
});

test('formatSummary states the false-positive rate and each cluster score with its first behaviour and ids', () => {
  const result = {
    run: {
      ...RUN_BASE,
      significance: {
        applied: true,
        fpr: 0.001,
        correction: 'bh',
        tested: 1,
        family: 1225,
        significant: 1,
        kinds: 1,
        families: 1,
        log10Threshold: -9,
        groups: { candidateEdges: 1, tested: 1, supported: 1, edgesAdded: 3 },
      },
    },
    network: { accounts: [], edges: [], clusters: [cluster] },
    scores: {
      clusters: [
        {
          cluster: 'C0001',
          score: 0.876,
          components: {},
          reasons: [
            { behaviour: null, text: 'improbable', evidence: 'C0001-evidence', disarm: [], killchain: [] },
            {
              behaviour: 'shared-misspellings',
              text: '2 accounts share 2 rare misspellings\u001b[31m',
              evidence: 'C0001-evidence',
              disarm: [{ id: 'T0143.002', name: 'Fabricated Persona' }],
              killchain: [{ id: '1.4.2', name: 'Using duplicate accounts' }],
            },
          ],
        },
      ],
      accounts: [],
      weights: {},
    },
    outputs: [],
  } as unknown as DetectResult;
  const text = formatSummary(result, 'out');
  assert.ok(
    text.includes(
      'edges kept when improbable by chance: false-positive rate 0.001 (bh) over 1,225 account pairs; 1 edge alone, 3 more in 1 supported group',
    ),
  );
  assert.match(text, /C0001: score 0\.88, 2 accounts on x/);
  assert.ok(text.includes('2 accounts share 2 rare misspellings⟦U+001B⟧[31m [T0143.002, 1.4.2]'));
});
