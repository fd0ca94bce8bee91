/**
 * Account signals of one group (a suspected cluster): profile facts that coordinated networks tend to share, as
 * counts, bounded lists and plain-words reasons (DESIGN.md, "Account signals"):
 * - creation-date bursts ({@link creationBursts}; Bellutta & Carley 2023, doi:10.1186/s40537-023-00695-7);
 * - handle shapes, `NameName12345` and random strings ({@link classifyHandle}; Beskow & Carley 2019,
 *   doi:10.1007/s10588-018-09290-1; Yang et al. 2020, doi:10.1609/aaai.v34i01.5460);
 * - reused display names and handles, shared profile images and renames: Pacheco et al. 2021, "Uncovering
 *   coordinated networks on social media: methods and case studies", ICWSM 15, 455–466,
 *   doi:10.1609/icwsm.v15i1.18075, found coordinated accounts by shared profile images and by handles passed
 *   between accounts (handle sharing);
 * - follower/following anomalies: Cresci et al. 2015, "Fame for sale: efficient detection of fake Twitter
 *   followers", Decision Support Systems 80, 56–71, doi:10.1016/j.dss.2015.09.003, evaluated rule sets built on
 *   the friends/followers ratio and on very low follower counts; the thresholds here are laxer than those rules
 *   because they describe a group, not a verdict on one account (see {@link AccountSignalOptions}).
 *
 * Every string in a profile is written by the adversary. Keys are matched after normalization (NFKC, invisible
 * characters dropped, case folded); strings copied into the output are cleaned of invisible and control
 * characters and cut to `maxStringChars`; renderers must still escape them. Account keys are passed through
 * unchanged (they are join keys).
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { foldCase } from '../traces/fold-case.js';
import { stripInvisible } from '../traces/invisible-chars.js';
import {
  type CreationBurst,
  creationBurstsDetailed,
  DAY_MS,
  isValidTimeMs,
  validateCreationBurstOptions,
} from './creation-bursts.js';
import {
  createHandleClassifier,
  HANDLE_PATTERNS,
  type HandleClass,
  type HandlePattern,
  normalizeHandle,
  validateHandlePatternOptions,
} from './handle-pattern.js';

/**
 * One account's profile as the store knows it (the `accounts` table, all rows of one account folded together).
 * Every field is adversary-written.
 */
export interface AccountProfile {
  /** Global key `platform:accountId`. */
  key: string;
  platform: string;
  accountId: string;
  /** Distinct handles seen, oldest first (by `seq`); more than one means a rename. */
  handles: string[];
  /** Distinct display names seen, oldest first. */
  displayNames: string[];
  /** Creation time, UTC epoch ms. */
  createdAtMs?: number | undefined;
  /** Followers count. */
  followers?: number | undefined;
  /** Following (friends) count. */
  following?: number | undefined;
  /** Profile image hash (exact or perceptual, as exported). */
  profileImageHash?: string | undefined;
  bio?: string | undefined;
}

/** Why an account's follower counts look odd, see {@link AccountSignalOptions}. */
export const FOLLOWER_ANOMALY_REASONS = ['follow-ratio', 'zero-followers', 'identical-counts'] as const;

/** One of {@link FOLLOWER_ANOMALY_REASONS}. */
export type FollowerAnomalyReason = (typeof FOLLOWER_ANOMALY_REASONS)[number];

/** Options of {@link accountSignals} and {@link accountFlags}. */
export interface AccountSignalOptions {
  // — creation bursts (see creationBursts) —
  /** Sliding-window width in days (number > 0). Default 3. */
  windowDays: number;
  /** Fewest accounts in a window for a burst (integer ≥ 2). Default 3. */
  minBurstAccounts: number;
  // — handle shapes (see classifyHandle) —
  /** Fewest trailing digits of a `name-digits` handle (integer ≥ 1). Default 4. */
  minNameDigits: number;
  /** Most trailing digits of a `name-digits` handle (integer ≥ `minNameDigits`). Default 8. */
  maxNameDigits: number;
  /** Shortest handle (letters and digits) tested for `random` (integer ≥ 2). Default 8. */
  minRandomChars: number;
  // — follower anomalies —
  /**
   * `follow-ratio` when following ≥ `followRatio` × followers (number ≥ 1) and following ≥
   * `minFollowingForRatio`. Default 10: a laxer form of the "friends/followers ≥ 50" rule (Socialbakers' fake
   * follower check) that Cresci et al. 2015 reviewed; organic accounts rarely follow ten times their audience
   * once they follow a hundred or more.
   */
  followRatio: number;
  /**
   * Fewest followings (number ≥ 0) for `follow-ratio`. Default 100 (the same rule set flags accounts following
   * more than 100 with an empty profile); below it, new organic accounts trip the ratio.
   */
  minFollowingForRatio: number;
  /**
   * `identical-counts` when at least this many accounts (integer ≥ 2) have exactly the same followers and
   * following counts. Default 3.
   */
  minIdenticalCountAccounts: number;
  /**
   * Smallest larger-of-the-two count (number ≥ 0) for `identical-counts`. Default 10: fresh accounts with 0–9
   * followers and followings coincide by chance; equal counts such as 37/210 on three accounts do not.
   */
  minIdenticalCountValue: number;
  // — reuse —
  /** Fewest distinct accounts (integer ≥ 2) sharing a display name, handle or image hash. Default 2. */
  minReuseAccounts: number;
  // — reasons —
  /**
   * Share of the group (0..1) a share-type finding must reach to get a reason line: the largest creation burst
   * (of accounts with a creation date), a suspicious handle shape (of accounts with a handle), `follow-ratio` and
   * `zero-followers` (of accounts with counts). Default 0.3. Reuse, shared images, renames and identical counts
   * get a line whenever they occur. Share-type lines also need at least 2 accounts.
   */
  reasonMinShare: number;
  // — output bounds —
  /**
   * Most entries (integer ≥ 1) in each list: bursts, reused names and handles, images, renames, follower
   * anomalies, identical counts. Default 50.
   */
  maxListItems: number;
  /** Most account keys (integer ≥ 1) listed in one entry (its `count` is always complete). Default 50. */
  maxListedAccounts: number;
  /** Most example handles (integer ≥ 0) per pattern. Default 5. */
  maxExamplesPerPattern: number;
  /** Most handles (integer ≥ 2) listed per renamed account: the first ones and the latest. Default 10. */
  maxHandlesPerRename: number;
  /** Longest copied string (code points, integer ≥ 8) before it is cut with `…`. Default 64. */
  maxStringChars: number;
}

