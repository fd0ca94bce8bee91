/**
 * Timestamp parsing for every input format: epoch numbers (unit by magnitude), ISO 8601 with or without an
 * offset, RFC 2822 (email / RSS dates) and X's `created_at` (`Wed Oct 10 20:19:24 +0000 2018`). Returns errors as
 * data so one bad value never aborts a file. The rule that matched is reported per input in `run.json`.
 *
 * Specs: ISO 8601-1:2019 extended calendar format (and RFC 3339); RFC 2822 §3.3 (with the obsolete zone names of
 * §4.3); X API v1.1 tweet object `created_at`.
 */
import { resolveTimeZone, type TimeZone } from './time-zone.js';

/** Result of {@link parseTimestamp}: the instant and the rule that produced it, or why nothing matched. */
export type TimestampResult = { tsMs: number; rule: string } | { error: string };

/**
 * Epoch unit thresholds on |x| (x the numeric value): below 1e11 seconds (1e11 s ≈ year 5138, and millisecond
 * values below 1e11 would mean before 1973-03-03), below 1e14 milliseconds, below 1e17 microseconds, below 1e20
 * nanoseconds. Larger values are rejected.
 */
export const EPOCH_THRESHOLDS = Object.freeze({
  seconds: 1e11,
  milliseconds: 1e14,
  microseconds: 1e17,
  nanoseconds: 1e20,
});

/** Rule names reported in `run.json` (the naive ones carry the zone name: `iso8601-naive-as-Europe/Berlin`). */
export const TIME_RULES = Object.freeze({
  epochSeconds: 'epoch-seconds',
  epochMilliseconds: 'epoch-milliseconds',
  epochMicroseconds: 'epoch-microseconds',
  epochNanoseconds: 'epoch-nanoseconds',
  iso8601Offset: 'iso8601-offset',
  iso8601NaivePrefix: 'iso8601-naive-as-',
  rfc2822: 'rfc2822',
  twitterCreatedAt: 'twitter-created-at',
  dateValue: 'date-value',
});

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// date [T|space time [fraction]] [space] [zone]; year-first only, `-` or `/` between date parts.
const ISO =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|(?:UTC|GMT)?([+-])(\d{2})(?::?(\d{2}))?|(UTC|GMT))?$/;
const RFC2822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,3})(?:\s*\([^)]*\))?$/;
const TWITTER = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
});

/** RFC 2822 §3.3 / §4.3 zone names, in minutes east of UTC. Military single letters are not accepted. */
const RFC2822_ZONES: Readonly<Record<string, number>> = Object.freeze({
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
});

const EXCERPT = 40;

/**
 * Parse a timestamp into UTC epoch milliseconds.
 *
 * Rules, tried in this order (the rule name is returned with the result):
 * 1. `Date` objects (e.g. Parquet TIMESTAMP WITH TIME ZONE values) → `date-value`.
 * 2. Numbers, bigints and numeric strings (`1623881091`, `1606451170.518`, `-5`, `1.6e9`): epoch time, unit chosen
 *    by magnitude per {@link EPOCH_THRESHOLDS} → `epoch-seconds` | `epoch-milliseconds` | `epoch-microseconds` |
 *    `epoch-nanoseconds`. Fractional values are allowed. Digit-only dates such as `20210101` read as epoch seconds.
 * 3. ISO 8601 / RFC 3339 with a zone: `2021-06-01T10:00:00Z`, `2021-06-01 10:00:00.123+02:00`, `…+0200`, `…+02`,
 *    `… UTC` → `iso8601-offset`.
 * 4. Naive ISO-like (no zone): `2021-06-01 10:00`, `2021-06-01T10:00:00.5`, `2021/06/01 10:00:00`, `2021-06-01`
 *    (midnight) → read in `tz` → `iso8601-naive-as-<zone>` (e.g. `iso8601-naive-as-UTC`,
 *    `iso8601-naive-as-+08:00`, `iso8601-naive-as-Europe/Berlin`).
 * 5. RFC 2822: `Tue, 01 Jun 2021 10:00:00 +0200` (weekday optional, seconds optional, zone `±HHMM`, `UT`, `GMT`,
 *    `Z` or a US zone name such as `EST`; two-digit years 00–49 → 20xx, 50–99 → 19xx) → `rfc2822`.
 * 6. X `created_at`: `Wed Oct 10 20:19:24 +0000 2018` → `twitter-created-at`.
 *
 * Fields are range-checked (month 1–12, day within the month, hour 0–23, minute and second 0–59). Day-of-week
 * names are not checked. Fractions finer than a millisecond are rounded (`Math.round`), so `tsMs` is an integer.
 * Day-first or month-first dates such as `01/06/2021` are ambiguous and rejected.
 *
 * @param value the raw value (string, number, bigint or Date); strings are trimmed
 * @param tz zone for naive timestamps: IANA name or fixed offset, see `resolveTimeZone`; default UTC
 * @returns `{ tsMs, rule }`, or `{ error }` saying what was seen and what was expected
 * @throws {ConfigError} `CONFIG_INVALID` when `tz` is not a valid zone (a bad option, not a bad value)
 * @example parseTimestamp('2021-06-01 10:00', '+02:00') // { tsMs: 1622534400000, rule: 'iso8601-naive-as-+02:00' }
 * @example parseTimestamp(1623881091) // { tsMs: 1623881091000, rule: 'epoch-seconds' }
 */
