/**
 * Synchronized session starts: many accounts that begin their day within minutes of each other. Staff who clock in
 * together start posting together; Meta's Online Operations Kill Chain (Nimmo & Hutchins 2023) lists
 * "coordinating shift patterns" (procedure 3.1), and its Spamouflage reports describe accounts that come online in
 * the same office hours. Synchrony of activity onsets is also the core of temporal coordination detectors such as
 * Pacheco et al. 2021 ("Uncovering Coordinated Networks on Social Media", ICWSM, doi:10.1609/icwsm.v15i1.18075);
 * here the onset is the first post of each account per day.
 *
 * Method: per day (UTC, or shifted by `dayOffsetMinutes`), each account's session start is its first post of the
 * day. The starts of a day are sorted by time (then account key). For each start s_i, its window is s_i and the
 * following starts at most `windowSeconds` later; a window with ≥ `minAccounts` starts qualifies. Qualifying windows
 * that share a start are merged into one burst, so a burst is a maximal run of starts in which every start lies in a
 * qualifying window. A burst can therefore span more than `windowSeconds` when many accounts keep arriving.
 *
 * Caveat: on large populations in one time zone, many organic accounts start near 09:00 too. Run this per candidate
 * cluster (or on accounts already linked by other evidence) and read `burstShare` as one signal among several.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { compareStrings } from '../graph/compare-strings.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import { validateOffsetMinutes } from './hour-of-week.js';

const DAY_MS = 86_400_000;
const PREFIX = 'signals/synchronized-bursts';

/** Options of {@link synchronizedBursts}. */
export interface SynchronizedBurstOptions {
  // — burst —
  /** Largest gap (seconds, integer ≥ 0) from the first start of a window to the others. */
  windowSeconds: number;
  /** Fewest distinct accounts (integer ≥ 2) whose starts make a window a burst. */
  minAccounts: number;
  // — days —
  /**
   * Where days begin, as a UTC offset in minutes (integer in [−720, 840]): 0 = UTC midnight. Use the operators'
   * fitted offset so that a day boundary never cuts through a shift.
   */
  dayOffsetMinutes: number;
}

/**
 * Defaults of {@link SynchronizedBurstOptions}: `windowSeconds` 300 ("within minutes"); `minAccounts` 3 (two
 * accounts starting together is a pair, which co-action detection already covers; three is the smallest group);
 * `dayOffsetMinutes` 0 (UTC days).
 */
export const SYNCHRONIZED_BURST_DEFAULTS: Readonly<SynchronizedBurstOptions> = Object.freeze({
  windowSeconds: 300,
  minAccounts: 3,
  dayOffsetMinutes: 0,
});

/** A post (or a session start) of an account. */
export interface AccountTime {
  /** Account key, e.g. `twitter:123`. */
  accountKey: string;
  /** Epoch milliseconds. */
  tsMs: number;
}

/** One burst of synchronized session starts. */
export interface SessionBurst {
  /** The day, `YYYY-MM-DD` (UTC, or shifted by `dayOffsetMinutes`). */
  day: string;
  /** Earliest and latest start in the burst, epoch ms. */
  startTsMs: number;
  endTsMs: number;
  /** The starts, in time order (ties by account key); one per account. */
  starts: AccountTime[];
}

/** Per-account burst participation. */
export interface AccountBurstStats {
  accountKey: string;
  /** Days with at least one post. */
  activeDays: number;
  /** Days on which the account's session start is in a burst. */
  burstDays: number;
  /** burstDays / activeDays, 4 decimals. */
  burstShare: number;
}

/** Result of {@link synchronizedBursts}. */
export interface SynchronizedBurstsResult {
  /** Bursts by start time (then first account key). */
  bursts: SessionBurst[];
  /** Every account seen, by account key. */
  accounts: AccountBurstStats[];
}

/**
 * Merge partial options over {@link SYNCHRONIZED_BURST_DEFAULTS} and validate them.
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: `windowSeconds` not an integer ≥ 0, `minAccounts` not an
 *   integer ≥ 2, `dayOffsetMinutes` not a whole-minute offset in [−720, 840]
 */
