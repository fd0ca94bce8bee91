/**
 * Regression test of the planted-campaign benchmark (issue 4): the smallest standard scenario, `mixed-small`
 * (seed 301: 1,000 organic accounts with bursts and viral hashtags, and three planted campaigns: co-retweet,
 * copypasta from batch-created accounts, hashtag sequences), simulated, detected at the default settings and
 * evaluated against its truth. Thresholds are the targets (precision ≥ 0.95, recall ≥ 0.90 per tactic,
 * ≤ 0.1 % of organic accounts flagged); the full table is docs/evaluation.md (`npm run eval`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { evaluateScenario } from '../../src/pipeline/evaluate-scenario.js';

describe('mixed-small benchmark at default settings', async () => {
  const [chorus] = await evaluateScenario('mixed-small', [{ name: 'chorus', options: {} }], { threads: 2 });
  const e = chorus!.evaluation;

  it('meets the account-level targets', () => {
    assert.ok((e.account.precision ?? 0) >= 0.95, `precision ${e.account.precision}`);
    assert.ok((e.account.recall ?? 0) >= 0.9, `recall ${e.account.recall}`);
    assert.ok((e.organicFalsePositiveRate ?? 1) <= 0.001, `organic FPR ${e.organicFalsePositiveRate}`);
  });

  it('meets the per-tactic targets', () => {
    assert.deepEqual(
      e.perTactic.map((t) => t.tactic),
      ['co-retweet', 'copypasta', 'hashtag-sequence', 'batch-accounts'],
    );
    for (const t of e.perTactic) {
      assert.ok((t.precision ?? 0) >= 0.95, `${t.tactic} precision ${t.precision}`);
      assert.ok((t.recall ?? 0) >= 0.9, `${t.tactic} recall ${t.recall}`);
    }
  });

  it('finds each campaign as one cluster', () => {
    assert.equal(e.cluster.foundCampaigns, 3);
    assert.ok((e.cluster.precision ?? 0) >= 0.95, `cluster precision ${e.cluster.precision}`);
    assert.ok(e.ari >= 0.9, `ARI ${e.ari}`);
  });
});
