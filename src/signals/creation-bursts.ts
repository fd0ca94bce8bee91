/**
 * Creation bursts: accounts of one group registered within a few days of each other. Account farms register in
 * batches, so the accounts of a coordinated network often share creation dates. Bellutta & Carley 2023,
 * "Investigating coordinated account creation using burst detection and network analysis", Journal of Big Data 10,
 * 20, doi:10.1186/s40537-023-00695-7, found that Twitter accounts created during creation bursts behaved more alike
 * and were more often bots. They detect bursts in the platform-wide series of creation dates; here the question is
 * narrower: inside one suspected group, how many accounts were created close together?
 *
 * Method: sort the known creation times; slide a window of `windowDays` over them (two pointers); a window that
 * holds at least `minAccounts` accounts is dense; dense windows that share an account are merged. Each merged run
 * is one burst. O(n log n) for the sort, O(n) after.
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
  /** `lastMs − firstMs`, ms. Can exceed the window when overlapping dense windows were merged. */
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
 * Find creation bursts in one group of accounts.
 *
 * A window starting at account i (in creation order) holds every account created at most `windowDays` after it
 * (inclusive). Windows holding ≥ `minAccounts` accounts are dense; dense windows that share an account are merged
 * (so a steady stream of registrations, three every two days, becomes one long burst: check `spanMs`). Accounts
 * without a valid creation time are left out and do not count in `share`. Deterministic: the result depends only
 * on the set of (key, time) pairs, not on input order.
 *
 * @param accounts the group's accounts (a key given twice keeps its earliest time)
 * @param options partial {@link CreationBurstOptions}: `[options.windowDays=3]`, `[options.minAccounts=3]`
 * @returns bursts by `firstMs`, each with every account in it; empty when there is none
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
    bursts: burstsOfSorted(times, windowDays * DAY_MS, minAccounts),
  };
}

/** The sliding-window scan over times sorted by {@link knownCreationTimes}. */
function burstsOfSorted(
  times: ReadonlyArray<{ key: string; ms: number }>,
  windowMs: number,
  minAccounts: number,
): CreationBurst[] {
  const n = times.length;
  const bursts: CreationBurst[] = [];
  const emit = (from: number, to: number): void => {
    const members = times.slice(from, to + 1);
    const firstMs = members[0]!.ms;
    const lastMs = members[members.length - 1]!.ms;
    bursts.push({
      firstMs,
      lastMs,
      spanMs: lastMs - firstMs,
      count: members.length,
      share: members.length / n,
      accounts: members.map((m) => m.key),
    });
  };
  let start = -1; // current merged burst [start, end], −1 when none is open
  let end = -1;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j < i) j = i;
    while (j + 1 < n && times[j + 1]!.ms - times[i]!.ms <= windowMs) j++;
    if (j - i + 1 < minAccounts) continue;
    if (start >= 0 && i <= end) {
      end = j;
    } else {
      if (start >= 0) emit(start, end);
      start = i;
      end = j;
    }
  }
  if (start >= 0) emit(start, end);
  return bursts;
}
