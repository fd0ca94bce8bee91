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

test('formatSummary prints reasons as one terminal-safe line and durations readably', () => {
  const hostile = 'share “\u001b[2J\u001b[31mred\ninjected line\u202Eevil”';
  const result = {
    run: {
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