/**
 * Defaults of {@link AccountSignalOptions} (reasons on each field).
 * @example ACCOUNT_SIGNAL_DEFAULTS.followRatio // 10
 */
export const ACCOUNT_SIGNAL_DEFAULTS: Readonly<AccountSignalOptions> = Object.freeze({
  windowDays: 3,
  minBurstAccounts: 3,
  minNameDigits: 4,
  maxNameDigits: 8,
  minRandomChars: 8,
  followRatio: 10,
  minFollowingForRatio: 100,
  minIdenticalCountAccounts: 3,
  minIdenticalCountValue: 10,
  minReuseAccounts: 2,
  reasonMinShare: 0.3,
  maxListItems: 50,
  maxListedAccounts: 50,
  maxExamplesPerPattern: 5,
  maxHandlesPerRename: 10,
  maxStringChars: 64,
});

const PREFIX = 'signals/account-signals';

/**
 * Merge partial options over {@link ACCOUNT_SIGNAL_DEFAULTS} and validate them.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateAccountSignalOptions}
 */
export function resolveAccountSignalOptions(input: Partial<AccountSignalOptions> = {}): AccountSignalOptions {
  const options = { ...ACCOUNT_SIGNAL_DEFAULTS };
  for (const name of Object.keys(ACCOUNT_SIGNAL_DEFAULTS) as Array<keyof AccountSignalOptions>) {
    const value = input[name];
    if (value !== undefined) options[name] = value;
  }
  validateAccountSignalOptions(options);
  return options;
}

/** Throw a {@link ConfigError} naming `field` unless `ok`. */
function check(ok: boolean, field: string, value: unknown, expecting: string): void {
  if (!ok)
    throw new ConfigError(`${PREFIX}: invalid \`${field}\` (${String(value)}). Expecting ${expecting}.`);
}

const isInt = (v: number, min: number): boolean => Number.isSafeInteger(v) && v >= min;
const isNum = (v: number, min: number): boolean => typeof v === 'number' && Number.isFinite(v) && v >= min;

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when a value is outside the range documented on
 *   {@link AccountSignalOptions} (including the creation-burst and handle-pattern fields)
 */
export function validateAccountSignalOptions(o: AccountSignalOptions): void {
  validateCreationBurstOptions({ windowDays: o.windowDays, minAccounts: o.minBurstAccounts });
  validateHandlePatternOptions(o);
  check(isNum(o.followRatio, 1), 'followRatio', o.followRatio, 'a number ≥ 1');
  check(isNum(o.minFollowingForRatio, 0), 'minFollowingForRatio', o.minFollowingForRatio, 'a number ≥ 0');
  check(
    isInt(o.minIdenticalCountAccounts, 2),
    'minIdenticalCountAccounts',
    o.minIdenticalCountAccounts,
    'an integer ≥ 2',
  );
  check(
    isNum(o.minIdenticalCountValue, 0),
    'minIdenticalCountValue',
    o.minIdenticalCountValue,
    'a number ≥ 0',
  );
  check(isInt(o.minReuseAccounts, 2), 'minReuseAccounts', o.minReuseAccounts, 'an integer ≥ 2');
  check(
    isNum(o.reasonMinShare, 0) && o.reasonMinShare <= 1,
    'reasonMinShare',
    o.reasonMinShare,
    'a number in [0, 1]',
  );
  check(isInt(o.maxListItems, 1), 'maxListItems', o.maxListItems, 'an integer ≥ 1');
  check(isInt(o.maxListedAccounts, 1), 'maxListedAccounts', o.maxListedAccounts, 'an integer ≥ 1');
  check(
    isInt(o.maxExamplesPerPattern, 0),
    'maxExamplesPerPattern',
    o.maxExamplesPerPattern,
    'an integer ≥ 0',
  );
  check(isInt(o.maxHandlesPerRename, 2), 'maxHandlesPerRename', o.maxHandlesPerRename, 'an integer ≥ 2');
  check(isInt(o.maxStringChars, 8), 'maxStringChars', o.maxStringChars, 'an integer ≥ 8');
}

// ————————————————————————————————————————— keys and display strings —————————————————————————————————————————

/** Runs of white space (after NFKC most exotic spaces are U+0020 already). */
const SPACES = /\s+/g;

/** A zero-width joiner inside an emoji sequence (woman, skin tone, U+200D, laptop): it changes the picture. */
const EMOJI_ZWJ =
  /(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})/gu;

/**
 * `stripInvisible` that keeps zero-width joiners between emoji: `👨‍👩‍👧` (one family glyph) and `👨👩👧` (three
 * glyphs) look different and must not share a key.
 */
function stripInvisibleKeepEmoji(text: string): string {
  if (!text.includes('\u200D')) return stripInvisible(text);
  return text.split(EMOJI_ZWJ).map(stripInvisible).join('\u200D');
}

