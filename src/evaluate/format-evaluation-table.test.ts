import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evaluation } from './evaluation.js';
import { formatEvaluationTable } from './format-evaluation-table.js';

function evaluation(): Evaluation {
  return {
    scenario: 'copy|pasta',
    seed: 42,
    counts: {
      accounts: 100_015,
      campaignAccounts: 1_200,
      organicAccounts: 98_815,
      flaggedAccounts: 1_150,
      campaigns: 3,
      clusters: 4,
    },
    account: {
      tp: 1_100,
      fp: 50,
      fn: 100,
      tn: 98_765,
      precision: 1_100 / 1_150,
      recall: 1_100 / 1_200,
      f1: 0.9,
    },
    organicFalsePositiveRate: 50 / 98_815,
    cluster: {
      minJaccard: 0.5,
      foundCampaigns: 2,
      correctClusters: 2,
      precision: 0.5,
      recall: 2 / 3,
      f1: 4 / 7,
    },
    ari: 0.91234,
    ariFlagged: null,
    perTactic: [
      {
        tactic: 'copypasta',
        campaigns: ['K01'],
        members: 1,
        tp: 0,
        fp: 0,
        fn: 1,
        precision: null,
        recall: 0,
        f1: 0,
      },
    ],
    perCampaign: [],
    unknownAccounts: { count: 0, sample: [] },
  };
}

test('renders the caption, the table rows and the ARI line', () => {
  const lines = formatEvaluationTable(evaluation()).split('\n');
  assert.equal(
    lines[0],
    'Evaluation of scenario "copy\\|pasta" (seed 42): 100,015 accounts, 1,200 campaign accounts in 3 campaigns, 1,150 flagged accounts in 4 clusters.',
  );
  assert.equal(lines[2], '| Scope | Precision | Recall | F1 | Counts |');
  assert.equal(lines[3], '|---|---:|---:|---:|---|');
  // 1100/1150 = 0.95652… → 0.957; 1100/1200 = 0.91666… → 0.917.
  assert.equal(lines[4], '| all accounts | 0.957 | 0.917 | 0.900 | TP 1,100 · FP 50 · FN 100 · TN 98,765 |');
  assert.equal(
    lines[5],
    '| tactic copypasta | — | 0.000 | 0.000 | TP 0 · FP 0 · FN 1 (1 campaign, 1 member) |',
  );
  assert.equal(
    lines[6],
    '| clusters (Jaccard ≥ 0.5) | 0.500 | 0.667 | 0.571 | 2 of 3 campaigns found · 2 of 4 clusters correct |',
  );
  // 50 / 98,815 = 0.000506 → 0.001 and 0.051 %.
  assert.equal(
    lines[7],
    '| organic false-positive rate | — | — | — | 0.001 = 0.051 % (50 of 98,815 organic accounts; target ≤ 0.100 %) |',
  );
  assert.equal(
    lines[9],
    'Adjusted Rand index: 0.912 over all accounts; — over the accounts in a campaign or flagged.',
  );
  assert.equal(lines.length, 11);
  assert.equal(lines[10], '');
});

test('warns about detected accounts missing from the truth, escaped', () => {
  const e = evaluation();
  e.unknownAccounts = { count: 3, sample: ['x:a|b', 'x:c'] };
  const text = formatEvaluationTable(e);
  assert.match(
    text,
    /Warning: 3 detected accounts missing from the truth, left out of every metric: x\\:a\\\|b, x\\:c, …\.\n$/,
  );
});
