/**
 * Holiday gaps: is an account (or a cluster) quiet on a country's public holidays, compared with ordinary days?
 * Operators on a salaried schedule take their country's days off, the same kind of evidence as the office-hours
 * "shift patterns" that Meta's Online Operations Kill Chain lists under coordinating shift patterns (Nimmo &
 * Hutchins 2023, procedure 3.1) and that its Q2 2023 Adversarial Threat Report found in Spamouflage (Beijing
 * office hours). Holiday calendars come from the `date-holidays` package (rules for ~200 countries; holidays of
 * type `public` only).
 *
 * Method, per country: bucket posts into local calendar days (UTC offset: the fitted operator offset when given,
 * else the country's main time zone). Every public holiday in the observed span is compared with the ordinary
 * (non-holiday) days of the span that fall on the same weekday: with q_d the share of ordinary weekday-d days that
 * have a post and m_d their mean posts, a holiday on weekday d is expected to be active with probability q_d and to
 * carry m_d posts. Comparing like with like needs no assumption about the working week (Mon–Fri in China and
 * Russia, Sat–Wed/Thu in Iran): a holiday on a day the account never works carries no weight. The gap score is
 * 1 − posts on holidays / expected posts; its significance is the lower tail of the Poisson-binomial distribution
 * of active holidays, p = P(X ≤ active holidays), X = Σ Bernoulli(q_d(h)). Counting days rather than posts keeps
 * one busy day from dominating. The reported country is the one whose holidays are most significantly quiet.
 *
 * Limits: `date-holidays` lists statutory days only (China's National Day is 1–3 October, not the whole
 * "Golden Week" of 1–7 October, and weekend make-up working days are not listed); half-day holidays for part of the
 * population (China: Women's Day, Youth Day, Army Day) are skipped. Holidays shared by several countries (1 January)
 * count for each of them, so compare countries by their p-values and evidence, not by the best one alone.
 *
 * @module
 */
import Holidays from 'date-holidays';

import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import { validateOffsetMinutes } from './hour-of-week.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const PREFIX = 'signals/holiday-gaps';

/** Countries tried by default: China, Russia, Iran (the most reported state CIB actors) and the United States. */
export const DEFAULT_HOLIDAY_COUNTRIES: readonly string[] = Object.freeze(['CN', 'RU', 'IR', 'US']);

/** Options of {@link holidayGaps}. */
export interface HolidayGapOptions {
  // — clock —
  /**
   * UTC offset (minutes east of UTC) that defines local calendar days for every country, e.g. the offset fitted by
   * `fitWorkSchedule`; `null` → each country's first `date-holidays` time zone (CN Asia/Shanghai, RU Europe/Moscow,
   * IR Asia/Tehran, US America/New_York) at the middle of the observed span.
   */
  offsetMinutes: number | null;
  // — evidence —
  /**
   * Fewest expected active holidays (Σ q_d over the holidays, a number ≥ 0) for a country to be reported as best:
   * below it the account posts too rarely, or the holidays fall on days it never works, for silence to mean much.
   */
  minExpectedActiveDays: number;
  /** Largest binomial p-value (0..1] for a country to be reported as best. */
  maxPValue: number;
}

/**
 * Defaults of {@link HolidayGapOptions}: `offsetMinutes` null (each country's own zone); `minExpectedActiveDays` 3
 * (one or two quiet days are too easily chance, sickness or an outage); `maxPValue` 0.01 (four countries are tried, so a
 * Bonferroni-style margin below the usual 0.05).
 */
export const HOLIDAY_GAP_DEFAULTS: Readonly<HolidayGapOptions> = Object.freeze({
  offsetMinutes: null,
  minExpectedActiveDays: 3,
  maxPValue: 0.01,
});

/** One public holiday, a local calendar date. */
export interface PublicHoliday {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Holiday name(s) in English, as `date-holidays` gives them (two holidays can fall on one date). */
  names: readonly string[];
}

