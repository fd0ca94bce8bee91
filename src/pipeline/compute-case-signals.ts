/**
 * Signals stage, part 2: features of accounts and clusters after the network is built (DESIGN.md §4): time
 * fingerprints (hour of week, office-hours UTC offset, meal-break dip, holiday gaps — Meta's "coordinating shift
 * patterns", kill-chain procedure 3.1), synchronized session starts, and account signals (creation bursts, handle
 * patterns, reused names and images, renames, follower anomalies; Beskow & Carley 2019; Cresci et al. 2015). Also
 * the cohorts that co-action cannot see: accounts sharing a confident office-hours offset, and creation batches of
 * machine-made handles. See `src/signals` for each method and its sources.
 */
import { ConfigError } from '../errors.js';
import { pluralize } from '../export/pluralize.js';
import { compareStrings } from '../graph/compare-strings.js';
import type { Cluster, CoordinationNetwork } from '../model/network.js';
import {
  type AccountFlags,
  type AccountProfile,
  type AccountSignalOptions,
  type AccountSignalSummary,
  accountFlags,
  accountSignals,
  type CaseSignals,
  type ClusterSignals,
  type Cohort,
  type CountryHolidayGap,
  classifyHandle,
  createTimeFingerprinter,
  groupMediaHashes,
  type MediaGroupOptions,
  resolveAccountSignalOptions,
  resolveMediaGroupOptions,
  resolveSynchronizedBurstOptions,
  type SignificantCreationBurst,
  type SynchronizedBurstOptions,
  significantCreationBursts,
  synchronizedBursts,
  type TimeFingerprinter,
  type TimeFingerprintOptions,
} from '../signals/index.js';
import { type CrossPost, findPersonaLinks } from '../signals/persona-links.js';
import type { DuckStore } from '../store/duck-store.js';

/** Options of {@link computeCaseSignals}. */
export interface CaseSignalOptions {
  /** Time fingerprint options (schedule fit, holiday countries). */
  time: Partial<TimeFingerprintOptions>;
  /** Synchronized session starts (window, minimum accounts). */
  bursts: Partial<SynchronizedBurstOptions>;
  /** Account signal options (creation window, thresholds, list caps). */
  accounts: Partial<AccountSignalOptions>;
  /**
   * Grouping of profile image hashes: 64-bit pHashes within `radiusBits` count as one image (so a re-encoded or
   * resized avatar still matches), as for post media. Other hash strings match exactly.
   */
  media: Partial<MediaGroupOptions>;
  /** Fewest accounts (integer ≥ 2) in a cohort. Default 3. */
  minCohortAccounts: number;
  /**
   * Smallest schedule confidence (0..1) for an account that keeps office hours to join the schedule cohort of its
   * best offset. Default 0.2: with ~60 posts an office-hours account fits its true zone with correlation ≈ 0.7 but
   * a neighbouring hour almost as well, so its confidence (which measures the margin) is often 0.25–0.5; the
   * cohort's pooled posts then fit with high confidence, which the cohort reports.
   */
  minCohortConfidence: number;
  /** Most cohorts of each kind reported (largest first). Default 50. */
  maxCohorts: number;
  /**
   * Largest Bonferroni-corrected p-value (0 < p ≤ 1) for a creation batch of machine-made handles to be a cohort,
   * against the dataset's own rate of such accounts (see `significantCreationBursts`). Default 0.001: a large
   * dataset (40,000 name-plus-digit accounts over 15 years) holds thousands of 3-day windows with 3 or more
   * accounts by chance; a cohort should be a clear exception.
   */
  maxCreationBurstPValue: number;
}

/** Defaults of {@link CaseSignalOptions}. */
export const CASE_SIGNAL_DEFAULTS: Readonly<CaseSignalOptions> = Object.freeze({
  time: {},
  bursts: {},
  accounts: {},
  media: {},
  minCohortAccounts: 3,
  minCohortConfidence: 0.2,
  maxCohorts: 50,
  maxCreationBurstPValue: 0.001,
});

