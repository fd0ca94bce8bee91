/**
 * Time zones for naive timestamps (wall-clock times without an offset): UTC, a fixed offset such as `+08:00`, or
 * an IANA zone such as `Europe/Berlin` resolved through `Intl.DateTimeFormat` (ECMA-402), DST-correct.
 */
import { ConfigError } from '../errors.js';

/** A resolved zone that turns wall-clock times into UTC instants. */
export interface TimeZone {
  /** Canonical name: `UTC`, a fixed offset `±HH:MM`, or the IANA name as given. */
  readonly name: string;
  /**
   * UTC epoch ms of a wall-clock time in this zone. `localMs` is the wall-clock time encoded as if it were UTC
   * (`Date.UTC(y, m, d, h, mi, s, ms)`). Ambiguous times (the repeated hour when clocks go back) take the earlier
   * instant; non-existent times (the skipped hour when clocks go forward) move forward by the gap. These are the
   * rules of Temporal's `disambiguation: 'compatible'` and of most databases.
   */
  toUtcMs(localMs: number): number;
}

/** The UTC zone (the default for naive timestamps). */
export const UTC_ZONE: TimeZone = Object.freeze({ name: 'UTC', toUtcMs: (localMs: number) => localMs });

const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Cached offsets per IANA zone are dropped when a zone's cache exceeds this many hours. */
const MAX_CACHED_HOURS = 200_000;

const zoneCache = new Map<string, TimeZone>();

/**
 * Resolve a time-zone option.
 *
 * Accepted: `UTC`, `Z`, `GMT` (→ UTC); a fixed offset `±H`, `±HH`, `±HHMM` or `±HH:MM`, optionally prefixed by
 * `UTC`/`GMT` (e.g. `+08:00`, `UTC-0530`), hours 0–23 and minutes 0–59; any IANA zone name the runtime's Intl
 * knows (e.g. `Europe/Berlin`, `America/New_York`). Resolved zones are cached per name.
 *
 * @param tz the option value; `undefined` or empty → UTC
 * @returns the zone; its `name` is `UTC`, the normalised offset (`+08:00`), or the IANA name as given
 * @throws {ConfigError} `CONFIG_INVALID` when `tz` is neither an offset nor an IANA zone
 * @example resolveTimeZone('+0800').name // '+08:00'
 * @example resolveTimeZone('Europe/Berlin').toUtcMs(Date.UTC(2021, 6, 1, 12)) // Date.UTC(2021, 6, 1, 10)
 */
export function resolveTimeZone(tz?: string): TimeZone {
  const key = (tz ?? '').trim();
  if (key === '' || /^(?:UTC|Z|GMT)$/i.test(key)) return UTC_ZONE;
  const cached = zoneCache.get(key);
  if (cached) return cached;
  const zone = FIXED_OFFSET.test(key) ? fixedOffsetZone(key) : ianaZone(key);
  zoneCache.set(key, zone);
  return zone;
}

function fixedOffsetZone(spec: string): TimeZone {
  const m = FIXED_OFFSET.exec(spec)!;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) {
    throw new ConfigError(
      `ingest/tz: invalid offset "${spec}". Expecting ±HH:MM with hours 0-23 and minutes 0-59.`,
    );
  }
  const sign = m[1] === '-' ? -1 : 1;
  const offsetMs = sign * (hours * HOUR_MS + minutes * 60_000);
  const name = `${sign < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  if (offsetMs === 0) return Object.freeze({ name, toUtcMs: (localMs: number) => localMs });
  return Object.freeze({ name, toUtcMs: (localMs: number) => localMs - offsetMs });
}

function ianaZone(name: string): TimeZone {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new ConfigError(
      `ingest/tz: unknown time zone "${name}". Expecting an IANA name such as Europe/Berlin, or an offset such as +08:00.`,
      { cause },
    );
  }

  /** Exact offset (ms) of the zone at a UTC instant, through Intl. */
  const exactOffset = (utcMs: number): number => {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of format.formatToParts(seconds)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value === 'BC' || part.value === 'B';
          break;
      }
    }
    const local = new Date(0);
    local.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    local.setUTCHours(hour, minute, second, 0);
    return local.getTime() - seconds;
  };

  // Offsets cached per UTC hour: the offsets at the hour's first and last second. When they differ the hour holds
  // a transition and the offset is computed exactly (zones change offset at most once within an hour).
  const hourly = new Map<number, number>();
  const TRANSITION = Number.NaN;
  const offsetAt = (utcMs: number): number => {
    const hourIndex = Math.floor(utcMs / HOUR_MS);
    let cached = hourly.get(hourIndex);
    if (cached === undefined) {
      if (hourly.size >= MAX_CACHED_HOURS) hourly.clear();
      const start = exactOffset(hourIndex * HOUR_MS);
      const end = exactOffset(hourIndex * HOUR_MS + HOUR_MS - 1000);
      cached = start === end ? start : TRANSITION;
      hourly.set(hourIndex, cached);
    }
    return Number.isNaN(cached) ? exactOffset(utcMs) : cached;
  };

  const toUtcMs = (localMs: number): number => {
    // Zone offsets change at most once within ±1 day around any instant (true of every tz database zone).
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    if (before === after) return localMs - before;
    const early = localMs - before;
    const late = localMs - after;
    const earlyValid = offsetAt(early) === before;
    const lateValid = offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return early; // in the gap: keep the pre-transition offset, i.e. move forward by the gap
  };

  return Object.freeze({ name, toUtcMs });
}
