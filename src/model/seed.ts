/**
 * Seeds: indicators published by others (Meta's threat-research files, STIX 2.1 bundles) that a detection run
 * starts from: accounts, URLs and domains an operation is known to have used. Produced by `src/ingest`
 * (`readSeeds`), matched against a case's accounts, URLs and domains by the pipeline.
 */

/** What a seed points at. */
export type SeedKind = 'url' | 'domain' | 'account';

/** One seed indicator, refanged and canonical. */
export interface Seed {
  kind: SeedKind;
  /**
   * Canonical value: for `url`, the canonical URL (`canonicalUrl` of src/traces); for `domain`, the host, lower-case
   * and punycode; for `account`, the mention key `platform:handle` (`normalizeMention`, case-folded) when the handle
   * is known, else the canonical profile URL (e.g. `https://www.facebook.com/profile.php?id=1`).
   */
  value: string;
  /** Platform name, lower-case (`twitter`, `tiktok`, `medium`, …), when the host or record names one. */
  platform?: string;
  /** Account handle as written (without `@`), for `account` seeds. */
  handle?: string;
  /** Platform account id, for `account` seeds that give one (a Facebook `profile.php?id=`, a STIX `user_id`). */
  accountId?: string;
  /** Canonical URL the seed came from (for `account` seeds read from a profile URL). */
  url?: string;
  /** Registrable domain (eTLD+1) of the URL or host, when it has one. */
  domain?: string;
  /** Where it was read: the file as given and the 1-based record number (the header is record 1; STIX: object index + 1). */
  source: { file: string; row: number };
  /** Meta Online Operations Kill Chain entry of the row (procedure level, else technique level), when given. */
  ttp?: { id: string; name: string };
  /** The row's note or comment, as published. */
  note?: string;
}

/** Counts of a seed file: every record read is either accepted or skipped with a reason. */
export interface SeedCounts {
  /** Records read (CSV/TSV data rows including blank ones; STIX bundle objects). */
  read: number;
  /** Records that gave a seed (a STIX indicator may give several). */
  accepted: number;
  /** Records skipped, by reason (`blank-row`, `summary-count`, `free-text`, `duplicate`, …). */
  skipped: Record<string, number>;
}

/** One seed file as read. */
export interface SeedFileSummary {
  file: string;
  format: string;
  counts: SeedCounts;
}

/** A seed found in the case, with the accounts it matched. */
export interface SeedMatch {
  kind: Seed['kind'];
  value: string;
  source: Seed['source'];
  /** Kill-chain entry of the seed row, when published. */
  ttp?: { id: string; name: string };
  /** Matched account keys, sorted. */
  accounts: string[];
}

/** An account that co-acted with matched seed accounts. */
export interface SeedExpansion {
  key: string;
  /** Matched seed accounts it co-acted with, sorted (at most 10 listed). */
  via: string[];
  /** Co-actions with matched accounts, in all. */
  coactions: number;
  /** log10 of its strongest edge's p-value under the null model. */
  log10PValue: number;
}

/** Seeds of a run (`matchSeeds` in src/pipeline/match-seeds.ts), written as seeds.json. */
export interface SeedReport {
  files: SeedFileSummary[];
  /** Seeds read (accepted rows). */
  seeds: number;
  /** Seeds found in the case. */
  matched: SeedMatch[];
  /** Distinct accounts matched by any seed, sorted. */
  accounts: string[];
  /** Accounts that co-acted with matched accounts, strongest first (at most `maxExpansion`). */
  expansion: SeedExpansion[];
}
