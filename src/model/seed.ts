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
