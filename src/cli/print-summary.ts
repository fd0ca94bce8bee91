/**
 * The short text a finished `detect` prints: counts that reconcile, what failed, the top clusters with their first
 * signal reason, the cohorts, where the report is. Reasons can quote attacker-written text (a near-duplicate
 * snippet, a handle); they are printed on one line with every control character (ANSI escapes included), line
 * break and bidi control shown as a visible `⟦U+XXXX⟧` token, so nothing can drive the terminal.
 */
import { formatDuration } from '../export/format-duration.js';
import type { DetectResult } from '../pipeline/detect.js';
import { countNoun } from '../score/count-noun.js';
import { formatLog10P, formatLog10Threshold, weakerLeadFlags } from '../score/format-p-value.js';
import { terminalSafe } from './terminal-safe.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Human summary of a run, several lines, no trailing newline. */
export function formatSummary(result: DetectResult, out: string): string {
  const { run, network } = result;
  const t = run.totals;
  const lines: string[] = [];
  lines.push(
    `read ${countNoun(t.read, 'record')}: ${fmt(t.accepted)} accepted, ${fmt(t.quarantined)} quarantined, ${countNoun(t.duplicates, 'duplicate')}`,
  );
  for (const input of run.inputs) {
    if (input.error) lines.push(`  FAILED ${terminalSafe(input.path)}: ${terminalSafe(input.error)}`);
    else
      lines.push(
        `  ${terminalSafe(input.path)} [${input.format}] read ${fmt(input.read)} = ${fmt(input.accepted)} + ${fmt(input.quarantined)} quarantined + ${fmt(input.duplicates)} duplicates`,
      );
    const ignored = Object.entries(input.ignoredValues ?? {});
    if (ignored.length > 0) {
      lines.push(
        `    values dropped from kept records (see run.json): ${ignored.map(([what, n]) => `${terminalSafe(what)} ×${fmt(n)}`).join(', ')}`,
      );
    }
  }
  const kinds = Object.entries(t.tracesByKind)
    .map(([k, n]) => `${k} ${fmt(n ?? 0)}`)
    .join(', ');
  lines.push(
    `${countNoun(t.posts, 'post')} by ${countNoun(t.accounts, 'account')}; ${countNoun(t.traces, 'trace')} (${kinds || 'none'})`,
  );
  lines.push(
    `${countNoun(t.coactionPairs, 'co-action pair')} → ${countNoun(t.candidateEdges, 'account pair')} → ${countNoun(t.edges, 'edge')} kept → ${countNoun(t.clusters, 'cluster')} (${countNoun(t.clusteredAccounts, 'account')})`,
  );
  const sigTest = run.significance;
  if (sigTest?.applied && sigTest.tested > 0) {
    const groups = sigTest.groups;
    lines.push(
      `edges kept when improbable by chance: false-positive rate ${sigTest.fpr} (${sigTest.correction}) over ${countNoun(sigTest.family, 'account pair')}; ${countNoun(sigTest.significant, 'edge')} alone${groups && groups.edgesAdded > 0 ? `, ${fmt(groups.edgesAdded)} more in ${countNoun(groups.supported, 'supported group')}` : ''}`,
    );
  }
  if (
    sigTest?.applied &&
    t.edges === 0 &&
    sigTest.log10Strongest !== null &&
    sigTest.log10Strongest !== undefined
  ) {
    lines.push(
      `  no account pair co-acted more than chance allows: the strongest edge has ${formatLog10P(sigTest.log10Strongest)} and needed p ≤ ${formatLog10Threshold(sigTest.log10Needed)}; to explore weaker leads try ${weakerLeadFlags(sigTest.fpr, sigTest.correction).join(' or ')}`,
    );
  }
  if (run.bounded.objectWindows > 0) {
    lines.push(
      `bounded ${fmt(run.bounded.objectWindows)} viral object-windows (${fmt(run.bounded.traces)} traces over ${fmt(run.bounded.maxTracesPerObjectWindow)} per window; listed in run.json)`,
    );
  }
  const sig = run.signals;
  const found: string[] = [];
  if (sig?.neardup && sig.neardup.groups > 0)
    found.push(`${fmt(sig.neardup.groups)} near-duplicate groups (${fmt(sig.neardup.groupedPosts)} posts)`);
  if (sig?.misspelling && sig.misspelling.tokens > 0)
    found.push(`${fmt(sig.misspelling.tokens)} shared misspellings`);
  if (sig?.hashtagseq && sig.hashtagseq.sequences > 0)
    found.push(`${fmt(sig.hashtagseq.sequences)} daily hashtag sequences`);
  if (sig?.media && sig.media.groups > 0) found.push(`${fmt(sig.media.groups)} similar-image groups`);
  if (sig?.media && sig.media.files > 0)
    found.push(`${fmt(sig.media.filesHashed)} of ${fmt(sig.media.files)} local images hashed`);
  if (found.length > 0) lines.push(`signals: ${found.join(', ')}`);
  const byClusterId = new Map((result.signals?.clusters ?? []).map((s) => [s.cluster, s]));
  const scoreOf = new Map((result.scores?.clusters ?? []).map((s) => [s.cluster, s]));
  for (const cluster of network.clusters.slice(0, 5)) {
    const kinds = cluster.perKind.map((k) => k.kind).join('+');
    const score = scoreOf.get(cluster.id);
    lines.push(
      `  ${cluster.id}: ${score === undefined ? '' : `score ${score.score.toFixed(2)}, `}${countNoun(cluster.size, 'account')} on ${terminalSafe(cluster.platforms.join('+'))}, ${countNoun(cluster.coactions, 'co-action')} (${kinds}), median Δt ${formatDuration(cluster.medianDtSeconds)}`,
    );
    const why = score?.reasons.find((r) => r.behaviour !== null);
    if (why !== undefined) {
      const ids = [...why.disarm, ...why.killchain].map((t) => t.id).join(', ');
      lines.push(`         ${terminalSafe(why.text)}${ids === '' ? '' : ` [${ids}]`}`);
    }
    const reason = byClusterId.get(cluster.id)?.reasons[0];
    if (reason !== undefined) lines.push(`         ${terminalSafe(reason)}`);
  }
  if (network.clusters.length > 5) lines.push(`  … ${network.clusters.length - 5} more`);
  for (const cohort of (result.signals?.cohorts ?? []).slice(0, 5)) {
    lines.push(
      `  cohort ${cohort.id}: ${terminalSafe(cohort.reasons[0] ?? `${cohort.accounts.length} accounts`)}`,
    );
  }
  if ((result.signals?.cohorts.length ?? 0) > 5)
    lines.push(`  … ${result.signals!.cohorts.length - 5} more cohorts`);
  if (result.seeds !== undefined) {
    const top = result.seeds.expansion[0];
    lines.push(
      `seeds: ${countNoun(result.seeds.matched.length, 'seed')} of ${fmt(result.seeds.seeds)} found, matching ${countNoun(result.seeds.accounts.length, 'account')}; ${countNoun(result.seeds.expansion.length, 'account')} co-acted with them${top === undefined ? '' : `, strongest ${terminalSafe(top.key)}`} (seeds.json)`,
    );
  }
  const persona = result.signals?.personaLinks ?? [];
  if (persona.length > 0) {
    const first = persona[0]!;
    lines.push(
      `  persona links: ${countNoun(persona.length, 'pair')} of accounts on different platforms share persona fields, e.g. ${terminalSafe(first.a)} ~ ${terminalSafe(first.b)} (${first.evidence.map((e) => e.kind).join(', ')})`,
    );
  }
  lines.push(`report: ${out}/report.html`);
  return lines.join('\n');
}
