/**
 * Fit an office-hours work schedule to a weekly posting rhythm and infer the operators' UTC offset.
 *
 * Meta's Q2 2023 Adversarial Threat Report (29 August 2023) found that each Spamouflage cluster "worked to a clear
 * shift pattern, with bursts of activity in the mid-morning and early afternoon, Beijing time, with breaks for lunch
 * and supper, and then a final burst of activity in the evening"; Meta's Online Operations Kill Chain (Nimmo &
 * Hutchins 2023) lists this as "coordinating shift patterns" (procedure 3.1). Time-zone inference from posting
 * rhythms follows La Morgia, Mei, Raponi & Stefa, "Time-Zone Geolocation of Crowds in the Dark Web", IEEE ICDCS
 * 2018: match a crowd's activity profile against reference profiles shifted to every candidate time zone and keep
 * the best match (they use profiles of users of known origin). Here the reference is a designed working-week
 * template ({@link officeWeekdayRates}, {@link OFFICE_WEEKEND_RATES}) with the lunch break at 12:00 or at 13:00
 * (China; Russia and Iran more often lunch at 13:00), and the match is Pearson's correlation over the 168 hours of
 * the week, the better of the two lunch variants at each offset.
 *
 * The inferred offset is "where the activity looks like a 09:00–18:00 office day": a team that works 08:00–17:00
 * looks like 09:00–18:00 one hour further west, so the offset carries an inherent ±1 h uncertainty from local
 * working customs. Offsets 30 or 45 minutes apart share most UTC hour bins and are at the resolution limit of an
 * hour histogram.
 *
 * Daylight saving time: the fit is in UTC-offset terms, one offset for all posts. An operator on a DST zone
 * (US Eastern, −300 in winter / −240 in summer) whose posts span both seasons is a blend of two adjacent offsets
 * and looks like a working day one hour longer: the best offset is usually the season with more posts, the fit is
 * worse than for either season alone, and the smaller margin lowers `confidence`. Fit each season separately to
 * resolve it.
 *
 * Not modelled: an evening shift (Meta's "final burst of activity in the evening") lowers the correlation a little
 * but does not move the offset; working weeks other than Monday–Friday (Iran's Saturday–Wednesday) fit worse, and
 * `officeHoursShare` / `weekendShare` are Monday–Friday / Saturday–Sunday by definition.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import {
  formatUtcOffset,
  HOURS_PER_WEEK,
  shiftHourOfWeekHistogram,
  validateHistogram,
  validateOffsetMinutes,
} from './hour-of-week.js';

/** Lunch-break start hours (local) of the template variants. */
export const LUNCH_START_HOURS: readonly number[] = Object.freeze([12, 13]);

/**
 * Relative posting rate of an office worker per local hour of a weekday (index 0 = 00:00–00:59): work
 * 09:00–18:00 at rate 1 except a one-hour lunch break at `lunchStartHour` (rate 0.3), a ramp at 08:00 and 18:00
 * (0.3), a little evening activity (0.1) and near-silence at night (0.02–0.05). A modelling choice, not fitted
 * data: only its shape matters (correlation ignores scale).
 * @param lunchStartHour 12 or 13 (see {@link LUNCH_START_HOURS})
 * @example officeWeekdayRates(12)[12] // 0.3
 */
export function officeWeekdayRates(lunchStartHour: number): number[] {
  const rates = [
    0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.3, 0.1, 0.1, 0.1, 0.03,
    0.03,
  ];
  rates[lunchStartHour] = 0.3;
  return rates;
}

/** Relative posting rate per local hour of Saturday and Sunday: near-silence (the office is closed). */
export const OFFICE_WEEKEND_RATES: readonly number[] = Object.freeze([
  0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05,
  0.03, 0.03, 0.03, 0.02, 0.02, 0.02,
]);

/**
 * Candidate UTC offsets in minutes: every whole hour from −12:00 to +14:00, plus +03:30 (Iran, year-round since
 * 2022), +04:30 (Afghanistan), +05:30 (India, Sri Lanka) and +05:45 (Nepal). Ascending. Other non-whole offsets
 * (−03:30, +06:30, +09:30, …) are left out by default: they are rarely the answer, and a DST-blended histogram
 * (half the year at −05:00, half at −04:00) fits "in between" offsets spuriously well; pass them in
 * `offsetsMinutes` to try them.
 */
