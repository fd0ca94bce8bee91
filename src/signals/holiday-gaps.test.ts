import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { holidayGaps, poissonBinomialCdf, publicHolidays } from './holiday-gaps.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Days of 2024 as `YYYY-MM-DD`, with Monday = 0 … Sunday = 6 (2024-01-01 was a Monday). */
function days2024(): Array<{ date: string; dow: number; ms: number }> {
  return Array.from({ length: 366 }, (_, i) => {
    const ms = Date.UTC(2024, 0, 1) + i * DAY;
    return { date: new Date(ms).toISOString().slice(0, 10), dow: i % 7, ms };
  });
}

/** Posts at the given local hours on every day whose weekday is in `workDays` and whose date is not in `silent`. */
function schedule(
  offsetMinutes: number,
  workDays: readonly number[],
  silent: ReadonlySet<string>,
  hours: readonly number[] = [10, 15],
): number[] {
  const out: number[] = [];
  for (const day of days2024()) {
    if (!workDays.includes(day.dow) || silent.has(day.date)) continue;
    for (const h of hours) out.push(day.ms + h * HOUR - offsetMinutes * 60_000);
  }
  return out;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Brute-force Poisson-binomial lower tail by enumerating all outcomes. */
function bruteTail(k: number, probs: readonly number[]): number {
  let sum = 0;
  for (let mask = 0; mask < 1 << probs.length; mask++) {
    let p = 1;
    let successes = 0;
    probs.forEach((q, i) => {
      if (mask & (1 << i)) {
        p *= q;
        successes++;
      } else p *= 1 - q;
    });
    if (successes <= k) sum += p;
  }
  return sum;
}

describe('publicHolidays', () => {
  it('lists known 2024 dates (hand-checked against official calendars)', () => {
    const cn = publicHolidays('CN', 2024);
    const cnDate = (d: string) => cn.find((h) => h.date === d)?.names;
    assert.deepEqual(cnDate('2024-10-01'), ['National Day']); // National Day, always 1 October
    assert.deepEqual(cnDate('2024-02-10'), ['Spring Festival']); // Chinese New Year 2024: 10 February
    assert.deepEqual(cnDate('2024-05-01'), ['Labour Day']);
    assert.deepEqual(cnDate('2024-04-04'), ['Qingming Festival']); // Qingming 2024: 4 April
    assert.deepEqual(cnDate('2024-06-10'), ['Dragon Boat Festival']); // Duanwu 2024: 10 June
    assert.deepEqual(cnDate('2024-09-17'), ['Mid-Autumn Festival']); // Mid-Autumn 2024: 17 September
    // Half-day holidays for part of the population (Women's Day afternoon) are skipped.
    assert.equal(cnDate('2024-03-08'), undefined);
    const us = publicHolidays('us', 2024);
    assert.ok(us.some((h) => h.date === '2024-07-04'));
    assert.ok(us.some((h) => h.date === '2024-11-28')); // Thanksgiving: 4th Thursday of November
    const ru = publicHolidays('RU', 2024);
    assert.ok(ru.some((h) => h.date === '2024-05-09')); // Victory Day
    // Russia's New Year Holiday is one rule spanning 2–6 January: one entry per day.
    assert.deepEqual(
      ru.filter((h) => h.date >= '2024-01-02' && h.date <= '2024-01-06').map((h) => h.date),
      range('2024-01-02', '2024-01-06'),
    );
    const ir = publicHolidays('IR', 2024);
    assert.ok(ir.some((h) => h.date === '2024-03-20' && h.names.includes('Nowruz'))); // Nowruz 2024: 20 March
    // Two holidays on one date are merged.
    assert.deepEqual(ir.find((h) => h.date === '2024-03-31')?.names.length, 2);
  });

  it('rejects unknown countries', () => {
    assert.throws(() => publicHolidays('XX', 2024), ConfigError);
  });
});

describe('poissonBinomialCdf', () => {
  it('matches hand values and brute force', () => {
    assert.equal(poissonBinomialCdf(0, [0.5, 0.2]), 0.4);
    assert.ok(Math.abs(poissonBinomialCdf(1, [0.5, 0.2]) - 0.9) < 1e-15);
    assert.equal(poissonBinomialCdf(2, [0.5, 0.2]), 1);
    assert.equal(poissonBinomialCdf(-1, [0.5]), 0);
    // Binomial(4, 0.5): P(X ≤ 2) = 11/16
    assert.equal(poissonBinomialCdf(2, [0.5, 0.5, 0.5, 0.5]), 11 / 16);
    const probs = [0.9, 0.1, 0.5, 0.75, 0.3, 0.99, 0];
    for (let k = 0; k <= probs.length; k++) {
      assert.ok(Math.abs(poissonBinomialCdf(k, probs) - bruteTail(k, probs)) < 1e-12, `k=${k}`);
    }
  });
});

describe('holidayGaps', () => {
  it('names China for an account silent in Spring Festival and National Day week', () => {
    // Beijing office worker: Mon–Fri 10:00 and 15:00 UTC+8 all of 2024, silent 9–17 Feb and 1–7 Oct.
    const silent = new Set([...range('2024-02-09', '2024-02-17'), ...range('2024-10-01', '2024-10-07')]);
    const ts = schedule(480, [0, 1, 2, 3, 4], silent);
    const result = holidayGaps(ts, ['CN', 'RU', 'IR', 'US'], { offsetMinutes: 480 });
    assert.equal(result.best?.country, 'CN');
    const cn = result.countries[0]!;
    // CN public full-day holidays 2024 (date-holidays): 1 Jan Mon, 9 Feb Fri, 10 Feb Sat, 11 Feb Sun, 4 Apr Thu,
    // 1 May Wed, 1 Jun Sat, 10 Jun Mon, 17 Sep Tue, 1 Oct Tue, 2 Oct Wed, 3 Oct Thu → 12; active: 1 Jan, 4 Apr,
    // 1 May, 10 Jun, 17 Sep → 5, two posts each.
    assert.equal(cn.holidayDays, 12);
    assert.equal(cn.activeHolidayDays, 5);
    assert.equal(cn.holidayPosts, 10);
    // Ordinary days per weekday (2024: 53 Mondays and Tuesdays, 52 of the rest) minus holidays: Mon 51, Tue 51,
    // Wed 50, Thu 50, Fri 51. Silent ordinary days: 12–16 Feb (Mon–Fri), 4 Oct (Fri), 7 Oct (Mon).
    // q: Mon 49/51, Tue 50/51, Wed 49/50, Thu 49/50, Fri 49/51, Sat = Sun = 0.
    const qMon = 49 / 51;
    const qTue = 50 / 51;
    const qWed = 49 / 50;
    const qThu = 49 / 50;
    const qFri = 49 / 51;
    const probs = [qMon, qFri, qThu, qWed, qMon, qTue, qTue, qWed, qThu]; // the 9 weekday holidays
    const expectedActive = probs.reduce((s, p) => s + p, 0);
    assert.equal(cn.expectedActiveHolidayDays, Number(expectedActive.toFixed(4))); // 8.7631
    assert.equal(cn.expectedHolidayPosts, Number((2 * expectedActive).toFixed(4)));
    assert.equal(cn.gapScore, Number((1 - 10 / (2 * expectedActive)).toFixed(4))); // 0.4294
    assert.equal(cn.pValue, Number(bruteTail(5, probs).toPrecision(4)));
    assert.ok(cn.pValue! < 0.01);
    assert.deepEqual(
      cn.holidays.filter((h) => h.posts === 0 && h.expectedActive > 0).map((h) => h.date),
      ['2024-02-09', '2024-10-01', '2024-10-02', '2024-10-03'],
    );
    // Every US holiday falls on an ordinary working day of this account: all active, no gap.
    const us = result.countries[3]!;
    assert.equal(us.country, 'US');
    assert.equal(us.activeHolidayDays, us.holidayDays);
    assert.equal(us.pValue, 1);
    assert.ok(us.gapScore! <= 0);
  });

  it("names Russia for a Moscow account quiet on Russia's holidays, in Moscow time by default", () => {
    const silent = new Set(publicHolidays('RU', 2024).map((h) => h.date));
    const result = holidayGaps(schedule(180, [0, 1, 2, 3, 4], silent));
    assert.equal(result.best?.country, 'RU');
    assert.equal(result.best?.offsetMinutes, 180); // Europe/Moscow
    assert.equal(result.best?.activeHolidayDays, 0);
    assert.equal(result.best?.gapScore, 1);
    // China's offset comes from Asia/Shanghai.
    assert.equal(result.countries.find((c) => c.country === 'CN')?.offsetMinutes, 480);
  });

  it('compares like weekdays, so an Iranian Saturday–Wednesday week works', () => {
    // Tehran (UTC+3:30, no DST since 2022), works Saturday–Wednesday, off on Iran's holidays.
    const silent = new Set(publicHolidays('IR', 2024).map((h) => h.date));
    const result = holidayGaps(schedule(210, [5, 6, 0, 1, 2], silent), ['CN', 'IR', 'US'], {
      offsetMinutes: 210,
    });
    assert.equal(result.best?.country, 'IR');
    // A Friday holiday carries no weight: this account never posts on Fridays.
    const friday = result.best!.holidays.find((h) => h.date === '2024-03-22'); // Nowruz, a Friday
    assert.equal(friday?.expectedActive, 0);
  });

  it('reports nothing for a sparse account or no posts', () => {
    // One post every other Wednesday: silent on CN holidays by construction, but little is expected of them.
    const ts = days2024()
      .filter((d) => d.dow === 2)
      .filter((_, i) => i % 2 === 0)
      .map((d) => d.ms + 2 * HOUR);
    const result = holidayGaps(ts, ['CN'], { offsetMinutes: 480 });
    assert.equal(result.best, null);
    const none = holidayGaps([], ['CN']);
    assert.equal(none.best, null);
    assert.equal(none.countries[0]!.holidayDays, 0);
    assert.equal(none.countries[0]!.gapScore, null);
  });

  it('validates countries, options and timestamps', () => {
    assert.throws(() => holidayGaps([0], []), ConfigError);
    assert.throws(() => holidayGaps([0], ['CN', 'cn']), ConfigError);
    assert.throws(() => holidayGaps([0], ['ZZ']), ConfigError);
    assert.throws(() => holidayGaps([0], ['CN'], { offsetMinutes: 1000 }), ConfigError);
    assert.throws(() => holidayGaps([0], ['CN'], { maxPValue: 0 }), ConfigError);
    assert.throws(() => holidayGaps([0], ['CN'], { minExpectedActiveDays: -1 }), ConfigError);
    assert.throws(() => holidayGaps([Number.NaN], ['CN']), { code: 'CONFIG_INVALID' });
  });
});
