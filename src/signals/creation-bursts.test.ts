import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { CibError } from '../errors.js';
import {
  type CreationInput,
  creationBursts,
  creationTimeResolutionMs,
  isValidTimeMs,
  logPoissonUpperTail,
  poissonUpperTail,
  resolveCreationBurstOptions,
  resolveSignificantCreationBurstOptions,
  significantCreationBursts,
} from './creation-bursts.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (key: string, days: number): CreationInput => ({ key, createdAtMs: days * DAY });

/**
 * Reference straight from the definition: repeatedly, over the remaining accounts, every window [t, t + W]
 * starting at an account's time (all pairs), the one with the most accounts (ties: earliest t) is a burst if it
 * holds ≥ minAccounts; remove it and repeat. Bursts as sorted key lists.
 */
function referenceBursts(accounts: CreationInput[], windowDays: number, minAccounts: number): string[][] {
  const best = new Map<string, number>();
  for (const a of accounts) {
    if (!isValidTimeMs(a.createdAtMs)) continue;
    const seen = best.get(a.key);
    if (seen === undefined || a.createdAtMs < seen) best.set(a.key, a.createdAtMs);
  }
  let rest = [...best];
  const out: string[][] = [];
  for (;;) {
    let top: { t0: number; members: string[] } | null = null;
    for (const [, t0] of rest) {
      const members = rest.filter(([, t]) => t >= t0 && t - t0 <= windowDays * DAY).map(([k]) => k);
      if (
        top === null ||
        members.length > top.members.length ||
        (members.length === top.members.length && t0 < top.t0)
      )
        top = { t0, members };
    }
    if (top === null || top.members.length < minAccounts) break;
    const taken = new Set(top.members);
    rest = rest.filter(([k]) => !taken.has(k));
    out.push(top.members.sort());
  }
  return byFirstKey(out);
}