export function parseTimestamp(value: unknown, tz?: string): TimestampResult {
  return parseTimestampInZone(value, resolveTimeZone(tz));
}

/**
 * {@link parseTimestamp} with an already resolved zone (the per-record path of the adapters; no zone lookup).
 * @param value the raw value
 * @param zone the zone for naive timestamps
 * @returns as {@link parseTimestamp}
 */
export function parseTimestampInZone(value: unknown, zone: TimeZone): TimestampResult {
  switch (typeof value) {
    case 'number':
      return fromEpoch(value, String(value));
    case 'bigint':
      return fromEpoch(Number(value), String(value));
    case 'string':
      return fromString(value.trim(), zone);
    case 'undefined':
      return { error: 'no timestamp: expected a date-time string or an epoch number' };
    default:
      if (value === null) return { error: 'no timestamp: expected a date-time string or an epoch number' };
      if (value instanceof Date) {
        const ms = value.getTime();
        return Number.isFinite(ms)
          ? { tsMs: ms, rule: TIME_RULES.dateValue }
          : { error: 'invalid Date value' };
      }
      return {
        error: `expected a date-time string or an epoch number, got ${Array.isArray(value) ? 'array' : typeof value}`,
      };
  }
}

function fromEpoch(x: number, shown: string): TimestampResult {
  if (!Number.isFinite(x)) return { error: `"${shown}" is not a finite number` };
  const magnitude = Math.abs(x);
  if (magnitude < EPOCH_THRESHOLDS.seconds)
    return { tsMs: Math.round(x * 1000), rule: TIME_RULES.epochSeconds };
  if (magnitude < EPOCH_THRESHOLDS.milliseconds)
    return { tsMs: Math.round(x), rule: TIME_RULES.epochMilliseconds };
  if (magnitude < EPOCH_THRESHOLDS.microseconds)
    return { tsMs: Math.round(x / 1000), rule: TIME_RULES.epochMicroseconds };
  if (magnitude < EPOCH_THRESHOLDS.nanoseconds)
    return { tsMs: Math.round(x / 1e6), rule: TIME_RULES.epochNanoseconds };
  return {
    error: `epoch value ${shown} is too large: expected seconds, milliseconds, microseconds or nanoseconds`,
  };
}

function fromString(s: string, zone: TimeZone): TimestampResult {
  if (s === '') return { error: 'empty timestamp: expected a date-time string or an epoch number' };
  const c = s.charCodeAt(0);
  const digitStart = c >= 48 && c <= 57;
  if ((digitStart || c === 43 || c === 45 || c === 46) && NUMERIC.test(s)) return fromEpoch(Number(s), s);
  if (digitStart) {
    const iso = ISO.exec(s);
    if (iso) return fromIso(iso, s, zone);
    const rfc = RFC2822.exec(s);
    if (rfc) return fromRfc2822(rfc, s);
  } else {
    const tw = TWITTER.exec(s);
    if (tw) return fromTwitter(tw, s);
    const rfc = RFC2822.exec(s);
    if (rfc) return fromRfc2822(rfc, s);
  }
  return {
    error:
      `unrecognised timestamp "${excerpt(s)}": expected epoch seconds/ms, ISO 8601 (2021-06-01T10:00:00Z or ` +
      `2021-06-01 10:00:00), RFC 2822 (Tue, 01 Jun 2021 10:00:00 +0200) or X created_at (Wed Oct 10 20:19:24 +0000 2018)`,
  };
}

