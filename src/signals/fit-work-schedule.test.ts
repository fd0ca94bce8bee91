import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import {
  fitWorkSchedule,
  LUNCH_START_HOURS,
  OFFICE_WEEKEND_RATES,
  officeWeekdayRates,
  scheduleShares,
} from './fit-work-schedule.js';
import { HOURS_PER_WEEK, hourOfWeekHistogram } from './hour-of-week.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONDAY_2024 = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday

/**
 * Seeded office posts: `n` posts on local weekdays of 2024, uniform within the local `spans` (hours), converted to
 * UTC with `offsetMinutes(localMs)`.
 */
function officePosts(
  seed: string,
  n: number,
  spans: ReadonlyArray<readonly [number, number]>,
  offsetMinutes: (localMs: number) => number,
  days: readonly [number, number] = [0, 366],
): number[] {
  const rng = seedrandom(seed);
  const total = spans.reduce((s, [a, b]) => s + b - a, 0);
  const out: number[] = [];
  while (out.length < n) {
    const day = days[0] + Math.floor(rng() * (days[1] - days[0]));
    if (day % 7 >= 5) continue; // Saturday, Sunday
    let u = rng() * total;
    let hour = spans[0]![0];
    for (const [a, b] of spans) {
      if (u < b - a) {
        hour = a + u;
        break;
      }
      u -= b - a;
    }
    const localMs = MONDAY_2024 + day * DAY + hour * HOUR;
    out.push(localMs - offsetMinutes(localMs) * 60_000);
  }
  return out;
}

const fixed = (minutes: number) => () => minutes;
/** US Eastern in 2024: EDT (−240) from 2024-03-10 02:00 to 2024-11-03 02:00 local, EST (−300) otherwise. */
const newYork = (localMs: number) =>
  localMs >= Date.UTC(2024, 2, 10, 2) && localMs < Date.UTC(2024, 10, 3, 2) ? -240 : -300;

