/**
 * The time fingerprint of an account, or of a cluster (pass the union of its members' post times): the weekly
 * posting rhythm, the office-hours fit with the inferred UTC offset, and the country whose public holidays the
 * posts skip. Together these are the "coordinating shift patterns" evidence of Meta's Online Operations Kill Chain
 * (Nimmo & Hutchins 2023, procedure 3.1) and of its Q2 2023 Adversarial Threat Report on Spamouflage (Beijing
 * office hours with lunch and supper breaks); time-zone inference after La Morgia et al., ICDCS 2018
 *. Methods: `hour-of-week.ts`, `fit-work-schedule.ts`, `holiday-gaps.ts`.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import {
  fitWorkSchedule,
  resolveWorkScheduleOptions,
  type WorkScheduleFit,
  type WorkScheduleOptions,
} from './fit-work-schedule.js';
import {
  type CountryHolidayGap,
  DEFAULT_HOLIDAY_COUNTRIES,
  type HolidayGapOptions,
  holidayGaps,
  resolveHolidayGapOptions,
} from './holiday-gaps.js';
import { hourOfWeekHistogram } from './hour-of-week.js';

/** Options of {@link timeFingerprint}. */
export interface TimeFingerprintOptions {
  // — schedule —
  /** Options of `fitWorkSchedule` (offsets tried, `minPosts`, thresholds). */
  schedule: OptionsInput<WorkScheduleOptions>;
  // — holidays —
  /** Countries whose holidays are tried (ISO 3166-1 alpha-2); empty → no holiday analysis. */
  holidayCountries: readonly string[];
  /**
   * Options of `holidayGaps`. When `offsetMinutes` is not set, local days follow the fitted offset if the account
   * keeps office hours with confidence ≥ `minConfidenceForOffset`, else each country's own time zone.
   */
  holidays: OptionsInput<HolidayGapOptions>;
  /** Smallest schedule confidence (0..1) at which the fitted offset defines local days for holidays. */
  minConfidenceForOffset: number;
}

/**
 * Defaults of {@link TimeFingerprintOptions}: schedule and holiday defaults, countries CN, RU, IR, US,
 * `minConfidenceForOffset` 0.5.
 */
export const TIME_FINGERPRINT_DEFAULTS: Readonly<TimeFingerprintOptions> = Object.freeze({
  schedule: Object.freeze({}),
  holidayCountries: DEFAULT_HOLIDAY_COUNTRIES,
  holidays: Object.freeze({}),
  minConfidenceForOffset: 0.5,
});

/** The time fingerprint. JSON-serializable; numbers are integers or rounded (4 decimals, p-values 4 digits). */
export interface TimeFingerprint {
  /** Posts fingerprinted. */
  posts: number;
  /** Posts per UTC hour of the week, 168 integers, Monday 00:00 UTC first. */
  histogramUtc: number[];
  /** The office-hours fit (see `WorkScheduleFit`). */
  schedule: WorkScheduleFit;
  /**
   * The country whose public holidays are most significantly quiet, with its evidence (holiday names, dates,
   * posts); `null` when none qualifies, no countries are tried, or the schedule had too few posts to fit.
   */
  holidays: CountryHolidayGap | null;
}

/** A fingerprinting function with validated options, see {@link createTimeFingerprinter}. */
export type TimeFingerprinter = (tsMs: readonly number[]) => TimeFingerprint;

/**
 * Build a fingerprinting function with fixed, validated options (validation happens once, here).
 * @param options partial {@link TimeFingerprintOptions}
 * @returns a function from post times to their fingerprint, see {@link timeFingerprint}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid (including an unknown holiday country)
 * @example
 * const fingerprint = createTimeFingerprinter({ holidayCountries: ['CN', 'IR'] });
 * for (const [account, times] of postsByAccount) out.set(account, fingerprint(times));
 */
export function createTimeFingerprinter(
  options: OptionsInput<TimeFingerprintOptions> = {},
): TimeFingerprinter {
  const resolved = { ...TIME_FINGERPRINT_DEFAULTS, ...definedFields(options) } as TimeFingerprintOptions;
  const schedule = resolveWorkScheduleOptions(resolved.schedule);
  const holidays = resolveHolidayGapOptions(resolved.holidays);
  const countries = resolved.holidayCountries;
  const minConfidence = resolved.minConfidenceForOffset;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new ConfigError(
      `signals/time-fingerprint: invalid \`minConfidenceForOffset\` (${String(minConfidence)}). Expecting a number in [0, 1].`,
    );
  }
  if (!Array.isArray(countries)) {
    throw new ConfigError(
      'signals/time-fingerprint: invalid `holidayCountries`. Expecting a list of country codes.',
    );
  }
  // Check the countries now rather than on the first account with enough posts.
  if (countries.length > 0) holidayGaps([], countries);

  return (tsMs: readonly number[]): TimeFingerprint => {
    const histogramUtc = hourOfWeekHistogram(tsMs);
    const fit = fitWorkSchedule(histogramUtc, schedule);
    let best: CountryHolidayGap | null = null;
    if (countries.length > 0 && fit.status === 'fitted') {
      const useFitted = fit.worksOfficeHours && fit.confidence >= minConfidence;
      const offsetMinutes = holidays.offsetMinutes ?? (useFitted ? fit.offsetMinutes : null);
      best = holidayGaps(tsMs, countries, { ...holidays, offsetMinutes }).best;
    }
    return { posts: tsMs.length, histogramUtc, schedule: fit, holidays: best };
  };
}

/**
 * Fingerprint the post times of one account, or of a cluster (the union of its members' posts): hour-of-week
 * histogram, office-hours fit, holiday gap. For many accounts, build the function once with
 * {@link createTimeFingerprinter}.
 *
 * @param tsMs post times, epoch ms (any order)
 * @param options partial {@link TimeFingerprintOptions}: `[options.schedule={}]`,
 *   `[options.holidayCountries=['CN','RU','IR','US']]`, `[options.holidays={}]`, `[options.minConfidenceForOffset=0.5]`
 * @returns the fingerprint (JSON-serializable, deterministic)
 * @throws {ConfigError} `CONFIG_INVALID` when a timestamp is not finite or an option is invalid
 * @example
 * const fp = timeFingerprint(postTimesMs);
 * fp.schedule.offsetLabel; // 'UTC+08:00'
 * fp.holidays?.country; // 'CN'
 */
export function timeFingerprint(
  tsMs: readonly number[],
  options: OptionsInput<TimeFingerprintOptions> = {},
): TimeFingerprint {
  return createTimeFingerprinter(options)(tsMs);
}
