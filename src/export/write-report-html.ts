/**
 * `report.html`: one self-contained page an investigator can open offline and publish — run summary, cluster table,
 * and per cluster its accounts, what it pushed and the evidence (posts and co-action pairs) behind it.
 *
 * Safety (DESIGN.md §7): every string that came from the data (texts, handles, names, URLs, object values, file
 * names, ids) is HTML-escaped with escape-html and wrapped in `<bdi>` (so right-to-left overrides cannot spill
 * over). URLs are shown as text, never as `href`/`src`: the page links only to its own `#` anchors. A
 * Content-Security-Policy meta tag (`default-src 'none'`) blocks every fetch; the only script is a small inline
 * sorter/filter for the cluster table, and the page works without it. No timestamps of the run itself are shown,
 * so the same case gives the same bytes.
 */

import { compareStrings } from '../graph/compare-strings.js';
import type { OptionsInput } from '../graph/options-input.js';
import type { NetworkAccount, NetworkEdge, PostRef } from '../model/network.js';
import type { RunInfo } from '../model/run-info.js';
import type { ClusterScore } from '../model/score.js';
import type { ClusterSignals } from '../signals/case-signals.js';
import { accountLabel } from './account-label.js';
import type { CaseReport } from './case-report.js';
import { formatDecimal } from './format-decimal.js';
import { formatDuration } from './format-duration.js';
import { formatUtc } from './format-utc.js';
import { escapeText as h, isolateUserText as u } from './html-text.js';
import { pluralize } from './pluralize.js';
import { renderClusterScoreHtml, renderMethodHtml, scoreTtps } from './render-score-html.js';
import { renderSeedsHtml } from './render-seeds-html.js';
import {
  renderClusterSignalsHtml,
  renderCohortsHtml,
  renderPersonaLinksHtml,
} from './render-signals-html.js';
import { platformColor, renderTimelineSvg } from './render-timeline-svg.js';
import { type ReportOptions, resolveReportOptions } from './report-options.js';
import { buildReportView, type ClusterView, type ReportView } from './report-view.js';
import { stableStringify } from './stable-stringify.js';
import { truncateText } from './truncate-text.js';

/** The Content-Security-Policy of the report: nothing may be fetched; inline style and script only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#5b636e;--line:#d5d9de;--head:#f3f5f7;--accent:#2f5bb7}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--bg:#15181c;--muted:#9aa3ad;--line:#3a4048;--head:#1f242a;--accent:#8fb0ff}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:1.5rem;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
a{color:var(--accent)}
.muted,small{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem;font-size:13px}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0}
th[data-type]{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:36rem}
td.obj,code,.obj{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
tr.group th{background:var(--head);font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.swatch{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:-.05em;border-radius:2px}
svg.timeline{display:block;max-width:100%;height:auto;color:var(--muted)}
input[type=search]{padding:.3rem .5rem;width:20rem;max-width:100%;font:inherit}
bdi{unicode-bidi:isolate}
footer{margin-top:3rem;color:var(--muted);font-size:12px}
svg.heatmap{display:block;max-width:100%;height:auto}
ul.reasons li{margin:.15rem 0}
.pair{margin:.4rem 0 .8rem}.pair .who{margin-bottom:.2rem}
.text-diff{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
.text-diff>div{border:1px solid var(--line);padding:.35rem .5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.text-diff del{background:#ffd7d5;color:#82071e;text-decoration:line-through}.text-diff ins{background:#ccffd8;color:#055d20;text-decoration:none}
@media (prefers-color-scheme:dark){.text-diff del{background:#67060c;color:#ffdcd7}.text-diff ins{background:#033a16;color:#aff5b4}}
`;

const SCRIPT = `
(function(){
var t=document.getElementById('cluster-table');if(!t||!t.tBodies[0])return;
var b=t.tBodies[0],hs=t.tHead.rows[0].cells,f=document.getElementById('cluster-filter');
Array.prototype.forEach.call(hs,function(th,i){if(!th.hasAttribute('data-type'))return;
function go(){var asc=th.getAttribute('aria-sort')!=='ascending',num=th.getAttribute('data-type')==='num';
Array.prototype.forEach.call(hs,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var rows=Array.prototype.slice.call(b.rows);
function key(r){var c=r.cells[i];return c.hasAttribute('data-v')?c.getAttribute('data-v'):c.textContent;}
rows.sort(function(x,y){var p=key(x),q=key(y);
var r=num?(parseFloat(p)-parseFloat(q)):(p<q?-1:p>q?1:0);return asc?r:-r;});
rows.forEach(function(r){b.appendChild(r);});}
th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});});
if(f)f.addEventListener('input',function(){var q=f.value.toLowerCase();
Array.prototype.forEach.call(b.rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});
})();
`;

/** A right-aligned numeric table cell. */
const num = (value: number | string): string => `<td class="num">${h(value)}</td>`;

