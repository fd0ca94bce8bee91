import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import type { Cluster, CoordinationNetwork } from '../model/network.js';
import { classifyHandle } from '../signals/index.js';
import { DuckStore } from '../store/duck-store.js';
import { computeCaseSignals, resolveCaseSignalOptions } from './compute-case-signals.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Monday 2024-03-04 00:00 UTC. */
const MONDAY = Date.UTC(2024, 2, 4);

// Accounts (platform x):
// - o1, o2, o3: office hours in UTC+03:00 (Mon–Fri 09:00–18:00 local = 06:00–15:00 UTC, lunch 12:00–13:00 local
//   quiet; each weekday × working hour once), 40 posts each: a schedule cohort of three.
// - c1: clustered with o1, renamed (two handles), avatar 1 bit from o1's.
// - b1, b2, b3: created within 2 days, name-plus-digits handles: a creation cohort; b4 the same shape but created
//   30 days later (outside); w1 a plain handle created with the batch (not machine-made, outside).
function officePosts(account: string, n: number): [string, number][] {
  const out: [string, number][] = [];
  const localHours = [9, 10, 11, 13, 14, 15, 16, 17];
  for (let i = 0; i < n; i++) {
    const day = i % 5; // Mon..Fri
    const week = Math.floor(i / 40);
    const hour = localHours[i % localHours.length]!;
    out.push([account, MONDAY + (week * 7 + day) * DAY + (hour - 3) * HOUR + (i % 7) * 60_000]);
  }
  return out;
}

describe('computeCaseSignals', () => {
  let store: DuckStore;
  let rec = 0;
  before(async () => {
    store = await DuckStore.create(':memory:');
    await store.reset();
    const posts = [
      ...officePosts('o1', 40),
      ...officePosts('o2', 40),
      ...officePosts('o3', 40),
      ['c1', MONDAY + 2 * HOUR] as [string, number],
      ['c1', MONDAY + DAY + 5 * HOUR] as [string, number],
      ...['b1', 'b2', 'b3', 'b4', 'w1'].map((a) => [a, MONDAY + 9 * HOUR] as [string, number]),
    ];
    for (const [account, ts] of posts) {
      rec++;
      await store.run(
        `INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind)
         VALUES ($1, 0, $1, 'x', 'p' || $1, $2, $3, 'post')`,
        [rec, account, ts],
      );
    }
    const accounts: [string, string, number | null, string | null, number][] = [
      // account, handle, created, avatar, seq
      ['o1', 'olga_ivanova', null, '9f3a6c125be04d71', 1],
      ['c1', 'first_handle', null, '9f3a6c125be04d70', 2],
      ['c1', 'second_handle', null, '9f3a6c125be04d70', 3],
      ['b1', 'AnnaSmith48211', MONDAY - 40 * DAY, null, 4],
      ['b2', 'BorisJones90312', MONDAY - 39 * DAY, null, 5],
      ['b3', 'ChenWang11873', MONDAY - 38 * DAY - HOUR, null, 6],
      ['b4', 'DianaLopez55120', MONDAY - 8 * DAY, null, 7],
      ['w1', 'gardener', MONDAY - 39 * DAY, null, 8],
    ];
    for (const [account, handle, created, avatar, seq] of accounts) {
      await store.run(
        `INSERT INTO accounts (platform, account_id, handle, created_at_ms, profile_image_hash, file_idx, seq)
         VALUES ('x', $1, $2, $3, $4, 0, $5)`,
        [account, handle, created, avatar, seq],
      );
    }
  });
  after(() => store.close());

  const cluster = (id: string, accounts: string[]): Cluster => ({
    id,
    size: accounts.length,
    accounts,
    platforms: ['x'],
    firstTsMs: 0,
    lastTsMs: 0,
    edges: 1,
    coactions: 2,
    density: 1,
    medianDtSeconds: 1,
    perKind: [],
    topObjects: [],
    evidencePosts: [],
  });
  const network: CoordinationNetwork = {
    accounts: [],
    edges: [],
    clusters: [cluster('C0001', ['x:c1', 'x:o1'])],
  };

  it('finds the UTC+03:00 schedule cohort and the creation batch, and nothing else', async () => {
    const signals = await computeCaseSignals(store, network, { time: { holidayCountries: [] } });
    assert.deepEqual(
      signals.cohorts.map((c) => [c.id, c.kind, c.accounts, c.clusters]),
      [
        ['S001', 'schedule', ['x:o1', 'x:o2', 'x:o3'], ['C0001']],
        ['B001', 'creation', ['x:b1', 'x:b2', 'x:b3'], []],
      ],
    );
    assert.equal(signals.cohorts[0]!.time?.schedule.offsetMinutes, 180);
    assert.equal(signals.cohorts[1]!.createdFirstMs, MONDAY - 40 * DAY);
    assert.equal(signals.cohorts[1]!.createdLastMs, MONDAY - 38 * DAY - HOUR);
    const p = signals.cohorts[1]!.pValue;
    assert.ok(p !== undefined && p > 0 && p <= 0.001, String(p));
  });

  it('groups near-identical avatars and sees the rename inside the cluster', async () => {
    const signals = await computeCaseSignals(store, network, { time: { holidayCountries: [] } });
    const c = signals.clusters[0]!;
    assert.equal(c.cluster, 'C0001');
    assert.deepEqual(
      c.accounts.sharedProfileImages.map((s) => [s.hash, s.accounts]),
      [['pg:9f3a6c125be04d70', ['x:c1', 'x:o1']]],
    );
    assert.deepEqual(
      c.accounts.renames.map((r) => [r.key, r.handles]),
      [['x:c1', ['first_handle', 'second_handle']]],
    );
    // The cluster's pooled posts: 40 office-hours posts of o1 and 2 of c1.
    assert.equal(c.time.posts, 42);
  });

  it('summarizes every clustered and cohort account, sorted, with flags where a profile exists', async () => {
    const signals = await computeCaseSignals(store, network, { time: { holidayCountries: [] } });
    assert.deepEqual(
      signals.accounts.map((a) => a.key),
      ['x:b1', 'x:b2', 'x:b3', 'x:c1', 'x:o1', 'x:o2', 'x:o3'],
    );
    const byKey = new Map(signals.accounts.map((a) => [a.key, a]));
    assert.equal(byKey.get('x:b1')?.flags?.handlePattern, 'name-digits');
    // b1 is listed only through the creation cohort; its one post still counts.
    assert.equal(byKey.get('x:b1')?.posts, 1);
    assert.equal(byKey.get('x:o2')?.flags, null);
    assert.equal(byKey.get('x:c1')?.flags?.renamed, true);
    assert.equal(byKey.get('x:c1')?.schedule.status, 'insufficient');
    assert.equal(byKey.get('x:o2')?.schedule.offsetMinutes, 180);
  });

  it('rejects invalid options naming the field', () => {
    assert.throws(() => resolveCaseSignalOptions({ minCohortAccounts: 1 }), ConfigError);
    assert.throws(() => resolveCaseSignalOptions({ minCohortConfidence: 2 }), /minCohortConfidence/);
    assert.throws(() => resolveCaseSignalOptions({ media: { radiusBits: 99 } }), ConfigError);
    for (const maxCreationBurstPValue of [0, -1, 1.5, Number.NaN])
      assert.throws(() => resolveCaseSignalOptions({ maxCreationBurstPValue }), /maxCreationBurstPValue/);
  });
});