/**
 * Merge partial options over {@link CASE_SIGNAL_DEFAULTS} and validate them (including each module's options).
 * @throws {ConfigError} `CONFIG_INVALID` naming the field
 */
export function resolveCaseSignalOptions(input: Partial<CaseSignalOptions> = {}): CaseSignalOptions {
  const o = { ...CASE_SIGNAL_DEFAULTS, ...input };
  const bad = (field: string, value: unknown, expected: string): never => {
    throw new ConfigError(
      `pipeline/case-signals: invalid \`${field}\` (${String(value)}). Expecting ${expected}.`,
    );
  };
  if (!Number.isInteger(o.minCohortAccounts) || o.minCohortAccounts < 2)
    bad('minCohortAccounts', o.minCohortAccounts, 'an integer ≥ 2');
  if (!(o.minCohortConfidence >= 0 && o.minCohortConfidence <= 1))
    bad('minCohortConfidence', o.minCohortConfidence, 'a number in [0, 1]');
  if (!Number.isInteger(o.maxCohorts) || o.maxCohorts < 0) bad('maxCohorts', o.maxCohorts, 'an integer ≥ 0');
  if (!(o.maxCreationBurstPValue > 0 && o.maxCreationBurstPValue <= 1))
    bad('maxCreationBurstPValue', o.maxCreationBurstPValue, 'a number in (0, 1]');
  createTimeFingerprinter(o.time);
  resolveSynchronizedBurstOptions(o.bursts);
  resolveAccountSignalOptions(o.accounts);
  resolveMediaGroupOptions(o.media);
  return o;
}

/** Lunch dip (0..1) from which a reason line mentions the meal break. */
const NOTABLE_LUNCH_DIP = 0.3;

/** Handle patterns that look machine-made (a creation batch of these is a cohort). */
const MACHINE_HANDLES: ReadonlySet<string> = new Set(['name-digits', 'random']);

/**
 * Compute cluster signals, account summaries and cohorts for a built network.
 * @param store an open case store (`posts`, `accounts` filled)
 * @param network the coordination network (clusters and their accounts)
 * @param options partial {@link CaseSignalOptions}
 * @returns the {@link CaseSignals}
 * @throws {ConfigError} when an option is invalid; {@link StoreError} when a query fails
 */
