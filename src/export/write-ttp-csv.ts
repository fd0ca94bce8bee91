/**
 * Indicators as a CSV in the shape Meta publishes them in `facebook/threat-research` (`indicators/csv/…`, the
 * "killchain" files from Q1 2023 on): columns `Tactic, Technique, Procedure, Indicator, Note`, the first three
 * holding ids and names of Meta's Online Operations Kill Chain (`Online_Operations_Killchain-TTPs.csv`), e.g.
 * `6. Indiscriminate engagement, 6.2 Amplifying with likely fake accounts on social media, 6.2.4 Amplifying with
 * likely fake accounts on X/Twitter`. Indicators are defanged as in those files and CTI practice (`hxxps://`, `[.]`
 * in hosts). Cells are neutralised against formula injection and written by papaparse (`toCsv`).
 *
 * @module
 */
import { KILLCHAIN } from '../detect/ttp-vocabulary.js';
import type { NetworkAccount } from '../model/network.js';
import type { ScoreReason } from '../model/score.js';
import { accountUrl } from './account-url.js';
import type { CaseReport } from './case-report.js';
import { defangDomain, defangUrl } from './defang.js';
import { type ScoredCluster, scoredClusters } from './scored-clusters.js';
import { toCsv } from './to-csv.js';
import { isDomainValue } from './write-stix-bundle.js';

/** The columns, as in Meta's killchain indicator files (which use `Note`, `Notes` or `Comments` for the last). */
export const TTP_CSV_COLUMNS: readonly string[] = Object.freeze([
  'Tactic',
  'Technique',
  'Procedure',
  'Indicator',
  'Note',
]);

/** Default score threshold of {@link writeTtpCsv}: the score's midpoint, as for the MISP export. */
export const TTP_CSV_MIN_SCORE = 0.5;

/**
 * Technique-level names the vocabulary's `KILLCHAIN` lacks (it lists only the procedures Chorus reports), copied
 * from Meta's `Online_Operations_Killchain-TTPs.csv` (MIT; vendored in `data/ttp/meta-killchain.csv`).
 */
const PARENT_TECHNIQUES: Readonly<Record<string, string>> = Object.freeze({
  '1.1': 'Adopting visual disguise',
  '1.4': 'Impersonating real person',
  '5.2': 'Camouflaging content',
  '9.1': 'Changing personas',
  '9.2': 'Changing platforms',
});

interface Row {
  killchain: string;
  indicator: string;
  notes: string[];
}

/**
 * Write the TTP CSV of a case: for each cluster scored ≥ `minScore` (cluster id order) and each Meta kill-chain
 * entry of its score reasons, one row per indicator. Indicators: every account of the cluster (its profile URL,
 * defanged, when the platform's URL scheme is known, else `platform:handle` or `platform:id`), and, for the
 * `link-flooding` behaviour only, the cluster's http(s) URLs and domains pushed together. A procedure-level id
 * (`6.2.4`) fills `Procedure` and its technique (`6.2`) `Technique`; a technique-level id leaves `Procedure` empty.
 * `Note` names the cluster, its score and the reasons behind the entry. Rows are unique per (cluster, entry,
 * indicator), sorted by cluster, kill-chain id (numerically) and indicator.
 * @param report the case (without `scores` the CSV has only its header)
 * @param minScore clusters scored at least this are written (default {@link TTP_CSV_MIN_SCORE})
 * @returns CSV text, CRLF line ends
 */
export function writeTtpCsv(report: CaseReport, minScore: number = TTP_CSV_MIN_SCORE): string {
  const out: (string | undefined)[][] = [];
  for (const scored of scoredClusters(report, minScore)) {
    const prefix = `Chorus cluster ${scored.cluster.id} (score ${scored.score.score.toFixed(2)})`;
    for (const row of clusterRows(scored)) {
      out.push([...killchainCells(row.killchain), row.indicator, `${prefix}: ${row.notes.join(' / ')}`]);
    }
  }
  return toCsv(TTP_CSV_COLUMNS, out);
}

function clusterRows(scored: ScoredCluster): Row[] {
  const accounts = scored.accounts.map(accountIndicator);
  const links = linkIndicators(scored);
  const rows = new Map<string, Row>();
  for (const reason of scored.score.reasons) {
    const indicators = reason.behaviour === 'link-flooding' ? [...accounts, ...links] : accounts;
    for (const { id } of reason.killchain) {
      for (const indicator of indicators) addRow(rows, id, indicator, reason);
    }
  }
  return [...rows.values()].sort(
    (a, b) => compareKillchainIds(a.killchain, b.killchain) || compareStrings(a.indicator, b.indicator),
  );
}

function addRow(rows: Map<string, Row>, killchain: string, indicator: string, reason: ScoreReason): void {
  const key = `${killchain}\u0000${indicator}`;
  const row = rows.get(key) ?? { killchain, indicator, notes: [] };
  if (!row.notes.includes(reason.text)) row.notes.push(reason.text);
  rows.set(key, row);
}

function accountIndicator(account: NetworkAccount): string {
  const url = accountUrl(account.platform, account.handle, account.accountId);
  if (url !== undefined) return defangUrl(url);
  const handle = account.handle?.replace(/^@/, '');
  return `${account.platform}:${handle ? handle : account.accountId}`;
}

function linkIndicators(scored: ScoredCluster): string[] {
  const out: string[] = [];
  for (const top of scored.cluster.topObjects) {
    if (top.kind === 'url' && /^https?:\/\//i.test(top.object)) out.push(defangUrl(top.object));
    else if (top.kind === 'domain' && isDomainValue(top.object)) out.push(defangDomain(top.object));
  }
  return out;
}

/** `Tactic`, `Technique`, `Procedure` of a kill-chain id (names from the vocabulary). */
function killchainCells(id: string): [string, string, string] {
  const entry = KILLCHAIN[id];
  const parts = id.split('.');
  if (parts.length < 3) return [entry?.tactic ?? '', `${id} ${entry?.name ?? ''}`.trim(), ''];
  const parent = parts.slice(0, 2).join('.');
  const parentName = KILLCHAIN[parent]?.name ?? PARENT_TECHNIQUES[parent] ?? '';
  return [entry?.tactic ?? '', `${parent} ${parentName}`.trim(), `${id} ${entry?.name ?? ''}`.trim()];
}

/** Numeric per dot-separated part: `6.2` < `6.2.1` < `6.2.10` < `6.3`. */
function compareKillchainIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return compareStrings(a, b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
