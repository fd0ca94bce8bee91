/**
 * Quarantine entries: why one input record was not accepted. Errors as data (Zod v4 `core/errors.ts` style):
 * a stable `code`, the `field` path, a human `reason`, and where it came from.
 */

/** Stable codes of record-level problems. */
export type QuarantineCode =
  | 'parse_error' // the line/record could not be parsed (bad CSV row, invalid JSON)
  | 'missing_field' // a required field is absent or empty
  | 'invalid_value' // a field is present but invalid (bad timestamp, negative count…)
  | 'unsupported_record'; // a record of a shape the adapter does not handle

/** One quarantined record, as written to `quarantine.jsonl` and the `quarantine` table. */
export interface QuarantineEntry {
  /** Input file path as given on the command line. */
  file: string;
  /** 1-based line number (CSV/JSONL) or record number (Parquet, JSON arrays). */
  record: number;
  /** Field path, e.g. `timestamp` or `data[3].created_at`; empty when the whole record is bad. */
  field: string;
  /** Stable code. */
  code: QuarantineCode;
  /** What was wrong and what was expected, in words. */
  reason: string;
  /** The raw record, truncated to 500 characters. */
  raw: string;
}

/** Longest raw excerpt kept in a {@link QuarantineEntry}, in characters. */
export const RAW_EXCERPT_CHARS = 500;

/** Truncate a raw record to {@link RAW_EXCERPT_CHARS}. */
export function rawExcerpt(raw: string): string {
  return raw.length <= RAW_EXCERPT_CHARS ? raw : `${raw.slice(0, RAW_EXCERPT_CHARS)}…`;
}