export async function computeCaseSignals(
  store: DuckStore,
  network: CoordinationNetwork,
  options: Partial<CaseSignalOptions> = {},
): Promise<CaseSignals> {
  const opts = resolveCaseSignalOptions(options);
  const clusterOf = new Map<string, string>();
  for (const c of network.clusters) for (const key of c.accounts) clusterOf.set(key, c.id);

  // Pass 1 over posts, one account at a time: fit every account's own schedule (no holidays: cheap), and keep
  // the post times of clustered accounts and of confident office-hours accounts (schedule cohort candidates).
  const fitSchedule = createTimeFingerprinter({ ...opts.time, holidayCountries: [] });
  const fitFull = createTimeFingerprinter(opts.time);
  const times = new Map<string, number[]>();
  const summaries = new Map<string, Omit<AccountSignalSummary, 'flags'>>();
  const officeByOffset = new Map<number, string[]>();
  for await (const { key, tsMs } of postTimesByAccount(store)) {
    const fp = fitSchedule(tsMs);
    const s = fp.schedule;
    const confident =
      s.status === 'fitted' &&
      s.worksOfficeHours &&
      s.offsetMinutes !== null &&
      s.confidence >= opts.minCohortConfidence;
    if (confident) {
      const list = officeByOffset.get(s.offsetMinutes!) ?? [];
      list.push(key);
      officeByOffset.set(s.offsetMinutes!, list);
    }
    if (confident || clusterOf.has(key)) {
      times.set(key, tsMs);
      summaries.set(key, { key, posts: tsMs.length, schedule: s });
    }
  }

  const profiles = await loadProfiles(store);
  groupProfileImages(profiles, opts.media);
  const persona = findPersonaLinks(profiles.values(), {}, await crossPosts(store));
  const cohorts = [
    ...scheduleCohorts(officeByOffset, times, fitFull, clusterOf, opts),
    ...creationCohorts(profiles, clusterOf, opts),
  ];
  const clusters: ClusterSignals[] = network.clusters.map((c) => {
    const memberTimes = c.accounts.flatMap((key) => times.get(key) ?? []);
    const time = fitFull(memberTimes);
    const starts = c.accounts.flatMap((key) =>
      (times.get(key) ?? []).map((tsMs) => ({ accountKey: key, tsMs })),
    );
    const burst = synchronizedBursts(starts, opts.bursts);
    const largest = [...burst.bursts]
      .sort((a, b) => b.starts.length - a.starts.length || a.startTsMs - b.startTsMs)
      .slice(0, 5);
    const bursts = {
      count: burst.bursts.length,
      accountsInBursts: burst.accounts.filter((a) => a.burstDays > 0).length,
      largest,
    };
    const memberProfiles = c.accounts.map((key) => profiles.get(key) ?? emptyProfile(key));
    const accounts = accountSignals(memberProfiles, opts.accounts);
    return {
      cluster: c.id,
      time,
      bursts,
      accounts,
      reasons: [...signalKindReasons(c), ...clusterReasons(time, bursts, accounts.reasons, c.size)],
    };
  });

  const listed = new Set([...clusterOf.keys(), ...cohorts.flatMap((c) => c.accounts)]);
  // Accounts listed only through a creation cohort were not kept in pass 1: fit them now.
  const missing = [...listed].filter((key) => !summaries.has(key));
  for await (const { key, tsMs } of postTimesOf(store, missing)) {
    summaries.set(key, { key, posts: tsMs.length, schedule: fitSchedule(tsMs).schedule });
  }
  const accounts: AccountSignalSummary[] = [...listed].sort(compareStrings).map((key) => {
    const summary = summaries.get(key) ?? { key, posts: 0, schedule: fitSchedule([]).schedule };
    const profile = profiles.get(key);
    const flags: AccountFlags | null = profile === undefined ? null : accountFlags(profile, opts.accounts);
    return { ...summary, flags };
  });
  return { clusters, accounts, cohorts, personaLinks: persona.links };
}

/** A count with thousands separators, as the rest of the report writes them. */
function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function emptyProfile(key: string): AccountProfile {
  const at = key.indexOf(':');
  return { key, platform: key.slice(0, at), accountId: key.slice(at + 1), handles: [], displayNames: [] };
}

/** Stream each account's post times (sorted), accounts in key order (`sql` must yield `key`, `ts_ms` so). */
async function* postTimesByAccount(
  store: DuckStore,
  sql = `SELECT platform || ':' || account_id AS key, ts_ms FROM posts ORDER BY key, ts_ms`,
): AsyncGenerator<{ key: string; tsMs: number[] }> {
  let key: string | null = null;
  let tsMs: number[] = [];
  for await (const chunk of store.rows<{ key: string; ts_ms: bigint }>(sql)) {
    for (const row of chunk) {
      if (row.key !== key) {
        if (key !== null) yield { key, tsMs };
        key = row.key;
        tsMs = [];
      }
      tsMs.push(Number(row.ts_ms));
    }
  }
  if (key !== null) yield { key, tsMs };
}

/** Post times (sorted) of the given accounts only, accounts in key order. */
async function* postTimesOf(
  store: DuckStore,
  keys: readonly string[],
): AsyncGenerator<{ key: string; tsMs: number[] }> {
  if (keys.length === 0) return;
  await store.run('CREATE OR REPLACE TEMP TABLE wanted_accounts (key VARCHAR)');
  const app = await store.appender('wanted_accounts');
  for (const key of keys) {
    app.appendVarchar(key);
    app.endRow();
  }
  app.closeSync();
  yield* postTimesByAccount(
    store,
    `SELECT p.platform || ':' || p.account_id AS key, p.ts_ms FROM posts p
     JOIN wanted_accounts w ON w.key = p.platform || ':' || p.account_id ORDER BY key, p.ts_ms`,
  );
  await store.run('DROP TABLE wanted_accounts');
}

