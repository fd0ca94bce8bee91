/**
 * The office-hours shift of the `shift-schedule` tactic: Monday–Friday 09:00–12:00 and 13:30–18:00 in UTC+8
 * (Beijing), nothing at weekends. Meta's Q2 2023 Adversarial Threat Report (29 August 2023) found each
 * Spamouflage cluster "worked to a clear shift pattern, with bursts of activity in the mid-morning and early
 * afternoon, Beijing time, with breaks for lunch"; the detector side is `src/signals/fit-work-schedule.ts`.
 *
 * @module
 */
import type { SimRandom } from './sim-random.js';

/** The shift: UTC offset and working segments in local minutes of the day, [start, end). */
export const SHIFT_SCHEDULE = Object.freeze({
  utcOffsetHours: 8,
  segmentsMinutes: Object.freeze([
    Object.freeze([540, 720]),
    Object.freeze([810, 1080]),
  ]) as readonly (readonly [number, number])[],
});

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Whether a day number (whole days since 1970-01-01, in some zone) is a Monday–Friday. 1970-01-01 was a Thursday.
 * @example isWeekday(Date.UTC(2024, 2, 4) / 86_400_000) // true (a Monday)
 */
export function isWeekday(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

/**
 * Whether a time falls inside the shift: a Monday–Friday in the zone, inside 09:00–12:00 or 13:30–18:00 local.
 * @param tsMs UTC epoch ms
 * @param utcOffsetHours zone of the shift; default 8
 * @example isInShiftHours(Date.UTC(2024, 2, 4, 2)) // true: Monday 10:00 in Beijing
 * @example isInShiftHours(Date.UTC(2024, 2, 4, 4, 30)) // false: 12:30, lunch
 */
export function isInShiftHours(tsMs: number, utcOffsetHours = SHIFT_SCHEDULE.utcOffsetHours): boolean {
  const local = tsMs + utcOffsetHours * 60 * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  if (!isWeekday(day)) return false;
  const minute = (local - day * DAY_MS) / MINUTE_MS;
  return SHIFT_SCHEDULE.segmentsMinutes.some(([a, b]) => minute >= a && minute < b);
}

/** A UTC interval [fromMs, toMs). */
export interface Interval {
  fromMs: number;
  toMs: number;
}

/**
 * The shift's working intervals (UTC) that lie within [fromMs, toMs − marginMs], each shortened by `marginMs` at its
 * end so that a trigger drawn in it plus a delay of at most `marginMs` stays in the shift.
 * @param fromMs range start, UTC epoch ms
 * @param toMs range end (exclusive), UTC epoch ms
 * @param marginMs room kept before each interval's end (≥ 0)
 * @returns non-empty intervals in time order (possibly none)
 */
export function shiftIntervals(fromMs: number, toMs: number, marginMs: number): Interval[] {
  const offsetMs = SHIFT_SCHEDULE.utcOffsetHours * 60 * MINUTE_MS;
  const out: Interval[] = [];
  const firstDay = Math.floor((fromMs + offsetMs) / DAY_MS) - 1;
  const lastDay = Math.floor((toMs + offsetMs) / DAY_MS) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isWeekday(day)) continue;
    for (const [a, b] of SHIFT_SCHEDULE.segmentsMinutes) {
      const lo = Math.max(day * DAY_MS + a * MINUTE_MS - offsetMs, fromMs);
      const hi = Math.min(day * DAY_MS + b * MINUTE_MS - offsetMs - marginMs, toMs - marginMs);
      if (hi > lo) out.push({ fromMs: lo, toMs: hi });
    }
  }
  return out;
}

/**
 * A uniform random time in the union of `intervals` (whole seconds, rounded up so it stays inside).
 * @returns UTC epoch ms, or `undefined` when the intervals are empty
 */
export function sampleInIntervals(rng: SimRandom, intervals: readonly Interval[]): number | undefined {
  let total = 0;
  for (const iv of intervals) total += iv.toMs - iv.fromMs;
  if (total <= 0) return undefined;
  let x = rng.float() * total;
  for (const iv of intervals) {
    const len = iv.toMs - iv.fromMs;
    if (x < len) {
      const t = Math.ceil((iv.fromMs + x) / 1000) * 1000;
      return t < iv.toMs ? t : iv.fromMs;
    }
    x -= len;
  }
  return intervals[intervals.length - 1]!.fromMs;
}

/**
 * `count` times spread over the union of `intervals`: the union's length is cut into `count` equal strata and one
 * time is drawn uniformly in each, so consecutive times are about `length / count` apart. Whole seconds, ascending.
 * @returns the times, or `[]` when the intervals are empty
 */
export function sampleStratified(rng: SimRandom, intervals: readonly Interval[], count: number): number[] {
  let total = 0;
  for (const iv of intervals) total += iv.toMs - iv.fromMs;
  if (total <= 0) return [];
  const out: number[] = [];
  for (let j = 0; j < count; j++) {
    let x = ((j + rng.float()) * total) / count;
    for (const iv of intervals) {
      const len = iv.toMs - iv.fromMs;
      if (x < len) {
        out.push(Math.min(Math.ceil((iv.fromMs + x) / 1000) * 1000, iv.toMs - 1000));
        break;
      }
      x -= len;
    }
  }
  return out;
}