/** A holiday in the observed span, with the account's posts on it. */
export interface HolidayEvidence extends PublicHoliday {
  /** Posts on that local date. */
  posts: number;
  /** Share (0..1) of ordinary days on the same weekday with a post: the chance this day would be active. */
  expectedActive: number;
}

/** The holiday gap of one country. Counts are exact; rates and scores have 4 decimals, `pValue` 4 significant digits. */
export interface CountryHolidayGap {
  /** ISO 3166-1 alpha-2 code, upper case. */
  country: string;
  /** UTC offset (minutes) used for local dates. */
  offsetMinutes: number;
  /** Public holidays (local dates) in the observed span. */
  holidayDays: number;
  /** Of those, days with at least one post. */
  activeHolidayDays: number;
  /** Expected active holidays, Σ q_d over the holidays. */
  expectedActiveHolidayDays: number;
  /** Posts on holidays. */
  holidayPosts: number;
  /** Expected posts on holidays, Σ m_d over the holidays. */
  expectedHolidayPosts: number;
  /**
   * 1 − holidayPosts / expectedHolidayPosts, clamped to [−1, 1]: 1 = silent on every holiday, 0 = as busy as on
   * ordinary days, negative = busier. `null` when nothing was expected (no holidays, or none on active weekdays).
   */
  gapScore: number | null;
  /** Poisson-binomial p-value of so few active holidays (see the module header); `null` when `gapScore` is. */
  pValue: number | null;
  /** The holidays in the span, by date. */
  holidays: HolidayEvidence[];
}

/** Result of {@link holidayGaps}. */
export interface HolidayGapsResult {
  /** One entry per requested country, in the order given. */
  countries: CountryHolidayGap[];
  /**
   * The country whose holidays are most significantly quiet: among countries with ≥ `minExpectedActiveDays`
   * expected active holidays, a positive gap score and p ≤ `maxPValue`, the smallest p-value (then the larger gap
   * score, then more expected active holidays, then the country code); `null` when none qualifies.
   */
  best: CountryHolidayGap | null;
}

/**
 * Merge partial options over {@link HOLIDAY_GAP_DEFAULTS} and validate them.
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: `offsetMinutes` not null nor a whole-minute offset in
 *   [−720, 840]; `minExpectedActiveDays` not a finite number ≥ 0; `maxPValue` not in (0, 1]
 */
export function resolveHolidayGapOptions(input: OptionsInput<HolidayGapOptions> = {}): HolidayGapOptions {
  const options = { ...HOLIDAY_GAP_DEFAULTS, ...definedFields(input) } as HolidayGapOptions;
  if (options.offsetMinutes !== null) validateOffsetMinutes(options.offsetMinutes, PREFIX);
  const minDays = options.minExpectedActiveDays;
  if (typeof minDays !== 'number' || !Number.isFinite(minDays) || minDays < 0) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minExpectedActiveDays\` (${String(minDays)}). Expecting a number ≥ 0.`,
    );
  }
  if (typeof options.maxPValue !== 'number' || !(options.maxPValue > 0 && options.maxPValue <= 1)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`maxPValue\` (${String(options.maxPValue)}). Expecting a number in (0, 1].`,
    );
  }
  return options;
}

// — holiday calendars (cached: date-holidays evaluates rules on every call) —

const calendars = new Map<string, Holidays>();
const yearCache = new Map<string, readonly DatedHoliday[]>();
let knownCountries: ReadonlySet<string> | null = null;

function calendar(country: string): Holidays {
  let hd = calendars.get(country);
  if (!hd) {
    hd = new Holidays(country, { types: ['public'] });
    calendars.set(country, hd);
  }
  return hd;
}

/**
 * Normalise and check country codes against the countries `date-holidays` knows.
 * @throws {ConfigError} `CONFIG_INVALID` naming `countries` when the list is empty, repeats a code or has an
 *   unknown one
 */