/** Fold the `accounts` rows (several per account possible) into one profile per account, oldest first. */
/**
 * Cross-platform pairs that co-acted on identical or near-identical text (kinds `text`, `neardup`: within their
 * windows, 5 minutes by default), with the number of such texts — the larger of the two kinds' counts, since one
 * copied text is both an exact and a near-duplicate object; empty when the co-action tables are absent.
 */
async function crossPosts(store: DuckStore): Promise<CrossPost[]> {
  const present = await store.scalar(
    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'coaction_edge_kinds'",
  );
  if (present === 0) return [];
  const rows = await store.all<{ a: string; b: string; times: bigint }>(`
    SELECT da.key AS a, db.key AS b, max(k.objects) AS times
    FROM coaction_edge_kinds k JOIN account_dict da ON da.account = k.a JOIN account_dict db ON db.account = k.b
    WHERE k.kind IN ('text', 'neardup') AND da.platform <> db.platform
    GROUP BY da.key, db.key ORDER BY da.key, db.key`);
  return rows.map((r) => ({ a: String(r.a), b: String(r.b), times: Number(r.times) }));
}

async function loadProfiles(store: DuckStore): Promise<Map<string, AccountProfile>> {
  const sql = `SELECT platform, account_id, handle, display_name, created_at_ms, followers, following,
      profile_image_hash, bio FROM accounts ORDER BY platform, account_id, seq`;
  const out = new Map<string, AccountProfile>();
  for await (const chunk of store.rows(sql)) {
    for (const row of chunk) {
      const platform = String(row.platform);
      const accountId = String(row.account_id);
      const key = `${platform}:${accountId}`;
      let p = out.get(key);
      if (p === undefined) {
        p = { key, platform, accountId, handles: [], displayNames: [] };
        out.set(key, p);
      }
      if (typeof row.handle === 'string' && !p.handles.includes(row.handle)) p.handles.push(row.handle);
      if (typeof row.display_name === 'string' && !p.displayNames.includes(row.display_name))
        p.displayNames.push(row.display_name);
      if (row.created_at_ms !== null && row.created_at_ms !== undefined)
        p.createdAtMs = Number(row.created_at_ms);
      if (typeof row.followers === 'number') p.followers = row.followers;
      if (typeof row.following === 'number') p.following = row.following;
      if (typeof row.profile_image_hash === 'string') p.profileImageHash = row.profile_image_hash;
      if (typeof row.bio === 'string') p.bio = row.bio;
    }
  }
  return out;
}

/** Replace each profile image hash by its perceptual-hash group (`pg:…`), so near-identical avatars match. */
function groupProfileImages(
  profiles: Map<string, AccountProfile>,
  options: Partial<MediaGroupOptions>,
): void {
  const hashes = new Set<string>();
  for (const p of profiles.values()) if (p.profileImageHash !== undefined) hashes.add(p.profileImageHash);
  if (hashes.size === 0) return;
  const grouping = groupMediaHashes([...hashes].sort(compareStrings), options);
  for (const p of profiles.values()) {
    if (p.profileImageHash === undefined) continue;
    const group = grouping.groupOf.get(p.profileImageHash);
    if (group !== undefined) p.profileImageHash = group;
  }
}

function clustersOf(accounts: readonly string[], clusterOf: ReadonlyMap<string, string>): string[] {
  return [...new Set(accounts.flatMap((key) => clusterOf.get(key) ?? []))].sort(compareStrings);
}

