/**
 * Creation bursts: accounts registered within a few days of each other. Account farms register in batches, so the
 * accounts of a coordinated network often share creation dates. Bellutta & Carley 2023, "Investigating
 * coordinated account creation using burst detection and network analysis", Journal of Big Data 10, 20,
 * doi:10.1186/s40537-023-00695-7, found that Twitter accounts created during creation bursts behaved more alike
 * and were more often bots. They detect bursts in the platform-wide series of creation dates; here there are two
 * narrower questions:
 *
 * - {@link creationBursts}, inside one suspected group: which accounts were created close together? Peels the
 *   densest windows of `windowDays`, so every burst spans at most the window.
 * - {@link significantCreationBursts}, across a whole dataset: which batches are denser than the dataset's own
 *   creation rate explains? A variable-width scan statistic (Naus 1965, "The distribution of the size of the
 *   maximum cluster of points on a line", JASA 60:532–538, doi:10.1080/01621459.1965.10480810; Kulldorff 1997, "A
 *   spatial scan statistic", Communications in Statistics – Theory and Methods 26:1481–1496,
 *   doi:10.1080/03610929708831995) with a Poisson background and a Bonferroni correction.
 *
 * The Poisson tail is the regularized incomplete gamma function, computed as in Press et al., Numerical Recipes
 * (3rd ed., 2007) §6.2, with Lanczos' log-gamma (Lanczos 1964, SIAM J. Numer. Anal. B 1:86–96).
 *
 * @module
 */
import { ConfigError } from '../errors.js';

/** Options of {@link creationBursts}. */
export interface CreationBurstOptions {
  /**
   * Width of the sliding window in days (a positive number; fractions allowed). Default 3: batch registrations
   * reported in takedowns span hours to a few days (a weekend, a shift change, a time-zone difference), and a
   * wider window makes chance bursts likely in large groups of organic accounts.
   */
  windowDays: number;
  /**
   * Fewest accounts (integer ≥ 2) in one window for it to count. Default 3: two accounts created on the same day
   * happen by chance in any group; three is the smallest group that is a pattern.
   */
  minAccounts: number;
}

/**
 * Defaults of {@link CreationBurstOptions}: `windowDays` 3, `minAccounts` 3.
 * @example CREATION_BURST_DEFAULTS.windowDays // 3
 */
export const CREATION_BURST_DEFAULTS: Readonly<CreationBurstOptions> = Object.freeze({
  windowDays: 3,
  minAccounts: 3,
});

/** One burst found by {@link creationBursts}. */
export interface CreationBurst {
  /** Earliest creation time in the burst, UTC epoch ms. */
  firstMs: number;
  /** Latest creation time in the burst, UTC epoch ms. */
  lastMs: number;
  /** `lastMs − firstMs`, ms; at most `windowDays` days (bursts are single windows, never chained). */
  spanMs: number;
  /** Accounts in the burst (≥ `minAccounts`). */
  count: number;
  /**
   * How much of the group the burst holds: `count / known`, with `known` the number of distinct accounts that have
   * a valid creation time (0..1). 7 of 9 → 0.78.
   */
  share: number;
  /** Account keys in the burst, by creation time, then key (code-unit order). All of them; not truncated. */
  accounts: string[];
}

/** One account as {@link creationBursts} reads it. */
export interface CreationInput {
  /** Account key, `platform:accountId`. */
  key: string;
  /** Creation time, UTC epoch ms; missing or invalid (see {@link isValidTimeMs}) means unknown. */
  createdAtMs?: number | undefined;
}

const PREFIX = 'signals/creation-bursts';
/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
/** Largest |ms| a JavaScript `Date` can represent (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/**
 * Merge partial options over {@link CREATION_BURST_DEFAULTS} and validate them.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateCreationBurstOptions}
 */
