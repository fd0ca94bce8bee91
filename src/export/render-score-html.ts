/**
 * HTML of the scores (issue 4) for report.html: per cluster its 0–1 score, the components, the reasons with links
 * to their evidence, and the DISARM / Meta kill-chain ids of the behaviours; and the run's method block (edge
 * significance and windows per kind beside CooRnet's estimate). Reasons are built from counts, but platform names
 * come from the data, so everything is escaped.
 * Vocabularies: DISARM Red Framework (DISARM Foundation, CC BY-SA 4.0) and Meta's Online Operations Kill Chain
 * (MIT); see data/ttp/SOURCE.md.
 */
import type { RunInfo } from '../model/run-info.js';
import { type ClusterScore, SCORE_COMPONENTS, type ScoreComponent, type TtpTag } from '../model/score.js';
import { countNoun } from '../score/count-noun.js';
import { formatLog10P, formatLog10Threshold, weakerLeadFlags } from '../score/format-p-value.js';
import { formatDecimal } from './format-decimal.js';
import { escapeText as h } from './html-text.js';

/** Words for each score component. */
export const COMPONENT_LABELS: Readonly<Record<ScoreComponent, string>> = Object.freeze({
  significance: 'co-action significance',
  synchrony: 'synchrony',
  duplication: 'content duplication',
  diversity: 'signal diversity',
  schedule: 'shift pattern',
  creation: 'creation batches',
  handles: 'handle patterns',
  crossPlatform: 'cross-platform',
});

function tag(t: TtpTag, kind: 'disarm' | 'killchain'): string {
  const label = `${h(t.id)} ${h(t.name)}`;
  const title = kind === 'disarm' ? 'DISARM technique' : 'Meta kill-chain';
  return t.url === undefined
    ? `<span class="ttp" title="${title}">${label}</span>`
    : `<a class="ttp" title="${title}" href="${h(t.url)}" rel="noreferrer noopener">${label}</a>`;
}

/** The distinct TTP tags of a score's reasons, DISARM first, in order of first use. */
export function scoreTtps(score: ClusterScore): { disarm: TtpTag[]; killchain: TtpTag[] } {
  const disarm = new Map<string, TtpTag>();
  const killchain = new Map<string, TtpTag>();
  for (const r of score.reasons) {
    for (const t of r.disarm) if (!disarm.has(t.id)) disarm.set(t.id, t);
    for (const t of r.killchain) if (!killchain.has(t.id)) killchain.set(t.id, t);
  }
  return { disarm: [...disarm.values()], killchain: [...killchain.values()] };
}

/**
 * The score block of one cluster section: `<div class="score" id="C0001-score">` with the score, its components,
 * the reasons (each linking to its evidence anchor) and the TTP ids.
 * @example renderClusterScoreHtml(scores.clusters[0]).join('\n')
 */
export function renderClusterScoreHtml(score: ClusterScore): string[] {
  const id = h(score.cluster);
  const parts = SCORE_COMPONENTS.filter((c) => score.components[c] > 0).map(
    (c) => `${h(COMPONENT_LABELS[c])} ${formatDecimal(score.components[c], 2)}`,
  );
  const out = [
    `<div class="score" id="${id}-score">`,
    `<h3>Score ${formatDecimal(score.score, 2)} <small class="muted">of 1</small></h3>`,
    `<p class="muted">Components: ${parts.length > 0 ? parts.join(' · ') : 'none'}. How the score is made: docs/methods.md §9.</p>`,
    '<ol class="reasons">',
  ];
  for (const r of score.reasons) {
    const tags = [...r.disarm.map((t) => tag(t, 'disarm')), ...r.killchain.map((t) => tag(t, 'killchain'))];
    out.push(
      `<li>${h(r.text)} <a href="#${h(r.evidence)}">evidence</a>${tags.length > 0 ? `<br><small>${tags.join(' ')}</small>` : ''}</li>`,
    );
  }
  out.push('</ol>', '</div>');
  return out;
}

/**
 * The method block of the run section: how edges were kept (significance at a false-positive rate, or another
 * filter with p-values shown) and, per trace kind, the window used beside Chorus's and CooRnet's estimates.
 */
export function renderMethodHtml(run: RunInfo): string[] {
  const out: string[] = [];
  const s = run.significance;
  if (s !== undefined) {
    const threshold =
      s.log10Threshold === null ? 'none kept' : `largest kept ${formatLog10P(s.log10Threshold)}`;
    const strongest =
      s.applied && s.significant === 0 && s.log10Strongest !== null && s.log10Strongest !== undefined
        ? `<p>No account pair co-acted more than chance allows: the strongest edge had ${h(formatLog10P(s.log10Strongest))} and needed p ≤ ${h(formatLog10Threshold(s.log10Needed))}. To look at weaker leads, run with ${weakerLeadFlags(
            s.fpr,
            s.correction,
          )
            .map((f) => `<code>${h(f)}</code>`)
            .join(' or ')} and read the evidence.</p>`
        : '';
    const groups =
      s.groups !== undefined && s.groups.supported > 0
        ? `<p>Group support: ${h(s.groups.tested.toLocaleString('en-US'))} candidate groups tested as a whole, ${h(s.groups.supported.toLocaleString('en-US'))} supported, adding ${h(s.groups.edgesAdded.toLocaleString('en-US'))} edges (docs/methods.md §8.3).</p>`
        : '';
    out.push(
      '<h3>Edge significance</h3>',
      s.applied
        ? `<p>Edges kept when their co-action is improbable under the null model (docs/methods.md §8): false-positive rate ${h(s.fpr)}, correction ${h(s.correction)}, ${h(countNoun(s.tested, 'candidate edge'))} tested within a family of ${h(countNoun(s.family, 'account pair'))}, ${h(s.significant.toLocaleString('en-US'))} significant (${h(threshold)}).</p>`
        : `<p>Edges kept by the ${h(String((run.options.edgeFilter as { mode?: string } | undefined)?.mode ?? 'chosen'))} filter; the null-model p-values are shown for comparison (${h(s.significant.toLocaleString('en-US'))} of ${h(s.tested.toLocaleString('en-US'))} candidate edges would pass at ${h(s.fpr)}).</p>`,
      groups,
      strongest,
    );
  }
  if (run.windows !== undefined && run.windows.length > 0) {
    out.push(
      '<h3>Time windows</h3>',
      '<table><thead><tr><th>Kind</th><th class="num">Used (s)</th><th>Source</th><th class="num">Chorus estimate (s)</th><th class="num">CooRnet estimate (s)</th></tr></thead><tbody>',
      ...run.windows.map(
        (w) =>
          `<tr><td>${h(w.kind)}</td><td class="num">${h(w.usedSeconds)}</td><td>${h(w.source)}</td><td class="num">${w.estimateSeconds === null ? `<span class="muted">${h(w.estimateStatus)}</span>` : h(w.estimateSeconds)}</td><td class="num">${w.coornetSeconds === null ? '<span class="muted">—</span>' : h(formatDecimal(w.coornetSeconds, 1))}</td></tr>`,
      ),
      '</tbody></table>',
      '<p class="muted">Chorus estimate: the smallest window holding 90 % of the excess synchrony over a random-shift null; CooRnet: <code>estimate_coord_interval(q = 0.1, p = 0.5)</code> (Giglietto et al. 2020).</p>',
    );
  }
  return out;
}