function scheduleCohorts(
  officeByOffset: ReadonlyMap<number, string[]>,
  times: ReadonlyMap<string, number[]>,
  fingerprint: TimeFingerprinter,
  clusterOf: ReadonlyMap<string, string>,
  opts: CaseSignalOptions,
): Cohort[] {
  const groups = [...officeByOffset.entries()]
    .filter(([, keys]) => keys.length >= opts.minCohortAccounts)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, opts.maxCohorts);
  return groups.map(([, keys], i) => {
    const accounts = [...keys].sort(compareStrings);
    const time = fingerprint(accounts.flatMap((key) => times.get(key) ?? []));
    const s = time.schedule;
    const reasons = [
      `${fmt(accounts.length)} accounts each keep office hours in ${s.offsetLabel ?? 'one time zone'} ` +
        `(${Math.round((s.officeHoursShare ?? 0) * 100)} % of their posts Mon–Fri 09–18 local` +
        (s.lunchDip !== null && s.lunchDip >= NOTABLE_LUNCH_DIP
          ? `, activity drops ${Math.round(s.lunchDip * 100)} % at lunch ${s.lunchStartHour}:00)`
          : ')'),
    ];
    if (time.holidays !== null) reasons.push(holidayReason(time.holidays));
    return {
      id: `S${String(i + 1).padStart(3, '0')}`,
      kind: 'schedule' as const,
      accounts,
      reasons,
      time,
      clusters: clustersOf(accounts, clusterOf),
    };
  });
}

/**
 * Creation batches of machine-made handles across the whole dataset: runs of accounts created closer together
 * than the dataset's own rate of such accounts explains (`significantCreationBursts`: Poisson background,
 * Bonferroni over the windows of the batch's width, p ≤ `maxCreationBurstPValue`). Inside clusters the plain
 * bursts of `accountSignals` stay: groups are small there.
 */
function creationCohorts(
  profiles: ReadonlyMap<string, AccountProfile>,
  clusterOf: ReadonlyMap<string, string>,
  opts: CaseSignalOptions,
): Cohort[] {
  const machine: { key: string; createdAtMs?: number }[] = [];
  for (const p of [...profiles.values()].sort((a, b) => compareStrings(a.key, b.key))) {
    const handle = p.handles[p.handles.length - 1];
    if (p.createdAtMs === undefined || handle === undefined) continue;
    if (MACHINE_HANDLES.has(classifyHandle(handle).pattern))
      machine.push({ key: p.key, createdAtMs: p.createdAtMs });
  }
  const bursts = significantCreationBursts(machine, {
    ...(opts.accounts.windowDays !== undefined ? { windowDays: opts.accounts.windowDays } : {}),
    minAccounts: opts.minCohortAccounts,
    maxPValue: opts.maxCreationBurstPValue,
  })
    .bursts.sort((a, b) => b.count - a.count || a.firstMs - b.firstMs)
    .slice(0, opts.maxCohorts);
  return bursts.map((b, i) => {
    const accounts = [...b.accounts].sort(compareStrings);
    return {
      id: `B${String(i + 1).padStart(3, '0')}`,
      kind: 'creation' as const,
      accounts,
      reasons: [creationReason(b)],
      createdFirstMs: b.firstMs,
      createdLastMs: b.lastMs,
      ...(b.background === 0 ? {} : { pValue: Number(b.pValue.toPrecision(4)) }),
      clusters: clustersOf(accounts, clusterOf),
    };
  });
}

/** A span as whole minutes, hours or days, rounded up (at least 1). */
function formatSpanRoundedUp(ms: number): string {
  if (ms < 3_600_000) return pluralize(Math.max(1, Math.ceil(ms / 60_000)), 'minute');
  if (ms < 86_400_000) return pluralize(Math.ceil(ms / 3_600_000), 'hour');
  return pluralize(Math.ceil(ms / 86_400_000), 'day');
}

/** The plain-words line of a creation cohort, with its background test. */
function creationReason(b: SignificantCreationBurst): string {
  const dates = `${new Date(b.firstMs).toISOString().slice(0, 10)} – ${new Date(b.lastMs).toISOString().slice(0, 10)}`;
  const head = `${fmt(b.count)} accounts with machine-made handles (a name plus digits, or random strings) created within ${formatSpanRoundedUp(Math.max(b.spanMs, b.resolutionMs))} (${dates})`;
  if (b.background === 0) return `${head}; no other such accounts in the dataset to compare with`;
  const p = b.pValue < 1e-300 ? 'p < 1e-300' : `p = ${b.pValue.toExponential(1)}`;
  return `${head}; expected ${b.expected.toPrecision(2)} in any window that long at this dataset's rate (${b.backgroundPerDay.toPrecision(2)} such accounts a day), ${p}`;
}

