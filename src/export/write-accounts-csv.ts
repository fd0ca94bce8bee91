/**
 * `accounts.csv`: one row per account of the network (the nodes), with cluster and component. Attacker-written
 * strings (handles, names, ids) are neutralised against formula injection (OWASP).
 */
import { compareClusterIds } from '../graph/compare-cluster-ids.js';
import { compareStrings } from '../graph/compare-strings.js';
import type { CoordinationNetwork } from '../model/network.js';
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
]);

/**
 * Write `accounts.csv`.
 *
 * Columns ({@link ACCOUNTS_CSV_COLUMNS}): `account` key `platform:accountId`; `platform`; `account_id`; `handle`;
 * `display_name`; `cluster` (empty when unclustered); `component` (0-based, largest first); `degree`; `coactions`
 * (over the account's kept edges); `posts`.
 *
 * @param network the coordination network
 * @returns CSV text (CRLF line ends), rows by cluster id (unclustered last), then key
 * @example writeAccountsCsv(report.network)
 */
export function writeAccountsCsv(network: CoordinationNetwork): string {
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
    ]);
  return toCsv(ACCOUNTS_CSV_COLUMNS, rows);
}