/**
 * Matching key of a display name: NFKC; invisible characters dropped (zero-width, bidi controls; zero-width
 * joiners inside emoji sequences are kept); case folded (`foldCase`); NFKC again; white space collapsed to one
 * space; trimmed. `Anna  SMITH`, `ａｎｎａ smith` and `Anna\u200B Smith` share the key `anna smith`; `AnnaSmith`,
 * `Аnna Smith` (Cyrillic А) and `Anna Smith 🇺🇸` do not (no confusable folding: it merges different names in
 * non-Latin scripts). Bidi controls are dropped like the other invisible characters, so `Anna\u202E Smith`
 * (which displays reversed after the override) shares the key of `Anna Smith`: the same letters in the same order.
 * @param name a display name (adversary-written)
 * @returns the key; empty when nothing visible is left
 * @example displayNameKey('  Anna\tSMITH ') // 'anna smith'
 */
export function displayNameKey(name: string): string {
  return foldCase(stripInvisibleKeepEmoji(name.normalize('NFKC')))
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Matching key of a handle: {@link normalizeHandle}, case folded, NFKC again. Handles are caseless on the large
 * platforms; the key has no platform, so the same handle on two platforms (a persona across platforms) matches.
 * @param handle a handle (adversary-written)
 * @returns the key; empty when nothing is left
 * @example handleMatchKey('@AnnaSmith') // 'annasmith'
 */
export function handleMatchKey(handle: string): string {
  return foldCase(normalizeHandle(handle)).normalize('NFKC');
}

/** Matching key of a profile-image hash: trimmed; hexadecimal hashes lower-cased. Empty when blank. */
function imageHashKey(hash: string): string {
  const trimmed = hash.trim();
  return /^[0-9A-Fa-f]+$/.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

/** C0 and C1 controls and the line/paragraph separators. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A string fit to copy into the output: invisible characters (emoji joiners kept) and control characters
 * removed, cut to `maxChars` code points with `…` appended when longer.
 */
function cleanString(text: string, maxChars: number): string {
  const clean = stripInvisibleKeepEmoji(text).replace(CONTROLS, '');
  if (clean.length <= maxChars) return clean;
  let out = '';
  let n = 0;
  for (const char of clean) {
    if (n++ === maxChars) return `${out}…`;
    out += char;
  }
  return out;
}

/** Code-unit order, independent of locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A count or null: finite and ≥ 0. */
function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value + 0 : null; // −0 → 0
}

// ————————————————————————————————————————————————— per account —————————————————————————————————————————————————

/** The per-account bits of {@link accountFlags}, one row of the accounts CSV. */
export interface AccountFlags {
  key: string;
  /** The latest non-empty handle, cleaned and cut to `maxStringChars`; null when there is none. */
  handle: string | null;
  /** Its {@link HandlePattern}; null when there is no handle. */
  handlePattern: HandlePattern | null;
  /** Its trailing digit count; null when there is no handle. */
  handleDigits: number | null;
  /** Its character entropy, bits per character; null when there is no handle. */
  handleEntropyBitsPerChar: number | null;
  /** Distinct handles seen (by {@link handleMatchKey}). */
  handleCount: number;
  /** `handleCount > 1`. */
  renamed: boolean;
  /** Distinct display names seen (by {@link displayNameKey}). */
  displayNameCount: number;
  /** Followers count, null when unknown or invalid. */
  followers: number | null;
  /** Following count, null when unknown or invalid. */
  following: number | null;
  /** Per-account follower anomalies (`follow-ratio`, `zero-followers`; `identical-counts` needs the group). */
  followerAnomalies: FollowerAnomalyReason[];
}

/** The current handle: the last one that is not empty after normalization. */
function currentHandle(handles: readonly string[]): string | null {
  for (let i = handles.length - 1; i >= 0; i--) {
    if (normalizeHandle(handles[i]!) !== '') return handles[i]!;
  }
  return null;
}

/** Distinct non-empty keys of `values`, first spelling of each, in input order. */
function distinctByKey(values: readonly string[], keyOf: (value: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of values) {
    const key = keyOf(value);
    if (key !== '' && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** The per-account follower anomalies. */
function ownFollowerAnomalies(
  followers: number | null,
  following: number | null,
  o: AccountSignalOptions,
): FollowerAnomalyReason[] {
  const reasons: FollowerAnomalyReason[] = [];
  if (
    followers !== null &&
    following !== null &&
    following >= o.minFollowingForRatio &&
    following >= o.followRatio * followers
  ) {
    reasons.push('follow-ratio');
  }
  if (followers === 0) reasons.push('zero-followers');
  return reasons;
}

/** Shared machinery of {@link accountFlags} and {@link accountSignals}: resolved options and the classifier. */
interface Context {
  o: AccountSignalOptions;
  classify: (handle: string) => HandleClass;
}

function createContext(options: Partial<AccountSignalOptions>): Context {
  const o = resolveAccountSignalOptions(options);
  return { o, classify: createHandleClassifier(o) };
}

let defaultContext: Context | undefined;

function contextFor(options: Partial<AccountSignalOptions> | undefined): Context {
  if (options !== undefined) return createContext(options);
  defaultContext ??= createContext({});
  return defaultContext;
}

function flagsOf(profile: AccountProfile, { o, classify }: Context): AccountFlags {
  const handle = currentHandle(profile.handles);
  const shape = handle === null ? null : classify(handle);
  const handleCount = distinctByKey(profile.handles, handleMatchKey).size;
  const followers = countOrNull(profile.followers);
  const following = countOrNull(profile.following);
  return {
    key: profile.key,
    handle: handle === null ? null : cleanString(normalizeHandle(handle), o.maxStringChars),
    handlePattern: shape?.pattern ?? null,
    handleDigits: shape?.digits ?? null,
    handleEntropyBitsPerChar: shape?.entropyBitsPerChar ?? null,
    handleCount,
    renamed: handleCount > 1,
    displayNameCount: distinctByKey(profile.displayNames, displayNameKey).size,
    followers,
    following,
    followerAnomalies: ownFollowerAnomalies(followers, following, o),
  };
}

/**
 * The per-account bits for the accounts CSV: handle shape of the latest handle, rename, follower anomalies.
 * @param profile one account (adversary-written fields; never throws on their content)
 * @param options partial {@link AccountSignalOptions} (handle-shape and follower fields are used)
 * @returns the {@link AccountFlags}, JSON-serializable (null for unknowns)
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * accountFlags({ key: 'x:1', platform: 'x', accountId: '1', handles: ['anna_smith8841'], displayNames: [],
 *   followers: 3, following: 900 })
 * // { handlePattern: 'name-digits', handleDigits: 4, followerAnomalies: ['follow-ratio'], … }
 */
export function accountFlags(profile: AccountProfile, options?: Partial<AccountSignalOptions>): AccountFlags {
  return flagsOf(profile, contextFor(options));
}

// ————————————————————————————————————————————————— per group ———————————————————————————————————————————————————

/** A creation burst with its account list cut to `maxListedAccounts` (`count` stays complete). */
export type CreationBurstSummary = CreationBurst;

/** Creation facts of the group. */
export interface CreationSignals {
  /** Accounts with a valid creation time. */
  known: number;
  /** Earliest and latest creation time, UTC epoch ms; null when none is known. */
  firstMs: number | null;
  lastMs: number | null;
  /** Number of bursts (complete, even when `bursts` is cut). */
  burstCount: number;
  /** Accounts in any burst. */
  accountsInBursts: number;
  /** The burst with most accounts (earliest on ties); null when there is none. */
  largestBurst: CreationBurstSummary | null;
  /** Bursts by size (largest first), then by `firstMs`; at most `maxListItems`. */
  bursts: CreationBurstSummary[];
}

/** Handle shapes of the group (each account's latest handle). */
export interface HandleSignals {
  /** Accounts with a handle. */
  known: number;
  /** Accounts per pattern, every pattern present (0 when absent; `empty` stays 0: no handle, not `known`). */
  byPattern: Record<HandlePattern, number>;
  /** Up to `maxExamplesPerPattern` distinct cleaned handles per pattern, in code-unit order. */
  examples: Record<HandlePattern, string[]>;
}

/** Accounts sharing one display name. */
export interface ReusedDisplayName {
  /** The smallest (code-unit order) cleaned spelling among the accounts. */
  name: string;
  /** Distinct accounts using it (complete). */
  count: number;
  /** Their keys in code-unit order, at most `maxListedAccounts`. */
  accounts: string[];
}

/** Accounts sharing one handle (now or in their history). */
export interface ReusedHandle {
  /** The smallest cleaned, normalized spelling among the accounts. */
  handle: string;
  count: number;
  /** Distinct platforms of the accounts, in code-unit order (cleaned). */
  platforms: string[];
  accounts: string[];
}

/** Accounts sharing one profile-image hash. */
export interface SharedProfileImage {
  /** The hash key (trimmed; hexadecimal lower-cased), cleaned and cut. */
  hash: string;
  count: number;
  accounts: string[];
}

/** An account that changed handle. */
export interface Rename {
  key: string;
  /** Distinct handles (complete). */
  count: number;
  /** Its handles oldest first, cleaned; when more than `maxHandlesPerRename`, the first ones and the latest. */
  handles: string[];
}

/** An account with odd follower counts. */
export interface FollowerAnomaly {
  key: string;
  followers: number | null;
  following: number | null;
  /** In the order of {@link FOLLOWER_ANOMALY_REASONS}. */
  reasons: FollowerAnomalyReason[];
}

/** Accounts with the very same followers and following counts. */
export interface IdenticalFollowerCounts {
  followers: number;
  following: number;
  count: number;
  accounts: string[];
}

/** Complete counts behind the cut lists. */
export interface AccountSignalCounts {
  reusedDisplayNames: number;
  reusedHandles: number;
  sharedProfileImages: number;
  /** Accounts whose image hash is shared with another account of the group. */
  accountsSharingImages: number;
  renamedAccounts: number;
  /** Accounts with valid followers counts. */
  followersKnown: number;
  /** Accounts per follower-anomaly reason. */
  followerAnomalies: Record<FollowerAnomalyReason, number>;
}

/** What {@link accountSignals} returns: JSON-serializable, deterministic, bounded. */
export interface AccountSignals {
  /** Distinct accounts (by key). */
  accounts: number;
  creation: CreationSignals;
  handles: HandleSignals;
  /** By `count` (largest first), then `name`; at most `maxListItems`. */
  reusedDisplayNames: ReusedDisplayName[];
  /** By `count`, then `handle`; at most `maxListItems`. */
  reusedHandles: ReusedHandle[];
  /** By `count`, then `hash`; at most `maxListItems`. */
  sharedProfileImages: SharedProfileImage[];
  /** By key; at most `maxListItems`. */
  renames: Rename[];
  /** By key; at most `maxListItems`. */
  followerAnomalies: FollowerAnomaly[];
  /** By `count`, then followers, then following; at most `maxListItems`. */
  identicalFollowerCounts: IdenticalFollowerCounts[];
  counts: AccountSignalCounts;
  /** Plain-words summary lines, in a fixed order (creation, handles, renames, reuse, images, followers). */
  reasons: string[];
}

/**
 * Groups of account indices by key. An entry is a single index until a second account joins (saves memory when
 * most keys are unique). Indices are added in increasing order, each account at most once per key.
 */
class IndexGroups {
  readonly map = new Map<string, number | number[]>();
  add(key: string, index: number): void {
    const entry = this.map.get(key);
    if (entry === undefined) this.map.set(key, index);
    else if (typeof entry === 'number') {
      if (entry !== index) this.map.set(key, [entry, index]);
    } else if (entry[entry.length - 1] !== index) entry.push(index);
  }
  /** Keys with at least `min` accounts and their indices. */
  *atLeast(min: number): Generator<[string, number[]]> {
    for (const [key, entry] of this.map)
      if (typeof entry !== 'number' && entry.length >= min) yield [key, entry];
  }
}

/** Smallest string in code-unit order. */
function smallest(values: Iterable<string>): string {
  let best: string | undefined;
  for (const v of values) if (best === undefined || v < best) best = v;
  return best ?? '';
}

/**
 * Insert `value` into `list` (sorted, distinct, code-unit order) when it is among the `max` smallest; O(max) per
 * call, so bounded examples never hold every handle of a huge group.
 */
function keepSmallest(list: string[], value: string, max: number): void {
  if (max === 0 || (list.length === max && value >= list[max - 1]!)) return;
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  if (i > 0 && list[i - 1] === value) return;
  list.splice(i, 0, value);
  if (list.length > max) list.pop();
}

/** The `max` profile indices with the smallest keys (keys are distinct after de-duplication), in key order. */
class SmallestKeys {
  private readonly kept: number[] = [];
  private readonly profiles: readonly AccountProfile[];
  private readonly max: number;
  constructor(profiles: readonly AccountProfile[], max: number) {
    this.profiles = profiles;
    this.max = max;
  }
  add(index: number): void {
    const key = this.profiles[index]!.key;
    const kept = this.kept;
    if (kept.length === this.max && key >= this.profiles[kept[this.max - 1]!]!.key) return;
    let i = kept.length;
    while (i > 0 && this.profiles[kept[i - 1]!]!.key > key) i--;
    kept.splice(i, 0, index);
    if (kept.length > this.max) kept.pop();
  }
  indices(): number[] {
    return [...this.kept];
  }
}

/** Sorted, cut account keys of `indices`. */
function keysOf(profiles: readonly AccountProfile[], indices: readonly number[], max: number): string[] {
  return indices
    .map((i) => profiles[i]!.key)
    .sort(compareStrings)
    .slice(0, max);
}

/**
 * Entries by count (desc), then label, then matching key (labels are cut, so two keys can share one), cut to
 * `max`.
 */
function byCountThen<T extends { count: number }>(
  entries: Array<[key: string, entry: T]>,
  label: (t: T) => string,
  max: number,
): T[] {
  entries.sort(
    ([ka, a], [kb, b]) => b.count - a.count || compareStrings(label(a), label(b)) || compareStrings(ka, kb),
  );
  return entries.slice(0, max).map(([, entry]) => entry);
}

function creationSignals(profiles: readonly AccountProfile[], o: AccountSignalOptions): CreationSignals {
  const found = creationBurstsDetailed(profiles, {
    windowDays: o.windowDays,
    minAccounts: o.minBurstAccounts,
  });
  const cut = (b: CreationBurst): CreationBurstSummary => ({
    ...b,
    accounts: b.accounts.slice(0, o.maxListedAccounts),
  });
  const ranked = [...found.bursts].sort((a, b) => b.count - a.count || a.firstMs - b.firstMs);
  return {
    known: found.known,
    firstMs: found.firstMs,
    lastMs: found.lastMs,
    burstCount: found.bursts.length,
    accountsInBursts: found.bursts.reduce((sum, b) => sum + b.count, 0),
    largestBurst: ranked[0] === undefined ? null : cut(ranked[0]),
    bursts: ranked.slice(0, o.maxListItems).map(cut),
  };
}

function handleSignals(profiles: readonly AccountProfile[], { o, classify }: Context): HandleSignals {
  const byPattern = Object.fromEntries(HANDLE_PATTERNS.map((p) => [p, 0])) as Record<HandlePattern, number>;
  const examples = Object.fromEntries(HANDLE_PATTERNS.map((p) => [p, [] as string[]])) as Record<
    HandlePattern,
    string[]
  >;
  let known = 0;
  for (const p of profiles) {
    const handle = currentHandle(p.handles);
    if (handle === null) continue;
    const { pattern } = classify(handle);
    known++;
    byPattern[pattern]++;
    keepSmallest(
      examples[pattern],
      cleanString(normalizeHandle(handle), o.maxStringChars),
      o.maxExamplesPerPattern,
    );
  }
  return { known, byPattern, examples };
}

function reusedDisplayNames(
  profiles: readonly AccountProfile[],
  o: AccountSignalOptions,
): { list: ReusedDisplayName[]; total: number } {
  const groups = new IndexGroups();
  profiles.forEach((p, i) => {
    for (const name of p.displayNames) {
      const key = displayNameKey(name);
      if (key !== '') groups.add(key, i);
    }
  });
  const list: Array<[string, ReusedDisplayName]> = [];
  for (const [key, indices] of groups.atLeast(o.minReuseAccounts)) {
    const spellings = indices.flatMap((i) =>
      profiles[i]!.displayNames.filter((n) => displayNameKey(n) === key),
    );
    list.push([
      key,
      {
        name: smallest(spellings.map((n) => cleanString(n.trim(), o.maxStringChars))),
        count: indices.length,
        accounts: keysOf(profiles, indices, o.maxListedAccounts),
      },
    ]);
  }
  return { list: byCountThen(list, (r) => r.name, o.maxListItems), total: list.length };
}

function reusedHandles(
  profiles: readonly AccountProfile[],
  o: AccountSignalOptions,
): { list: ReusedHandle[]; total: number } {
  const groups = new IndexGroups();
  profiles.forEach((p, i) => {
    for (const handle of p.handles) {
      const key = handleMatchKey(handle);
      if (key !== '') groups.add(key, i);
    }
  });
  const list: Array<[string, ReusedHandle]> = [];
  for (const [key, indices] of groups.atLeast(o.minReuseAccounts)) {
    const spellings = indices.flatMap((i) => profiles[i]!.handles.filter((h) => handleMatchKey(h) === key));
    const platforms = new Set(indices.map((i) => cleanString(profiles[i]!.platform, o.maxStringChars)));
    list.push([
      key,
      {
        handle: smallest(spellings.map((h) => cleanString(normalizeHandle(h), o.maxStringChars))),
        count: indices.length,
        platforms: [...platforms].sort(compareStrings),
        accounts: keysOf(profiles, indices, o.maxListedAccounts),
      },
    ]);
  }
  return { list: byCountThen(list, (r) => r.handle, o.maxListItems), total: list.length };
}

function sharedProfileImages(
  profiles: readonly AccountProfile[],
  o: AccountSignalOptions,
): { list: SharedProfileImage[]; total: number; accounts: number } {
  const groups = new IndexGroups();
  profiles.forEach((p, i) => {
    if (typeof p.profileImageHash !== 'string') return;
    const key = imageHashKey(p.profileImageHash);
    if (key !== '') groups.add(key, i);
  });
  const list: Array<[string, SharedProfileImage]> = [];
  let accounts = 0;
  for (const [key, indices] of groups.atLeast(o.minReuseAccounts)) {
    accounts += indices.length;
    list.push([
      key,
      {
        hash: cleanString(key, o.maxStringChars),
        count: indices.length,
        accounts: keysOf(profiles, indices, o.maxListedAccounts),
      },
    ]);
  }
  return { list: byCountThen(list, (r) => r.hash, o.maxListItems), total: list.length, accounts };
}

function renames(
  profiles: readonly AccountProfile[],
  o: AccountSignalOptions,
): { list: Rename[]; total: number } {
  const kept = new SmallestKeys(profiles, o.maxListItems);
  let total = 0;
  profiles.forEach((p, i) => {
    if (distinctByKey(p.handles, handleMatchKey).size < 2) return;
    total++;
    kept.add(i);
  });
  const list = kept.indices().map((i): Rename => {
    const p = profiles[i]!;
    const distinct = [...distinctByKey(p.handles, handleMatchKey).values()];
    const max = o.maxHandlesPerRename;
    const shown =
      distinct.length > max ? [...distinct.slice(0, max - 1), distinct[distinct.length - 1]!] : distinct;
    return {
      key: p.key,
      count: distinct.length,
      handles: shown.map((h) => cleanString(normalizeHandle(h), o.maxStringChars)),
    };
  });
  return { list, total };
}

/** Follower-anomaly bits, in the order of {@link FOLLOWER_ANOMALY_REASONS}. */
const RATIO_BIT = 1;
const ZERO_BIT = 2;
const IDENTICAL_BIT = 4;
const REASON_BITS: ReadonlyArray<[FollowerAnomalyReason, number]> = [
  ['follow-ratio', RATIO_BIT],
  ['zero-followers', ZERO_BIT],
  ['identical-counts', IDENTICAL_BIT],
];

/** Follower counts of a group in typed arrays (NaN when unknown) and per-account anomaly bits. */
interface FollowerCounts {
  followers: Float64Array;
  following: Float64Array;
  bits: Uint8Array;
  /** Accounts with a valid followers count. */
  known: number;
}

function followerCounts(profiles: readonly AccountProfile[], o: AccountSignalOptions): FollowerCounts {
  const n = profiles.length;
  const c: FollowerCounts = {
    followers: new Float64Array(n),
    following: new Float64Array(n),
    bits: new Uint8Array(n),
    known: 0,
  };
  profiles.forEach((p, i) => {
    const followers = countOrNull(p.followers);
    const following = countOrNull(p.following);
    c.followers[i] = followers ?? Number.NaN;
    c.following[i] = following ?? Number.NaN;
    if (followers !== null) c.known++;
    for (const reason of ownFollowerAnomalies(followers, following, o)) {
      c.bits[i]! |= reason === 'follow-ratio' ? RATIO_BIT : ZERO_BIT;
    }
  });
  return c;
}

/**
 * Runs of ≥ `minIdenticalCountAccounts` accounts with the same (followers, following) whose larger count is ≥
 * `minIdenticalCountValue`, found by sorting indices (not by string keys, to keep memory flat). Sets
 * `IDENTICAL_BIT` on their members; returns the largest runs, cut.
 */
function identicalCounts(
  profiles: readonly AccountProfile[],
  c: FollowerCounts,
  o: AccountSignalOptions,
): IdenticalFollowerCounts[] {
  const { followers: fr, following: fg } = c;
  const candidates: number[] = [];
  for (let i = 0; i < profiles.length; i++) {
    if (Math.max(fr[i]!, fg[i]!) >= o.minIdenticalCountValue) candidates.push(i); // NaN fails the test
  }
  const sorted = Int32Array.from(candidates).sort((a, b) => fr[a]! - fr[b]! || fg[a]! - fg[b]!);
  const same = (a: number, b: number): boolean => fr[a] === fr[b] && fg[a] === fg[b];
  const runs: Array<{ from: number; count: number }> = [];
  for (let from = 0, to = 0; from < sorted.length; from = to) {
    while (to < sorted.length && same(sorted[to]!, sorted[from]!)) to++;
    if (to - from < o.minIdenticalCountAccounts) continue;
    runs.push({ from, count: to - from });
    for (let k = from; k < to; k++) c.bits[sorted[k]!]! |= IDENTICAL_BIT;
  }
  const head = (r: { from: number }): number => sorted[r.from]!;
  runs.sort((a, b) => b.count - a.count || fr[head(a)]! - fr[head(b)]! || fg[head(a)]! - fg[head(b)]!);
  return runs.slice(0, o.maxListItems).map((r) => ({
    followers: fr[head(r)]!,
    following: fg[head(r)]!,
    count: r.count,
    accounts: keysOf(profiles, Array.from(sorted.subarray(r.from, r.from + r.count)), o.maxListedAccounts),
  }));
}

interface FollowerResult {
  anomalies: FollowerAnomaly[];
  identical: IdenticalFollowerCounts[];
  known: number;
  counts: Record<FollowerAnomalyReason, number>;
}

function followerSignals(profiles: readonly AccountProfile[], o: AccountSignalOptions): FollowerResult {
  const c = followerCounts(profiles, o);
  const identical = identicalCounts(profiles, c, o);
  const counts = Object.fromEntries(FOLLOWER_ANOMALY_REASONS.map((r) => [r, 0])) as Record<
    FollowerAnomalyReason,
    number
  >;
  const kept = new SmallestKeys(profiles, o.maxListItems);
  c.bits.forEach((bits, i) => {
    if (bits === 0) return;
    for (const [reason, bit] of REASON_BITS) if (bits & bit) counts[reason]++;
    kept.add(i);
  });
  const countAt = (values: Float64Array, i: number): number | null =>
    Number.isNaN(values[i]!) ? null : values[i]!;
  const anomalies = kept.indices().map(
    (i): FollowerAnomaly => ({
      key: profiles[i]!.key,
      followers: countAt(c.followers, i),
      following: countAt(c.following, i),
      reasons: REASON_BITS.filter(([, bit]) => c.bits[i]! & bit).map(([reason]) => reason),
    }),
  );
  return { anomalies, identical, known: c.known, counts };
}

/**
 * Account signals of one group (a cluster of suspected coordinated accounts).
 *
 * Profiles are de-duplicated by `key` (the first one wins). Each account's latest handle is classified
 * ({@link classifyHandle}); display names and handles are matched across accounts by {@link displayNameKey} and
 * {@link handleMatchKey} over every name and handle in their history; image hashes by exact value (trimmed,
 * hexadecimal lower-cased; a platform's default avatar shows up as a large shared image); renames are accounts
 * with more than one distinct handle key (a case-only change is not a rename). Follower anomalies:
 * `follow-ratio` (following ≥ `followRatio` × followers and ≥ `minFollowingForRatio`), `zero-followers`,
 * `identical-counts` (the same followers and following counts on ≥ `minIdenticalCountAccounts` accounts, the
 * larger count ≥ `minIdenticalCountValue`). Counts that are missing, negative or not finite are unknown; creation
 * times a `Date` cannot hold are unknown.
 *
 * Bounds: every list holds at most `maxListItems` entries (50), each at most `maxListedAccounts` keys (50), up to
 * `maxExamplesPerPattern` (5) examples per handle pattern, `maxHandlesPerRename` (10) handles per rename, and
 * copied strings are cut to `maxStringChars` (64) code points; `counts` and each entry's `count` stay complete.
 * Deterministic: every list is sorted explicitly (ties in code-unit order), so the output depends on the set of
 * profiles, not their order (except which duplicate of a key wins).
 *
 * @param profiles the group's accounts (adversary-written; never throws on their content)
 * @param options partial {@link AccountSignalOptions}; defaults in {@link ACCOUNT_SIGNAL_DEFAULTS}
 * @returns the {@link AccountSignals}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * const day = 86_400_000;
 * const p = (id: string, handle: string, createdAtMs: number) =>
 *   ({ key: `x:${id}`, platform: 'x', accountId: id, handles: [handle], displayNames: ['Anna Smith'], createdAtMs });
 * accountSignals([p('1', 'AnnaSmith1234', 0), p('2', 'AnnaSmith5678', day), p('3', 'BobJones9012', day)]).reasons
 * // ['3 of 3 accounts created within 1 day (1970-01-01 – 1970-01-02)',
 * //  '3 of 3 handles are a name plus 4–8 digits (e.g. “AnnaSmith1234”)',
 * //  '1 display name is used by 3 accounts: “Anna Smith”']
 */
export function accountSignals(
  profiles: readonly AccountProfile[],
  options?: Partial<AccountSignalOptions>,
): AccountSignals {
  const ctx = contextFor(options);
  const { o } = ctx;
  const unique = dedupeByKey(profiles);
  const names = reusedDisplayNames(unique, o);
  const handles = reusedHandles(unique, o);
  const images = sharedProfileImages(unique, o);
  const renamed = renames(unique, o);
  const followers = followerSignals(unique, o);
  const signals: AccountSignals = {
    accounts: unique.length,
    creation: creationSignals(unique, o),
    handles: handleSignals(unique, ctx),
    reusedDisplayNames: names.list,
    reusedHandles: handles.list,
    sharedProfileImages: images.list,
    renames: renamed.list,
    followerAnomalies: followers.anomalies,
    identicalFollowerCounts: followers.identical,
    counts: {
      reusedDisplayNames: names.total,
      reusedHandles: handles.total,
      sharedProfileImages: images.total,
      accountsSharingImages: images.accounts,
      renamedAccounts: renamed.total,
      followersKnown: followers.known,
      followerAnomalies: followers.counts,
    },
    reasons: [],
  };
  signals.reasons = accountSignalReasons(signals, o);
  return signals;
}

/** Profiles with distinct keys, first occurrence kept, input order. */
function dedupeByKey(profiles: readonly AccountProfile[]): AccountProfile[] {
  const seen = new Set<string>();
  const out: AccountProfile[] = [];
  for (const p of profiles) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    out.push(p);
  }
  return out;
}

// ————————————————————————————————————————————————— reasons ————————————————————————————————————————————————————

const HOUR_MS = 3_600_000;

/** `1 hour`, `5 hours`, `2 days`: the span rounded up, in hours below a day, else in days. */
function formatSpan(spanMs: number): string {
  if (spanMs < DAY_MS) {
    const hours = Math.max(1, Math.ceil(spanMs / HOUR_MS));
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  const days = Math.ceil(spanMs / DAY_MS);
  return days === 1 ? '1 day' : `${days} days`;
}

/** UTC calendar date `YYYY-MM-DD` (or the ISO year form for far dates). */
function formatDate(ms: number): string {
  return isValidTimeMs(ms) ? new Date(ms).toISOString().slice(0, -14) : String(ms);
}

/** `“text”`, cleaned and cut to 40 code points, for a reason line. */
function quote(text: string): string {
  return `“${cleanString(text, 40)}”`;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Whether `count` of `of` is a share-type finding worth a line. */
function notable(count: number, of: number, o: AccountSignalOptions): boolean {
  return count >= 2 && of > 0 && count / of >= o.reasonMinShare;
}

function creationReason(s: AccountSignals, o: AccountSignalOptions): string[] {
  const b = s.creation.largestBurst;
  if (b === null || !notable(b.count, s.creation.known, o)) return [];
  const first = formatDate(b.firstMs);
  const last = formatDate(b.lastMs);
  const dates = first === last ? first : `${first} – ${last}`;
  const missing = s.accounts - s.creation.known;
  const tail =
    missing > 0 ? `; ${missing} ${plural(missing, 'account has', 'accounts have')} no creation date` : '';
  return [
    `${b.count} of ${s.creation.known} accounts created within ${formatSpan(b.spanMs)} (${dates})${tail}`,
  ];
}

function handleReasons(s: AccountSignals, o: AccountSignalOptions): string[] {
  const out: string[] = [];
  const { known, byPattern, examples } = s.handles;
  const eg = (p: HandlePattern): string =>
    examples[p][0] === undefined ? '' : ` (e.g. ${quote(examples[p][0]!)})`;
  if (notable(byPattern['name-digits'], known, o)) {
    const range = `${o.minNameDigits}–${o.maxNameDigits}`;
    out.push(
      `${byPattern['name-digits']} of ${known} handles are a name plus ${range} digits${eg('name-digits')}`,
    );
  }
  if (notable(byPattern.random, known, o)) {
    out.push(`${byPattern.random} of ${known} handles look randomly generated${eg('random')}`);
  }
  return out;
}

function reuseReasons(s: AccountSignals): string[] {
  const out: string[] = [];
  const c = s.counts;
  if (c.renamedAccounts > 0) {
    out.push(`${c.renamedAccounts} of ${s.accounts} accounts changed handle`);
  }
  const h = s.reusedHandles[0];
  if (h !== undefined) {
    const where = `${h.count} accounts on ${h.platforms.join(', ')}`;
    out.push(
      c.reusedHandles === 1
        ? `1 handle is used by ${where}: ${quote(h.handle)}`
        : `${c.reusedHandles} handles are each used by more than one account (most: ${quote(h.handle)}, ${where})`,
    );
  }
  const n = s.reusedDisplayNames[0];
  if (n !== undefined) {
    out.push(
      c.reusedDisplayNames === 1
        ? `1 display name is used by ${n.count} accounts: ${quote(n.name)}`
        : `${c.reusedDisplayNames} display names are each used by more than one account (most: ${quote(n.name)}, ${n.count} accounts)`,
    );
  }
  const img = s.sharedProfileImages[0];
  if (img !== undefined) {
    out.push(
      c.sharedProfileImages === 1
        ? `${img.count} accounts share one profile image`
        : `${c.accountsSharingImages} accounts share ${c.sharedProfileImages} profile images (most: ${img.count} accounts)`,
    );
  }
  return out;
}

function followerReasons(s: AccountSignals, o: AccountSignalOptions): string[] {
  const out: string[] = [];
  const { followersKnown: known, followerAnomalies: counts } = s.counts;
  if (notable(counts['follow-ratio'], known, o)) {
    out.push(
      `${counts['follow-ratio']} of ${known} accounts follow at least ${o.followRatio}× as many accounts as follow them`,
    );
  }
  if (notable(counts['zero-followers'], known, o)) {
    out.push(`${counts['zero-followers']} of ${known} accounts have no followers`);
  }
  const same = s.identicalFollowerCounts[0];
  if (same !== undefined) {
    out.push(
      `${counts['identical-counts']} accounts have the exact follower and following counts of at least ${o.minIdenticalCountAccounts - 1} other accounts (most: ${same.count} accounts with ${same.followers} followers, ${same.following} following)`,
    );
  }
  return out;
}

/** The reason lines, in a fixed order. */
function accountSignalReasons(s: AccountSignals, o: AccountSignalOptions): string[] {
  return [...creationReason(s, o), ...handleReasons(s, o), ...reuseReasons(s), ...followerReasons(s, o)];
}
