/**
 * `cohorts.csv`: one row per cohort, accounts tied by a feature rather than by co-actions (a shared office-hours
 * time zone, a creation batch of machine-made handles; src/signals/case-signals.ts). Attacker-written strings are
 * neutralised against formula injection, list cells escape their separators (`encodeListItem`).
 */
import type { CaseSignals } from '../signals/case-signals.js';
import { encodeListItem } from './encode-list-item.js';
import { formatUtc } from './format-utc.js';
import { toCsv } from './to-csv.js';

/** Columns of `cohorts.csv`, in order. */
export const COHORTS_CSV_COLUMNS: readonly string[] = Object.freeze([
  'cohort',
  'kind',
  'size',
  'utc_offset',
  'schedule_confidence',
  'lunch_dip',
  'holiday_country',
  'created_first',
  'created_last',
  'p_value',
  'clusters',
  'reasons',
  'accounts',
]);

/**
 * Write `cohorts.csv`.
 *
 * Columns ({@link COHORTS_CSV_COLUMNS}): `cohort` id (`S001` schedule, `B001` creation batch); `kind`; `size`;
 * for schedule cohorts the pooled fit's `utc_offset`, `schedule_confidence` (0..1), `lunch_dip` (−1..1) and
 * `holiday_country`; for creation cohorts `created_first` and `created_last` (ISO 8601 UTC) and
 * `p_value` (the batch against the dataset's creation rate; empty when nothing to compare); `clusters` overlapping
 * the cohort (`;`-joined); `reasons` (plain words joined by ` | `, each escaped like list items); `accounts` (keys joined by `;`).
 *
 * @param signals the case's signal findings
 * @returns CSV text (CRLF line ends), rows in cohort order; identical input gives identical bytes
 * @example writeCohortsCsv(result.signals).split('\r\n')[0] // 'cohort,kind,size,…'
 */
export function writeCohortsCsv(signals: CaseSignals): string {
  const rows = signals.cohorts.map((c) => {
    const fit = c.time?.schedule;
    const fitted = fit?.status === 'fitted';
    return [
      c.id,
      c.kind,
      c.accounts.length,
      fitted ? (fit.offsetLabel ?? '') : '',
      fitted ? fit.confidence : '',
      fitted ? (fit.lunchDip ?? '') : '',
      c.time?.holidays?.country ?? '',
      c.createdFirstMs === undefined ? '' : formatUtc(c.createdFirstMs),
      c.createdLastMs === undefined ? '' : formatUtc(c.createdLastMs),
      c.pValue ?? '',
      c.clusters.map(encodeListItem).join(';'),
      c.reasons.map(encodeListItem).join(' | '),
      c.accounts.map(encodeListItem).join(';'),
    ];
  });
  return toCsv(COHORTS_CSV_COLUMNS, rows);
}
