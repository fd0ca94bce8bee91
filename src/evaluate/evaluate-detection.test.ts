import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.js';
import type { GroundTruth } from '../model/ground-truth.js';
import { evaluateDetection } from './evaluate-detection.js';

const a = ['x:a1', 'x:a2', 'x:a3', 'x:a4'];
const b = ['x:b1', 'x:b2', 'x:b3'];
const o = ['x:o1', 'x:o2', 'x:o3', 'x:o4', 'x:o5', 'x:o6', 'x:o7', 'x:o8'];

/** 15 accounts: K01 (co-retweet + shift-schedule) = a1–a4, K02 (copypasta) = b1–b3, 8 organic. */
function truth(): GroundTruth {
  return {
    schema: 'chorus-truth/1',
    scenario: 'fixture',
    seed: 7,
    generator: 'hand',
    startMs: 0,
    endMs: 1,
    platforms: ['x'],
    campaigns: [
      {
        id: 'K01',
        tactics: ['co-retweet', 'shift-schedule'],
        difficulty: 'easy',
        accounts: a,
        platforms: ['x'],
        description: 'd',
      },
      {
        id: 'K02',
        tactics: ['copypasta'],
        difficulty: 'hard',
        accounts: b,
        platforms: ['x'],
        description: 'd',
      },
    ],
    accounts: [
      ...a.map((key) => ({ key, campaign: 'K01' })),
      ...b.map((key) => ({ key, campaign: 'K02' })),
      ...o.map((key) => ({ key, campaign: null })),
    ],
  };
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);

test('a perfect detection scores 1 everywhere', () => {
  const e = evaluateDetection(truth(), [
    { id: 'C0001', accounts: a },
    { id: 'C0002', accounts: b },
  ]);
  assert.deepEqual(e.counts, {
    accounts: 15,
    campaignAccounts: 7,
    organicAccounts: 8,
    flaggedAccounts: 7,
    campaigns: 2,
    clusters: 2,
  });
  assert.deepEqual(e.account, { tp: 7, fp: 0, fn: 0, tn: 8, precision: 1, recall: 1, f1: 1 });
  assert.equal(e.organicFalsePositiveRate, 0);
  assert.deepEqual(e.cluster, {
    minJaccard: 0.5,
    foundCampaigns: 2,
    correctClusters: 2,
    precision: 1,
    recall: 1,
    f1: 1,
  });
  assert.equal(e.ari, 1);
  assert.equal(e.ariFlagged, 1);
  assert.deepEqual(
    e.perTactic.map((t) => [t.tactic, t.campaigns, t.members, t.tp, t.fp, t.fn, t.precision, t.recall, t.f1]),
    [
      ['co-retweet', ['K01'], 4, 4, 0, 0, 1, 1, 1],
      ['copypasta', ['K02'], 3, 3, 0, 0, 1, 1, 1],
      ['shift-schedule', ['K01'], 4, 4, 0, 0, 1, 1, 1],
    ],
  );
  assert.deepEqual(e.perCampaign[0], {
    id: 'K01',
    tactics: ['co-retweet', 'shift-schedule'],
    difficulty: 'easy',
    size: 4,
    flagged: 4,
    recall: 1,
    bestCluster: 'C0001',
    jaccard: 1,
    bestClusterSize: 4,
    bestClusterOrganic: 0,
    found: true,
  });
  assert.deepEqual(e.unknownAccounts, { count: 0, sample: [] });
  assert.deepEqual(Object.keys(e), [
    'scenario',
    'seed',
    'counts',
    'account',
    'organicFalsePositiveRate',
    'cluster',
    'ari',
    'ariFlagged',
    'perTactic',
    'perCampaign',
    'unknownAccounts',
  ]);
});

test('one cluster merging two campaigns: accounts perfect, clusters and ARI not', () => {
  const e = evaluateDetection(truth(), [{ id: 'C0001', accounts: [...a, ...b] }]);
  assert.deepEqual(e.account, { tp: 7, fp: 0, fn: 0, tn: 8, precision: 1, recall: 1, f1: 1 });
  // J(K01, C1) = 4/7 ≥ 0.5 (found); J(K02, C1) = 3/7 (missed); C1 is correct via K01.
  assert.equal(e.cluster.foundCampaigns, 1);
  assert.equal(e.cluster.correctClusters, 1);
  assert.equal(e.cluster.precision, 1);
  assert.equal(e.cluster.recall, 0.5);
  close(e.cluster.f1, 2 / 3, 'cluster F1');
  // N = C(15,2) = 105; ΣC(truth) = 6 + 3 = 9; ΣC(detected) = C(7,2) = 21; index = 6 + 3 = 9;
  // expected = 9·21/105 = 1.8, max = 15 → ARI = 7.2 / 13.2 = 6/11.
  close(e.ari, 6 / 11, 'ARI');
  // Restricted to the 7 flagged: N = 21, expected = 9·21/21 = 9 = index → 0.
  close(e.ariFlagged, 0, 'ARI flagged');
  assert.equal(e.perCampaign[1]!.bestCluster, 'C0001');
  close(e.perCampaign[1]!.jaccard, 3 / 7, 'J(K02)');
  assert.equal(e.perCampaign[1]!.bestClusterSize, 7);
  assert.equal(e.perCampaign[1]!.found, false);
});

