/**
 * `clusters.csv`: one row per cluster, for R/pandas/spreadsheets. Attacker-written strings are neutralised against
 * formula injection (OWASP), list cells escape their separators (`encodeListItem`).
 */
import { compareClusterIds } from '../graph/compare-cluster-ids.js';
import type { CoordinationNetwork } from '../model/network.js';
import type { CaseScores, ClusterScore } from '../model/score.js';
import type { CaseSignals, ClusterSignals } from '../signals/case-signals.js';
import { encodeListItem } from './encode-list-item.js';
import { roundDecimal } from './format-decimal.js';
import { formatUtc } from './format-utc.js';
import { scoreTtps } from './render-score-html.js';
import { toCsv } from './to-csv.js';

/** Columns of `clusters.csv`, in order. */
export const CLUSTERS_CSV_COLUMNS: readonly string[] = Object.freeze([
  'cluster',
  'size',
  'platforms',
  'first_ts',
  'last_ts',
  'edges',
  'coactions',
  'density',
  'median_dt_s',
  'per_kind',
  'top_objects',
  'accounts',
  'utc_offset',
  'schedule_confidence',
  'office_hours_share',
  'lunch_dip',
  'holiday_country',
  'burst_days',
  'creation_burst_accounts',
  'handle_patterns',
  'signal_reasons',
  'score',
  'disarm',
  'killchain',
  'score_reasons',
]);

/**
 * Write `clusters.csv`.
 *
 * Columns ({@link CLUSTERS_CSV_COLUMNS}): `cluster` id; `size`; `platforms` (`;`-joined); `first_ts`, `last_ts`
 * (ISO 8601 UTC); `edges`; `coactions`; `density` (0..1, 6 decimals); `median_dt_s` (seconds, 3 decimals);
 * `per_kind` (`kind:coactions` joined by `;`); `top_objects` (`kind|object|coactions|accounts` joined by `; `);
 * `accounts` (keys joined by `;`). Items inside list cells escape `\`, `|`, `;` with a backslash.
 * Signal columns (empty when `signals` is not given or the cluster has none): `utc_offset` (best office-hours
 * offset of the members' posts, `UTC±HH:MM`), `schedule_confidence` (0..1), `office_hours_share` (0..1),
 * `lunch_dip` (−1..1), `holiday_country` (ISO code whose public holidays are significantly quiet),
 * `burst_days` (days with synchronized session starts), `creation_burst_accounts` (accounts in the largest
 * creation burst), `handle_patterns` (`pattern:count` joined by `;`), `signal_reasons` (plain words joined by ` | `, each with `\\`, `|`, `;` escaped by a backslash).
 * Score columns (empty without `scores`): `score` (0..1), `disarm` and `killchain` (technique ids of the
 * behaviours behind the score, `;`-joined), `score_reasons` (plain words joined by ` | `, escaped as above).
 *
 * @param network the coordination network
 * @param signals optional signal findings (src/signals/case-signals.ts)
 * @param scores optional scores (src/model/score.ts)
 * @returns CSV text (CRLF line ends), rows in cluster-id order; identical input gives identical bytes
 * @example writeClustersCsv(report.network).split('\r\n')[0] // 'cluster,size,platforms,…'
 */
export function writeClustersCsv(
  network: CoordinationNetwork,
  signals?: CaseSignals,
  scores?: CaseScores,
): string {
  const byCluster = new Map((signals?.clusters ?? []).map((s) => [s.cluster, s]));
  const scoreOf = new Map((scores?.clusters ?? []).map((s) => [s.cluster, s]));
  const rows = [...network.clusters]
    .sort((x, y) => compareClusterIds(x.id, y.id))
    .map((c) => [
      c.id,
      c.size,
      c.platforms.map(encodeListItem).join(';'),
      c.evidencePosts.length > 0 ? formatUtc(c.firstTsMs) : '',
      c.evidencePosts.length > 0 ? formatUtc(c.lastTsMs) : '',
      c.edges,
      c.coactions,
      roundDecimal(c.density, 6),
      roundDecimal(c.medianDtSeconds, 3),
      c.perKind.map((k) => `${encodeListItem(k.kind)}:${k.coactions}`).join(';'),
      c.topObjects
        .map((o) => [encodeListItem(o.kind), encodeListItem(o.object), o.coactions, o.accounts].join('|'))
        .join('; '),
      c.accounts.map(encodeListItem).join(';'),
      ...signalCells(byCluster.get(c.id)),
      ...scoreCells(scoreOf.get(c.id)),
    ]);
  return toCsv(CLUSTERS_CSV_COLUMNS, rows);
}

function scoreCells(score: ClusterScore | undefined): (string | number)[] {
  if (score === undefined) return ['', '', '', ''];
  const ttps = scoreTtps(score);
  return [
    score.score,
    ttps.disarm.map((t) => t.id).join(';'),
    ttps.killchain.map((t) => t.id).join(';'),
    score.reasons.map((r) => encodeListItem(r.text)).join(' | '),
  ];
}

function signalCells(s: ClusterSignals | undefined): (string | number)[] {
  if (s === undefined) return ['', '', '', '', '', '', '', '', ''];
  const fit = s.time.schedule;
  const fitted = fit.status === 'fitted';
  const patterns = Object.entries(s.accounts.handles.byPattern)
    .filter(([, n]) => n > 0)
    .map(([pattern, n]) => `${pattern}:${n}`)
    .join(';');
  return [
    fitted ? (fit.offsetLabel ?? '') : '',
    fitted ? fit.confidence : '',
    fitted ? (fit.officeHoursShare ?? '') : '',
    fitted ? (fit.lunchDip ?? '') : '',
    s.time.holidays?.country ?? '',
    s.bursts.count,
    s.accounts.creation.largestBurst?.count ?? 0,
    patterns,
    s.reasons.map(encodeListItem).join(' | '),
  ];
}
