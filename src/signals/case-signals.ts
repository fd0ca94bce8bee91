/**
 * The shape of a case's signal findings (issue 3): what the signals stage adds beside the coordination network.
 * Per cluster: the time fingerprint of its members' posts, synchronized session starts and account signals. Per
 * account (clustered or in a cohort): its own schedule fit and profile flags. Cohorts: groups of accounts tied by
 * a feature rather than by co-actions (a shared office-hours time zone, a creation batch with machine-made
 * handles), which co-action cannot see at all. All JSON-serializable and deterministic.
 */
import type { AccountFlags, AccountSignals } from './account-signals.js';
import type { WorkScheduleFit } from './fit-work-schedule.js';
import type { PersonaLink } from './persona-links.js';
import type { SessionBurst } from './synchronized-bursts.js';
import type { TimeFingerprint } from './time-fingerprint.js';

/** Synchronized session starts inside one cluster (see `synchronizedBursts`). */
export interface ClusterBursts {
  /** Bursts found (days on which ≥ `minAccounts` members started within the window). */
  count: number;
  /** Members whose session start fell in at least one burst. */
  accountsInBursts: number;
  /** The largest bursts (most accounts first, then earliest), at most 5. */
  largest: SessionBurst[];
}

/** Signal findings of one cluster. */
export interface ClusterSignals {
  /** Cluster id (`C0001`…). */
  cluster: string;
  /** Fingerprint of the union of the members' posts (hour of week, office-hours fit, holiday gap). */
  time: TimeFingerprint;
  /** Synchronized session starts. */
  bursts: ClusterBursts;
  /** Profile signals: creation bursts, handle patterns, reused names and images, renames, follower anomalies. */
  accounts: AccountSignals;
  /** Plain-words findings, strongest first. */
  reasons: string[];
}

/** One account's schedule fit and profile flags. */
export interface AccountSignalSummary {
  key: string;
  /** Posts in the case. */
  posts: number;
  /** Office-hours fit of its own posts (status `insufficient` below the minimum post count). */
  schedule: WorkScheduleFit;
  /** Profile flags (handle pattern, renames, follower anomalies); null when the data has no profile. */
  flags: AccountFlags | null;
}

/** Kinds of {@link Cohort}. */
export const COHORT_KINDS = ['schedule', 'creation'] as const;
/** One of {@link COHORT_KINDS}. */
export type CohortKind = (typeof COHORT_KINDS)[number];

/**
 * Accounts tied by a feature rather than by co-actions.
 * - `schedule`: accounts that each keep office hours (confident fit) in the same UTC offset.
 * - `creation`: accounts created within a few days of each other whose handles look machine-made (name plus
 *   digits, or random strings).
 * A cohort is a lead for the investigator, not a finding of coordination by itself: many real people keep office
 * hours in one zone. Its weight comes when it overlaps a cluster (issue 4's scores).
 */
export interface Cohort {
  /** `S001`… for schedule cohorts, `B001`… for creation batches; numbered by size, then first key. */
  id: string;
  kind: CohortKind;
  /** Member account keys, sorted. */
  accounts: string[];
  /** Plain-words description. */
  reasons: string[];
  /** Schedule cohorts: the fingerprint of the members' posts together. */
  time?: TimeFingerprint;
  /** Creation cohorts: first and last creation time (epoch ms). */
  createdFirstMs?: number;
  createdLastMs?: number;
  /**
   * Creation cohorts: the probability (4 significant digits) of so many such accounts in a window that short at
   * the dataset's own creation rate, Bonferroni-corrected; absent when there were no other such accounts to compare.
   */
  pValue?: number;
  /** Clusters that contain members, sorted. */
  clusters: string[];
}

/** Everything the signals stage found in a case. */
export interface CaseSignals {
  /** Per cluster, in cluster order. */
  clusters: ClusterSignals[];
  /** Per account that is clustered or in a cohort, sorted by key. */
  accounts: AccountSignalSummary[];
  /** Cohorts, schedule first, then creation, each by id. */
  cohorts: Cohort[];
  /**
   * Accounts on different platforms sharing persona fields (handle, profile image, bio link, display name), sorted
   * by (a, b); a separate kind of tie, never merged into clusters (`findPersonaLinks`). Absent in older cases.
   */
  personaLinks?: PersonaLink[];
}