function fromIso(m: RegExpExecArray, s: string, zone: TimeZone): TimestampResult {
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const hour = m[5] === undefined ? 0 : Number(m[5]);
  const minute = m[6] === undefined ? 0 : Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  const fractionMs = m[8] === undefined ? 0 : Number(`0.${m[8]}`) * 1000;
  const bad = checkFields(year, month, day, hour, minute, second);
  if (bad) return { error: `invalid date-time "${excerpt(s)}": ${bad}` };
  const local = utc(year, month - 1, day, hour, minute, second) + fractionMs;
  if (m[9] !== undefined || m[13] !== undefined)
    return { tsMs: Math.round(local), rule: TIME_RULES.iso8601Offset };
  if (m[10] !== undefined) {
    const offHours = Number(m[11]);
    const offMinutes = m[12] === undefined ? 0 : Number(m[12]);
    if (offHours > 23 || offMinutes > 59)
      return { error: `invalid UTC offset in "${excerpt(s)}": expected ±HH:MM` };
    const offsetMs = (m[10] === '-' ? -1 : 1) * (offHours * 3_600_000 + offMinutes * 60_000);
    return { tsMs: Math.round(local - offsetMs), rule: TIME_RULES.iso8601Offset };
  }
  return { tsMs: Math.round(zone.toUtcMs(local)), rule: TIME_RULES.iso8601NaivePrefix + zone.name };
}

function fromRfc2822(m: RegExpExecArray, s: string): TimestampResult {
  const month = MONTHS[m[2]!.toLowerCase()];
  if (month === undefined) return { error: `invalid month name in "${excerpt(s)}": expected Jan…Dec` };
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const bad = checkFields(year, month + 1, day, hour, minute, second);
  if (bad) return { error: `invalid date-time "${excerpt(s)}": ${bad}` };
  const zoneText = m[7]!;
  let offsetMinutes: number | undefined;
  if (zoneText[0] === '+' || zoneText[0] === '-') {
    const hh = Number(zoneText.slice(1, 3));
    const mm = Number(zoneText.slice(3, 5));
    if (hh > 23 || mm > 59) return { error: `invalid zone in "${excerpt(s)}": expected ±HHMM` };
    offsetMinutes = (zoneText[0] === '-' ? -1 : 1) * (hh * 60 + mm);
  } else {
    offsetMinutes = RFC2822_ZONES[zoneText.toLowerCase()];
    if (offsetMinutes === undefined) {
      return {
        error: `unknown zone "${zoneText}" in "${excerpt(s)}": expected ±HHMM, UT, GMT, Z or EST/EDT/CST/CDT/MST/MDT/PST/PDT`,
      };
    }
  }
  return {
    tsMs: utc(year, month, day, hour, minute, second) - offsetMinutes * 60_000,
    rule: TIME_RULES.rfc2822,
  };
}

function fromTwitter(m: RegExpExecArray, s: string): TimestampResult {
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return { error: `invalid month name in "${excerpt(s)}": expected Jan…Dec` };
  const year = Number(m[9]);
  const day = Number(m[2]);
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  const second = Number(m[5]);
  const bad = checkFields(year, month + 1, day, hour, minute, second);
  if (bad) return { error: `invalid date-time "${excerpt(s)}": ${bad}` };
  const offHours = Number(m[7]);
  const offMinutes = Number(m[8]);
  if (offHours > 23 || offMinutes > 59) return { error: `invalid zone in "${excerpt(s)}": expected ±HHMM` };
  const offsetMs = (m[6] === '-' ? -1 : 1) * (offHours * 3_600_000 + offMinutes * 60_000);
  return { tsMs: utc(year, month, day, hour, minute, second) - offsetMs, rule: TIME_RULES.twitterCreatedAt };
}

/** `Date.UTC` without the two-digit-year quirk (years 0–99 would map to 1900–1999). */
function utc(
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const ms = Date.UTC(year, month0, day, hour, minute, second);
  if (year >= 100) return ms;
  const d = new Date(ms);
  d.setUTCFullYear(year);
  return d.getTime();
}

function checkFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string {
  if (month < 1 || month > 12) return `month ${month} is not 1-12`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `day ${day} is not 1-${days}`;
  if (hour > 23) return `hour ${hour} is not 0-23`;
  if (minute > 59) return `minute ${minute} is not 0-59`;
  if (second > 59) return `second ${second} is not 0-59`;
  return '';
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function excerpt(s: string): string {
  return s.length <= EXCERPT ? s : `${s.slice(0, EXCERPT)}…`;
}
