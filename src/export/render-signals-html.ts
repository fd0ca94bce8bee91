/**
 * The signal parts of `report.html` (issue 3): per cluster, the plain-words findings, the hour-of-week heatmap of
 * the members' posts with its office-hours fit, synchronized starts, and near-duplicate examples side by side; for
 * the case, the cohorts (accounts tied by a feature rather than by co-actions). Every data string is escaped and
 * direction-isolated like the rest of the report; nothing links out.
 */

import type { NetworkEdge } from '../model/network.js';
import type { ClusterSignals, Cohort } from '../signals/case-signals.js';
import type { WorkScheduleFit } from '../signals/fit-work-schedule.js';
import type { PersonaLink } from '../signals/persona-links.js';
import { formatDecimal } from './format-decimal.js';
import { formatUtc } from './format-utc.js';
import { escapeText as h, isolateUserText as u } from './html-text.js';
import { pluralize } from './pluralize.js';
import { renderHeatmapSvg } from './render-heatmap-svg.js';
import { renderTextDiffHtml } from './render-text-diff.js';

/** Schedule confidence from which the heatmap is drawn in the fitted local time rather than UTC. */
const LOCAL_TIME_CONFIDENCE = 0.5;
/** Near-duplicate examples shown per cluster. */
const NEARDUP_EXAMPLES = 3;

/** One line describing an office-hours fit, or why there is none. */
export function describeSchedule(fit: WorkScheduleFit): string {
  if (fit.status === 'insufficient') return `too few posts to fit a schedule (${fit.posts})`;
  if (fit.status === 'flat') return 'posts spread evenly over the week (no rhythm)';
  const shares = `${pct(fit.officeHoursShare)} of posts Mon–Fri 09–18 local, ${pct(fit.weekendShare)} at weekends, ${pct(fit.nightShare)} at night`;
  const lunch =
    fit.lunchDip !== null && fit.lunchDip >= 0.3
      ? `; activity drops ${pct(fit.lunchDip)} at ${fit.lunchStartHour}:00 (meal break)`
      : '';
  const verdict = fit.worksOfficeHours ? 'office hours in' : 'best (weak) fit';
  return `${verdict} ${fit.offsetLabel} (confidence ${formatDecimal(fit.confidence, 2)}, correlation ${formatDecimal(fit.correlation ?? 0, 2)}): ${shares}${lunch}`;
}

function clusterLink(id: string, sectioned: ReadonlySet<string> | undefined): string {
  return sectioned === undefined || sectioned.has(id) ? `<a href="#${h(id)}">${h(id)}</a>` : h(id);
}

function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)} %`;
}

/**
 * The signals block of one cluster section.
 * @param signals the cluster's signal findings
 * @param edges the cluster's kept edges (near-duplicate evidence pairs are taken from them)
 * @returns HTML lines (escaped)
 */
export function renderClusterSignalsHtml(signals: ClusterSignals, edges: readonly NetworkEdge[]): string[] {
  const out: string[] = ['<h3>Signals</h3>'];
  if (signals.reasons.length > 0) {
    out.push('<ul class="reasons">', ...signals.reasons.map((r) => `<li>${u(r)}</li>`), '</ul>');
  } else {
    out.push('<p class="muted">No time or account signal stands out for this cluster.</p>');
  }
  out.push(...heatmapFigure(signals.time.histogramUtc, signals.time.schedule, `Cluster ${signals.cluster}`));
  if (signals.bursts.largest.length > 0) {
    out.push(
      '<p><small>Largest synchronized starts (first post of the day within minutes):</small></p>',
      '<ul>',
      ...signals.bursts.largest.map(
        (b) =>
          `<li>${h(b.day)}: ${pluralize(b.starts.length, 'account')} between ${formatUtc(b.startTsMs)} and ${formatUtc(b.endTsMs)}</li>`,
      ),
      '</ul>',
    );
  }
  out.push(...nearDuplicateExamples(edges));
  return out;
}

function heatmapFigure(histogramUtc: readonly number[], fit: WorkScheduleFit, title: string): string[] {
  const local = fit.status === 'fitted' && fit.worksOfficeHours && fit.confidence >= LOCAL_TIME_CONFIDENCE;
  const svg = renderHeatmapSvg([...histogramUtc], {
    title: `${title}: posts per hour of the week`,
    ...(local && fit.offsetMinutes !== null ? { offsetMinutes: fit.offsetMinutes } : {}),
  });
  return [
    `<figure>${svg}<figcaption><small>Posts per hour of the week${local ? ` in ${h(fit.offsetLabel ?? '')}` : ' (UTC)'}. Schedule: ${h(describeSchedule(fit))}.</small></figcaption></figure>`,
  ];
}

function nearDuplicateExamples(edges: readonly NetworkEdge[]): string[] {
  const seen = new Set<string>();
  const pairs = [];
  for (const edge of edges) {
    for (const pair of edge.evidence) {
      if (pair.kind !== 'neardup' || pair.postA.text === undefined || pair.postB.text === undefined) continue;
      if (pair.postA.text === pair.postB.text) continue;
      const key = `${pair.postA.text}\u0000${pair.postB.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push(pair);
      if (pairs.length >= NEARDUP_EXAMPLES) break;
    }
    if (pairs.length >= NEARDUP_EXAMPLES) break;
  }
  if (pairs.length === 0) return [];
  return [
    '<p><small>Near-duplicate texts side by side (differences marked):</small></p>',
    ...pairs.map(
      (p) =>
        `<div class="pair"><div class="who"><small>${u(p.postA.accountKey)} · ${formatUtc(p.postA.tsMs)} ↔ ${u(p.postB.accountKey)} · ${formatUtc(p.postB.tsMs)}</small></div>${renderTextDiffHtml(p.postA.text!, p.postB.text!)}</div>`,
    ),
  ];
}