/** Most objects quoted in one reason line. */
const QUOTED_OBJECTS = 3;

/**
 * Plain-words lines for the content signals a cluster's co-actions rest on (near-duplicate texts, exact copies,
 * shared misspellings, hashtag sequences, similar images), quoting its top objects of that kind.
 */
function signalKindReasons(c: Cluster): string[] {
  const out: string[] = [];
  const objectsOf = (kind: string) => c.topObjects.filter((o) => o.kind === kind).slice(0, QUOTED_OBJECTS);
  const quote = (values: readonly string[]) => values.map((v) => `“${v}”`).join(', ');
  // Examples come from the cluster's top objects; a kind with few co-actions may have none among them.
  const eg = (values: readonly string[]) => (values.length === 0 ? '' : `, e.g. ${quote(values)}`);
  const colon = (values: readonly string[]) => (values.length === 0 ? '' : `: ${quote(values)}`);
  for (const k of c.perKind) {
    const n = `${fmt(k.coactions)} co-actions on ${fmt(k.objects)}`;
    if (k.kind === 'neardup') {
      const examples = objectsOf('neardup').map((o) => o.object.replace(/^nd:[0-9a-f]+ /, ''));
      out.push(
        `posted near-duplicate texts (${n} near-duplicate ${k.objects === 1 ? 'group' : 'groups'})${eg(examples)}`,
      );
    } else if (k.kind === 'text') {
      out.push(
        `posted identical texts (${n} ${k.objects === 1 ? 'text' : 'texts'})${eg(objectsOf('text').map((o) => o.object))}`,
      );
    } else if (k.kind === 'misspelling') {
      out.push(
        `share the same rare misspellings (${n} ${k.objects === 1 ? 'misspelling' : 'misspellings'})${colon(objectsOf('misspelling').map((o) => o.object))}`,
      );
    } else if (k.kind === 'hashtagseq') {
      out.push(
        `posted the same daily sequence of hashtags (${n} ${k.objects === 1 ? 'sequence' : 'sequences'})${colon(objectsOf('hashtagseq').map((o) => o.object))}`,
      );
    } else if (k.kind === 'media') {
      out.push(
        `posted the same or near-identical images (${n} ${k.objects === 1 ? 'image' : 'images'} or pHash groups)`,
      );
    }
  }
  return out;
}

/** The reason line of a significant holiday gap. */
function holidayReason(h: CountryHolidayGap): string {
  return `quiet on ${h.country} public holidays (${fmt(h.activeHolidayDays)} of ${fmt(h.holidayDays)} holiday days active, p = ${h.pValue})`;
}

function clusterReasons(
  time: ClusterSignals['time'],
  bursts: ClusterSignals['bursts'],
  accountReasons: readonly string[],
  size: number,
): string[] {
  const out: string[] = [];
  const s = time.schedule;
  if (s.status === 'fitted' && s.worksOfficeHours && s.confidence >= 0.5) {
    out.push(
      `posts follow office hours in ${s.offsetLabel} (confidence ${s.confidence.toFixed(2)}; ` +
        `${Math.round((s.officeHoursShare ?? 0) * 100)} % Mon–Fri 09–18 local` +
        (s.lunchDip !== null && s.lunchDip >= NOTABLE_LUNCH_DIP
          ? `; lunch dip ${Math.round(s.lunchDip * 100)} %)`
          : ')'),
    );
  }
  if (time.holidays !== null) out.push(holidayReason(time.holidays));
  if (bursts.count > 0) {
    out.push(
      `${fmt(bursts.accountsInBursts)} of ${fmt(size)} accounts started their day within minutes of each other on ${fmt(bursts.count)} ${bursts.count === 1 ? 'day' : 'days'}`,
    );
  }
  return [...out, ...accountReasons];
}
