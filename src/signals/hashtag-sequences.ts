/**
 * Hashtag sequences: the ordered list of hashtags an account posted during one UTC day, as one object. Accounts
 * that post the identical sequence of five or more hashtags on a day are unlikely to do so independently, so equal
 * sequences are co-actions.
 *
 * Method of case study 3 of Pacheco, D., Hui, P.-M., Torres-Lugo, C., Truong, B. T., Flammini, A. & Menczer, F.
 * (2021). Uncovering Coordinated Networks on Social Media: Methods and Case Studies. Proc. ICWSM 15(1), 455–466.
 * doi:10.1609/icwsm.v15i1.18075 — Table 3: support filter "at least 5 tweets, 5 hashtags per day", trace "hashtags
 * in a tweet", engineered trace "ordered sequence of hashtags in a day", projection "co-occurrence", no edge
 * filter, connected components. Details checked against the authors' notebook
 * (github.com/osome-iu/coordination-detection, `CS3/hashtag_sequence_coordination.ipynb`): per account and daily
 * dump of native tweets (no retweets), tweets sorted by time, the hashtags of each tweet appended in their order
 * (repeats kept), kept when the account has ≥ 5 tweets with hashtags and ≥ 5 distinct hashtags; accounts with the
 * identical concatenated sequence are linked. Differences here: the day is the UTC calendar day (the paper's dumps
 * were daily); tags are joined with a separator (the notebook concatenates them, so `ab`+`c` equals `a`+`bc`).
 *
 * @module
 */
import { CibError, ConfigError } from '../errors.js';

/**
 * Separator between the tags of a sequence: U+FF03 FULLWIDTH NUMBER SIGN `＃`. It cannot occur in a normalized
 * hashtag: `normalizeHashtag` ends with NFKC, which maps it to `#`.
 */
export const HASHTAG_SEQUENCE_SEPARATOR = '\uff03';

/** Options of {@link hashtagSequences}. */
export interface HashtagSequenceOptions {
  // — support filter (Pacheco et al. 2021, Table 3) —
  /** Fewest distinct hashtags in an account's day (integer ≥ 1). Default 5, the paper's value. */
  minDistinctHashtags: number;
  /**
   * Fewest posts with hashtags in an account's day (integer ≥ 1). Default 5, the paper's value (its notebook's
   * `min_tweets_with_hashtags`; its `min_tweets` = 5 is then implied).
   */
  minTaggedPosts: number;
}

/**
 * Defaults of {@link HashtagSequenceOptions}: 5 distinct hashtags and 5 tagged posts per day (Pacheco et al. 2021).
 * @example HASHTAG_SEQUENCE_DEFAULTS.minDistinctHashtags // 5
 */
export const HASHTAG_SEQUENCE_DEFAULTS: Readonly<HashtagSequenceOptions> = Object.freeze({
  minDistinctHashtags: 5,
  minTaggedPosts: 5,
});

const PREFIX = 'signals/hashtag-sequences';
const DAY_MS = 86_400_000;

/**
 * Merge partial options over {@link HASHTAG_SEQUENCE_DEFAULTS} and validate the result.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateHashtagSequenceOptions}
 */