export function resolveCreationBurstOptions(input: Partial<CreationBurstOptions> = {}): CreationBurstOptions {
  const options: CreationBurstOptions = {
    windowDays: input.windowDays ?? CREATION_BURST_DEFAULTS.windowDays,
    minAccounts: input.minAccounts ?? CREATION_BURST_DEFAULTS.minAccounts,
  };
  validateCreationBurstOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `windowDays` is not a finite number > 0 or
 *   `minAccounts` not an integer ≥ 2
 */
export function validateCreationBurstOptions(options: CreationBurstOptions): void {
  const { windowDays, minAccounts } = options;
  if (typeof windowDays !== 'number' || !Number.isFinite(windowDays) || windowDays <= 0) {
    throw new ConfigError(
      `${PREFIX}: invalid \`windowDays\` (${String(windowDays)}). Expecting a number > 0.`,
    );
  }
  if (!Number.isSafeInteger(minAccounts) || minAccounts < 2) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minAccounts\` (${String(minAccounts)}). Expecting an integer ≥ 2.`,
    );
  }
}

/**
 * Whether a value is a usable UTC epoch-ms time: a finite number a `Date` can hold (|ms| ≤ 8.64e15).
 * @param ms candidate time
 * @returns true when `new Date(ms).toISOString()` would not throw
 * @example isValidTimeMs(1e20) // false
 */
export function isValidTimeMs(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** Code-unit order, independent of locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Distinct accounts with a valid creation time, sorted by time then key (code-unit order). A key given twice
 * keeps its earliest valid time.
 * @param accounts accounts with optional creation times
 * @returns `{ key, ms }` pairs, sorted
 * @example
 * knownCreationTimes([{ key: 'b', createdAtMs: 1 }, { key: 'a', createdAtMs: 1 }, { key: 'c' }])
 * // [{ key: 'a', ms: 1 }, { key: 'b', ms: 1 }]
 */
export function knownCreationTimes(accounts: readonly CreationInput[]): Array<{ key: string; ms: number }> {
  const byKey = new Map<string, number>();
  for (const { key, createdAtMs } of accounts) {
    if (!isValidTimeMs(createdAtMs)) continue;
    const ms = createdAtMs + 0; // −0 → 0, so JSON round trips
    const seen = byKey.get(key);
    if (seen === undefined || ms < seen) byKey.set(key, ms);
  }
  const out = Array.from(byKey, ([key, ms]) => ({ key, ms }));
  out.sort((a, b) => a.ms - b.ms || compareStrings(a.key, b.key));
  return out;
}

/** What {@link creationBurstsDetailed} returns. */
export interface CreationBurstsDetailed {
  /** Distinct accounts with a valid creation time (the denominator of `share`). */
  known: number;
  /** Earliest and latest valid creation time, UTC epoch ms; null when none is known. */
  firstMs: number | null;
  lastMs: number | null;
  /** The bursts, as {@link creationBursts} returns them. */
  bursts: CreationBurst[];
}

/**
 * Most bursts {@link creationBursts} and {@link significantCreationBursts} return (1,000). Peeling stops there, so a
 * huge dataset costs at most 1,000 passes; the densest (or most significant) bursts come first, so the cut drops
 * the weakest.
 */
export const MAX_CREATION_BURSTS = 1000;

/**
 * Find creation bursts in one group of accounts.
 *
 * Method (peeling): a window starting at an account holds every remaining account created at most `windowDays`
 * after it (inclusive). Find the window holding the most remaining accounts (ties: the earliest start, accounts
 * ordered by time then key); if it holds at least `minAccounts`, it is a burst: emit it, remove its accounts, and
 * repeat; stop when the best window is too small or after {@link MAX_CREATION_BURSTS} bursts. Each burst is one
 * window, so `spanMs` ≤ `windowDays` days by construction. Overlapping dense windows are not chained: a steady
 * stream (one account a day for a year) would otherwise become one "burst" spanning the year; peeled, it is a row
 * of small bursts, each honestly "≥ 3 accounts within 3 days". Whether such bursts are more than chance is a
 * question for {@link significantCreationBursts}.
 *
 * Accounts without a valid creation time are left out and do not count in `share`. Deterministic: the result
 * depends only on the set of (key, time) pairs, not on input order. O(n log n) for the sort plus O(n) per burst.
 *
 * @param accounts the group's accounts (a key given twice keeps its earliest time)
 * @param options partial {@link CreationBurstOptions}: `[options.windowDays=3]`, `[options.minAccounts=3]`
 * @returns bursts by `firstMs` (then first key), each with every account in it; empty when there is none
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * const day = 86_400_000;
 * creationBursts([
 *   { key: 'x:a', createdAtMs: 0 }, { key: 'x:b', createdAtMs: day },
 *   { key: 'x:c', createdAtMs: 2 * day }, { key: 'x:d', createdAtMs: 30 * day },
 * ])
 * // [{ firstMs: 0, lastMs: 2 * day, spanMs: 2 * day, count: 3, share: 0.75, accounts: ['x:a', 'x:b', 'x:c'] }]
 */
export function creationBursts(
  accounts: readonly CreationInput[],
  options: Partial<CreationBurstOptions> = {},
): CreationBurst[] {
  return creationBurstsDetailed(accounts, options).bursts;
}

/**
 * {@link creationBursts} plus the counts around it (one pass over the accounts).
 * @param accounts the group's accounts
 * @param options partial {@link CreationBurstOptions}
 * @returns {@link CreationBurstsDetailed}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * creationBurstsDetailed([{ key: 'x:a', createdAtMs: 5 }, { key: 'x:b' }])
 * // { known: 1, firstMs: 5, lastMs: 5, bursts: [] }
 */
export function creationBurstsDetailed(
  accounts: readonly CreationInput[],
  options: Partial<CreationBurstOptions> = {},
): CreationBurstsDetailed {
  const { windowDays, minAccounts } = resolveCreationBurstOptions(options);
  const times = knownCreationTimes(accounts);
  return {
    known: times.length,
    firstMs: times[0]?.ms ?? null,
    lastMs: times[times.length - 1]?.ms ?? null,
    bursts: peelDensestWindows(times, windowDays * DAY_MS, minAccounts),
  };
}

type Timed = { key: string; ms: number };

/** The burst made of `members` (sorted), with `share` over `known` accounts. */
function burstOf(members: readonly Timed[], known: number): CreationBurst {
  const firstMs = members[0]!.ms;
  const lastMs = members[members.length - 1]!.ms;
  return {
    firstMs,
    lastMs,
    spanMs: lastMs - firstMs,
    count: members.length,
    share: members.length / known,
    accounts: members.map((m) => m.key),
  };
}

/** Bursts by first time, then first key. */
function byFirst(a: CreationBurst, b: CreationBurst): number {
  return a.firstMs - b.firstMs || compareStrings(a.accounts[0]!, b.accounts[0]!);
}

/** Index range `[from, to]` of the window holding the most of `times` (ties: earliest start); null when empty. */
function densestWindow(times: readonly Timed[], windowMs: number): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    if (j < i) j = i;
    while (j + 1 < times.length && times[j + 1]!.ms - times[i]!.ms <= windowMs) j++;
    if (best === null || j - i > best.to - best.from) best = { from: i, to: j };
  }
  return best;
}

