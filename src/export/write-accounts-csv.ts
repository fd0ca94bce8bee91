/**
 * `accounts.csv`: one row per account of the network (the nodes), with cluster and component. Attacker-written
 * strings (handles, names, ids) are neutralised against formula injection (OWASP).
 */
import { compareClusterIds } from '../graph/compare-cluster-ids.js';
import { compareStrings } from '../graph/compare-strings.js';
import type { CoordinationNetwork } from '../model/network.js';
import type { CaseScores } from '../model/score.js';
import type { AccountSignalSummary, CaseSignals } from '../signals/case-signals.js';
import { encodeListItem } from './encode-list-item.js';
import { roundDecimal } from './format-decimal.js';
import { toCsv } from './to-csv.js';

/** Columns of `accounts.csv`, in order. */
export const ACCOUNTS_CSV_COLUMNS: readonly string[] = Object.freeze([
  'account',
  'platform',
  'account_id',
  'handle',
  'display_name',
  'cluster',
  'component',
  'degree',
  'coactions',
  'posts',
  'utc_offset',
  'schedule_confidence',
  'works_office_hours',
  'handle_pattern',
  'handle_entropy_bits',
  'renamed',
  'follower_anomalies',
  'score',
  'score_reasons',
]);

/**
 * Write `accounts.csv`.
 *
 * Columns ({@link ACCOUNTS_CSV_COLUMNS}): `account` key `platform:accountId`; `platform`; `account_id`; `handle`;
 * `display_name`; `cluster` (empty when unclustered); `component` (0-based, largest first); `degree`; `coactions`
 * (over the account's kept edges); `posts`. Signal columns (empty without `signals`): `utc_offset` and
 * `schedule_confidence` of the account's own office-hours fit (empty below the minimum post count),
 * `works_office_hours` (true/false), `handle_pattern` (name-digits, random, word-digits, digits, plain, other,
 * empty), `handle_entropy_bits` (bits per character, 4 decimals: the unrounded logarithm could differ in its
 * last digit between platforms), `renamed` (more than one handle seen), `follower_anomalies` (`;`-joined:
 * follow-ratio, zero-followers, identical-counts). Score columns (empty without `scores` or when unclustered):
 * `score` (0..1) and `score_reasons` (plain words joined by ` | `, each with `\\`, `|`, `;` escaped by a backslash).
 *
 * @param network the coordination network
 * @param signals optional signal findings (src/signals/case-signals.ts)
 * @param scores optional scores (src/model/score.ts)
 * @returns CSV text (CRLF line ends), rows by cluster id (unclustered last), then key
 * @example writeAccountsCsv(report.network)
 */
export function writeAccountsCsv(
  network: CoordinationNetwork,
  signals?: CaseSignals,
  scores?: CaseScores,
): string {
  const byKey = new Map((signals?.accounts ?? []).map((a) => [a.key, a]));
  const scoreOf = new Map((scores?.accounts ?? []).map((s) => [s.key, s]));
  const rows = [...network.accounts]
    .sort((x, y) => compareClusterIds(x.cluster, y.cluster) || compareStrings(x.key, y.key))
    .map((a) => [
      a.key,
      a.platform,
      a.accountId,
      a.handle ?? '',
      a.displayName ?? '',
      a.cluster,
      a.component,
      a.degree,
      a.coactions,
      a.posts,
      ...signalCells(byKey.get(a.key)),
      scoreOf.get(a.key)?.score ?? '',
      (scoreOf.get(a.key)?.reasons ?? []).map((r) => encodeListItem(r.text)).join(' | '),
    ]);
  return toCsv(ACCOUNTS_CSV_COLUMNS, rows);
}

function signalCells(a: AccountSignalSummary | undefined): (string | number)[] {
  if (a === undefined) return ['', '', '', '', '', '', ''];
  const fit = a.schedule;
  const fitted = fit.status === 'fitted';
  return [
    fitted ? (fit.offsetLabel ?? '') : '',
    fitted ? fit.confidence : '',
    fitted ? String(fit.worksOfficeHours) : '',
    a.flags?.handlePattern ?? '',
    a.flags?.handleEntropyBitsPerChar == null ? '' : roundDecimal(a.flags.handleEntropyBitsPerChar, 4),
    a.flags === null ? '' : String(a.flags.renamed),
    a.flags?.followerAnomalies.join(';') ?? '',
  ];
}
