/**
 * `clusters.csv`: one row per cluster, for R/pandas/spreadsheets. Attacker-written strings are neutralised against
 * formula injection (OWASP), list cells escape their separators (`encodeListItem`).
 */
import { compareClusterIds } from '../graph/compare-cluster-ids.js';
import type { CoordinationNetwork } from '../model/network.js';
import { encodeListItem } from './encode-list-item.js';
import { roundDecimal } from './format-decimal.js';
import { formatUtc } from './format-utc.js';
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
]);

/**
 * Write `clusters.csv`.
 *
 * Columns ({@link CLUSTERS_CSV_COLUMNS}): `cluster` id; `size`; `platforms` (`;`-joined); `first_ts`, `last_ts`
 * (ISO 8601 UTC); `edges`; `coactions`; `density` (0..1, 6 decimals); `median_dt_s` (seconds, 3 decimals);
 * `per_kind` (`kind:coactions` joined by `;`); `top_objects` (`kind|object|coactions|accounts` joined by `; `);
 * `accounts` (keys joined by `;`). Items inside list cells escape `\`, `|`, `;` with a backslash.
 *
 * @param network the coordination network
 * @returns CSV text (CRLF line ends), rows in cluster-id order; identical input gives identical bytes
 * @example writeClustersCsv(report.network).split('\r\n')[0] // 'cluster,size,platforms,…'
 */
export function writeClustersCsv(network: CoordinationNetwork): string {
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
    ]);
  return toCsv(CLUSTERS_CSV_COLUMNS, rows);
}