describe('computeCaseSignals: creation cohorts against the dataset rate', () => {
  // 200 name-plus-digit accounts created one a day at midnight (2020-01-01 …), plus a planted batch of 6 created
  // 10:00–10:50 on day 100 (2020-04-10). Plain 3-day windows hold 3–4 accounts everywhere; only the batch beats
  // the rate: times are whole minutes, S = 199 days + 1 minute = 286,561 minutes, the batch covers 51 minutes,
  // λ = 200 · 51 / 286,561 ≈ 0.036, p = P(X ≥ 6 | λ) · 286,561 / 51 ≈ 1.5e-8 (see creation-bursts.test.ts).
  const BASE = Date.UTC(2020, 0, 1);
  const FIRST = ['Anna', 'Boris', 'Chen', 'Diana', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Julia'];
  const LAST = ['Smith', 'Jones', 'Wang', 'Lopez', 'Novak', 'Khan', 'Petrov', 'Silva', 'Meyer', 'Rossi'];
  const handle = (i: number) => `${FIRST[i % 10]}${LAST[Math.floor(i / 10) % 10]}${10_000 + i * 37}`;
  let store: DuckStore;
  before(async () => {
    store = await DuckStore.create(':memory:');
    await store.reset();
    const rows: [string, string, number][] = [];
    for (let d = 0; d < 200; d++) rows.push([`n${String(d).padStart(3, '0')}`, handle(d), BASE + d * DAY]);
    for (let q = 0; q < 6; q++)
      rows.push([`p${q}`, handle(200 + q), BASE + 100 * DAY + 10 * HOUR + q * 600_000]);
    let seq = 0;
    for (const [account, name, created] of rows) {
      assert.equal(classifyHandle(name).pattern, 'name-digits', name);
      await store.run(
        `INSERT INTO accounts (platform, account_id, handle, created_at_ms, file_idx, seq)
         VALUES ('x', $1, $2, $3, 0, $4)`,
        [account, name, created, ++seq],
      );
    }
  });
  after(() => store.close());

  it('reports exactly the planted 6, with the background test in its reason', async () => {
    const network: CoordinationNetwork = { accounts: [], edges: [], clusters: [] };
    const signals = await computeCaseSignals(store, network, { time: { holidayCountries: [] } });
    assert.deepEqual(
      signals.cohorts.map((c) => [c.id, c.kind, c.accounts]),
      [['B001', 'creation', ['x:p0', 'x:p1', 'x:p2', 'x:p3', 'x:p4', 'x:p5']]],
    );
    assert.deepEqual(signals.cohorts[0]!.reasons, [
      '6 accounts with machine-made handles (a name plus digits, or random strings) created within 50 minutes ' +
        "(2020-04-10 – 2020-04-10); expected 0.036 in any window that long at this dataset's rate " +
        '(1.0 such accounts a day), p = 1.5e-8',
    ]);
    // with the test switched off (p ≤ 1), the 3-day windows of the daily stream come back as batches
    const all = await computeCaseSignals(store, network, {
      time: { holidayCountries: [] },
      maxCreationBurstPValue: 1,
    });
    assert.ok(all.cohorts.length > 1);
  });
});
