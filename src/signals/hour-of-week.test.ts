import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import {
  formatUtcOffset,
  HOURS_PER_WEEK,
  hourOfWeek,
  hourOfWeekHistogram,
  shiftHourOfWeekHistogram,
} from './hour-of-week.js';

const HOUR = 3_600_000;

describe('hourOfWeek', () => {
  it('counts from Monday 00:00 (hand-computed calendar facts)', () => {
    // 1970-01-01 was a Thursday: Mon 0, Tue 24, Wed 48, Thu 72.
    assert.equal(hourOfWeek(0), 72);
    assert.equal(hourOfWeek(HOUR - 1), 72);
    assert.equal(hourOfWeek(HOUR), 73);
    // 1970-01-04 23:00 is Sunday 23:00 → 167; one hour later Monday 00:00 → 0.
    assert.equal(hourOfWeek(Date.UTC(1970, 0, 4, 23)), 167);
    assert.equal(hourOfWeek(Date.UTC(1970, 0, 5, 0)), 0);
    // 2024-01-01 was a Monday; 2024-10-01 a Tuesday (10:30 → 24 + 10).
    assert.equal(hourOfWeek(Date.UTC(2024, 0, 1, 0, 0)), 0);
    assert.equal(hourOfWeek(Date.UTC(2024, 9, 1, 10, 30)), 34);
    // Before the epoch: 1969-12-31 23:59 was Wednesday 23:00 → 71.
    assert.equal(hourOfWeek(-60_000), 71);
  });

  it('reads the clock at the given offset', () => {
    // 1970-01-01 00:00 UTC is Thursday 08:00 in UTC+08:00 and Wednesday 19:00 in UTC−05:00.
    assert.equal(hourOfWeek(0, 480), 80);
    assert.equal(hourOfWeek(0, -300), 48 + 19);
    // Sunday 20:00 UTC is Monday 01:30 in UTC+05:30 → hour 1.
    assert.equal(hourOfWeek(Date.UTC(2024, 0, 7, 20), 330), 1);
  });

  it('rejects bad offsets and timestamps', () => {
    assert.throws(() => hourOfWeek(0, 841), ConfigError);
    assert.throws(() => hourOfWeek(0, 1.5), ConfigError);
    assert.throws(() => hourOfWeek(Number.NaN), { code: 'CONFIG_INVALID' });
  });
});

describe('hourOfWeekHistogram', () => {
  it('counts per slot', () => {
    const h = hourOfWeekHistogram([0, 1000, HOUR, Date.UTC(2024, 0, 1, 0, 59)]);
    assert.equal(h.length, HOURS_PER_WEEK);
    assert.equal(h[72], 2);
    assert.equal(h[73], 1);
    assert.equal(h[0], 1);
    assert.equal(
      h.reduce((s, v) => s + v, 0),
      4,
    );
  });

  it('applies the offset and accepts any iterable', () => {
    const h = hourOfWeekHistogram(new Set([0]), 480);
    assert.equal(h[80], 1);
    assert.throws(() => hourOfWeekHistogram([0, Number.POSITIVE_INFINITY]), ConfigError);
  });
});

describe('shiftHourOfWeekHistogram', () => {
  it('rotates by whole hours, wrapping around the week', () => {
    const utc = new Array<number>(HOURS_PER_WEEK).fill(0);
    utc[0] = 3; // Monday 00:00 UTC
    utc[167] = 2; // Sunday 23:00 UTC
    const local = shiftHourOfWeekHistogram(utc, 480);
    assert.equal(local[8], 3);
    assert.equal(local[7], 2); // Sunday 23:00 UTC = Monday 07:00 UTC+8
    const back = shiftHourOfWeekHistogram(utc, -60);
    assert.equal(back[167], 3);
    assert.equal(back[166], 2);
  });

  it('splits non-whole-hour offsets in proportion to overlap', () => {
    const utc = new Array<number>(HOURS_PER_WEEK).fill(0);
    utc[10] = 4;
    // +5:30: UTC [10, 11) → local [15.5, 16.5): half to 15, half to 16.
    const plus = shiftHourOfWeekHistogram(utc, 330);
    assert.equal(plus[15], 2);
    assert.equal(plus[16], 2);
    // +5:45: UTC [10, 11) → local [15.75, 16.75): a quarter to 15, three quarters to 16.
    const nepal = shiftHourOfWeekHistogram(utc, 345);
    assert.equal(nepal[15], 1);
    assert.equal(nepal[16], 3);
    // −3:30: UTC [10, 11) → local [6.5, 7.5).
    const minus = shiftHourOfWeekHistogram(utc, -210);
    assert.equal(minus[6], 2);
    assert.equal(minus[7], 2);
    assert.equal(
      minus.reduce((s, v) => s + v, 0),
      4,
    );
  });

  it('rejects histograms of the wrong length or with negative values', () => {
    assert.throws(() => shiftHourOfWeekHistogram([1, 2, 3], 0), ConfigError);
    const bad = new Array<number>(HOURS_PER_WEEK).fill(0);
    bad[3] = -1;
    assert.throws(() => shiftHourOfWeekHistogram(bad, 0), ConfigError);
  });
});

describe('formatUtcOffset', () => {
  it('formats ±HH:MM', () => {
    assert.equal(formatUtcOffset(480), 'UTC+08:00');
    assert.equal(formatUtcOffset(-210), 'UTC-03:30');
    assert.equal(formatUtcOffset(345), 'UTC+05:45');
    assert.equal(formatUtcOffset(0), 'UTC+00:00');
  });
});