function validateCountries(countries: readonly string[]): string[] {
  knownCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  if (!Array.isArray(countries) || countries.length === 0) {
    throw new ConfigError(`${PREFIX}: invalid \`countries\`. Expecting a non-empty list of country codes.`);
  }
  const out = countries.map((c) => (typeof c === 'string' ? c.trim().toUpperCase() : ''));
  out.forEach((code, i) => {
    if (!knownCountries!.has(code)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`countries\` entry "${String(countries[i])}". Expecting an ISO 3166-1 alpha-2 code known to date-holidays.`,
      );
    }
  });
  if (new Set(out).size !== out.length) {
    throw new ConfigError(`${PREFIX}: invalid \`countries\`: a country repeats. Expecting distinct codes.`);
  }
  return out;
}

/**
 * A country's full-day public holidays of one year, as local dates (from `date-holidays`, type `public`). A
 * multi-day holiday (Russia's New Year Holiday, 2–6 January) gives one entry per day; holidays shorter than
 * 20 hours (half days) are skipped; two holidays on one date are merged. Cached per country and year.
 *
 * @param country ISO 3166-1 alpha-2 code (any case)
 * @param year Gregorian year
 * @returns holidays sorted by date (frozen entries)
 * @throws {ConfigError} `CONFIG_INVALID` when the country is unknown to date-holidays or `year` is not an integer
 * @example publicHolidays('CN', 2024).find((h) => h.date === '2024-10-01')?.names // ['National Day']
 */
export function publicHolidays(country: string, year: number): readonly PublicHoliday[] {
  const [code] = validateCountries([country]);
  if (!Number.isSafeInteger(year)) {
    throw new ConfigError(`${PREFIX}: invalid \`year\` (${String(year)}). Expecting an integer.`);
  }
  return datedHolidays(code!, year).map((h) => h.holiday);
}

/** A holiday with its day index (days since 1970-01-01 of its local date). */
interface DatedHoliday {
  day: number;
  holiday: PublicHoliday;
}

/** {@link publicHolidays} of a validated country code, with day indices, cached per country and year. */
function datedHolidays(code: string, year: number): readonly DatedHoliday[] {
  const key = `${code}:${year}`;
  const hit = yearCache.get(key);
  if (hit) return hit;
  const byDate = new Map<string, string[]>();
  for (const h of calendar(code).getHolidays(year, 'en')) {
    if (h.type !== 'public') continue;
    const durationMs = h.end.getTime() - h.start.getTime();
    if (durationMs < 20 * 3_600_000) continue;
    const first = dayIndexOfDate(h.date.slice(0, 10));
    for (let k = 0; k < Math.max(1, Math.round(durationMs / DAY_MS)); k++) {
      const date = dateOfDayIndex(first + k);
      const names = byDate.get(date) ?? [];
      if (!names.includes(h.name)) names.push(h.name);
      byDate.set(date, names);
    }
  }
  const list = Object.freeze(
    [...byDate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, names]) =>
        Object.freeze({
          day: dayIndexOfDate(date),
          holiday: Object.freeze({ date, names: Object.freeze(names) }),
        }),
      ),
  );
  if (yearCache.size > 4096) yearCache.clear();
  yearCache.set(key, list);
  return list;
}

// — local days —

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayIndexOfDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOfDayIndex(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day index, Monday = 0 … Sunday = 6 (1970-01-01, day 0, was a Thursday). */
function dayOfWeek(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Number of days of each weekday (Monday first) in [from, to] (day indices, inclusive). */
function countByWeekday(from: number, to: number): number[] {
  const counts = new Array<number>(7).fill(0);
  if (to < from) return counts;
  const weeks = Math.floor((to - from + 1) / 7);
  for (let i = 0; i < 7; i++) counts[i] = weeks;
  for (let d = from + weeks * 7; d <= to; d++) counts[dayOfWeek(d)]! += 1;
  return counts;
}

const countryZones = new Map<string, string | null>();
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const zoneOffsets = new Map<string, number>();

/**
 * The UTC offset (minutes) of a country's first date-holidays time zone on the UTC day of `tsMs` (at 12:00 UTC);
 * 0 when it has none. Cached per zone and day: formatting is slow and every account asks again.
 */
function countryOffsetMinutes(country: string, tsMs: number): number {
  let zone = countryZones.get(country);
  if (zone === undefined) {
    zone = calendar(country).getTimezones()[0] ?? null;
    countryZones.set(country, zone);
  }
  if (zone === null) return 0;
  const day = Math.floor(tsMs / DAY_MS);
  const key = `${zone}:${day}`;
  const hit = zoneOffsets.get(key);
  if (hit !== undefined) return hit;
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    zoneFormats.set(zone, format);
  }
  const part = format
    .formatToParts(new Date(day * DAY_MS + DAY_MS / 2))
    .find((p) => p.type === 'timeZoneName');
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part?.value ?? '');
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  if (zoneOffsets.size > 100_000) zoneOffsets.clear();
  zoneOffsets.set(key, offset);
  return offset;
}