const byFirstKey = (lists: string[][]): string[][] => lists.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('creationBursts', () => {
  it('finds the hand-computed bursts', () => {
    const days = [0, 1, 2, 10, 20, 21, 22, 23, 40];
    const input = days.map((d, i) => at(`x:${i}`, d));
    const bursts = creationBursts(input);
    assert.deepEqual(bursts, [
      {
        firstMs: 0,
        lastMs: 2 * DAY,
        spanMs: 2 * DAY,
        count: 3,
        share: 3 / 9,
        accounts: ['x:0', 'x:1', 'x:2'],
      },
      {
        firstMs: 20 * DAY,
        lastMs: 23 * DAY,
        spanMs: 3 * DAY,
        count: 4,
        share: 4 / 9,
        accounts: ['x:4', 'x:5', 'x:6', 'x:7'],
      },
    ]);
  });

  it('includes the window end and does not merge windows that share an account', () => {
    const input = [at('a', 0), at('b', 3), at('c', 6)];
    // windows {a,b} (0..3) and {b,c} (3..6) tie at 2; the earlier is peeled, then c is alone
    assert.deepEqual(creationBursts(input, { minAccounts: 2 }), [
      { firstMs: 0, lastMs: 3 * DAY, spanMs: 3 * DAY, count: 2, share: 2 / 3, accounts: ['a', 'b'] },
    ]);
    const apart = [at('a', 0), { key: 'b', createdAtMs: 3 * DAY + 1 }];
    assert.deepEqual(creationBursts(apart, { minAccounts: 2 }), []);
  });

  it('splits one account a day for a year into 91 bursts of 4, each within 3 days', () => {
    const year = Array.from({ length: 365 }, (_, d) => at(`d${String(d).padStart(3, '0')}`, d));
    const bursts = creationBursts(year);
    // [0, 3] holds days 0..3 (4, the most any window holds; earliest), then [4, 7], …, [360, 363]; day 364 is alone
    assert.equal(bursts.length, 91);
    bursts.forEach((b, q) => {
      assert.equal(b.count, 4);
      assert.equal(b.firstMs, 4 * q * DAY);
      assert.equal(b.spanMs, 3 * DAY);
      assert.equal(b.share, 4 / 365);
    });
  });

  it('peels the densest window first, even when it starts later', () => {
    // windows: a → {a,b} (0..3); b → {b,c,d,e} (2..5): peeled first; then a is alone
    const input = [at('a', 0), at('b', 2), at('c', 3.5), at('d', 4), at('e', 5)];
    assert.deepEqual(
      creationBursts(input).map((b) => b.accounts),
      [['b', 'c', 'd', 'e']],
    );
  });

  it('finds two dense batches separated by a gap, by first time', () => {
    const input = [
      at('a1', 0),
      at('a2', 0.5),
      at('a3', 1),
      at('b1', 10),
      at('b2', 10.2),
      at('b3', 10.4),
      at('b4', 10.6),
    ];
    // b (4) is peeled first, then a (3); returned by first time
    assert.deepEqual(
      creationBursts(input).map((b) => [b.firstMs, b.count, b.share]),
      [
        [0, 3, 3 / 7],
        [10 * DAY, 4, 4 / 7],
      ],
    );
  });

  it('breaks ties between equally dense windows by the earliest start', () => {
    const four = [at('a', 0), at('b', 1), at('c', 2), at('d', 3)];
    // {a,b}, {b,c}, {c,d} all hold 2: {a,b} first, then {c,d}
    assert.deepEqual(
      creationBursts(four, { windowDays: 1, minAccounts: 2 }).map((b) => b.accounts),
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    // {a,b} and {b,c} hold 2: {a,b}, then c alone
    assert.deepEqual(
      creationBursts(four.slice(0, 3), { windowDays: 1, minAccounts: 2 }).map((b) => b.accounts),
      [['a', 'b']],
    );
  });

  it('does not chain when no single window is dense', () => {
    // every window of 3 days holds 2 accounts
    assert.deepEqual(creationBursts([at('a', 0), at('b', 2), at('c', 4), at('d', 6)]), []);
  });

  it('ignores unknown and invalid times and leaves them out of the share', () => {
    const input: CreationInput[] = [
      at('a', 0),
      at('b', 0.5),
      at('c', 1),
      { key: 'd' },
      { key: 'e', createdAtMs: Number.NaN },
      { key: 'f', createdAtMs: Number.POSITIVE_INFINITY },
      { key: 'g', createdAtMs: 1e20 },
      at('h', 100),
    ];
    const [burst, ...rest] = creationBursts(input);
    assert.equal(rest.length, 0);
    assert.deepEqual(burst!.accounts, ['a', 'b', 'c']);
    assert.equal(burst!.share, 3 / 4); // a, b, c, h have valid times
  });

  it('keeps the earliest time of a repeated key and orders ties by key', () => {
    const input = [at('z', 5), at('y', 5), at('x', 5), at('z', 50)];
    assert.deepEqual(creationBursts(input)[0]!.accounts, ['x', 'y', 'z']);
    assert.equal(creationBursts([at('a', 0), at('a', 1), at('a', 2)]).length, 0); // one account
  });

  it('handles fractional windows and negative (pre-1970) times', () => {
    const input = [at('a', -10), at('b', -9.8), at('c', -9.6), at('d', -9)];
    assert.deepEqual(creationBursts(input, { windowDays: 0.5 })[0]!.accounts, ['a', 'b', 'c']);
  });

  it('agrees with the definition on random inputs and ignores input order', () => {
    const account = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
      createdAtMs: fc.option(
        fc.integer({ min: 0, max: 20 }).map((d) => d * DAY),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 14 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        (input, windowDays, minAccounts) => {
          const got = creationBursts(input, { windowDays, minAccounts });
          const expected = referenceBursts(input, windowDays, minAccounts);
          assert.deepEqual(byFirstKey(got.map((b) => [...b.accounts].sort())), expected);
          for (const b of got) assert.ok(b.spanMs <= windowDays * DAY && b.count >= minAccounts);
          assert.deepEqual(creationBursts([...input].reverse(), { windowDays, minAccounts }), got);
        },
      ),
    );
  });

  it('rejects invalid options with CONFIG_INVALID', () => {
    const bad = [
      { windowDays: 0 },
      { windowDays: -1 },
      { windowDays: Number.NaN },
      { windowDays: Number.POSITIVE_INFINITY },
      { minAccounts: 1 },
      { minAccounts: 2.5 },
    ];
    for (const options of bad) {
      assert.throws(
        () => resolveCreationBurstOptions(options),
        (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
      );
    }
  });
});

/** Brute force: Σ_{i=k}^{k+600} e^−λ λ^i / i!, each term built in log space (no cancellation, no underflow). */
function upperSum(k: number, lambda: number): number {
  let logTerm = -lambda;
  for (let i = 1; i <= k; i++) logTerm += Math.log(lambda / i);
  let sum = 0;
  for (let i = k; i <= k + 600; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(lambda / (i + 1));
  }
  return sum;
}

const close = (got: number, want: number, rel: number) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${got} vs ${want}`);

describe('poissonUpperTail', () => {
  it('is 1 at k ≤ 0, 1 − e^−λ at k = 1, and 0 at λ = 0', () => {
    assert.equal(poissonUpperTail(0, 5), 1);
    assert.equal(poissonUpperTail(-3, 0), 1);
    assert.equal(poissonUpperTail(3, 0), 0);
    assert.equal(logPoissonUpperTail(3, 0), Number.NEGATIVE_INFINITY);
    for (const lambda of [1e-9, 0.01, 0.5, 1, 2, 7.5, 40])
      close(poissonUpperTail(1, lambda), -Math.expm1(-lambda), 1e-13);
  });

  it('matches a Poisson table and the brute-force sum, deep in the tail and around the mean', () => {
    // Poisson table, λ = 3: P(X ≤ 9) = 0.9989 (4 decimals), so P(X ≥ 10) ≈ 0.0011
    assert.ok(Math.abs(poissonUpperTail(10, 3) - 0.0011) < 0.00005);
    // λ = 2: P(X ≥ 3) = 1 − e^−2 (1 + 2 + 2) = 1 − 5e^−2
    close(poissonUpperTail(3, 2), 1 - 5 * Math.exp(-2), 1e-13);
    for (const [k, lambda] of [
      [10, 3],
      [3, 0.0625],
      [6, 0.0356],
      [50, 10], // 1.85e-19: 1 − Σ_{i<k} would cancel to 0 here
      [5, 20],
      [1000, 1000],
      [1000, 900],
      [400, 0.5],
    ] as const) {
      close(poissonUpperTail(k, lambda), upperSum(k, lambda), 1e-10);
    }
  });

  it('stays finite in log space where the tail underflows', () => {
    // P(X ≥ 200 | 0.01) = e^−0.01 0.01^200 / 200! · (1 + 0.01/201 + 0.01²/(201 · 202) + …), so
    // ln = −0.01 − 200 ln 100 − ln 200! + ln(1 + 0.01/201 + …), with ln 200! = 863.2319871924054
    const want =
      -0.01 - 200 * Math.log(100) - 863.2319871924054 + Math.log1p(0.01 / 201 + 1e-4 / (201 * 202));
    close(logPoissonUpperTail(200, 0.01), want, 1e-9);
    assert.equal(poissonUpperTail(200, 0.01), 0);
  });

  it('rejects a fractional k and a negative or non-finite λ', () => {
    for (const [k, lambda] of [
      [1.5, 1],
      [1, -1],
      [1, Number.NaN],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      assert.throws(() => poissonUpperTail(k, lambda), RangeError);
    }
  });
});

describe('creationTimeResolutionMs', () => {
  it('finds the coarsest unit dividing every time', () => {
    assert.equal(creationTimeResolutionMs([0, 3 * DAY, -2 * DAY]), DAY);
    assert.equal(creationTimeResolutionMs([0, DAY + 5 * HOUR]), HOUR);
    assert.equal(creationTimeResolutionMs([0, 10 * MINUTE]), MINUTE);
    assert.equal(creationTimeResolutionMs([7000]), 1000);
    assert.equal(creationTimeResolutionMs([7001]), 1000);
    assert.equal(creationTimeResolutionMs([]), DAY);
  });
});

describe('significantCreationBursts', () => {
  const BASE = Date.UTC(2020, 0, 1);
  /** `n` name-digit-like accounts, one a day at midnight from BASE. */
  const daily = (n: number): CreationInput[] =>
    Array.from({ length: n }, (_, d) => ({
      key: `o${String(d).padStart(3, '0')}`,
      createdAtMs: BASE + d * DAY,
    }));

  it('keeps exactly a planted batch of 6 in 50 minutes among 200 accounts created one a day', () => {
    const planted = Array.from({ length: 6 }, (_, q) => ({
      key: `p${q}`,
      createdAtMs: BASE + 100 * DAY + 10 * HOUR + q * 10 * MINUTE,
    }));
    const found = significantCreationBursts([...daily(200), ...planted]);
    // Times are whole minutes (10:10 is not a whole hour): S = 199 days + 1 minute = 286,561 minutes. The batch
    // covers w = 50 + 1 = 51 minutes; the other 200 accounts put λ = 200 · 51 / 286,561 in such a window, and
    // there are S / w such windows: p = P(X ≥ 6 | λ) · 286,561 / 51 ≈ 1.5e-8.
    assert.equal(found.resolutionMs, MINUTE);
    assert.equal(found.spanMs, 286_561 * MINUTE);
    assert.equal(found.bursts.length, 1);
    const b = found.bursts[0]!;
    assert.deepEqual(b.accounts, ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const lambda = (200 * 51) / 286_561;
    close(b.expected, lambda, 1e-12);
    close(b.pValue, (upperSum(6, lambda) * 286_561) / 51, 1e-9);
    assert.ok(b.pValue > 1.4e-8 && b.pValue < 1.6e-8);
    assert.equal(b.background, 200);
    close(b.backgroundPerDay, (200 * 1440) / 286_561, 1e-12);
  });

  it('keeps the 3-in-2-days batch among 4 (the pipeline fixture) with its hand-computed p', () => {
    const input = [at('b1', -40), at('b2', -39), { key: 'b3', createdAtMs: -38 * DAY - HOUR }, at('b4', -8)];
    // Whole hours. S = 32 days + 1 hour = 769 h; the run b1..b3 covers 47 + 1 = 48 h; background 1 (b4):
    // λ = 48 / 769; P(X ≥ 3 | λ) = 1 − e^−λ (1 + λ + λ²/2); windows: 769 / 48 ⇒ p ≈ 6.2e-4.
    const [b, ...rest] = significantCreationBursts(input).bursts;
    assert.equal(rest.length, 0);
    assert.deepEqual(b!.accounts, ['b1', 'b2', 'b3']);
    const lambda = 48 / 769;
    const tail = -Math.expm1(-lambda) - Math.exp(-lambda) * (lambda + (lambda * lambda) / 2);
    close(b!.pValue, (tail * 769) / 48, 1e-6);
    // the same run against a 0.0005 threshold is dropped
    assert.equal(significantCreationBursts(input, { maxPValue: 0.0005 }).bursts.length, 0);
  });

  it('finds no batch in one account a day for a year, nor in 40,000 accounts spread evenly over 15 years', () => {
    assert.equal(significantCreationBursts(daily(365)).bursts.length, 0);
    const span = 15 * 365 * DAY;
    const even = Array.from({ length: 40_000 }, (_, i) => ({
      key: `e${i}`,
      createdAtMs: Math.round((i * span) / 40_000 / 1000) * 1000,
    }));
    assert.equal(significantCreationBursts(even).bursts.length, 0);
  });

  it('finds two planted batches separated by a gap, by first time', () => {
    const batch = (name: string, day: number, hour: number) =>
      Array.from({ length: 5 }, (_, q) => ({
        key: `${name}${q}`,
        createdAtMs: BASE + day * DAY + hour * HOUR + q * MINUTE,
      }));
    const found = significantCreationBursts([...daily(100), ...batch('b', 70, 15), ...batch('a', 20, 9)]);
    assert.deepEqual(
      found.bursts.map((b) => b.accounts),
      [
        ['a0', 'a1', 'a2', 'a3', 'a4'],
        ['b0', 'b1', 'b2', 'b3', 'b4'],
      ],
    );
    // same shape, same background: the same p
    assert.equal(found.bursts[0]!.pValue, found.bursts[1]!.pValue);
  });

  it('keeps a batch with no background at p = 0, and counts a day-resolution date as one day', () => {
    const found = significantCreationBursts([at('a', 5), at('b', 5), at('c', 6)]);
    assert.equal(found.resolutionMs, DAY);
    assert.equal(found.spanMs, 3 * DAY); // 1 day + 1 step, raised to the 3-day window
    assert.deepEqual(
      found.bursts.map((b) => [b.accounts, b.pValue, b.background, b.expected]),
      [[['a', 'b', 'c'], 0, 0, 0]],
    );
  });

  it('returns disjoint runs within the window, p ≤ maxPValue, independent of input order', () => {
    const account = fc.record({
      key: fc.constantFrom(...'abcdefghijklmnop'.split('')),
      createdAtMs: fc.integer({ min: 0, max: 40 * 24 }).map((h) => h * HOUR),
    });
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 30 }),
        fc.constantFrom(0.5, 1, 3),
        fc.constantFrom(0.001, 0.05, 1),
        (input, windowDays, maxPValue) => {
          const options = { windowDays, maxPValue };
          const got = significantCreationBursts(input, options);
          const seen = new Set<string>();
          for (const b of got.bursts) {
            assert.ok(b.count >= 3 && b.spanMs <= windowDays * DAY && b.pValue <= maxPValue);
            for (const k of b.accounts) {
              assert.ok(!seen.has(k));
              seen.add(k);
            }
          }
          assert.deepEqual(significantCreationBursts([...input].reverse(), options), got);
        },
      ),
    );
  });

  it('rejects an invalid maxPValue with CONFIG_INVALID', () => {
    for (const maxPValue of [0, -0.1, 1.5, Number.NaN]) {
      assert.throws(
        () => resolveSignificantCreationBurstOptions({ maxPValue }),
        (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID' && /maxPValue/.test(e.message),
      );
    }
  });
});
