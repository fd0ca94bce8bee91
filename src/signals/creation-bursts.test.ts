import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { CibError } from '../errors.js';
import {
  type CreationInput,
  creationBursts,
  isValidTimeMs,
  resolveCreationBurstOptions,
} from './creation-bursts.js';

const DAY = 86_400_000;
const at = (key: string, days: number): CreationInput => ({ key, createdAtMs: days * DAY });

/**
 * Reference straight from the definition: dense windows by an all-pairs scan, merged by repeated union of
 * windows that share an account, bursts as sorted key lists.
 */
function referenceBursts(accounts: CreationInput[], windowDays: number, minAccounts: number): string[][] {
  const best = new Map<string, number>();
  for (const a of accounts) {
    if (!isValidTimeMs(a.createdAtMs)) continue;
    const seen = best.get(a.key);
    if (seen === undefined || a.createdAtMs < seen) best.set(a.key, a.createdAtMs);
  }
  const items = [...best];
  const windows: Set<string>[] = [];
  for (const [, t0] of items) {
    const members = items.filter(([, t]) => t >= t0 && t - t0 <= windowDays * DAY).map(([k]) => k);
    if (members.length >= minAccounts) windows.push(new Set(members));
  }
  // a window starting at a tie includes all accounts with that time, so windows are compared as sets
  let merged = windows;
  let changed = true;
  while (changed) {
    changed = false;
    const out: Set<string>[] = [];
    for (const w of merged) {
      const hit = out.find((o) => [...w].some((k) => o.has(k)));
      if (hit) {
        for (const k of w) hit.add(k);
        changed = true;
      } else out.push(new Set(w));
    }
    merged = out;
  }
  return byFirstKey(merged.map((s) => [...s].sort()));
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

  it('includes the window end and merges windows that share an account', () => {
    const input = [at('a', 0), at('b', 3), at('c', 6)];
    // windows {a,b} and {b,c} share b: one burst spanning 6 days
    assert.deepEqual(creationBursts(input, { minAccounts: 2 }), [
      { firstMs: 0, lastMs: 6 * DAY, spanMs: 6 * DAY, count: 3, share: 1, accounts: ['a', 'b', 'c'] },
    ]);
    const apart = [at('a', 0), { key: 'b', createdAtMs: 3 * DAY + 1 }];
    assert.deepEqual(creationBursts(apart, { minAccounts: 2 }), []);
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
