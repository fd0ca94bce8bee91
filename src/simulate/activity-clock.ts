/**
 * When simulated accounts post: a diurnal curve in the account's local time (asleep about 01:00–07:00, rising
 * through the day, peaking in the evening), as measured for Twitter users by Golder & Macy 2011, "Diurnal and
 * seasonal mood vary with work, sleep, and daylength across diverse cultures", Science 333(6051), 1878–1881,
 * doi:10.1126/science.1202775, and office workers who post only in weekday office hours of their zone (real
 * people do that too; it is what makes a shift-schedule signal non-trivial).
 *
 * @module
 */
import { isWeekday, sampleInIntervals, shiftIntervals } from './shift-schedule.js';
import { cumulativeOf, type SimRandom } from './sim-random.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Relative posting rate per local hour (index 0 = 00:00–00:59) of an organic account: low from 01:00 to 07:00,
 * a morning rise, an evening peak at 19:00–21:00. A modelling choice shaped after Golder & Macy 2011.
 */
export const ORGANIC_HOUR_WEIGHTS: readonly number[] = Object.freeze([
  0.35, 0.15, 0.06, 0.04, 0.03, 0.04, 0.08, 0.25, 0.5, 0.6, 0.65, 0.7, 0.8, 0.75, 0.7, 0.7, 0.75, 0.85, 1.0,
  1.15, 1.25, 1.2, 1.0, 0.7,
]);

/** Relative posting rate per local hour of an organic office worker on weekdays: 09:00–17:00, lunch dip at 12. */
export const OFFICE_WORKER_HOUR_WEIGHTS: readonly number[] = Object.freeze([
  0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 0.4, 1, 1, 1, 1, 0.3, 0, 0, 0, 0, 0, 0,
]);

const ORGANIC_CUM = cumulativeOf(ORGANIC_HOUR_WEIGHTS);
const OFFICE_CUM = cumulativeOf(OFFICE_WORKER_HOUR_WEIGHTS);

/** Who posts when: a local zone and a daily rhythm. */
export interface PostingClock {
  /** Home UTC offset, hours. */
  utcOffsetHours: number;
  /**
   * `organic`: every day, diurnal curve; `office`: Monday–Friday office hours of the zone; `shift`: only inside the
   * shift of `SHIFT_SCHEDULE` (UTC+8, whatever `utcOffsetHours` says).
   */
  rhythm: 'organic' | 'office' | 'shift';
}

/**
 * A random post time of an account in the period [startMs, endMs), whole seconds.
 *
 * Draws a local calendar day uniformly (Monday–Friday only for `office`), an hour by the rhythm's weights and a
 * uniform moment within the hour, and converts to UTC with the offset; a draw outside the period is drawn again
 * (at most 20 times, then clamped into the period). `shift`: uniform inside the shift's intervals in the period
 * (falls back to `organic` when the period has no shift hours).
 * @param rng random source
 * @param clock the account's zone and rhythm
 * @param startMs period start, UTC epoch ms
 * @param endMs period end (exclusive), UTC epoch ms
 * @returns UTC epoch ms, a multiple of 1000
 */
export function samplePostTime(rng: SimRandom, clock: PostingClock, startMs: number, endMs: number): number {
  if (clock.rhythm === 'shift') {
    const t = sampleInIntervals(rng, shiftIntervals(startMs, endMs, 0));
    if (t !== undefined) return t;
  }
  const offsetMs = clock.utcOffsetHours * HOUR_MS;
  const firstLocalDay = Math.floor((startMs + offsetMs) / DAY_MS) - 1;
  const days = Math.ceil((endMs - startMs) / DAY_MS) + 2;
  let t = startMs;
  for (let attempt = 0; attempt < 20; attempt++) {
    const localDay = firstLocalDay + rng.int(0, days - 1);
    if (clock.rhythm === 'office' && !isWeekday(localDay)) continue;
    const hour = rng.weighted(clock.rhythm === 'office' ? OFFICE_CUM : ORGANIC_CUM);
    t = localDay * DAY_MS + hour * HOUR_MS + rng.float() * HOUR_MS - offsetMs;
    if (t >= startMs && t < endMs) break;
  }
  return wholeSecond(Math.min(Math.max(t, startMs), endMs - 1000));
}

/** Round down to a whole second. */
export function wholeSecond(tsMs: number): number {
  return Math.floor(tsMs / 1000) * 1000;
}
