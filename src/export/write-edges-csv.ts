/**
 * `edges.csv`: one row per kept edge (account pair) with its co-action statistics and a sample of its evidence,
 * so every edge can be checked post by post. Attacker-written strings are neutralised against formula injection
 * (OWASP); list cells escape their separators (`encodeListItem`).
 * Edge statistics follow CooRTweet's `generate_coordinated_network()` (weight, avg_time_delta,
 * edge_symmetry_score; Righetti & Balluff).
 */
import { compareStrings } from '../graph/compare-strings.js';
import type { CoordinationNetwork, NetworkEdge } from '../model/network.js';
import { encodeListItem } from './encode-list-item.js';
import { formatDecimal, roundDecimal } from './format-decimal.js';
import { formatUtc } from './format-utc.js';
import { toCsv } from './to-csv.js';

/** Columns of `edges.csv`, in order. */
export const EDGES_CSV_COLUMNS: readonly string[] = Object.freeze([
  'source',
  'target',
  'source_cluster',
  'target_cluster',
  'coactions',
  'objects',
  'mean_dt_s',
  'median_dt_s',
  'symmetry',
  'per_kind',
  'evidence_count',
  'evidence_sample',
  'first_evidence_ts',
  'last_evidence_ts',
]);

/**
 * Write `edges.csv`.
 *
 * Columns ({@link EDGES_CSV_COLUMNS}): `source`, `target` account keys (a < b); their clusters; `coactions`
 * (CooRTweet `weight`); `objects`; `mean_dt_s`, `median_dt_s` (seconds, 3 decimals); `symmetry` (0..1);
 * `per_kind` (`kind:coactions` joined by `;`); `evidence_count` = all co-action pairs behind the edge
 * (`evidenceTotal`); `evidence_sample` = the stored sample as `kind|object|postA|postB|dt` joined by `; `, posts as
 * `platform:postId`, dt in seconds (3 decimals), items escaped with `encodeListItem`; `first_evidence_ts`,
 * `last_evidence_ts` = oldest and newest post of the sample (ISO 8601 UTC).
 *
 * @param network the coordination network
 * @returns CSV text (CRLF line ends), rows sorted by source then target
 * @example writeEdgesCsv(report.network)
 */
export function writeEdgesCsv(network: CoordinationNetwork): string {
  return [...writeEdgesCsvChunks(network)].join('');
}

/**
 * The same CSV text as {@link writeEdgesCsv}, in pieces of at most `rowsPerChunk` rows (the first with the header),
 * so a large network can be streamed to a file without holding the whole text.
 */
export function* writeEdgesCsvChunks(network: CoordinationNetwork, rowsPerChunk = 10_000): Generator<string> {
  const clusterOf = new Map(network.accounts.map((a) => [a.key, a.cluster]));
  const edges = [...network.edges].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  const row = (e: NetworkEdge) => {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const p of e.evidence) {
      first = Math.min(first, p.postA.tsMs, p.postB.tsMs);
      last = Math.max(last, p.postA.tsMs, p.postB.tsMs);
    }
    return [
      e.a,
      e.b,
      clusterOf.get(e.a) ?? '',
      clusterOf.get(e.b) ?? '',
      e.coactions,
      e.objects,
      roundDecimal(e.meanDtSeconds, 3),
      roundDecimal(e.medianDtSeconds, 3),
      roundDecimal(e.symmetry, 6),
      e.perKind.map((k) => `${encodeListItem(k.kind)}:${k.coactions}`).join(';'),
      e.evidenceTotal,
      evidenceSample(e),
      formatUtc(first),
      formatUtc(last),
    ];
  };
  if (edges.length === 0) {
    yield toCsv(EDGES_CSV_COLUMNS, []);
    return;
  }
  for (let i = 0; i < edges.length; i += rowsPerChunk) {
    const text = toCsv(EDGES_CSV_COLUMNS, edges.slice(i, i + rowsPerChunk).map(row));
    yield i === 0 ? text : text.slice(text.indexOf('\r\n') + 2);
  }
}

function evidenceSample(edge: NetworkEdge): string {
  return edge.evidence
    .map((p) =>
      [
        encodeListItem(p.kind),
        encodeListItem(p.object),
        encodeListItem(`${p.postA.platform}:${p.postA.postId}`),
        encodeListItem(`${p.postB.platform}:${p.postB.postId}`),
        formatDecimal(p.dtSeconds, 3),
      ].join('|'),
    )
    .join('; ');
}