export function resolveSynchronizedBurstOptions(
  input: OptionsInput<SynchronizedBurstOptions> = {},
): SynchronizedBurstOptions {
  const options = { ...SYNCHRONIZED_BURST_DEFAULTS, ...definedFields(input) } as SynchronizedBurstOptions;
  if (!Number.isSafeInteger(options.windowSeconds) || options.windowSeconds < 0) {
    throw new ConfigError(
      `${PREFIX}: invalid \`windowSeconds\` (${String(options.windowSeconds)}). Expecting an integer ≥ 0.`,
    );
  }
  if (!Number.isSafeInteger(options.minAccounts) || options.minAccounts < 2) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minAccounts\` (${String(options.minAccounts)}). Expecting an integer ≥ 2.`,
    );
  }
  validateOffsetMinutes(options.dayOffsetMinutes, PREFIX, 'dayOffsetMinutes');
  return options;
}

const byTimeThenKey = (a: AccountTime, b: AccountTime): number =>
  a.tsMs - b.tsMs || compareStrings(a.accountKey, b.accountKey);

/** Each account's first post per day: day index → starts (unsorted). */
function sessionStarts(posts: Iterable<AccountTime>, shiftMs: number): Map<number, Map<string, number>> {
  const days = new Map<number, Map<string, number>>();
  for (const post of posts) {
    if (!Number.isFinite(post.tsMs) || typeof post.accountKey !== 'string') {
      throw new ConfigError(
        `${PREFIX}: invalid post (${String(post.accountKey)}, ${String(post.tsMs)}). Expecting a string \`accountKey\` and finite \`tsMs\`.`,
      );
    }
    const day = Math.floor((post.tsMs + shiftMs) / DAY_MS);
    let starts = days.get(day);
    if (!starts) {
      starts = new Map();
      days.set(day, starts);
    }
    const seen = starts.get(post.accountKey);
    if (seen === undefined || post.tsMs < seen) starts.set(post.accountKey, post.tsMs);
  }
  return days;
}

/** Bursts among one day's starts (sorted by time, then key), as index ranges [from, to]. */
function burstRanges(
  starts: readonly AccountTime[],
  windowMs: number,
  minAccounts: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    if (j < i) j = i;
    while (j + 1 < starts.length && starts[j + 1]!.tsMs - starts[i]!.tsMs <= windowMs) j++;
    if (j - i + 1 < minAccounts) continue;
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = Math.max(last[1], j);
    else ranges.push([i, j]);
  }
  return ranges;
}

/**
 * Find days on which several accounts start posting within `windowSeconds` of each other (method in the module
 * header).
 *
 * @param posts posts or session starts, `{ accountKey, tsMs }`, any order; only each account's first post per day
 *   is used
 * @param options partial {@link SynchronizedBurstOptions}: `[options.windowSeconds=300]`, `[options.minAccounts=3]`,
 *   `[options.dayOffsetMinutes=0]`
 * @returns bursts and per-account participation
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid or a post lacks a string key or finite time
 * @example
 * const { bursts, accounts } = synchronizedBursts(posts, { windowSeconds: 300, minAccounts: 3 });
 * accounts.filter((a) => a.burstShare >= 0.5) // accounts that usually start with the group
 */
export function synchronizedBursts(
  posts: Iterable<AccountTime>,
  options: OptionsInput<SynchronizedBurstOptions> = {},
): SynchronizedBurstsResult {
  const { windowSeconds, minAccounts, dayOffsetMinutes } = resolveSynchronizedBurstOptions(options);
  const shiftMs = dayOffsetMinutes * 60_000;
  const days = sessionStarts(posts, shiftMs);
  const stats = new Map<string, { activeDays: number; burstDays: number }>();
  const bursts: SessionBurst[] = [];
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    const starts = [...days.get(day)!]
      .map(([accountKey, tsMs]) => ({ accountKey, tsMs }))
      .sort(byTimeThenKey);
    for (const s of starts) {
      const entry = stats.get(s.accountKey) ?? { activeDays: 0, burstDays: 0 };
      entry.activeDays++;
      stats.set(s.accountKey, entry);
    }
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    for (const [from, to] of burstRanges(starts, windowSeconds * 1000, minAccounts)) {
      const members = starts.slice(from, to + 1);
      for (const m of members) stats.get(m.accountKey)!.burstDays++;
      bursts.push({
        day: date,
        startTsMs: members[0]!.tsMs,
        endTsMs: members[members.length - 1]!.tsMs,
        starts: members,
      });
    }
  }
  const accounts = [...stats.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([accountKey, s]) => ({
      accountKey,
      activeDays: s.activeDays,
      burstDays: s.burstDays,
      burstShare: Number((s.burstDays / s.activeDays).toFixed(4)),
    }));
  return { bursts, accounts };
}