export const CANDIDATE_OFFSETS_MINUTES: readonly number[] = Object.freeze(
  [...Array.from({ length: 27 }, (_, i) => (i - 12) * 60), 210, 270, 330, 345].sort((a, b) => a - b),
);

/** Options of {@link fitWorkSchedule}. */
export interface WorkScheduleOptions {
  // — candidates —
  /** UTC offsets to try, minutes east of UTC, distinct integers in [−720, 840]. */
  offsetsMinutes: readonly number[];
  // — sample size —
  /** Fewest posts to fit (integer ≥ 1); below it the result is `insufficient`. */
  minPosts: number;
  // — decisions —
  /**
   * How far (minutes, integer ≥ 0) the runner-up offset must be from the best one. Offsets closer than an hour
   * share every UTC hour bin, so an hour histogram cannot separate them well; comparing against them would only
   * measure the histogram's resolution.
   */
  minRunnerUpDistanceMinutes: number;
  /** Correlation gap best − runner-up (0..1] at which the margin factor of `confidence` reaches 1. */
  fullMarginCorrelation: number;
  /** Smallest best-offset correlation (0..1) for `worksOfficeHours`. */
  minCorrelation: number;
  /** Smallest {@link WorkScheduleFit.officeHoursShare} (0..1) for `worksOfficeHours`. */
  minOfficeHoursShare: number;
}

/**
 * Defaults of {@link WorkScheduleOptions}: all {@link CANDIDATE_OFFSETS_MINUTES}; `minPosts` 20 (fewer posts
 * scatter over 168 hours too thinly to tell a schedule from chance); `minRunnerUpDistanceMinutes` 60 (the
 * histogram's resolution); `fullMarginCorrelation` 0.1 (a one-hour shift
 * of a sharp office schedule costs about that much correlation); `minCorrelation` 0.5; `minOfficeHoursShare` 0.5
 * (round-the-clock posting puts 45/168 ≈ 0.27 of posts in office hours).
 */
export const WORK_SCHEDULE_DEFAULTS: Readonly<WorkScheduleOptions> = Object.freeze({
  offsetsMinutes: CANDIDATE_OFFSETS_MINUTES,
  minPosts: 20,
  minRunnerUpDistanceMinutes: 60,
  fullMarginCorrelation: 0.1,
  minCorrelation: 0.5,
  minOfficeHoursShare: 0.5,
});

const PREFIX = 'signals/fit-work-schedule';

/**
 * Merge partial options over {@link WORK_SCHEDULE_DEFAULTS} and validate them.
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateWorkScheduleOptions}
 */
export function resolveWorkScheduleOptions(
  input: OptionsInput<WorkScheduleOptions> = {},
): WorkScheduleOptions {
  const options = { ...WORK_SCHEDULE_DEFAULTS, ...definedFields(input) } as WorkScheduleOptions;
  validateWorkScheduleOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `offsetsMinutes` is empty, repeats an offset or
 *   holds an invalid one; `minPosts` is not an integer ≥ 1; `fullMarginCorrelation` is not in (0, 1];
 *   `minCorrelation` or `minOfficeHoursShare` is not in [0, 1]
 */
export function validateWorkScheduleOptions(options: WorkScheduleOptions): void {
  if (!Array.isArray(options.offsetsMinutes) || options.offsetsMinutes.length === 0) {
    throw new ConfigError(`${PREFIX}: invalid \`offsetsMinutes\`. Expecting a non-empty list of offsets.`);
  }
  for (const offset of options.offsetsMinutes) validateOffsetMinutes(offset, PREFIX, 'offsetsMinutes');
  if (new Set(options.offsetsMinutes).size !== options.offsetsMinutes.length) {
    throw new ConfigError(
      `${PREFIX}: invalid \`offsetsMinutes\`: an offset repeats. Expecting distinct offsets.`,
    );
  }
  if (!Number.isSafeInteger(options.minPosts) || options.minPosts < 1) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minPosts\` (${String(options.minPosts)}). Expecting an integer ≥ 1.`,
    );
  }
  const d = options.minRunnerUpDistanceMinutes;
  if (!Number.isSafeInteger(d) || d < 0) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minRunnerUpDistanceMinutes\` (${String(d)}). Expecting an integer ≥ 0.`,
    );
  }
  const m = options.fullMarginCorrelation;
  if (typeof m !== 'number' || !(m > 0 && m <= 1)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`fullMarginCorrelation\` (${String(m)}). Expecting a number in (0, 1].`,
    );
  }
  for (const key of ['minCorrelation', 'minOfficeHoursShare'] as const) {
    const v = options[key];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new ConfigError(`${PREFIX}: invalid \`${key}\` (${String(v)}). Expecting a number in [0, 1].`);
    }
  }
}