/**
 * The cohorts section of the report.
 * @param cohorts the case's cohorts
 * @param sectionedClusters ids of the clusters that have a section in the page: only these are linked (`#C0001`),
 *   the others are shown as plain ids so that no link dangles; default: every cluster is linked
 * @returns HTML lines (empty when there are none)
 */
export function renderCohortsHtml(
  cohorts: readonly Cohort[],
  sectionedClusters?: ReadonlySet<string>,
): string[] {
  if (cohorts.length === 0) return [];
  const out = [
    '<section id="cohorts">',
    '<h2>Cohorts: accounts tied by time or account signals</h2>',
    '<p class="muted">These accounts share no co-actions that make an edge; they share a feature. A cohort is a lead, not a finding: many people keep office hours in one time zone. It matters most where it overlaps a cluster.</p>',
    '<table><thead><tr><th>Cohort</th><th>Kind</th><th class="num">Accounts</th><th>Why</th><th>Clusters</th></tr></thead><tbody>',
    ...cohorts.map(
      (c) =>
        `<tr><td><a href="#cohort-${h(c.id)}">${h(c.id)}</a></td><td>${h(c.kind)}</td><td class="num">${c.accounts.length}</td><td>${c.reasons.map(u).join('<br>')}</td><td>${c.clusters.map((id) => clusterLink(id, sectionedClusters)).join(' ')}</td></tr>`,
    ),
    '</tbody></table>',
  ];
  for (const c of cohorts) {
    out.push(`<h3 id="cohort-${h(c.id)}">Cohort ${h(c.id)} (${h(c.kind)})</h3>`);
    if (c.time !== undefined)
      out.push(...heatmapFigure(c.time.histogramUtc, c.time.schedule, `Cohort ${c.id}`));
    if (c.time?.holidays) {
      const hd = c.time.holidays;
      out.push(
        `<p><small>Quiet on ${h(hd.country)} public holidays: ${hd.activeHolidayDays} of ${hd.holidayDays} holiday days active (expected ${formatDecimal(hd.expectedActiveHolidayDays, 1)}); ${hd.holidays
          .slice(0, 8)
          .map((x) => `${h(x.date)} ${u(x.names.join(' / '))}`)
          .join(', ')}</small></p>`,
      );
    }
    const shown = c.accounts.slice(0, 50);
    out.push(
      `<p class="obj"><small>${shown.map(u).join(' · ')}${c.accounts.length > shown.length ? ` … and ${c.accounts.length - shown.length} more (cohorts.csv)` : ''}</small></p>`,
    );
  }
  out.push('</section>');
  return out;
}

/** Most persona links listed in the report (all are in signals.json). */
export const PERSONA_LINKS_SHOWN = 100;

/**
 * The "Persona links" section: accounts on different platforms sharing a handle, profile image, bio link or
 * display name (`findPersonaLinks`), each with the fields that match. Empty when there are none. Values are
 * attacker-written and escaped.
 */
export function renderPersonaLinksHtml(links: readonly PersonaLink[]): string[] {
  if (links.length === 0) return [];
  const out = [
    '<section id="persona-links">',
    '<h2>Persona links across platforms</h2>',
    `<p class="muted">${pluralize(links.length, 'pair')} of accounts on different platforms share persona fields (an identical handle, or two of: profile image, bio link, display name). A lead to check, kept apart from the co-action clusters (Meta kill chain 1.8.1 backstopping; DISARM T0143.002).</p>`,
    '<table><thead><tr><th>Account</th><th>Account</th><th>Shared</th></tr></thead><tbody>',
  ];
  for (const link of links.slice(0, PERSONA_LINKS_SHOWN)) {
    const shared = link.evidence.map((e) => `${h(e.kind)}: ${u(e.value)}`).join('<br>');
    out.push(
      `<tr><td class="obj">${u(link.a)}</td><td class="obj">${u(link.b)}</td><td class="obj">${shared}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (links.length > PERSONA_LINKS_SHOWN) {
    out.push(
      `<p class="muted">… and ${pluralize(links.length - PERSONA_LINKS_SHOWN, 'more pair')} in signals.json.</p>`,
    );
  }
  out.push('</section>');
  return out;
}