/** The peeling of {@link creationBursts} over times sorted by {@link knownCreationTimes}. */
function peelDensestWindows(times: readonly Timed[], windowMs: number, minAccounts: number): CreationBurst[] {
  const rest = [...times];
  const bursts: CreationBurst[] = [];
  while (bursts.length < MAX_CREATION_BURSTS) {
    const best = densestWindow(rest, windowMs);
    if (best === null || best.to - best.from + 1 < minAccounts) break;
    bursts.push(burstOf(rest.splice(best.from, best.to - best.from + 1), times.length));
  }
  return bursts.sort(byFirst);
}

// — significance against the dataset's own creation rate —

/** Options of {@link significantCreationBursts}. */
export interface SignificantCreationBurstOptions extends CreationBurstOptions {
  /**
   * Largest Bonferroni-corrected p-value (0 < p ≤ 1) for a batch to be kept. Default 0.001: a dataset-wide scan
   * tests thousands of windows, and a reported batch should be a clear exception, not the best of many chances.
   */
  maxPValue: number;
}

/**
 * Defaults of {@link SignificantCreationBurstOptions}: `windowDays` 3, `minAccounts` 3, `maxPValue` 0.001.
 * @example SIGNIFICANT_CREATION_BURST_DEFAULTS.maxPValue // 0.001
 */