/** Brute-force Pearson r. */
function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('fitWorkSchedule', () => {
  it('finds Beijing office hours (UTC+8) with a lunch dip and high confidence', () => {
    // Mon–Fri 09:00–12:00 and 13:30–18:00 Asia/Shanghai (no DST).
    const ts = officePosts(
      'beijing',
      300,
      [
        [9, 12],
        [13.5, 18],
      ],
      fixed(480),
    );
    const fit = fitWorkSchedule(hourOfWeekHistogram(ts));
    assert.equal(fit.status, 'fitted');
    assert.equal(fit.posts, 300);
    assert.equal(fit.offsetMinutes, 480);
    assert.equal(fit.offsetLabel, 'UTC+08:00');
    assert.equal(fit.worksOfficeHours, true);
    assert.ok(fit.confidence >= 0.7, `confidence ${fit.confidence}`);
    assert.ok(fit.lunchDip !== null && fit.lunchDip >= 0.5, `lunchDip ${fit.lunchDip}`);
    // Every post is a weekday 09:00–18:00 local, none at night or on weekends (by construction).
    assert.equal(fit.officeHoursShare, 1);
    assert.equal(fit.weekendShare, 0);
    assert.equal(fit.nightShare, 0);
  });

  it('finds Moscow office hours (UTC+3), lunch at 13:00', () => {
    const ts = officePosts(
      'moscow',
      300,
      [
        [9, 13],
        [14, 18],
      ],
      fixed(180),
    );
    const fit = fitWorkSchedule(hourOfWeekHistogram(ts));
    assert.equal(fit.offsetMinutes, 180);
    assert.equal(fit.lunchStartHour, 13);
    assert.equal(fit.worksOfficeHours, true);
    assert.ok(fit.confidence >= 0.5, `confidence ${fit.confidence}`);
  });

  it('finds half-hour offsets: Tehran +3:30 and India +5:30', () => {
    const tehran = fitWorkSchedule(
      hourOfWeekHistogram(
        officePosts(
          'tehran',
          2000,
          [
            [9, 13],
            [14, 18],
          ],
          fixed(210),
        ),
      ),
    );
    assert.equal(tehran.offsetMinutes, 210);
    const india = fitWorkSchedule(
      hourOfWeekHistogram(
        officePosts(
          'india',
          2000,
          [
            [9, 12],
            [13, 18],
          ],
          fixed(330),
        ),
      ),
    );
    assert.equal(india.offsetMinutes, 330);
  });

  it('gives round-the-clock posting low confidence and no office hours', () => {
    const rng = seedrandom('uniform');
    const ts = Array.from({ length: 500 }, () => MONDAY_2024 + Math.floor(rng() * 366 * DAY));
    const fit = fitWorkSchedule(hourOfWeekHistogram(ts));
    assert.equal(fit.status, 'fitted');
    assert.equal(fit.worksOfficeHours, false);
    assert.ok(fit.confidence < 0.2, `confidence ${fit.confidence}`);
    assert.ok(fit.correlation !== null && fit.correlation < 0.5);
    // 45 of 168 hours are office hours: about 0.27 of uniform posts.
    assert.ok(fit.officeHoursShare! > 0.15 && fit.officeHoursShare! < 0.4);
  });

  it('shows DST as a blend: one UTC offset per season, less confidence across both', () => {
    const spans = [
      [9, 12],
      [13, 18],
    ] as const;
    // 2024-01-08..2024-03-01 is all EST; 2024-04-01..2024-10-25 is all EDT.
    const winter = fitWorkSchedule(hourOfWeekHistogram(officePosts('w', 3000, spans, newYork, [7, 60]))); // Jan 8 – Feb 29
    const summer = fitWorkSchedule(hourOfWeekHistogram(officePosts('s', 3000, spans, newYork, [91, 298])));
    const year = fitWorkSchedule(hourOfWeekHistogram(officePosts('y', 3000, spans, newYork)));
    assert.equal(winter.offsetMinutes, -300);
    assert.equal(summer.offsetMinutes, -240);
    // The year has 238 EDT days of 366: the blend is fitted at the summer offset …
    assert.equal(year.offsetMinutes, -240);
    // … with the winter offset as the runner-up; it fits worse than either season alone, so confidence drops.
    assert.equal(year.runnerUpOffsetMinutes, -300);
    assert.ok(year.correlation! < summer.correlation!);
    assert.ok(year.confidence < summer.confidence, `${year.confidence} vs ${summer.confidence}`);
    assert.equal(year.worksOfficeHours, true);
  });

  it('matches a brute-force Pearson r at a whole-hour offset and takes it as the only candidate', () => {
    const ts = officePosts('brute', 120, [[8, 20]], fixed(60));
    const hist = hourOfWeekHistogram(ts);
    const lunch = LUNCH_START_HOURS.map((l) => {
      const local: number[] = [];
      for (let d = 0; d < 7; d++) local.push(...(d < 5 ? officeWeekdayRates(l) : OFFICE_WEEKEND_RATES));
      // Template in UTC at +60: utcTemplate[b] = local[b + 1].
      const utc = Array.from({ length: HOURS_PER_WEEK }, (_, b) => local[(b + 1) % HOURS_PER_WEEK]!);
      return pearson(hist, utc);
    });
    const fit = fitWorkSchedule(hist, { offsetsMinutes: [60] });
    assert.equal(fit.correlation, Number(Math.max(...lunch).toFixed(4)));
    assert.equal(fit.runnerUpOffsetMinutes, null);
    // No runner-up: confidence is the fit alone.
    assert.equal(fit.confidence, fit.correlation);
  });

  it('says insufficient below minPosts and flat for a constant histogram', () => {
    const few = fitWorkSchedule(hourOfWeekHistogram(officePosts('few', 19, [[9, 18]], fixed(0))));
    assert.equal(few.status, 'insufficient');
    assert.equal(few.offsetMinutes, null);
    assert.equal(few.confidence, 0);
    assert.equal(few.worksOfficeHours, false);
    assert.equal(few.officeHoursShare, null);
    const flat = fitWorkSchedule(new Array<number>(HOURS_PER_WEEK).fill(1));
    assert.equal(flat.status, 'flat');
    assert.equal(flat.offsetMinutes, null);
    assert.equal(
      fitWorkSchedule(new Array<number>(HOURS_PER_WEEK).fill(0), { minPosts: 1 }).status,
      'insufficient',
    );
  });

  it('validates options and input', () => {
    const h = new Array<number>(HOURS_PER_WEEK).fill(0);
    assert.throws(() => fitWorkSchedule(h, { offsetsMinutes: [] }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { offsetsMinutes: [60, 60] }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { offsetsMinutes: [900] }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { minPosts: 0 }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { fullMarginCorrelation: 0 }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { minCorrelation: 2 }), ConfigError);
    assert.throws(() => fitWorkSchedule(h, { minRunnerUpDistanceMinutes: -1 }), ConfigError);
    assert.throws(() => fitWorkSchedule([1, 2]), { code: 'CONFIG_INVALID' });
  });
});

describe('scheduleShares', () => {
  it('computes the shares of a hand-made local histogram', () => {
    const local = new Array<number>(HOURS_PER_WEEK).fill(0);
    local[10] = 6; // Monday 10:00
    local[24 + 14] = 10; // Tuesday 14:00
    local[24 + 12] = 2; // Tuesday 12:00 (lunch)
    local[5 * 24 + 3] = 2; // Saturday 03:00
    // total 20; office hours (weekday 09–18) 18 → 0.9; weekend 2 → 0.1; night (00–06) 2 → 0.1
    // lunch rate 2 posts/h; reference mean(6/2, 10/2) = 4 → dip 1 − 2/4 = 0.5
    assert.deepEqual(scheduleShares(local, 12), {
      officeHoursShare: 0.9,
      lunchDip: 0.5,
      weekendShare: 0.1,
      nightShare: 0.1,
    });
    // Lunch at 13: rate(13) = 0; reference mean(rate(11–13) = 1, rate(15–17) = 0) = 0.5 → dip 1.
    assert.equal(scheduleShares(local, 13).lunchDip, 1);
  });

  it('clamps a lunch peak at −1 and returns nulls without posts', () => {
    const local = new Array<number>(HOURS_PER_WEEK).fill(0);
    local[12] = 10;
    local[10] = 1;
    // reference mean(1/2, 0) = 0.25 → 1 − 10/0.25 = −39 → −1
    assert.equal(scheduleShares(local).lunchDip, -1);
    assert.equal(scheduleShares(new Array<number>(HOURS_PER_WEEK).fill(0)).officeHoursShare, null);
  });
});