/** Result of {@link fitWorkSchedule}. Shares and scores have 4 decimals. */
export interface WorkScheduleFit {
  /**
   * `fitted`; `insufficient` when there are fewer than `minPosts` posts; `flat` when every hour of the week has the
   * same count (no rhythm to fit). Nothing is guessed in the last two cases: offset and shares are `null`.
   */
  status: 'fitted' | 'insufficient' | 'flat';
  /** Posts in the histogram (its sum). */
  posts: number;
  /** Best UTC offset in minutes east of UTC (UTC+08:00 → 480); `null` when insufficient. */
  offsetMinutes: number | null;
  /** The best offset as `UTC±HH:MM`; `null` when insufficient. */
  offsetLabel: string | null;
  /**
   * Confidence in the offset as an office-hours time zone, 0..1: fit × margin, where fit = max(0, correlation)
   * and margin = min(1, (correlation − runnerUpCorrelation) / fullMarginCorrelation). A poor fit anywhere, or two
   * offsets that fit about equally (round-the-clock posting; DST blends), give a low value. 0 when insufficient.
   */
  confidence: number;
  /** Whether the account keeps office hours: correlation ≥ `minCorrelation` and officeHoursShare ≥ `minOfficeHoursShare`. */
  worksOfficeHours: boolean;
  /** Pearson correlation (−1..1) of the UTC histogram with the template shifted to the best offset; `null` unless fitted. */
  correlation: number | null;
  /**
   * Best offset at least `minRunnerUpDistanceMinutes` from the best one (minutes); `null` unless fitted or when no
   * candidate is that far.
   */
  runnerUpOffsetMinutes: number | null;
  /** Correlation at the runner-up offset; `null` when there is no runner-up. */
  runnerUpCorrelation: number | null;
  /** Share of posts Monday–Friday 09:00–17:59 local time (at the best offset). */
  officeHoursShare: number | null;
  /** Local start hour (12 or 13) of the lunch break of the template variant that fits best; `null` unless fitted. */
  lunchStartHour: number | null;
  /**
   * Meal-break dip on weekdays, local time, with L = `lunchStartHour`: 1 − rate(L:00–L+1:00) /
   * mean(rate(L−2:00–L:00), rate(L+2:00–L+4:00)), i.e. for L = 12: 1 − rate(12–13) / mean(rate(10–12),
   * rate(14–16)); rates in posts per hour summed over Monday–Friday; clamped to [−1, 1]. 1 = silent at lunch, 0 = no dip,
   * negative = busier at lunch (typical of people posting in their own break). `null` when the reference hours are
   * empty or insufficient.
   */
  lunchDip: number | null;
  /** Share of posts on Saturday and Sunday, local time. */
  weekendShare: number | null;
  /** Share of posts 00:00–05:59 local time, any day. */
  nightShare: number | null;
}

/** Template vectors per lunch variant per candidate offset (centred, unit norm), keyed by the offset list. */
const templateCache = new Map<string, Float64Array[][]>();

/** The office template in local time with lunch at `lunchStartHour`: 168 rates, Monday 00:00 first. */
function localTemplate(lunchStartHour: number): number[] {
  const weekday = officeWeekdayRates(lunchStartHour);
  const out: number[] = [];
  for (let day = 0; day < 7; day++) out.push(...(day < 5 ? weekday : OFFICE_WEEKEND_RATES));
  return out;
}

/**
 * The templates as seen in UTC bins, `[variant][offset index]`, centred and scaled to unit norm so that a dot
 * product with a centred histogram divided by its norm is Pearson's r.
 */
function templatesFor(offsets: readonly number[]): Float64Array[][] {
  const key = offsets.join(',');
  const hit = templateCache.get(key);
  if (hit) return hit;
  const out = LUNCH_START_HOURS.map((lunch) => {
    const local = localTemplate(lunch);
    return offsets.map((offset) => centredUnit(shiftHourOfWeekHistogram(local, -offset)));
  });
  if (templateCache.size >= 32) templateCache.clear();
  templateCache.set(key, out);
  return out;
}

