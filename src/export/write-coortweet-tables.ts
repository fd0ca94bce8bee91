/**
 * CooRTweet-shaped tables for `--compat coortweet`: `coortweet_groups.csv` with the columns of CooRTweet 2.1.3's
 * `detect_groups` result and `coortweet_network.csv` with those of `generate_coordinated_network` (as an edge
 * table), so results can be compared row for row with the R package (Righetti & Balluff, CooRTweet, MIT).
 */
import type { CoortweetEdge, CoortweetPair } from '../detect/coortweet-compat.js';
import { toCsv } from './to-csv.js';

/** Column order of `coortweet_groups.csv` (CooRTweet's `detect_groups` output). */
export const COORTWEET_GROUPS_COLUMNS = [
  'object_id',
  'content_id',
  'content_id_y',
  'time_delta',
  'account_id',
  'account_id_y',
] as const;

/** Column order of `coortweet_network.csv` (CooRTweet's network edge table). */
export const COORTWEET_NETWORK_COLUMNS = [
  'account_a',
  'account_b',
  'weight',
  'avg_time_delta',
  'n_content_id',
  'n_content_id_y',
  'edge_symmetry_score',
  'weight_threshold',
] as const;

/** CSV text of CooRTweet `detect_groups` pairs, in the order given (formula-neutralised, CRLF). */
export function writeCoortweetGroupsCsv(pairs: readonly CoortweetPair[]): string {
  return toCsv(
    COORTWEET_GROUPS_COLUMNS,
    pairs.map((p) => [p.objectId, p.contentId, p.contentIdY, p.timeDelta, p.accountId, p.accountIdY]),
  );
}

/** CSV text of a CooRTweet network edge table, in the order given (formula-neutralised, CRLF). */
export function writeCoortweetNetworkCsv(edges: readonly CoortweetEdge[]): string {
  return toCsv(
    COORTWEET_NETWORK_COLUMNS,
    edges.map((e) => [
      e.accountA,
      e.accountB,
      e.weight,
      e.avgTimeDelta,
      e.nContentId,
      e.nContentIdY,
      e.edgeSymmetryScore,
      e.weightThreshold,
    ]),
  );
}
