import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT, XSS_TEXT, XSS_URL } from '../../test/fixtures/export/case-report.js';
import { CASE_REPORT_WITH_SIGNALS, IMG_TEXT, SCRIPT_TEXT } from '../../test/fixtures/export/case-signals.js';
import { ConfigError } from '../errors.js';
import { REPORT_CSP, writeReportHtml } from './write-report-html.js';

/** Every real tag of the document: escaped data has no raw `<`, so what matches here is markup we wrote. */
function tags(html: string): string[] {
  const markup = html
    .replace(/<script>[\s\S]*?<\/script>/g, '<script>')
    .replace(/<style>[\s\S]*?<\/style>/g, '<style>');
  return markup.match(/<[a-zA-Z][^<>]*>/g) ?? [];
}

describe('writeReportHtml', () => {
  const html = writeReportHtml(CASE_REPORT);

  it('is deterministic', () => {
    assert.equal(writeReportHtml(CASE_REPORT), html);
    assert.equal(writeReportHtml(structuredClone(CASE_REPORT)), html);
  });

  it('never emits attacker HTML unescaped', () => {
    assert.ok(!html.includes(XSS_TEXT));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes(XSS_URL));
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<b>'));
    assert.equal(html.match(/<script/g)?.length, 1, 'only our own inline sorter');
    assert.ok(!/<script[^>]*\bsrc\s*=/i.test(html));
    const script = html.slice(html.indexOf('<script>'), html.indexOf('</script>'));
    for (const risky of [
      'innerHTML',
      'outerHTML',
      'fetch',
      'XMLHttpRequest',
      'eval',
      'http',
      'location',
      'document.write',
    ]) {
      assert.ok(!script.includes(risky), risky);
    }
  });

  it('has no live links or resource attributes: href only to #anchors, no src, no event handlers', () => {
    const all = tags(html);
    assert.ok(all.length > 100);
    for (const tag of all) {
      // our attribute values are always double-quoted and escape-html escapes `"`, so this tokenisation is exact
      const rest = tag.replace(/^<[a-zA-Z][\w-]*/, '').replace(/\/?>$/, '');
      assert.match(rest, /^(?:\s+[a-zA-Z][\w:-]*(?:="[^"]*")?)*\s*$/, tag);
      const attributes = [...rest.matchAll(/\s+([a-zA-Z][\w:-]*)(?:="([^"]*)")?/g)].map((m) => [
        m[1]!,
        m[2] ?? '',
      ]);
      for (const [name, value] of attributes) {
        assert.ok(!/^(?:src|srcset|action|formaction|poster|background|xlink:href|ping)$/i.test(name), tag);
        assert.ok(!/^on/i.test(name), tag);
        if (name === 'href') assert.ok(value!.startsWith('#'), tag);
        if (name === 'style') assert.ok(/^background:#[0-9a-f]{6}$/.test(value!), tag);
      }
    }
    assert.ok(!/(?:src|href)\s*=\s*["']?\s*(?:https?:|\/\/|javascript:)/i.test(html));
  });

  it('declares a CSP that forbids every fetch', () => {
    assert.ok(
      html.includes(
        `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`,
      ),
    );
    assert.equal(REPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    assert.ok(!html.includes('<link'));
    assert.ok(!/url\(/i.test(html), 'no CSS url()');
  });

  it('shows the run summary without run timestamps', () => {
    assert.ok(html.includes('data/&lt;img src=x onerror=alert(4)&gt;.jsonl'));
    assert.ok(html.includes('a3f1c2d4e5b6</bdi>…'), 'sha256 prefix');
    assert.ok(html.includes('<bdi>naive times read as UTC</bdi>'));
    assert.ok(html.includes('<bdi>epoch-seconds: 10, naive-utc: 30</bdi>'));
    assert.ok(html.includes('ENOENT: &lt;no such file&gt;'));
    assert.ok(html.includes('At most 500 traces per object and time window are paired. 2 object-windows'));
    assert.ok(html.includes('&lt;b&gt;viral&lt;/b&gt;'));
    assert.ok(html.includes('{&quot;minCoactions&quot;:2,&quot;mode&quot;:&quot;absolute&quot;}'));
    assert.ok(!html.includes('2021-10-01T10:00'), 'startedAt/finishedAt are not shown');
  });

  it('has a cluster table with one linked row per cluster', () => {
    const table = html.slice(
      html.indexOf('<table id="cluster-table">'),
      html.indexOf('</table>', html.indexOf('cluster-table')),
    );
    assert.equal(table.match(/<tr><td><a href=/g)?.length, 3);
    for (const id of ['C0001', 'C0002', 'C0003']) {
      assert.ok(table.includes(`<a href="#${id}">${id}</a>`));
      assert.ok(html.includes(`<section class="cluster" id="${id}">`));
    }
    assert.ok(table.includes('2021-09-20T08:00:00Z – 2021-09-21T08:00:02Z'));
    assert.ok(table.includes('<td class="num" data-v="0.666667">0.667</td>'), 'density');
    assert.ok(table.includes('<td class="num" data-v="10">10 s</td>'), 'median Δt');
  });

  it('shows per cluster its accounts, kinds, top objects, posts with sources and evidence pairs', () => {
    const c1 = html.slice(html.indexOf('id="C0001"'), html.indexOf('id="C0002"'));
    assert.ok(c1.includes('<bdi>=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;click&quot;)</bdi>'));
    assert.ok(c1.includes('<bdi>Anna &lt;b&gt;bold&lt;/b&gt;</bdi>'));
    assert.ok(c1.includes('<tr><td><bdi>media</bdi></td><td class="num">5</td><td class="num">2</td></tr>'));
    assert.ok(c1.includes('<bdi>javascript:alert(3)</bdi>'));
    assert.ok(c1.includes('<svg class="timeline"'));
    assert.ok(c1.includes('<bdi>data/fb export &quot;2021&quot;.csv</bdi>:5'));
    assert.ok(c1.includes('8 co-actions on 3 objects · median Δt 4 s · 2 of 8 pairs shown'));
    assert.ok(c1.includes('<td class="num">1 min 0 s</td>'));
    // posts oldest first: p1 before f1 before f4
    assert.ok(c1.indexOf('<bdi>p1</bdi>') < c1.indexOf('<bdi>f1</bdi>'));
    assert.ok(c1.indexOf('<bdi>f1</bdi>') < c1.indexOf('<bdi>f4</bdi>'));
    assert.ok(html.includes('<section id="unclustered">'));
    assert.ok(html.includes('<bdi>www.evil.example</bdi>'));
  });

  it('applies the evidence caps and validates options', () => {
    const small = writeReportHtml(CASE_REPORT, {
      evidencePostsPerCluster: 2,
      evidencePairsPerEdge: 1,
      title: 'Case <42>',
    });
    assert.ok(small.includes('7 more evidence posts in network.json.'));
    assert.ok(small.includes('1 of 8 pairs shown'));
    assert.ok(small.includes('<title>Case &lt;42&gt;</title>'));
    assert.throws(() => writeReportHtml(CASE_REPORT, { maxTextChars: 0 }), ConfigError);
  });

  it('writes detailed sections for the first clusterSections clusters only, listing all in the table', () => {
    const one = writeReportHtml(CASE_REPORT, { clusterSections: 1 });
    assert.ok(one.includes('<section class="cluster" id="C0001">'));
    assert.ok(!one.includes('id="C0002"'));
    assert.ok(one.includes('<tr><td>C0002</td>'), 'listed without a dangling link');
    assert.ok(!one.includes('href="#C0002"'));
    assert.ok(one.includes('Detailed sections follow for the first 1 cluster;'));
  });

  it('renders an empty network', () => {
    const empty = writeReportHtml({ ...CASE_REPORT, network: { accounts: [], edges: [], clusters: [] } });
    assert.ok(empty.includes('No clusters'));
    assert.ok(empty.endsWith('</html>\n'));
  });

  it('shows bidi overrides and control characters in account-written text as visible tokens', () => {
    const hostile = structuredClone(CASE_REPORT);
    const account = hostile.network.accounts[0]!;
    account.handle = '\u202Eevil\u202C\u0000';
    const html = writeReportHtml(hostile);
    assert.ok(!/[\u202A-\u202E\u2066-\u2069\u0000]/.test(html), 'no raw bidi or NUL character in the page');
    assert.ok(html.includes('⟦U+202E⟧evil⟦U+202C⟧⟦U+0000⟧'));
  });
});

describe('writeReportHtml with signals', () => {
  const html = writeReportHtml(CASE_REPORT_WITH_SIGNALS);
  const section = (id: string, next: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf(next));

  it('is deterministic', () => {
    assert.equal(writeReportHtml(structuredClone(CASE_REPORT_WITH_SIGNALS)), html);
  });

  it('never emits the hostile signal strings unescaped', () => {
    assert.ok(!html.includes(SCRIPT_TEXT) && !html.includes(IMG_TEXT));
    assert.equal(html.match(/<script/g)?.length, 1, 'only our own inline sorter');
    assert.ok(!html.includes('<img'));
    // every onerror= in the page is escaped text inside &lt;img …&gt;
    const at = [...html.matchAll(/onerror=/g)].map((m) => m.index);
    assert.ok(at.length >= 5);
    for (const i of at) assert.ok(html.slice(0, i).endsWith('&lt;img src=x '), html.slice(i - 40, i + 20));
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(html), 'no raw bidi control');
    assert.ok(html.includes('<bdi>renamed to “⟦U+202E⟧gnp.exe”</bdi>'));
    assert.ok(html.includes('<bdi>twitter:⟦U+202E⟧evil</bdi>'));
    for (const tag of tags(html)) {
      assert.ok(!/\son[a-z]+=/i.test(tag), tag);
      for (const m of tag.matchAll(/\shref="([^"]*)"/g)) assert.ok(m[1]!.startsWith('#'), tag);
    }
  });

  it('puts the signals block of a cluster after its timeline and before its accounts', () => {
    const c1 = section('C0001', 'id="C0002"');
    const at = c1.indexOf('<h3>Signals</h3>');
    assert.ok(at > c1.indexOf('<svg class="timeline"'));
    assert.ok(at < c1.indexOf('<h3>Accounts</h3>'));
    assert.ok(c1.includes('<svg class="heatmap"'));
    assert.ok(c1.includes('<title>Mon 12:00–13:00 UTC+08:00: 1 post</title>'), 'heatmap in local time');
    assert.ok(c1.includes('Posts per hour of the week in UTC+08:00.'));
    assert.ok(c1.includes('&lt;script&gt;alert(1)&lt;/script&gt;”</bdi></li>'));
  });

  it('shows the near-duplicate pair of C0002 as a diff, and in its evidence table', () => {
    const c2 = section('C0002', 'id="C0003"');
    assert.ok(c2.includes('<div class="diff-a">&lt;b&gt;Vote&lt;/b&gt; for An<del>n</del>a today</div>'));
    assert.ok(c2.includes('<div class="diff-b">&lt;b&gt;Vote&lt;/b&gt; for An<ins>m</ins>a today</div>'));
    assert.ok(c2.includes('<tr><td><bdi>neardup</bdi></td><td class="obj"><bdi>neardup:g0001</bdi></td>'));
    assert.ok(c2.includes('(UTC). Schedule: too few posts to fit a schedule (18).'));
    assert.ok(!section('C0001', 'id="C0002"').includes('class="text-diff"'));
  });

  it('links and renders the cohorts section only when there are cohorts', () => {
    assert.ok(
      html.includes(
        '<nav><a href="#run">Run</a> · <a href="#clusters">Clusters</a>\n · <a href="#cohorts">Cohorts</a>',
      ),
    );
    const at = html.indexOf('<section id="cohorts">');
    assert.ok(at > html.indexOf('<section class="cluster" id="C0003">'));
    assert.ok(at < html.indexOf('<section id="unclustered">'));
    assert.ok(html.includes('<h3 id="cohort-S001">Cohort S001 (schedule)</h3>'));

    const none = writeReportHtml({
      ...CASE_REPORT_WITH_SIGNALS,
      signals: { ...CASE_REPORT_WITH_SIGNALS.signals!, cohorts: [] },
    });
    assert.ok(!none.includes('href="#cohorts"'));
    assert.ok(!none.includes('id="cohorts"'));
    assert.ok(none.includes('<h3>Signals</h3>'));

    const plain = writeReportHtml(CASE_REPORT);
    assert.ok(!plain.includes('href="#cohorts"') && !plain.includes('<h3>Signals</h3>'));
    assert.ok(!plain.includes('class="heatmap"'));
  });

  it('does not link cohort clusters that have no section', () => {
    const report = structuredClone(CASE_REPORT_WITH_SIGNALS);
    report.signals!.cohorts[0]!.clusters = ['C0001', 'C0002'];
    const one = writeReportHtml(report, { clusterSections: 1 });
    assert.ok(one.includes('<td><a href="#C0001">C0001</a> C0002</td>'));
    assert.ok(!one.includes('href="#C0002"'));
  });
});