function centredUnit(values: readonly number[]): Float64Array {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const out = Float64Array.from(values, (v) => v - mean);
  const norm = Math.sqrt(out.reduce((s, v) => s + v * v, 0));
  if (norm > 0) for (let i = 0; i < n; i++) out[i]! /= norm;
  return out;
}

/** Pearson r of `histogram` with each template; `null` when the histogram is constant. */
function correlations(histogram: ArrayLike<number>, templates: readonly Float64Array[]): Float64Array | null {
  let sum = 0;
  for (let i = 0; i < HOURS_PER_WEEK; i++) sum += histogram[i]!;
  const mean = sum / HOURS_PER_WEEK;
  const centred = new Float64Array(HOURS_PER_WEEK);
  let ss = 0;
  for (let i = 0; i < HOURS_PER_WEEK; i++) {
    const d = histogram[i]! - mean;
    centred[i] = d;
    ss += d * d;
  }
  if (ss <= 1e-12) return null;
  const norm = Math.sqrt(ss);
  return Float64Array.from(templates, (t) => {
    let dot = 0;
    for (let i = 0; i < HOURS_PER_WEEK; i++) dot += centred[i]! * t[i]!;
    return dot / norm;
  });
}

const round4 = (x: number): number => {
  const r = Number(x.toFixed(4));
  return r === 0 ? 0 : r;
};

/** Sum of local-histogram bins over days × [fromHour, toHour). */
function sumHours(
  local: readonly number[],
  days: readonly number[],
  fromHour: number,
  toHour: number,
): number {
  let s = 0;
  for (const d of days) for (let h = fromHour; h < toHour; h++) s += local[d * 24 + h]!;
  return s;
}

const WEEKDAYS = [0, 1, 2, 3, 4];
const WEEKEND = [5, 6];
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The descriptive shares of a local-time histogram (see {@link WorkScheduleFit}).
 * @param local 168 counts in local time, Monday 00:00 first
 * @param lunchStartHour local hour of the lunch break for `lunchDip`, integer 2..19, default 12
 * @example scheduleShares(localHistogram, 12).officeHoursShare // 0.97
 */
export function scheduleShares(
  local: readonly number[],
  lunchStartHour = 12,
): Pick<WorkScheduleFit, 'officeHoursShare' | 'lunchDip' | 'weekendShare' | 'nightShare'> {
  const total = local.reduce((s, v) => s + v, 0);
  if (total <= 0) return { officeHoursShare: null, lunchDip: null, weekendShare: null, nightShare: null };
  const l = lunchStartHour;
  const lunchRate = sumHours(local, WEEKDAYS, l, l + 1);
  const reference =
    (sumHours(local, WEEKDAYS, l - 2, l) / 2 + sumHours(local, WEEKDAYS, l + 2, l + 4) / 2) / 2;
  return {
    officeHoursShare: round4(sumHours(local, WEEKDAYS, 9, 18) / total),
    lunchDip: reference > 0 ? round4(Math.max(-1, Math.min(1, 1 - lunchRate / reference))) : null,
    weekendShare: round4(sumHours(local, WEEKEND, 0, 24) / total),
    nightShare: round4(sumHours(local, ALL_DAYS, 0, 6) / total),
  };
}

function unfitted(status: 'insufficient' | 'flat', posts: number): WorkScheduleFit {
  return {
    status,
    posts,
    offsetMinutes: null,
    offsetLabel: null,
    confidence: 0,
    worksOfficeHours: false,
    correlation: null,
    runnerUpOffsetMinutes: null,
    runnerUpCorrelation: null,
    lunchStartHour: null,
    officeHoursShare: null,
    lunchDip: null,
    weekendShare: null,
    nightShare: null,
  };
}

