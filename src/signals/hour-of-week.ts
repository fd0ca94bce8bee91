/**
 * Hour of the week: the 168 one-hour slots Monday 00:00 … Sunday 23:00 of a clock at a fixed UTC offset, and the
 * posting histogram over them. This is the weekly "posting rhythm" that time-zone inference works on (La Morgia,
 * Mei, Raponi & Stefa, "Time-Zone Geolocation of Crowds in the Dark Web", IEEE ICDCS 2018, match the hour-of-day
 * profile of a crowd's posts) and that Meta's CIB reports read for shift patterns (Spamouflage, Q2 2023
 * Adversarial Threat Report: office hours on Beijing time with lunch and supper breaks). Weeks start on Monday
 * (ISO 8601).
 *
 * @module
 */
import { ConfigError } from '../errors.js';

/** Hours in a week: the length of every hour-of-week histogram. */
export const HOURS_PER_WEEK = 168;

/** Smallest UTC offset in use (UTC−12:00, Baker Island), in minutes. */
export const MIN_OFFSET_MINUTES = -720;
/** Largest UTC offset in use (UTC+14:00, Line Islands), in minutes. */
export const MAX_OFFSET_MINUTES = 840;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of a Monday-based week. */
const EPOCH_HOUR_OF_WEEK = 72;

/**
 * Check a UTC offset.
 * @param offsetMinutes minutes east of UTC (UTC+08:00 → 480)
 * @param subject prefix of the error message, e.g. `signals/hour-of-week`
 * @param field the option name to report
 * @throws {ConfigError} `CONFIG_INVALID` unless `offsetMinutes` is an integer in [−720, 840]
 */
export function validateOffsetMinutes(offsetMinutes: number, subject: string, field = 'offsetMinutes'): void {
  if (
    !Number.isInteger(offsetMinutes) ||
    offsetMinutes < MIN_OFFSET_MINUTES ||
    offsetMinutes > MAX_OFFSET_MINUTES
  ) {
    throw new ConfigError(
      `${subject}: invalid \`${field}\` (${String(offsetMinutes)}). Expecting whole minutes in [${MIN_OFFSET_MINUTES}, ${MAX_OFFSET_MINUTES}].`,
    );
  }
}

/**
 * The hour of the week of an instant on a clock at a fixed UTC offset.
 * @param tsMs epoch milliseconds (UTC)
 * @param offsetMinutes minutes east of UTC of the clock, default 0 (UTC); an integer in [−720, 840]
 * @returns 0..167: Monday 00:00–00:59 → 0, Monday 01:00 → 1, …, Sunday 23:00 → 167
 * @throws {ConfigError} `CONFIG_INVALID` when `tsMs` is not finite or `offsetMinutes` is invalid
 * @example hourOfWeek(0) // 72 (Thursday 1970-01-01 00:00 UTC)
 * @example hourOfWeek(0, 480) // 80 (Thursday 08:00 in UTC+08:00)
 */
export function hourOfWeek(tsMs: number, offsetMinutes = 0): number {
  validateOffsetMinutes(offsetMinutes, 'signals/hour-of-week');
  if (!Number.isFinite(tsMs)) {
    throw new ConfigError(`signals/hour-of-week: invalid \`tsMs\` (${String(tsMs)}). Expecting finite ms.`);
  }
  return slotOf(tsMs, offsetMinutes);
}

/** {@link hourOfWeek} without the checks. */
function slotOf(tsMs: number, offsetMinutes: number): number {
  const hour = Math.floor((tsMs + offsetMinutes * MINUTE_MS) / HOUR_MS) + EPOCH_HOUR_OF_WEEK;
  return ((hour % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/**
 * Count instants per hour of the week.
 * @param tsMs epoch milliseconds (any order; iterated once)
 * @param offsetMinutes minutes east of UTC of the clock, default 0 (UTC)
 * @returns 168 counts, index = {@link hourOfWeek} (a plain array, JSON-serializable)
 * @throws {ConfigError} `CONFIG_INVALID` when a timestamp is not finite or `offsetMinutes` is invalid
 * @example hourOfWeekHistogram([0, 1000, 3_600_000])[72] // 2
 */
export function hourOfWeekHistogram(tsMs: Iterable<number>, offsetMinutes = 0): number[] {
  validateOffsetMinutes(offsetMinutes, 'signals/hour-of-week');
  const counts = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const ts of tsMs) {
    if (!Number.isFinite(ts)) {
      throw new ConfigError(
        `signals/hour-of-week: invalid \`tsMs\` entry (${String(ts)}). Expecting finite ms.`,
      );
    }
    counts[slotOf(ts, offsetMinutes)]! += 1;
  }
  return counts;
}

/**
 * Re-express an hour-of-week histogram on a clock `offsetMinutes` east of the histogram's own clock (a UTC
 * histogram → local time at that offset). Whole-hour offsets rotate the bins exactly. Other offsets (India +5:30,
 * Nepal +5:45) cannot be represented at hour resolution: each source bin is split between the two target bins it
 * overlaps, in proportion to the overlap (+5:30 → half to each), so totals are kept but counts may be fractional.
 *
 * @param histogram 168 values (not modified)
 * @param offsetMinutes minutes to add to every instant, integer in [−1440, 1440] (a negative offset shifts back,
 *   e.g. local → UTC)
 * @returns a fresh array of 168 values
 * @throws {ConfigError} `CONFIG_INVALID` when `histogram` does not have 168 finite values or the offset is invalid
 * @example shiftHourOfWeekHistogram(utc, 480) // local-time histogram in UTC+08:00: local[h] = utc[h − 8]
 */
export function shiftHourOfWeekHistogram(histogram: ArrayLike<number>, offsetMinutes: number): number[] {
  validateHistogram(histogram, 'signals/hour-of-week');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 1440) {
    throw new ConfigError(
      `signals/hour-of-week: invalid \`offsetMinutes\` (${String(offsetMinutes)}). Expecting whole minutes in [-1440, 1440].`,
    );
  }
  const whole = Math.floor(offsetMinutes / 60);
  const fraction = (offsetMinutes - whole * 60) / 60;
  const out = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (let b = 0; b < HOURS_PER_WEEK; b++) {
    const value = histogram[b]!;
    if (value === 0) continue;
    const to = (((b + whole) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
    if (fraction === 0) {
      out[to]! += value;
    } else {
      out[to]! += value * (1 - fraction);
      out[(to + 1) % HOURS_PER_WEEK]! += value * fraction;
    }
  }
  return out;
}

/**
 * Check that `histogram` has 168 finite, non-negative values.
 * @throws {ConfigError} `CONFIG_INVALID` naming `histogram`
 */
export function validateHistogram(histogram: ArrayLike<number>, subject: string): void {
  if (histogram === null || typeof histogram !== 'object' || histogram.length !== HOURS_PER_WEEK) {
    throw new ConfigError(`${subject}: invalid \`histogram\`. Expecting ${HOURS_PER_WEEK} values.`);
  }
  for (let i = 0; i < HOURS_PER_WEEK; i++) {
    const v = histogram[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new ConfigError(
        `${subject}: invalid \`histogram\` value ${String(v)} at ${i}. Expecting finite numbers ≥ 0.`,
      );
    }
  }
}

/**
 * Format a UTC offset as `UTC±HH:MM`.
 * @example formatUtcOffset(480) // 'UTC+08:00'
 * @example formatUtcOffset(-210) // 'UTC-03:30'
 * @example formatUtcOffset(0) // 'UTC+00:00'
 */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.trunc(offsetMinutes));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
