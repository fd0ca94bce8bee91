import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  isInShiftHours,
  isWeekday,
  sampleInIntervals,
  sampleStratified,
  shiftIntervals,
} from './shift-schedule.js';
import { SimRandom } from './sim-random.js';

const H = 3_600_000;
const MONDAY = Date.UTC(2024, 2, 4); // Monday 2024-03-04 00:00 UTC = 08:00 in Beijing

test('isWeekday: 2024-03-04 is a Monday, 2024-03-09/10 the weekend', () => {
  assert.equal(isWeekday(MONDAY / 86_400_000), true);
  assert.equal(isWeekday(Date.UTC(2024, 2, 8) / 86_400_000), true);
  assert.equal(isWeekday(Date.UTC(2024, 2, 9) / 86_400_000), false);
  assert.equal(isWeekday(Date.UTC(2024, 2, 10) / 86_400_000), false);
});

test('isInShiftHours: Beijing 09:00–12:00 and 13:30–18:00 on weekdays only', () => {
  assert.equal(isInShiftHours(MONDAY + 0.99 * H), false); // 08:59 local
  assert.equal(isInShiftHours(MONDAY + 1 * H), true); // 09:00
  assert.equal(isInShiftHours(MONDAY + 4 * H - 1), true); // 11:59:59.999
  assert.equal(isInShiftHours(MONDAY + 4 * H), false); // 12:00 lunch
  assert.equal(isInShiftHours(MONDAY + 5.5 * H - 1), false); // 13:29:59
  assert.equal(isInShiftHours(MONDAY + 5.5 * H), true); // 13:30
  assert.equal(isInShiftHours(MONDAY + 10 * H), false); // 18:00
  // Friday 2024-03-08 17:00 UTC is Saturday 01:00 in Beijing; Saturday 02:00 UTC is Saturday 10:00 there.
  assert.equal(isInShiftHours(Date.UTC(2024, 2, 9, 2)), false);
  // Sunday 2024-03-10 20:00 UTC is Monday 04:00 in Beijing: a weekday, but before the shift.
  assert.equal(isInShiftHours(Date.UTC(2024, 2, 10, 20)), false);
  assert.equal(isInShiftHours(Date.UTC(2024, 2, 11, 1)), true); // Monday 09:00
});

test('shiftIntervals: one Monday gives 01:00–04:00 and 05:30–10:00 UTC, shortened by the margin', () => {
  assert.deepEqual(shiftIntervals(MONDAY, MONDAY + 24 * H, 0), [
    { fromMs: MONDAY + 1 * H, toMs: MONDAY + 4 * H },
    { fromMs: MONDAY + 5.5 * H, toMs: MONDAY + 10 * H },
  ]);
  assert.deepEqual(shiftIntervals(MONDAY, MONDAY + 24 * H, 0.5 * H), [
    { fromMs: MONDAY + 1 * H, toMs: MONDAY + 3.5 * H },
    { fromMs: MONDAY + 5.5 * H, toMs: MONDAY + 9.5 * H },
  ]);
  assert.deepEqual(shiftIntervals(Date.UTC(2024, 2, 9), Date.UTC(2024, 2, 10, 12), 0), []);
});

test('sampleInIntervals and sampleStratified stay inside the intervals', () => {
  const rng = new SimRandom('t');
  const ivs = shiftIntervals(MONDAY, MONDAY + 7 * 24 * H, 60_000);
  for (let i = 0; i < 2000; i++) {
    const t = sampleInIntervals(rng, ivs)!;
    assert.ok(isInShiftHours(t) && isInShiftHours(t + 60_000 - 1), new Date(t).toISOString());
    assert.equal(t % 1000, 0);
  }
  assert.equal(sampleInIntervals(rng, []), undefined);
  const day = shiftIntervals(MONDAY, MONDAY + 24 * H, 0);
  for (let i = 0; i < 200; i++) {
    const times = sampleStratified(rng, day, 5);
    assert.equal(times.length, 5);
    for (const t of times) assert.ok(isInShiftHours(t));
    for (let j = 1; j < 5; j++) assert.ok(times[j]! > times[j - 1]!);
  }
});