/**
 * Fit the office-hours template to a UTC hour-of-week histogram at every candidate offset and report the best.
 *
 * For each candidate offset o and each lunch variant, the local-time template is shifted into UTC bins (by −o;
 * non-whole-hour offsets split each hour between two bins) and correlated (Pearson) with the histogram; an
 * offset's correlation is the better of its lunch variants. The best offset has the highest correlation; ties go to
 * the smaller offset. Shares (office hours, lunch dip, weekend, night) are measured on the
 * histogram shifted into local time at the best offset. See {@link WorkScheduleFit} for every field.
 *
 * @param histogramUtc 168 post counts per UTC hour of the week, Monday 00:00 first (see `hourOfWeekHistogram`)
 * @param options partial {@link WorkScheduleOptions}: `[options.offsetsMinutes=CANDIDATE_OFFSETS_MINUTES]`,
 *   `[options.minPosts=20]`, `[options.minRunnerUpDistanceMinutes=60]`, `[options.fullMarginCorrelation=0.1]`,
 *   `[options.minCorrelation=0.5]`,
 *   `[options.minOfficeHoursShare=0.5]`
 * @returns the fit; `status: 'insufficient'` (offset `null`, confidence 0) below `minPosts` posts
 * @throws {ConfigError} `CONFIG_INVALID` when the histogram is not 168 finite counts ≥ 0 or an option is invalid
 * @example
 * const fit = fitWorkSchedule(hourOfWeekHistogram(postTimesMs));
 * if (fit.worksOfficeHours) console.log(fit.offsetLabel, fit.confidence); // 'UTC+08:00' 0.93
 */
export function fitWorkSchedule(
  histogramUtc: ArrayLike<number>,
  options: OptionsInput<WorkScheduleOptions> = {},
): WorkScheduleFit {
  const resolved = resolveWorkScheduleOptions(options);
  validateHistogram(histogramUtc, PREFIX);
  let posts = 0;
  for (let i = 0; i < HOURS_PER_WEEK; i++) posts += histogramUtc[i]!;
  posts = round4(posts);
  if (posts < resolved.minPosts) return unfitted('insufficient', posts);

  const offsets = resolved.offsetsMinutes;
  const perVariant = templatesFor(offsets).map((templates) => correlations(histogramUtc, templates));
  if (perVariant[0] === null) return unfitted('flat', posts);
  const variants = perVariant as Float64Array[];
  const rs = new Float64Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) {
    let r = Number.NEGATIVE_INFINITY;
    for (const v of variants) if (v[i]! > r) r = v[i]!;
    rs[i] = r;
  }
  const best = bestIndex(rs, offsets, () => true)!;
  const offset = offsets[best]!;
  const minDistance = Math.max(1, resolved.minRunnerUpDistanceMinutes);
  const second = bestIndex(rs, offsets, (o) => Math.abs(o - offset) >= minDistance);
  const r = rs[best]!;
  const rSecond = second === null ? null : rs[second]!;
  // First variant with the best correlation (ties → the earlier lunch hour).
  const lunchStartHour = LUNCH_START_HOURS[variants.findIndex((v) => v[best]! >= r - 1e-12)]!;
  const shares = scheduleShares(shiftHourOfWeekHistogram(histogramUtc, offset), lunchStartHour);
  const margin = rSecond === null ? 1 : Math.min(1, (r - rSecond) / resolved.fullMarginCorrelation);
  return {
    status: 'fitted',
    posts,
    offsetMinutes: offset,
    offsetLabel: formatUtcOffset(offset),
    confidence: round4(Math.max(0, r) * Math.max(0, margin)),
    worksOfficeHours:
      r >= resolved.minCorrelation && (shares.officeHoursShare ?? 0) >= resolved.minOfficeHoursShare,
    correlation: round4(r),
    runnerUpOffsetMinutes: second === null ? null : offsets[second]!,
    runnerUpCorrelation: rSecond === null ? null : round4(rSecond),
    lunchStartHour,
    ...shares,
  };
}

/**
 * Index of the best candidate among those whose offset passes `keep`: highest correlation (1e-12 tolerance), then
 * the smaller offset; `null` when none passes.
 */
function bestIndex(
  rs: Float64Array,
  offsets: readonly number[],
  keep: (offset: number) => boolean,
): number | null {
  let best: number | null = null;
  for (let i = 0; i < offsets.length; i++) {
    if (!keep(offsets[i]!)) continue;
    if (best === null) {
      best = i;
      continue;
    }
    const d = rs[i]! - rs[best]!;
    if (d > 1e-12 || (Math.abs(d) <= 1e-12 && offsets[i]! < offsets[best]!)) best = i;
  }
  return best;
}
