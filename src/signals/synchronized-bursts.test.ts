import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { ConfigError } from '../errors.js';
import { type AccountTime, synchronizedBursts } from './synchronized-bursts.js';

const at = (accountKey: string, iso: string): AccountTime => ({ accountKey, tsMs: Date.parse(iso) });

/** Day 1: a (09:00, later 09:30), b 09:02, c 09:04:59, d 09:09, e 12:00. Day 2: a 09:00, b 09:05:00, c 09:05:01. */
const POSTS: AccountTime[] = [
  at('a', '2024-01-01T09:30:00Z'),
  at('a', '2024-01-01T09:00:00Z'),
  at('b', '2024-01-01T09:02:00Z'),
  at('c', '2024-01-01T09:04:59Z'),
  at('d', '2024-01-01T09:09:00Z'),
  at('e', '2024-01-01T12:00:00Z'),
  at('a', '2024-01-02T09:00:00Z'),
  at('b', '2024-01-02T09:05:00Z'),
  at('c', '2024-01-02T09:05:01Z'),
];

describe('synchronizedBursts', () => {
  it('finds the hand-computed burst with the defaults (300 s, 3 accounts)', () => {
    const { bursts, accounts } = synchronizedBursts(POSTS);
    // Day 1: window from a (09:00) holds b (+120 s) and c (+299 s) but not d (+540 s) → {a, b, c}; b's window
    // {b, c} and c's window {c, d} have 2 starts only. Day 2: a's window {a, b} (+300 s, inclusive), b's {b, c}.
    assert.deepEqual(bursts, [
      {
        day: '2024-01-01',
        startTsMs: Date.parse('2024-01-01T09:00:00Z'),
        endTsMs: Date.parse('2024-01-01T09:04:59Z'),
        starts: [
          at('a', '2024-01-01T09:00:00Z'),
          at('b', '2024-01-01T09:02:00Z'),
          at('c', '2024-01-01T09:04:59Z'),
        ],
      },
    ]);
    assert.deepEqual(accounts, [
      { accountKey: 'a', activeDays: 2, burstDays: 1, burstShare: 0.5 },
      { accountKey: 'b', activeDays: 2, burstDays: 1, burstShare: 0.5 },
      { accountKey: 'c', activeDays: 2, burstDays: 1, burstShare: 0.5 },
      { accountKey: 'd', activeDays: 1, burstDays: 0, burstShare: 0 },
      { accountKey: 'e', activeDays: 1, burstDays: 0, burstShare: 0 },
    ]);
  });

  it('merges overlapping qualifying windows and counts the window edge as inside', () => {
    const { bursts } = synchronizedBursts(POSTS, { minAccounts: 2 });
    // Day 1: windows {a,b,c}, {b,c}, {c,d} overlap → one burst a..d; e alone. Day 2: {a,b} and {b,c} → a..c.
    assert.deepEqual(
      bursts.map((b) => [b.day, b.starts.map((s) => s.accountKey).join('')]),
      [
        ['2024-01-01', 'abcd'],
        ['2024-01-02', 'abc'],
      ],
    );
    assert.equal(bursts[0]!.endTsMs - bursts[0]!.startTsMs, 540_000);
  });

  it('cuts days at dayOffsetMinutes', () => {
    const posts = [
      at('a', '2024-01-03T23:58:00Z'),
      at('b', '2024-01-03T23:59:00Z'),
      at('c', '2024-01-04T00:01:00Z'),
    ];
    assert.equal(synchronizedBursts(posts).bursts.length, 0); // 2 + 1 across UTC midnight
    const shifted = synchronizedBursts(posts, { dayOffsetMinutes: 60 });
    assert.equal(shifted.bursts.length, 1);
    assert.equal(shifted.bursts[0]!.day, '2024-01-04'); // local (UTC+1) date
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(POSTS, { minLength: POSTS.length }), (shuffled) => {
        assert.deepEqual(synchronizedBursts(shuffled), synchronizedBursts(POSTS));
      }),
      { numRuns: 50 },
    );
  });

  it('validates options and posts', () => {
    assert.throws(() => synchronizedBursts([], { windowSeconds: -1 }), ConfigError);
    assert.throws(() => synchronizedBursts([], { minAccounts: 1 }), ConfigError);
    assert.throws(() => synchronizedBursts([], { dayOffsetMinutes: 30.5 }), ConfigError);
    assert.throws(() => synchronizedBursts([{ accountKey: 'a', tsMs: Number.NaN }]), {
      code: 'CONFIG_INVALID',
    });
    assert.deepEqual(synchronizedBursts([]), { bursts: [], accounts: [] });
  });
});