export function resolveHashtagSequenceOptions(
  input: Partial<HashtagSequenceOptions> = {},
): HashtagSequenceOptions {
  const options: HashtagSequenceOptions = {
    minDistinctHashtags: input.minDistinctHashtags ?? HASHTAG_SEQUENCE_DEFAULTS.minDistinctHashtags,
    minTaggedPosts: input.minTaggedPosts ?? HASHTAG_SEQUENCE_DEFAULTS.minTaggedPosts,
  };
  validateHashtagSequenceOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `minDistinctHashtags` or `minTaggedPosts` is not
 *   an integer ≥ 1
 */
export function validateHashtagSequenceOptions(options: HashtagSequenceOptions): void {
  for (const name of ['minDistinctHashtags', 'minTaggedPosts'] as const) {
    const value = options[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ConfigError(`${PREFIX}: invalid \`${name}\` (${String(value)}). Expecting an integer ≥ 1.`);
    }
  }
}

/** One input row: a post with its (already normalized) hashtags. */
export interface HashtagRow {
  /** Post record number (integer), unique per post. */
  rec: number;
  /** Account key, e.g. `twitter:123`. */
  accountKey: string;
  /** Post time, UTC epoch milliseconds (integer). */
  tsMs: number;
  /** Normalized hashtags in the order of the post (`normalizeHashtag` keys; repeats allowed). */
  hashtags: readonly string[];
}

/** An account's hashtag sequence of one UTC day. */
export interface HashtagSequence {
  /** Record of the first post of the day that has hashtags (where the trace is anchored). */
  rec: number;
  /** The account. */
  accountKey: string;
  /** The UTC calendar day, `YYYY-MM-DD`. */
  dayUtc: string;
  /** The day's hashtags in post order (repeats kept), joined by {@link HASHTAG_SEQUENCE_SEPARATOR}. */
  sequence: string;
  /** Number of hashtags in the sequence (with repeats). */
  tags: number;
  /** Number of distinct hashtags. */
  distinctTags: number;
  /** Number of posts with hashtags. */
  posts: number;
}

/** The day being collected for the current account. */
interface DayBuffer {
  day: number;
  firstRec: number;
  tags: string[];
  distinct: Set<string>;
  posts: number;
}

function invalid(message: string): CibError {
  return new CibError('INPUT_INVALID', `${PREFIX}: ${message}`);
}

function checkRow(row: HashtagRow): void {
  if (!Number.isSafeInteger(row.tsMs)) throw invalid(`post ${row.rec}: \`tsMs\` is not an integer.`);
  for (const tag of row.hashtags) {
    if (typeof tag !== 'string' || tag === '' || tag.includes(HASHTAG_SEQUENCE_SEPARATOR)) {
      throw invalid(`post ${row.rec}: hashtag "${String(tag)}" is empty or not normalized.`);
    }
  }
}

/** Precondition check between consecutive rows; `done` holds the accounts already finished. */
function checkOrder(prev: HashtagRow | null, row: HashtagRow, done: ReadonlySet<string>): void {
  if (prev === null) return;
  if (prev.accountKey !== row.accountKey) {
    if (done.has(row.accountKey)) {
      throw invalid(
        `rows of account "${row.accountKey}" are not contiguous. Expecting rows grouped by account.`,
      );
    }
    return;
  }
  if (row.tsMs < prev.tsMs || (row.tsMs === prev.tsMs && row.rec <= prev.rec)) {
    throw invalid(
      `post ${row.rec} of "${row.accountKey}" comes after post ${prev.rec}. Expecting rows sorted by (tsMs, rec) within an account.`,
    );
  }
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Build the daily hashtag sequences of every account (Pacheco et al. 2021, case study 3; see the module header).
 *
 * Precondition: the rows of one account are contiguous and, within an account, sorted by (`tsMs`, `rec`) with no
 * repeated `rec` — e.g. `ORDER BY account, ts_ms, rec` in SQL (any order of the accounts, so any collation, is
 * fine). Feed original posts only (no shares/retweets), as in the paper. Rows without hashtags are ignored. Streams
 * the input: memory is one account-day plus the list of accounts seen.
 *
 * @param rows posts with normalized hashtags, in the order above
 * @param options partial {@link HashtagSequenceOptions}: `[options.minDistinctHashtags=5]`,
 *   `[options.minTaggedPosts=5]`
 * @returns one {@link HashtagSequence} per account and UTC day that passes the support filter, sorted by
 *   `accountKey` (code-unit order), then `dayUtc`
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @throws {CibError} `INPUT_INVALID` when the rows break the precondition, a `tsMs` is not an integer, or a hashtag
 *   is empty or contains {@link HASHTAG_SEQUENCE_SEPARATOR} (not normalized)
 * @example
 * hashtagSequences(rows, { minDistinctHashtags: 2, minTaggedPosts: 2 })
 * // [{ rec: 1, accountKey: 'x:a', dayUtc: '2024-03-01', sequence: 'vote＃now＃vote', tags: 3, distinctTags: 2, posts: 2 }]
 */
export function hashtagSequences(
  rows: Iterable<HashtagRow>,
  options: Partial<HashtagSequenceOptions> = {},
): HashtagSequence[] {
  const resolved = resolveHashtagSequenceOptions(options);
  const out: HashtagSequence[] = [];
  const done = new Set<string>();
  let prev: HashtagRow | null = null;
  let buffer: DayBuffer | null = null;
  const flush = (): void => {
    if (buffer !== null && prev !== null) {
      const seq = sequenceOf(prev.accountKey, buffer, resolved);
      if (seq !== null) out.push(seq);
    }
    buffer = null;
  };
  for (const row of rows) {
    checkRow(row);
    checkOrder(prev, row, done);
    const day = Math.floor(row.tsMs / DAY_MS);
    if (prev !== null && prev.accountKey !== row.accountKey) {
      flush();
      done.add(prev.accountKey);
    } else if (buffer !== null && buffer.day !== day) {
      flush();
    }
    prev = row;
    if (row.hashtags.length === 0) continue;
    buffer ??= { day, firstRec: row.rec, tags: [], distinct: new Set(), posts: 0 };
    buffer.posts++;
    for (const tag of row.hashtags) {
      buffer.tags.push(tag);
      buffer.distinct.add(tag);
    }
  }
  flush();
  return out.sort(
    (a, b) =>
      (a.accountKey < b.accountKey ? -1 : a.accountKey > b.accountKey ? 1 : 0) ||
      (a.dayUtc < b.dayUtc ? -1 : a.dayUtc > b.dayUtc ? 1 : 0),
  );
}

function sequenceOf(
  accountKey: string,
  buffer: DayBuffer,
  options: HashtagSequenceOptions,
): HashtagSequence | null {
  if (buffer.posts < options.minTaggedPosts || buffer.distinct.size < options.minDistinctHashtags)
    return null;
  return {
    rec: buffer.firstRec,
    accountKey,
    dayUtc: dayString(buffer.day),
    sequence: buffer.tags.join(HASHTAG_SEQUENCE_SEPARATOR),
    tags: buffer.tags.length,
    distinctTags: buffer.distinct.size,
    posts: buffer.posts,
  };
}