/** Posts per local day index. */
function postsPerDay(tsMs: readonly number[], offsetMinutes: number): Map<number, number> {
  const days = new Map<number, number>();
  const shift = offsetMinutes * MINUTE_MS;
  for (const ts of tsMs) {
    const day = Math.floor((ts + shift) / DAY_MS);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

// — statistics —

/**
 * Lower tail of the Poisson-binomial distribution: P(X ≤ k) for X the number of successes of independent trials
 * with success probabilities `probs` (exact dynamic programme, O(n²)).
 * @param k successes, integer
 * @param probs success probability of each trial, each in [0, 1]
 * @example poissonBinomialCdf(0, [0.5, 0.2]) // 0.4 (= 0.5 × 0.8)
 * @example poissonBinomialCdf(1, [0.5, 0.2]) // 0.9 (= 1 − 0.5 × 0.2)
 */
export function poissonBinomialCdf(k: number, probs: readonly number[]): number {
  if (k < 0) return 0;
  if (k >= probs.length) return 1;
  // dist[j] = P(j successes so far); only j ≤ k is needed for the tail.
  const dist = new Float64Array(k + 1);
  dist[0] = 1;
  for (const p of probs) {
    for (let j = k; j >= 1; j--) dist[j] = dist[j]! * (1 - p) + dist[j - 1]! * p;
    dist[0] = dist[0]! * (1 - p);
  }
  let sum = 0;
  for (let j = 0; j <= k; j++) sum += dist[j]!;
  return Math.min(1, sum);
}

const round4 = (x: number): number => {
  const r = Number(x.toFixed(4));
  return r === 0 ? 0 : r;
};
const significant4 = (x: number): number => Number(x.toPrecision(4));

// — the gap —

function countryGap(
  country: string,
  offsetMinutes: number,
  days: ReadonlyMap<number, number>,
  span: readonly [number, number],
): CountryHolidayGap {
  const [from, to] = span;
  const found: DatedHoliday[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    for (const dated of datedHolidays(country, year))
      if (dated.day >= from && dated.day <= to) found.push(dated);
  }
  const holidaySet = new Set(found.map((f) => f.day));
  // Ordinary days per weekday: how many, how many active, how many posts.
  const ordinary = countByWeekday(from, to);
  for (const day of holidaySet) ordinary[dayOfWeek(day)]! -= 1;
  const active = new Array<number>(7).fill(0);
  const posts = new Array<number>(7).fill(0);
  for (const [day, n] of days) {
    if (day < from || day > to || holidaySet.has(day)) continue;
    active[dayOfWeek(day)]! += 1;
    posts[dayOfWeek(day)]! += n;
  }
  const q = ordinary.map((n, d) => (n > 0 ? active[d]! / n : 0));
  const m = ordinary.map((n, d) => (n > 0 ? posts[d]! / n : 0));
  const holidays: HolidayEvidence[] = found.map(({ day, holiday }) => ({
    date: holiday.date,
    names: [...holiday.names],
    posts: days.get(day) ?? 0,
    expectedActive: round4(q[dayOfWeek(day)]!),
  }));
  const probs = found.map(({ day }) => q[dayOfWeek(day)]!);
  const expectedActive = probs.reduce((s, p) => s + p, 0);
  const expectedPosts = found.reduce((s, { day }) => s + m[dayOfWeek(day)]!, 0);
  const holidayPosts = holidays.reduce((s, h) => s + h.posts, 0);
  const activeHolidays = holidays.filter((h) => h.posts > 0).length;
  const scored = expectedPosts > 0;
  return {
    country,
    offsetMinutes,
    holidayDays: holidays.length,
    activeHolidayDays: activeHolidays,
    expectedActiveHolidayDays: round4(expectedActive),
    holidayPosts,
    expectedHolidayPosts: round4(expectedPosts),
    gapScore: scored ? round4(Math.max(-1, 1 - holidayPosts / expectedPosts)) : null,
    pValue: scored ? significant4(poissonBinomialCdf(activeHolidays, probs)) : null,
    holidays,
  };
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function compareGaps(a: CountryHolidayGap, b: CountryHolidayGap): number {
  return (
    a.pValue! - b.pValue! ||
    b.gapScore! - a.gapScore! ||
    b.expectedActiveHolidayDays - a.expectedActiveHolidayDays ||
    (a.country < b.country ? -1 : a.country > b.country ? 1 : 0)
  );
}

/**
 * Measure, per country, how quiet the posts are on its public holidays (see the module header for the method).
 *
 * @param tsMs post times, epoch ms (any order)
 * @param countries ISO 3166-1 alpha-2 codes known to `date-holidays`, distinct; default
 *   {@link DEFAULT_HOLIDAY_COUNTRIES} (CN, RU, IR, US)
 * @param options partial {@link HolidayGapOptions}: `[options.offsetMinutes=null]` (each country's own zone),
 *   `[options.minExpectedActiveDays=3]`, `[options.maxPValue=0.01]`
 * @returns per-country gaps in the given order and the best country (or `null`); with no posts every country has
 *   zero holidays
 * @throws {ConfigError} `CONFIG_INVALID` when a timestamp is not finite, a country is unknown or repeated, or an
 *   option is invalid
 * @example
 * const { best } = holidayGaps(postTimesMs, ['CN', 'RU', 'IR', 'US'], { offsetMinutes: 480 });
 * best?.country // 'CN'
 */
export function holidayGaps(
  tsMs: readonly number[],
  countries: readonly string[] = DEFAULT_HOLIDAY_COUNTRIES,
  options: OptionsInput<HolidayGapOptions> = {},
): HolidayGapsResult {
  const resolved = resolveHolidayGapOptions(options);
  const codes = validateCountries(countries);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const ts of tsMs) {
    if (!Number.isFinite(ts)) {
      throw new ConfigError(`${PREFIX}: invalid \`tsMs\` entry (${String(ts)}). Expecting finite ms.`);
    }
    if (ts < min) min = ts;
    if (ts > max) max = ts;
  }
  const byOffset = new Map<number, Map<number, number>>();
  const results = codes.map((country) => {
    if (tsMs.length === 0) return countryGap(country, resolved.offsetMinutes ?? 0, new Map(), [1, 0]);
    const offset = resolved.offsetMinutes ?? countryOffsetMinutes(country, min + (max - min) / 2);
    let days = byOffset.get(offset);
    if (!days) {
      days = postsPerDay(tsMs, offset);
      byOffset.set(offset, days);
    }
    const shift = offset * MINUTE_MS;
    return countryGap(country, offset, days, [
      Math.floor((min + shift) / DAY_MS),
      Math.floor((max + shift) / DAY_MS),
    ]);
  });
  const eligible = results.filter(
    (r) =>
      r.expectedActiveHolidayDays >= resolved.minExpectedActiveDays &&
      r.gapScore !== null &&
      r.gapScore > 0 &&
      r.pValue !== null &&
      r.pValue <= resolved.maxPValue,
  );
  return { countries: results, best: eligible.sort(compareGaps)[0] ?? null };
}