export const SIGNIFICANT_CREATION_BURST_DEFAULTS: Readonly<SignificantCreationBurstOptions> = Object.freeze({
  ...CREATION_BURST_DEFAULTS,
  maxPValue: 0.001,
});

/**
 * Merge partial options over {@link SIGNIFICANT_CREATION_BURST_DEFAULTS} and validate them.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: see {@link validateCreationBurstOptions}, and
 *   `maxPValue` not a number in (0, 1]
 */
export function resolveSignificantCreationBurstOptions(
  input: Partial<SignificantCreationBurstOptions> = {},
): SignificantCreationBurstOptions {
  const maxPValue = input.maxPValue ?? SIGNIFICANT_CREATION_BURST_DEFAULTS.maxPValue;
  if (typeof maxPValue !== 'number' || !(maxPValue > 0 && maxPValue <= 1)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`maxPValue\` (${String(maxPValue)}). Expecting a number in (0, 1].`,
    );
  }
  return { ...resolveCreationBurstOptions(input), maxPValue };
}

/** One batch found by {@link significantCreationBursts}. */
export interface SignificantCreationBurst extends CreationBurst {
  /**
   * Bonferroni-corrected p-value (0..1): `min(1, P(X ≥ count | expected) × max(1, S / w))`, with `w` the batch's
   * width and `S` the dataset's (see {@link significantCreationBursts}). 0 when `background` is 0 or the tail
   * underflows.
   */
  pValue: number;
  /** Accounts a window as wide as this batch holds on average at the background rate (Poisson mean λ). */
  expected: number;
  /** Known accounts outside this batch (the background). */
  background: number;
  /** Background rate, accounts per day: `background / S`. */
  backgroundPerDay: number;
  /** Resolution of the creation times (1 day, 1 hour, 1 minute or 1 second), ms. */
  resolutionMs: number;
}

/** What {@link significantCreationBursts} returns. */
export interface SignificantCreationBursts {
  /** Distinct accounts with a valid creation time. */
  known: number;
  /** `S`: the span of the known creation times plus one resolution step, at least `windowDays`, ms. */
  spanMs: number;
  /** Resolution of the creation times, ms (see {@link SignificantCreationBurst.resolutionMs}). */
  resolutionMs: number;
  /** The kept batches, by `firstMs` (then first key). */
  bursts: SignificantCreationBurst[];
}

const SECOND_MS = 1000;
/** Candidate resolutions, coarsest first. */
const RESOLUTIONS_MS = [DAY_MS, 3_600_000, 60_000, SECOND_MS] as const;

/**
 * The coarsest of 1 day, 1 hour, 1 minute, 1 second that divides every time (1 second when none does: no
 * platform reports creation times finer). Dates without a time of day are exact days, for instance.
 * @param times UTC epoch ms
 * @returns the resolution, ms
 * @example creationTimeResolutionMs([0, 86_400_000, 3_600_000]) // 3_600_000
 */
export function creationTimeResolutionMs(times: readonly number[]): number {
  return RESOLUTIONS_MS.find((unit) => times.every((t) => t % unit === 0)) ?? SECOND_MS;
}