/**
 * Write `report.html` for a case.
 *
 * @param report the case (run record + network)
 * @param options report options, see `REPORT_DEFAULTS` (title, text length, per-cluster caps)
 * @returns the whole HTML document (UTF-8 text, no external resources); identical input gives identical bytes
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options
 * @example
 * await writeFile('case-42/report.html', writeReportHtml({ run, network }));
 */
export function writeReportHtml(report: CaseReport, options?: OptionsInput<ReportOptions>): string {
  const opts = resolveReportOptions(options);
  const view = buildReportView(report, opts);
  const platforms = [...new Set(report.network.accounts.map((a) => a.platform))].sort(compareStrings);
  const { run, network } = report;
  const signalsOf = new Map((report.signals?.clusters ?? []).map((s) => [s.cluster, s]));
  const scoreOf = new Map((report.scores?.clusters ?? []).map((s) => [s.cluster, s]));
  const cohorts = report.signals?.cohorts.length ?? 0;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(opts.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${h(opts.title)}</h1>`,
    `<p class="muted">${pluralize(network.clusters.length, 'cluster')} · ${pluralize(network.accounts.length, 'account')} · ${pluralize(network.edges.length, 'edge')} · Chorus ${u(run.chorusVersion)}. All times UTC. Content written by the accounts is shown as plain text; links in it are not clickable.</p>`,
    '<nav><a href="#run">Run</a> · <a href="#clusters">Clusters</a>',
    cohorts > 0 ? ' · <a href="#cohorts">Cohorts</a>' : '',
    report.seeds !== undefined ? ' · <a href="#seeds">Seeds</a>' : '',
    (report.signals?.personaLinks?.length ?? 0) > 0 ? ' · <a href="#persona-links">Persona links</a>' : '',
    view.unclustered.length > 0 ? ' · <a href="#unclustered">Unclustered accounts</a>' : '',
    '</nav>',
    '</header>',
    ...runSection(run),
    ...clusterTable(view, opts.clusterSections, scoreOf),
    ...view.clusters
      .slice(0, opts.clusterSections)
      .flatMap((cv) =>
        clusterSection(cv, view, platforms, opts, signalsOf.get(cv.cluster.id), scoreOf.get(cv.cluster.id)),
      ),
    ...renderCohortsHtml(
      report.signals?.cohorts ?? [],
      new Set(view.clusters.slice(0, opts.clusterSections).map((cv) => cv.cluster.id)),
    ),
    ...renderSeedsHtml(report.seeds),
    ...renderPersonaLinksHtml(report.signals?.personaLinks ?? []),
    ...unclusteredSection(view),
    '<section id="exchange"><h2>Indicator exchange</h2><p>Run <code>chorus export &lt;this folder&gt; --stix --misp --ttp-csv</code> to write, next to this report, <code>case.stix.json</code> (STIX 2.1 bundle), <code>case.misp.json</code> (MISP event) and <code>case.ttp.csv</code> (Meta-style kill-chain indicators, defanged) for the clusters scored 0.5 or more.</p></section>',
    `<footer>Generated by Chorus ${u(run.chorusVersion)} from the run recorded in run.json (which also holds the run's start and finish times). Methods: co-action within a time window (Giglietto et al. 2020; Righetti &amp; Balluff, CooRTweet), a null model of chance co-action with Benjamini–Hochberg control, Louvain communities (Blondel et al. 2008). Technique ids: DISARM Red Framework (DISARM Foundation, CC BY-SA 4.0) and Meta's Online Operations Kill Chain (Meta Platforms, MIT).</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  return out.join('\n');
}

function runSection(run: RunInfo): string[] {
  const t = run.totals;
  const tracesByKind = Object.keys(t.tracesByKind)
    .sort(compareStrings)
    .map((k) => `${k}: ${t.tracesByKind[k as keyof typeof t.tracesByKind] ?? 0}`)
    .join(', ');
  const totals: [string, string | number][] = [
    ['Records read', t.read],
    ['Accepted', t.accepted],
    ['Quarantined', t.quarantined],
    ['Duplicates', t.duplicates],
    ['Posts', t.posts],
    ['Accounts', t.accounts],
    ['Traces', t.traces],
    ['Traces by kind', tracesByKind],
    ['Co-action pairs', t.coactionPairs],
    ['Candidate edges', t.candidateEdges],
    ['Edges kept', t.edges],
    ['Clusters', t.clusters],
    ['Clustered accounts', t.clusteredAccounts],
  ];
  const b = run.bounded;
  const out = [
    '<section id="run">',
    '<h2>Run</h2>',
    '<dl class="facts">',
    `<dt>Chorus</dt><dd>${u(run.chorusVersion)}</dd>`,
    `<dt>DuckDB</dt><dd>${u(run.duckdbVersion)}</dd>`,
    `<dt>Node.js</dt><dd>${u(run.nodeVersion)}</dd>`,
    `<dt>Time-zone rule</dt><dd>${u(run.timeZoneRule)}</dd>`,
    '</dl>',
    '<h3>Inputs</h3>',
    '<table><thead><tr><th>File</th><th>Format</th><th>SHA-256</th><th class="num">Bytes</th><th class="num">Read</th><th class="num">Accepted</th><th class="num">Quarantined</th><th class="num">Duplicates</th><th>Time rules</th></tr></thead><tbody>',
  ];
  for (const input of run.inputs) {
    const rules = Object.keys(input.timeRules)
      .sort(compareStrings)
      .map((k) => `${k}: ${input.timeRules[k]}`)
      .join(', ');
    out.push(
      `<tr><td class="obj">${u(input.path)}${input.error !== undefined ? `<br><small>error: ${u(input.error)}</small>` : ''}</td><td>${input.format === null ? '<span class="muted">unknown</span>' : u(input.format)}</td><td class="obj">${input.sha256 === null ? '<span class="muted">—</span>' : `${u(input.sha256.slice(0, 12))}…`}</td>${num(input.bytes)}${num(input.read)}${num(input.accepted)}${num(input.quarantined)}${num(input.duplicates)}<td>${u(rules)}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '<h3>Totals</h3>', '<table><tbody>');
  for (const [label, value] of totals) {
    out.push(
      `<tr><th>${h(label)}</th>${typeof value === 'number' ? num(value) : `<td>${u(value)}</td>`}</tr>`,
    );
  }
  out.push(
    '</tbody></table>',
    '<h3>Viral objects bounded</h3>',
    `<p>At most ${h(b.maxTracesPerObjectWindow)} traces per object and time window are paired. ${h(b.objectWindows)} object-windows exceeded that; their ${h(b.traces)} traces were not paired (they still count in each account's activity).</p>`,
  );
  if (b.top.length > 0) {
    out.push(
      '<table><thead><tr><th>Kind</th><th>Object</th><th class="num">Traces (largest window)</th></tr></thead><tbody>',
      ...b.top.map(
        (o) => `<tr><td>${u(o.kind)}</td><td class="obj">${u(o.object)}</td>${num(o.traces)}</tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push(...renderMethodHtml(run));
  out.push('<h3>Options</h3>', '<table><tbody>');
  for (const key of Object.keys(run.options).sort(compareStrings)) {
    out.push(
      `<tr><th>${u(key)}</th><td class="obj">${u(stableStringify(run.options[key], 0) ?? '')}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out;
}

function timeSpan(cv: ClusterView): { text: string; sort: number } {
  const c = cv.cluster;
  if (c.evidencePosts.length === 0) return { text: '—', sort: 0 };
  return { text: `${formatUtc(c.firstTsMs)} – ${formatUtc(c.lastTsMs)}`, sort: c.firstTsMs };
}

function clusterTable(
  view: ReportView,
  sections: number,
  scoreOf: ReadonlyMap<string, ClusterScore>,
): string[] {
  const out = ['<section id="clusters">', '<h2>Clusters</h2>'];
  if (view.clusters.length === 0) {
    out.push('<p>No clusters: no group of accounts passed the edge filter.</p>', '</section>');
    return out;
  }
  out.push(
    '<p><input id="cluster-filter" type="search" placeholder="Filter clusters…" aria-label="Filter clusters"> <small>Click a column header to sort.</small></p>',
    '<table id="cluster-table"><thead><tr>',
    '<th data-type="text" tabindex="0">Cluster</th><th class="num" data-type="num" tabindex="0">Score</th><th data-type="text" tabindex="0">Techniques</th><th class="num" data-type="num" tabindex="0">Size</th><th data-type="text" tabindex="0">Platforms</th><th data-type="num" tabindex="0">Time span (UTC)</th><th data-type="text" tabindex="0">Top objects</th><th class="num" data-type="num" tabindex="0">Co-actions</th><th class="num" data-type="num" tabindex="0">Median Δt</th><th class="num" data-type="num" tabindex="0">Density</th>',
    '</tr></thead><tbody>',
  );
  for (const [i, cv] of view.clusters.entries()) {
    const c = cv.cluster;
    const span = timeSpan(cv);
    const top = c.topObjects.slice(0, 3);
    const score = scoreOf.get(c.id);
    const ttps = score === undefined ? [] : scoreTtps(score).disarm.map((t) => t.id);
    out.push(
      `<tr><td>${i < sections ? `<a href="#${h(c.id)}">${h(c.id)}</a>` : h(c.id)}</td>` +
        (score === undefined
          ? '<td class="num" data-v="0"><span class="muted">—</span></td>'
          : `<td class="num" data-v="${formatDecimal(score.score, 4)}">${formatDecimal(score.score, 2)}</td>`) +
        `<td><small>${ttps.map(h).join(' ')}</small></td>` +
        `<td class="num" data-v="${c.size}">${c.size}</td>` +
        `<td>${c.platforms.map(u).join(', ')}</td>` +
        `<td data-v="${span.sort}">${h(span.text)}</td>` +
        `<td class="obj">${top.map((o) => `${u(o.kind)}: ${u(truncateText(o.object, 80))} <small>(${o.coactions})</small>`).join('<br>')}</td>` +
        `<td class="num" data-v="${c.coactions}">${c.coactions}</td>` +
        `<td class="num" data-v="${formatDecimal(c.medianDtSeconds, 3)}">${h(formatDuration(c.medianDtSeconds))}</td>` +
        `<td class="num" data-v="${formatDecimal(c.density, 6)}">${formatDecimal(c.density, 3)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (view.clusters.length > sections) {
    out.push(
      `<p class="muted">Detailed sections follow for the first ${pluralize(sections, 'cluster')}; the others are in clusters.csv, accounts.csv, edges.csv and network.json.</p>`,
    );
  }
  out.push('</section>');
  return out;
}

function accountRow(account: NetworkAccount | { key: string }): string {
  if (!('platform' in account)) {
    return `<tr><td class="obj">${u(account.key)}</td><td colspan="7" class="muted">not in the network's account list</td></tr>`;
  }
  return `<tr><td class="obj">${u(account.key)}</td><td>${u(account.handle ?? '')}</td><td>${u(account.displayName ?? '')}</td><td>${u(account.platform)}</td>${num(account.component)}${num(account.degree)}${num(account.coactions)}${num(account.posts)}</tr>`;
}

function accountName(key: string, view: ReportView): string {
  const label = accountLabel(view.accountsByKey.get(key), key);
  return label === key ? u(key) : `${u(label)}<br><small>${u(key)}</small>`;
}

function postCells(post: PostRef, view: ReportView): string {
  return `<td class="obj">${u(post.platform)}:${u(post.postId)}</td><td>${formatUtc(post.tsMs)}</td><td>${accountName(post.accountKey, view)}</td>`;
}

function clusterSection(
  cv: ClusterView,
  view: ReportView,
  platforms: readonly string[],
  opts: ReportOptions,
  signals: ClusterSignals | undefined,
  score: ClusterScore | undefined,
): string[] {
  const c = cv.cluster;
  const id = h(c.id);
  const span = timeSpan(cv);
  const out = [
    `<section class="cluster" id="${id}">`,
    `<h2>Cluster ${id}</h2>`,
    '<dl class="facts">',
    `<dt>Accounts</dt><dd>${c.size} on ${c.platforms.map(u).join(', ')}</dd>`,
    `<dt>Time span (UTC)</dt><dd>${h(span.text)}</dd>`,
    `<dt>Co-actions</dt><dd>${c.coactions} over ${pluralize(c.edges, 'edge')} (density ${formatDecimal(c.density, 3)})</dd>`,
    `<dt>Median Δt</dt><dd>${h(formatDuration(c.medianDtSeconds))}</dd>`,
    '</dl>',
  ];
  const svg = renderTimelineSvg(c.evidencePosts, { platforms });
  if (svg !== '') {
    const legend = c.platforms
      .map((p) => `<span class="swatch" style="background:${platformColor(p, platforms)}"></span>${u(p)}`)
      .join('');
    out.push(
      `<figure>${svg}<figcaption><small>Evidence posts over time:</small>${legend}</figcaption></figure>`,
    );
  }
  if (score !== undefined) out.push(...renderClusterScoreHtml(score));
  if (signals !== undefined)
    out.push(`<div id="${id}-signals">`, ...renderClusterSignalsHtml(signals, cv.internalEdges), '</div>');
  out.push(
    '<h3>Accounts</h3>',
    '<table><thead><tr><th>Account</th><th>Handle</th><th>Display name</th><th>Platform</th><th class="num">Component</th><th class="num">Degree</th><th class="num">Co-actions</th><th class="num">Posts</th></tr></thead><tbody>',
    ...cv.accounts.map(accountRow),
    '</tbody></table>',
  );
  if (cv.accountsOmitted > 0)
    out.push(
      `<p class="muted">… and ${pluralize(cv.accountsOmitted, 'more account')} (see accounts.csv).</p>`,
    );
  if (c.perKind.length > 0) {
    out.push(
      '<h3>Co-actions by kind</h3>',
      '<table><thead><tr><th>Kind</th><th class="num">Co-actions</th><th class="num">Objects</th></tr></thead><tbody>',
      ...c.perKind.map((k) => `<tr><td>${u(k.kind)}</td>${num(k.coactions)}${num(k.objects)}</tr>`),
      '</tbody></table>',
    );
  }
  if (c.topObjects.length > 0) {
    out.push(
      '<h3>Top objects</h3>',
      '<table><thead><tr><th>Kind</th><th>Object</th><th class="num">Co-actions</th><th class="num">Accounts</th></tr></thead><tbody>',
      ...c.topObjects.map(
        (o) =>
          `<tr><td>${u(o.kind)}</td><td class="obj">${u(o.object)}</td>${num(o.coactions)}${num(o.accounts)}</tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push(`<h3 id="${id}-evidence">Evidence posts</h3>`);
  if (cv.posts.length === 0) {
    out.push('<p class="muted">No evidence posts stored for this cluster.</p>');
  } else {
    out.push(
      '<table><thead><tr><th>Post</th><th>Time (UTC)</th><th>Account</th><th>Text</th><th>Source</th></tr></thead><tbody>',
      ...cv.posts.map(
        (p) =>
          `<tr>${postCells(p, view)}<td class="text">${p.text === undefined || p.text === '' ? '<span class="muted">—</span>' : u(truncateText(p.text, opts.maxTextChars))}</td><td class="obj">${u(p.source.file)}:${h(p.source.record)}</td></tr>`,
      ),
      '</tbody></table>',
    );
    if (c.evidencePosts.length > cv.posts.length) {
      out.push(
        `<p class="muted">${pluralize(c.evidencePosts.length - cv.posts.length, 'more evidence post')} in network.json.</p>`,
      );
    }
  }
  if (cv.strongestEdges.length > 0) {
    out.push(
      '<h3>Strongest edges and their evidence</h3>',
      '<table><thead><tr><th>Kind</th><th>Object</th><th>Post A</th><th>Post B</th><th class="num">Δt</th></tr></thead><tbody>',
      ...cv.strongestEdges.flatMap((e) => edgeRows(e, view, opts)),
      '</tbody></table>',
    );
  }
  out.push('<p><small><a href="#clusters">↑ back to the cluster table</a></small></p>', '</section>');
  return out;
}

function edgeRows(edge: NetworkEdge, view: ReportView, opts: ReportOptions): string[] {
  const name = (key: string) => u(accountLabel(view.accountsByKey.get(key), key));
  const shown = edge.evidence.slice(0, opts.evidencePairsPerEdge);
  const rows = [
    `<tr class="group"><th colspan="5">${name(edge.a)} ↔ ${name(edge.b)} · ${pluralize(edge.coactions, 'co-action')} on ${pluralize(edge.objects, 'object')} · median Δt ${h(formatDuration(edge.medianDtSeconds))} · ${shown.length} of ${pluralize(edge.evidenceTotal, 'pair')} shown</th></tr>`,
  ];
  const post = (p: PostRef) =>
    `<td class="obj">${u(p.platform)}:${u(p.postId)}<br><small>${formatUtc(p.tsMs)} · ${u(p.source.file)}:${h(p.source.record)}</small></td>`;
  for (const pair of shown) {
    rows.push(
      `<tr><td>${u(pair.kind)}</td><td class="obj">${u(truncateText(pair.object, 200))}</td>${post(pair.postA)}${post(pair.postB)}<td class="num">${h(formatDuration(pair.dtSeconds))}</td></tr>`,
    );
  }
  return rows;
}

function unclusteredSection(view: ReportView): string[] {
  if (view.unclustered.length === 0) return [];
  return [
    '<section id="unclustered">',
    '<h2>Accounts on kept edges but in no cluster</h2>',
    '<p class="muted">Their community was smaller than the minimum cluster size.</p>',
    '<table><thead><tr><th>Account</th><th>Handle</th><th>Display name</th><th>Platform</th><th class="num">Component</th><th class="num">Degree</th><th class="num">Co-actions</th><th class="num">Posts</th></tr></thead><tbody>',
    ...view.unclustered.map(accountRow),
    '</tbody></table>',
    '</section>',
  ];
}
