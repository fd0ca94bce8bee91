/**
 * The short text a finished `detect` prints: counts that reconcile, what failed, the top clusters, where the
 * report is. Attacker-written strings are not printed here (only counts, ids and paths the user gave).
 */
import type { DetectResult } from '../pipeline/detect.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Human summary of a run, several lines, no trailing newline. */
export function formatSummary(result: DetectResult, out: string): string {
  const { run, network } = result;
  const t = run.totals;
  const lines: string[] = [];
  lines.push(
    `read ${fmt(t.read)} records: ${fmt(t.accepted)} accepted, ${fmt(t.quarantined)} quarantined, ${fmt(t.duplicates)} duplicates`,
  );
  for (const input of run.inputs) {
    if (input.error) lines.push(`  FAILED ${input.path}: ${input.error}`);
    else
      lines.push(
        `  ${input.path} [${input.format}] read ${fmt(input.read)} = ${fmt(input.accepted)} + ${fmt(input.quarantined)} quarantined + ${fmt(input.duplicates)} duplicates`,
      );
  }
  const kinds = Object.entries(t.tracesByKind)
    .map(([k, n]) => `${k} ${fmt(n ?? 0)}`)
    .join(', ');
  lines.push(
    `${fmt(t.posts)} posts by ${fmt(t.accounts)} accounts; ${fmt(t.traces)} traces (${kinds || 'none'})`,
  );
  lines.push(
    `${fmt(t.coactionPairs)} co-action pairs → ${fmt(t.candidateEdges)} account pairs → ${fmt(t.edges)} edges kept → ${fmt(t.clusters)} clusters (${fmt(t.clusteredAccounts)} accounts)`,
  );
  if (run.bounded.objectWindows > 0) {
    lines.push(
      `bounded ${fmt(run.bounded.objectWindows)} viral object-windows (${fmt(run.bounded.traces)} traces over ${fmt(run.bounded.maxTracesPerObjectWindow)} per window; listed in run.json)`,
    );
  }
  for (const cluster of network.clusters.slice(0, 5)) {
    lines.push(
      `  ${cluster.id}: ${cluster.size} accounts on ${cluster.platforms.join('+')}, ${fmt(cluster.coactions)} co-actions, median Δt ${cluster.medianDtSeconds.toFixed(1)} s`,
    );
  }
  if (network.clusters.length > 5) lines.push(`  … ${network.clusters.length - 5} more`);
  lines.push(`report: ${out}/report.html`);
  return lines.join('\n');
}
