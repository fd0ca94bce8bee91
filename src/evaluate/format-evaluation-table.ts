/**
 * Markdown summary of an {@link Evaluation}: a caption, one table (all accounts, one row per tactic, clusters,
 * organic false-positive rate) and the adjusted Rand indexes. What `chorus evaluate` prints and writes as
 * `evaluation.md`.
 */
import { escapeMarkdownCell } from '../export/escape-markdown-cell.js';
import type { Evaluation } from './evaluation.js';

/** Target organic false-positive rate of the benchmark (DESIGN.md §4): at most 0.1 % of organic accounts. */
export const ORGANIC_FPR_TARGET = 0.001;

const count = (n: number): string => n.toLocaleString('en-US');
const fixed = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(3)} %`);
const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * Render the evaluation as Markdown: ratios with 3 decimals ("—" when undefined), counts with thousands
 * separators, text from the truth (scenario, account keys) escaped for Markdown.
 * @example formatEvaluationTable(evaluateDetection(truth, clusters)).split('\n')[2] // '| Scope | Precision | …'
 */
export function formatEvaluationTable(evaluation: Evaluation): string {
  const { counts, account, cluster } = evaluation;
  const rows: string[][] = [
    [
      'all accounts',
      fixed(account.precision),
      fixed(account.recall),
      fixed(account.f1),
      `TP ${count(account.tp)} · FP ${count(account.fp)} · FN ${count(account.fn)} · TN ${count(account.tn)}`,
    ],
  ];
  for (const t of evaluation.perTactic) {
    rows.push([
      `tactic ${t.tactic}`,
      fixed(t.precision),
      fixed(t.recall),
      fixed(t.f1),
      `TP ${count(t.tp)} · FP ${count(t.fp)} · FN ${count(t.fn)} (${plural(t.campaigns.length, 'campaign')}, ${plural(t.members, 'member')})`,
    ]);
  }
  rows.push([
    `clusters (Jaccard ≥ ${cluster.minJaccard})`,
    fixed(cluster.precision),
    fixed(cluster.recall),
    fixed(cluster.f1),
    `${count(cluster.foundCampaigns)} of ${plural(counts.campaigns, 'campaign')} found · ${count(cluster.correctClusters)} of ${plural(counts.clusters, 'cluster')} correct`,
  ]);
  const fpr = evaluation.organicFalsePositiveRate;
  rows.push([
    'organic false-positive rate',
    '—',
    '—',
    '—',
    `${fixed(fpr)} = ${percent(fpr)} (${count(account.fp)} of ${plural(counts.organicAccounts, 'organic account')}; target ≤ ${percent(ORGANIC_FPR_TARGET)})`,
  ]);
  const lines = [
    `Evaluation of scenario "${escapeMarkdownCell(evaluation.scenario)}" (seed ${evaluation.seed}): ${plural(counts.accounts, 'account')}, ${plural(counts.campaignAccounts, 'campaign account')} in ${plural(counts.campaigns, 'campaign')}, ${plural(counts.flaggedAccounts, 'flagged account')} in ${plural(counts.clusters, 'cluster')}.`,
    '',
    '| Scope | Precision | Recall | F1 | Counts |',
    '|---|---:|---:|---:|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `Adjusted Rand index: ${fixed(evaluation.ari)} over all accounts; ${fixed(evaluation.ariFlagged)} over the accounts in a campaign or flagged.`,
  ];
  const unknown = evaluation.unknownAccounts;
  if (unknown.count > 0) {
    const shown = unknown.sample.map(escapeMarkdownCell).join(', ');
    const more = unknown.count > unknown.sample.length ? ', …' : '';
    lines.push(
      '',
      `Warning: ${plural(unknown.count, 'detected account')} missing from the truth, left out of every metric: ${shown}${more}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