/**
 * Find the creation batches of a whole dataset that its own creation rate does not explain.
 *
 * Model: the n known accounts were created at a constant rate over `S` = (last − first + one resolution step,
 * at least `windowDays`). A run of k accounts, consecutive in creation order and spanning at most `windowDays`,
 * covers `w` = its span + one resolution step (each recorded time stands for one step). Under the model the other
 * n − k accounts fall in a window of width `w` as Poisson(λ) with λ = (n − k) · w / S; the run's p-value is
 * P(X ≥ k | λ) ({@link poissonUpperTail}), multiplied by the number of such windows in the dataset, max(1, S / w)
 * (Bonferroni), capped at 1. The run's own accounts are left out of the rate so that a large batch does not hide
 * behind the rate it raises itself; with few accounts outside it this makes the test lenient (no background: p
 * = 0). A constant rate is a simplification: organic sign-ups follow days, weeks and news, so treat p as a ranking
 * more than an exact probability.
 *
 * Method: candidate runs start at each distinct time and end at the last account within 0, 1, 2, 4, … resolution
 * steps and `windowDays` of it (a doubling ladder: a batch of minutes is tested as minutes, not diluted in a
 * 3-day window of organic sign-ups). Runs with p ≤ `maxPValue` are taken greedily, smallest p first (ties: larger,
 * then earlier), skipping any that shares an account with a taken one; at most {@link MAX_CREATION_BURSTS}. The
 * search over widths is not counted in the correction (a doubling ladder costs a factor of about its length,
 * ≤ 20). O(n log n + n · L) tail evaluations, L the ladder length.
 *
 * @param accounts every account of the dataset that could be in a batch (a key given twice keeps its earliest time)
 * @param options partial {@link SignificantCreationBurstOptions}: `[options.windowDays=3]`,
 *   `[options.minAccounts=3]`, `[options.maxPValue=0.001]`
 * @returns {@link SignificantCreationBursts}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * // 200 accounts, one a day at midnight, plus 6 created 10:00–10:50 on day 100: only the 6 (p ≈ 1.5e-8).
 */
export function significantCreationBursts(
  accounts: readonly CreationInput[],
  options: Partial<SignificantCreationBurstOptions> = {},
): SignificantCreationBursts {
  const o = resolveSignificantCreationBurstOptions(options);
  const times = knownCreationTimes(accounts);
  const resolutionMs = creationTimeResolutionMs(times.map((t) => t.ms));
  const windowMs = o.windowDays * DAY_MS;
  const n = times.length;
  const spanMs = n === 0 ? windowMs : Math.max(times[n - 1]!.ms - times[0]!.ms + resolutionMs, windowMs);
  const scan: Scan = { times, resolutionMs, spanMs, minAccounts: o.minAccounts };
  const runs = candidateRuns(scan, widthLadder(resolutionMs, windowMs), Math.log(o.maxPValue));
  const bursts = takeDisjoint(runs).map((run) => significantBurstOf(scan, run));
  return { known: n, spanMs, resolutionMs, bursts: bursts.sort(byFirst) };
}

interface Scan {
  times: readonly Timed[];
  resolutionMs: number;
  spanMs: number;
  minAccounts: number;
}

/** A run of `times[from..to]` with its log p-value. */
interface Run {
  from: number;
  to: number;
  logP: number;
}

/** Candidate run widths: 0, then 1, 2, 4, … resolution steps below the window, then the window. */
function widthLadder(resolutionMs: number, windowMs: number): number[] {
  const ladder = [0];
  for (let w = resolutionMs; w < windowMs; w *= 2) ladder.push(w);
  ladder.push(windowMs);
  return ladder;
}

/** The background test of one run (see {@link significantCreationBursts}). */
function testRun(s: Scan, from: number, to: number): { logP: number; lambda: number; background: number } {
  const k = to - from + 1;
  const widthMs = s.times[to]!.ms - s.times[from]!.ms + s.resolutionMs;
  const background = s.times.length - k;
  const lambda = (background * widthMs) / s.spanMs;
  const logP = Math.min(0, logPoissonUpperTail(k, lambda) + Math.log(Math.max(1, s.spanMs / widthMs)));
  return { logP, lambda, background };
}

/** Every ladder run of at least `minAccounts` accounts with log p ≤ `maxLogP`, one per (start, end). */
function candidateRuns(s: Scan, ladder: readonly number[], maxLogP: number): Run[] {
  const { times } = s;
  const ends = ladder.map(() => 0); // one forward pointer per ladder width
  const runs: Run[] = [];
  for (let i = 0; i < times.length; i++) {
    if (i > 0 && times[i - 1]!.ms === times[i]!.ms) continue; // runs start at a distinct time
    let previous = -1;
    ladder.forEach((widthMs, r) => {
      let j = Math.max(ends[r]!, i);
      while (j + 1 < times.length && times[j + 1]!.ms - times[i]!.ms <= widthMs) j++;
      ends[r] = j;
      if (j === previous || j - i + 1 < s.minAccounts) return;
      previous = j;
      const { logP } = testRun(s, i, j);
      if (logP <= maxLogP) runs.push({ from: i, to: j, logP });
    });
  }
  return runs;
}