test('organic accounts pulled into clusters count against precision and the tactics they touch', () => {
  const e = evaluateDetection(truth(), [
    { id: 'C0001', accounts: [...a, 'x:o1', 'x:o2'] },
    { id: 'C0002', accounts: ['x:b1', 'x:b2'] },
    { id: 'C0003', accounts: ['x:o3', 'x:o4'] },
  ]);
  assert.equal(e.account.tp, 6);
  assert.equal(e.account.fp, 4);
  assert.equal(e.account.fn, 1);
  assert.equal(e.account.tn, 4);
  close(e.account.precision, 0.6, 'precision');
  close(e.account.recall, 6 / 7, 'recall');
  close(e.account.f1, 12 / 17, 'F1 = 2TP/(2TP+FP+FN)');
  assert.equal(e.organicFalsePositiveRate, 0.5);
  // J(K01, C1) = 4/6, J(K02, C2) = 2/3: both found; C3 matches nothing.
  assert.equal(e.cluster.foundCampaigns, 2);
  assert.equal(e.cluster.correctClusters, 2);
  close(e.cluster.precision, 2 / 3, 'cluster precision');
  close(e.cluster.f1, 0.8, 'cluster F1');
  // N = 105, ΣC(truth) = 9, ΣC(detected) = 15 + 1 + 1 = 17, index = 6 + 1 = 7, expected = 153/105, max = 13.
  close(e.ari, (7 - 153 / 105) / (13 - 153 / 105), 'ARI');
  close(e.ari, 97 / 202, 'ARI reduced');
  // 11 accounts in a campaign or flagged: N = 55 → (7 − 153/55) / (13 − 153/55) = 232/562.
  close(e.ariFlagged, 116 / 281, 'ARI flagged');
  const [coRetweet, copypasta, shift] = e.perTactic;
  // co-retweet: 4 of 4 members flagged, their cluster C1 holds 2 organic → precision 4/6.
  assert.deepEqual([coRetweet!.tp, coRetweet!.fp, coRetweet!.fn], [4, 2, 0]);
  close(coRetweet!.precision, 2 / 3, 'co-retweet precision');
  close(coRetweet!.f1, 0.8, 'co-retweet F1');
  // copypasta: 2 of 3 flagged, in C2 with no organic (C3's organic accounts touch no member).
  assert.deepEqual([copypasta!.tp, copypasta!.fp, copypasta!.fn], [2, 0, 1]);
  assert.equal(copypasta!.precision, 1);
  close(copypasta!.recall, 2 / 3, 'copypasta recall');
  assert.deepEqual(shift, { ...coRetweet!, tactic: 'shift-schedule' });
  assert.equal(e.perCampaign[0]!.bestClusterOrganic, 2);
  assert.equal(e.perCampaign[0]!.bestClusterSize, 6);
  close(e.perCampaign[0]!.jaccard, 2 / 3, 'J(K01)');
});

test('nothing flagged: recall 0, precision undefined (null), F1 0', () => {
  const e = evaluateDetection(truth(), []);
  assert.deepEqual(e.account, { tp: 0, fp: 0, fn: 7, tn: 8, precision: null, recall: 0, f1: 0 });
  assert.equal(e.organicFalsePositiveRate, 0);
  assert.deepEqual(e.cluster, {
    minJaccard: 0.5,
    foundCampaigns: 0,
    correctClusters: 0,
    precision: null,
    recall: 0,
    f1: 0,
  });
  // Truth ΣC = 9, detected all singletons: index 0 = expected, max 4.5 → 0 (both scopes).
  assert.equal(e.ari, 0);
  assert.equal(e.ariFlagged, 0);
  assert.deepEqual(
    e.perTactic.map((t) => [t.precision, t.recall, t.f1]),
    [
      [null, 0, 0],
      [null, 0, 0],
      [null, 0, 0],
    ],
  );
  assert.equal(e.perCampaign[0]!.bestCluster, null);
  assert.equal(e.perCampaign[0]!.jaccard, 0);
  assert.equal(e.perCampaign[0]!.found, false);
});

test('detected accounts missing from the truth are reported and left out of the metrics', () => {
  const e = evaluateDetection(truth(), [{ id: 'C0001', accounts: ['x:zz', ...a, 'x:ghost'] }]);
  assert.deepEqual(e.unknownAccounts, { count: 2, sample: ['x:ghost', 'x:zz'] });
  assert.equal(e.counts.flaggedAccounts, 4);
  assert.equal(e.account.fp, 0);
  assert.equal(e.perCampaign[0]!.jaccard, 1);
});

test('ties for the best cluster go to more shared accounts, then the smaller id', () => {
  const e = evaluateDetection(truth(), [
    { id: 'C0002', accounts: ['x:b1', 'x:o5'] },
    { id: 'C0001', accounts: ['x:b2', 'x:o6'] },
  ]);
  // Both J = 1 / (3 + 2 − 1) = 1/4 with one shared account → C0001.
  assert.equal(e.perCampaign[1]!.bestCluster, 'C0001');
  assert.equal(e.perCampaign[1]!.jaccard, 0.25);
});

test('rejects an account in two clusters and duplicate cluster ids', () => {
  assert.throws(
    () =>
      evaluateDetection(truth(), [
        { id: 'C1', accounts: ['x:a1'] },
        { id: 'C2', accounts: ['x:a1'] },
      ]),
    ConfigError,
  );
  assert.throws(
    () =>
      evaluateDetection(truth(), [
        { id: 'C1', accounts: ['x:a1'] },
        { id: 'C1', accounts: ['x:a2'] },
      ]),
    ConfigError,
  );
});
