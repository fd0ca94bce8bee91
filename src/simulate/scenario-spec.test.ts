import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import { ORGANIC_DEFAULTS, resolveScenario } from './scenario-spec.js';
import { STANDARD_SCENARIOS } from './standard-scenarios.js';

test('resolveScenario: defaults are 14 days from Monday 2024-03-04 UTC, seed 1, standard campaigns', () => {
  const s = resolveScenario({ name: 'x', campaigns: [{ tactics: ['copypasta'] }] });
  assert.equal(s.startMs, Date.UTC(2024, 2, 4));
  assert.equal(s.endMs - s.startMs, 14 * 86_400_000);
  assert.equal(s.seed, 1);
  assert.equal(s.organic.accounts, ORGANIC_DEFAULTS.accounts);
  assert.deepEqual(s.campaigns[0], {
    id: 'K01',
    tactics: ['copypasta'],
    difficulty: 'standard',
    accounts: 30,
    actions: 20,
    participation: 0.7,
    fastJitterSeconds: 60,
    textJitterSeconds: 300,
    backgroundPostsMedian: 4,
  });
});

test('resolveScenario: scale multiplies organic accounts and bursts; seed override; tactics in TACTICS order', () => {
  const s = resolveScenario(
    {
      name: 'x',
      seed: 3,
      organic: { accounts: 1000, bursts: 3 },
      campaigns: [{ tactics: ['batch-accounts', 'copypasta'], difficulty: 'hard' }],
    },
    { scale: 0.5, seed: 9 },
  );
  assert.equal(s.organic.accounts, 500);
  assert.equal(s.organic.bursts, 2); // round(1.5)
  assert.equal(s.seed, 9);
  assert.deepEqual(s.campaigns[0]!.tactics, ['copypasta', 'batch-accounts']);
  assert.equal(s.campaigns[0]!.accounts, 20);
});

test('resolveScenario: errors name the field', () => {
  const cases: [unknown, RegExp][] = [
    [{ name: '' }, /`name`/],
    [{ name: 'x', days: 0 }, /`days`/],
    [{ name: 'x', start: '2024-03-04' }, /`start`/],
    [{ name: 'x', organic: { acounts: 5 } }, /`organic.acounts`/],
    [{ name: 'x', organic: { accounts: 5 } }, /`organic.accounts`/],
    [{ name: 'x', organic: { platforms: [{ platform: 'X', share: 1 }] } }, /platforms\[0\]\.platform/],
    [{ name: 'x', campaigns: [{ tactics: ['copypasta', 'copypasta'] }] }, /distinct/],
    [{ name: 'x', campaigns: [{ tactics: ['teleport'] }] }, /campaigns\[0\]\.tactics/],
    [{ name: 'x', campaigns: [{ tactics: ['copypasta'], participation: 0 }] }, /participation/],
    [{ name: 'x', campaigns: [{ tactics: ['copypasta'], difficulty: 'extreme' }] }, /difficulty/],
  ];
  for (const [spec, message] of cases) {
    assert.throws(
      () => resolveScenario(spec as never),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
  }
  assert.throws(() => resolveScenario({ name: 'x' }, { scale: 0 }), /`scale`/);
  assert.throws(() => resolveScenario({ name: 'x' }, { scale: 11 }), /`scale`/);
  // 20,000 organic accounts × 10 = 200,000 > 150,000: refused before any post is made.
  assert.throws(
    () => resolveScenario({ name: 'x', organic: { accounts: 20_000 } }, { scale: 10 }),
    /`scale` \(10\)\. Expecting a scale in \[0\.001, 7\.5\] for this scenario \(20000 organic accounts/,
  );
  assert.throws(() => resolveScenario({ name: 'x', organic: { accounts: 200_000 } }), /`organic.accounts`/);
});

test('STANDARD_SCENARIOS: organic-only, one <tactic>-standard per tactic, mixed-small, mixed; all valid', () => {
  const names = STANDARD_SCENARIOS.map((s) => s.name);
  assert.equal(names[0], 'organic-only');
  assert.equal(names.length, 13);
  assert.ok(
    names.includes('mixed-small') && names.includes('mixed') && names.includes('part-organic-standard'),
  );
  assert.equal(new Set(STANDARD_SCENARIOS.map((s) => s.seed)).size, 13);
  for (const s of STANDARD_SCENARIOS) resolveScenario(s);
  const shift = STANDARD_SCENARIOS.find((s) => s.name === 'shift-schedule-standard')!;
  assert.equal(shift.campaigns![0]!.difficulty, 'hard');
  assert.equal(shift.campaigns!.length, 2);
});