/** Runs by p (then larger, then earlier), keeping those that share no account with a kept one. */
function takeDisjoint(runs: Run[]): Run[] {
  runs.sort((a, b) => a.logP - b.logP || b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken: Run[] = []; // sorted by `from`; disjoint index ranges
  for (const run of runs) {
    if (taken.length >= MAX_CREATION_BURSTS) break;
    let lo = 0; // first taken run ending at or after run.from
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.to < run.from) lo = mid + 1;
      else hi = mid;
    }
    if (lo < taken.length && taken[lo]!.from <= run.to) continue;
    taken.splice(lo, 0, run);
  }
  return taken;
}

function significantBurstOf(s: Scan, run: Run): SignificantCreationBurst {
  const { lambda, background } = testRun(s, run.from, run.to);
  return {
    ...burstOf(s.times.slice(run.from, run.to + 1), s.times.length),
    pValue: Math.exp(run.logP),
    expected: lambda,
    background,
    backgroundPerDay: (background / s.spanMs) * DAY_MS,
    resolutionMs: s.resolutionMs,
  };
}

// — Poisson upper tail —

/** Lanczos coefficients, g = 7, n = 9 (as in Numerical Recipes and most numeric libraries). */
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x ≥ 0.5 (Lanczos; relative error ~1e-15). */
function logGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TAIL_EPS = 1e-16;
const TINY = 1e-300;

/** ln P(a, x), the regularized lower incomplete gamma, by its series (for x < a + 1). */
function logGammaPSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; term > sum * TAIL_EPS; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return -x + a * Math.log(x) - logGamma(a) + Math.log(sum);
}

/** ln Q(a, x) = ln(1 − P(a, x)) by its continued fraction (modified Lentz, for x ≥ a + 1). */
function logGammaQFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; ; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < TAIL_EPS) break;
  }
  return -x + a * Math.log(x) - logGamma(a) + Math.log(h);
}

/**
 * ln P(X ≥ k) for X ~ Poisson(λ): the log of {@link poissonUpperTail}, finite far below where the tail itself
 * underflows (−∞ only when λ = 0 and k ≥ 1).
 * @param k count, a safe integer (k ≤ 0 gives 0, i.e. probability 1)
 * @param lambda Poisson mean, finite and ≥ 0
 * @returns ln P(X ≥ k | λ), ≤ 0
 * @throws {RangeError} when k is not a safe integer or λ not finite and ≥ 0
 * @example logPoissonUpperTail(1, 2) // ln(1 − e^−2) ≈ −0.1454
 */
export function logPoissonUpperTail(k: number, lambda: number): number {
  if (!Number.isSafeInteger(k)) throw new RangeError(`${PREFIX}: k must be a safe integer, got ${String(k)}`);
  if (!(Number.isFinite(lambda) && lambda >= 0))
    throw new RangeError(`${PREFIX}: lambda must be a finite number ≥ 0, got ${String(lambda)}`);
  if (k <= 0) return 0;
  if (lambda === 0) return Number.NEGATIVE_INFINITY;
  // P(X ≥ k | λ) = P(k, λ), the regularized lower incomplete gamma (Numerical Recipes §6.2).
  if (lambda < k + 1) return Math.min(0, logGammaPSeries(k, lambda));
  return Math.log(-Math.expm1(logGammaQFraction(k, lambda)));
}

/**
 * P(X ≥ k) for X ~ Poisson(λ), via the regularized incomplete gamma function (stable in log space; relative
 * error ~1e-14; 0 below ~1e-308).
 * @param k count, a safe integer (k ≤ 0 gives 1)
 * @param lambda Poisson mean, finite and ≥ 0
 * @returns the upper-tail probability, 0..1
 * @throws {RangeError} when k is not a safe integer or λ not finite and ≥ 0
 * @example poissonUpperTail(10, 3) // ≈ 0.0011025 (1 − 0.9988975 in Poisson tables)
 */
export function poissonUpperTail(k: number, lambda: number): number {
  return Math.exp(logPoissonUpperTail(k, lambda));
}
