import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CASE_REPORT_WITH_SIGNALS,
  CLUSTER_SIGNALS,
  COHORTS,
  NEARDUP_A,
  NEARDUP_B,
  OFFICE_FIT,
  OFFICE_WEEK_UTC,
} from '../../test/fixtures/export/case-signals.js';
import type { EvidencePair, NetworkEdge } from '../model/network.js';
import type { Cohort } from '../signals/case-signals.js';
import { scheduleShares, type WorkScheduleFit } from '../signals/fit-work-schedule.js';
import { shiftHourOfWeekHistogram } from '../signals/hour-of-week.js';
import {
  describeSchedule,
  renderClusterSignalsHtml,
  renderCohortsHtml,
  renderPersonaLinksHtml,
} from './render-signals-html.js';

const [C1, C2, C3] = CLUSTER_SIGNALS as [
  (typeof CLUSTER_SIGNALS)[0],
  (typeof CLUSTER_SIGNALS)[0],
  (typeof CLUSTER_SIGNALS)[0],
];
const C0002_EDGES = CASE_REPORT_WITH_SIGNALS.network.edges.filter((e) => e.a.startsWith('twitter:300'));
const neardup = (edge: NetworkEdge): EvidencePair => edge.evidence.find((p) => p.kind === 'neardup')!;
const NEARDUP_EDGE = C0002_EDGES.find((e) => e.evidence.some((p) => p.kind === 'neardup'))!;

/** The office-hours sentence of OFFICE_FIT, from its numbers: 0.8123 → 0.81, 0.9025 → 0.9, shares in %. */
const OFFICE_SENTENCE =
  'office hours in UTC+08:00 (confidence 0.81, correlation 0.9): 90 % of posts Mon–Fri 09–18 local, ' +
  '3 % at weekends, 2 % at night; activity drops 75 % at 12:00 (meal break)';

describe('fixture office week', () => {
  it('has the shares the fixture states (so the stated fit describes its histogram)', () => {
    assert.equal(
      OFFICE_WEEK_UTC.reduce((s, v) => s + v, 0),
      200,
    );
    assert.deepEqual(scheduleShares(shiftHourOfWeekHistogram(OFFICE_WEEK_UTC, 480), 12), {
      officeHoursShare: 0.9,
      lunchDip: 0.75,
      weekendShare: 0.03,
      nightShare: 0.02,
    });
  });
});

describe('describeSchedule', () => {
  it('describes a confident office-hours fit with its shares and lunch dip', () => {
    assert.equal(describeSchedule(OFFICE_FIT), OFFICE_SENTENCE);
  });

  it('calls a fit without office hours weak, omits a small lunch dip and shows missing shares as —', () => {
    const weak: WorkScheduleFit = {
      ...OFFICE_FIT,
      offsetMinutes: -300,
      offsetLabel: 'UTC-05:00',
      confidence: 0.2,
      worksOfficeHours: false,
      correlation: 0.4,
      officeHoursShare: 0.3,
      lunchDip: 0.1,
      nightShare: null,
    };
    assert.equal(
      describeSchedule(weak),
      'best (weak) fit UTC-05:00 (confidence 0.2, correlation 0.4): 30 % of posts Mon–Fri 09–18 local, 3 % at weekends, — at night',
    );
  });

  it('says why there is no fit', () => {
    assert.equal(describeSchedule(C2.time.schedule), 'too few posts to fit a schedule (18)');
    assert.equal(
      describeSchedule({ ...C2.time.schedule, status: 'flat', posts: 168 }),
      'posts spread evenly over the week (no rhythm)',
    );
  });
});

describe('renderClusterSignalsHtml', () => {
  const html = renderClusterSignalsHtml(C1, []).join('\n');

  it('lists the reasons escaped, direction-isolated, control characters revealed', () => {
    assert.ok(html.startsWith('<h3>Signals</h3>\n<ul class="reasons">\n'));
    assert.ok(
      html.includes(
        '<li><bdi>1 handle is used by 2 accounts on twitter: “&lt;script&gt;alert(1)&lt;/script&gt;”</bdi></li>',
      ),
    );
    assert.ok(
      html.includes(
        '<li><bdi>1 display name is used by 2 accounts: “&quot;&gt;&lt;img src=x onerror=alert(1)&gt;”</bdi></li>',
      ),
    );
    assert.ok(html.includes('<li><bdi>renamed to “⟦U+202E⟧gnp.exe”</bdi></li>'));
    assert.ok(!html.includes('\u202E'));
    assert.ok(!html.includes('<script') && !html.includes('<img'));
  });

  it('draws the heatmap in the fitted local time when the fit is confident', () => {
    assert.ok(html.includes('<figure><svg class="heatmap"'));
    assert.ok(html.includes('<title>Cluster C0001: posts per hour of the week</title>'));
    // local Monday 12:00 holds 1 post (lunch), Saturday 10:00 holds 6, Tuesday 03:00 holds 4; the maximum is 6
    assert.ok(html.includes('<title>Mon 12:00–13:00 UTC+08:00: 1 post</title>'));
    assert.ok(html.includes('<title>Sat 10:00–11:00 UTC+08:00: 6 posts</title>'));
    assert.ok(html.includes('<title>Tue 03:00–04:00 UTC+08:00: 4 posts</title>'));
    assert.ok(html.includes('Hours in UTC+08:00; darker = more posts (max 6 per cell)'));
    assert.ok(
      html.includes(
        `<figcaption><small>Posts per hour of the week in UTC+08:00. Schedule: ${OFFICE_SENTENCE}.</small></figcaption>`,
      ),
    );
  });

  it('draws the heatmap in UTC when the fit is weak or not office hours', () => {
    for (const schedule of [
      { ...OFFICE_FIT, confidence: 0.4 },
      { ...OFFICE_FIT, worksOfficeHours: false },
    ]) {
      const utc = renderClusterSignalsHtml({ ...C1, time: { ...C1.time, schedule } }, []).join('\n');
      // local Monday 12:00 in UTC+08:00 is Monday 04:00 UTC
      assert.ok(utc.includes('<title>Mon 04:00–05:00 UTC: 1 post</title>'));
      assert.ok(!utc.includes('UTC+08:00: 1 post'));
      assert.ok(utc.includes('<figcaption><small>Posts per hour of the week (UTC). Schedule: '));
    }
  });

  it('lists the largest synchronized starts', () => {
    assert.ok(
      html.includes('<li>2021-09-20: 3 accounts between 2021-09-20T08:00:00Z and 2021-09-20T08:01:00Z</li>'),
    );
    assert.ok(!renderClusterSignalsHtml(C2, []).join('\n').includes('synchronized starts'));
  });

  it('says so when no signal stands out, and still draws the (UTC) heatmap', () => {
    const c3 = renderClusterSignalsHtml(C3, []).join('\n');
    assert.ok(c3.includes('<p class="muted">No time or account signal stands out for this cluster.</p>'));
    assert.ok(!c3.includes('<ul class="reasons">'));
    assert.ok(c3.includes('(UTC). Schedule: too few posts to fit a schedule (5).'));
  });

  it('shows near-duplicate pairs side by side with the changed character marked', () => {
    const c2 = renderClusterSignalsHtml(C2, C0002_EDGES).join('\n');
    assert.ok(
      c2.includes('<li><bdi>=cmd|&#39; /C calc&#39;!A0 is the display name of 3 accounts</bdi></li>'),
    );
    assert.ok(
      c2.includes(
        '<div class="pair"><div class="who"><small><bdi>twitter:3001</bdi> · 2021-09-24T18:33:20Z ↔ <bdi>twitter:3002</bdi> · 2021-09-24T18:33:50Z</small></div>' +
          '<div class="text-diff"><div class="diff-a">&lt;b&gt;Vote&lt;/b&gt; for An<del>n</del>a today</div>' +
          '<div class="diff-b">&lt;b&gt;Vote&lt;/b&gt; for An<ins>m</ins>a today</div></div></div>',
      ),
    );
    assert.ok(!c2.includes('<b>'));
    assert.equal(c2.match(/<div class="pair">/g)?.length, 1, 'only the neardup pair, not the hashtag ones');
  });

  it('skips identical, text-less and repeated pairs and shows at most three', () => {
    const base = neardup(NEARDUP_EDGE);
    const variant = (i: number, b: string | undefined): EvidencePair => {
      const pair = structuredClone(base);
      pair.postA.text = `${NEARDUP_A} ${i}`;
      if (b === undefined) delete pair.postB.text;
      else pair.postB.text = b;
      return pair;
    };
    const edge: NetworkEdge = {
      ...NEARDUP_EDGE,
      evidence: [
        variant(0, `${NEARDUP_A} 0`), // identical texts
        variant(1, undefined), // no text
        variant(2, NEARDUP_B),
        variant(2, NEARDUP_B), // repeated
        variant(3, NEARDUP_B),
        variant(4, NEARDUP_B),
        variant(5, NEARDUP_B),
      ],
    };
    const out = renderClusterSignalsHtml(C2, [edge]).join('\n');
    assert.equal(out.match(/<div class="pair">/g)?.length, 3);
    for (const i of [2, 3, 4]) assert.ok(out.includes(`today<del> ${i}</del></div>`), String(i));
    assert.ok(!out.includes('<del> 5</del>'));
    assert.ok(!out.includes('<del> 0</del>') && !out.includes('<del> 1</del>'));
  });
});

describe('renderCohortsHtml', () => {
  const html = renderCohortsHtml(COHORTS).join('\n');

  it('renders nothing without cohorts', () => {
    assert.deepEqual(renderCohortsHtml([]), []);
  });

  it('has a table with one linked row per cohort, reasons escaped', () => {
    assert.ok(html.startsWith('<section id="cohorts">\n<h2>Cohorts'));
    assert.ok(html.endsWith('</section>'));
    assert.ok(
      html.includes(
        '<tr><td><a href="#cohort-S001">S001</a></td><td>schedule</td><td class="num">6</td><td><bdi>6 accounts each keep office hours in UTC+08:00',
      ),
    );
    assert.ok(
      html.includes(
        '<br><bdi>handles include “&lt;script&gt;alert(1)&lt;/script&gt;” and “&quot;&gt;&lt;img src=x onerror=alert(1)&gt;”</bdi></td><td><a href="#C0001">C0001</a></td></tr>',
      ),
    );
    assert.ok(
      html.includes(
        '<tr><td><a href="#cohort-B001">B001</a></td><td>creation</td><td class="num">3</td><td><bdi>=cmd|&#39; /C calc&#39;!A0 3 accounts',
      ),
    );
    assert.ok(html.includes('<h3 id="cohort-S001">Cohort S001 (schedule)</h3>'));
    assert.ok(html.includes('<h3 id="cohort-B001">Cohort B001 (creation)</h3>'));
  });

  it('links only clusters that have a section when told which do', () => {
    const two: Cohort[] = [{ ...COHORTS[1]!, clusters: ['C0001', 'C0002'] }];
    const linked = renderCohortsHtml(two).join('\n');
    assert.ok(linked.includes('<td><a href="#C0001">C0001</a> <a href="#C0002">C0002</a></td>'));
    const partial = renderCohortsHtml(two, new Set(['C0001'])).join('\n');
    assert.ok(partial.includes('<td><a href="#C0001">C0001</a> C0002</td>'));
    assert.ok(!partial.includes('href="#C0002"'));
  });

  it('lists the members escaped, with U+202E revealed', () => {
    assert.ok(
      html.includes(
        '<p class="obj"><small><bdi>=cmd|&#39; /C calc&#39;!A0</bdi> · <bdi>twitter:&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</bdi> · <bdi>twitter:1001</bdi> · <bdi>twitter:1002</bdi> · <bdi>twitter:&lt;script&gt;alert(1)&lt;/script&gt;</bdi> · <bdi>twitter:⟦U+202E⟧evil</bdi></small></p>',
      ),
    );
    assert.ok(!html.includes('\u202E'));
    assert.ok(!html.includes('<script') && !html.includes('<img'));
    const many: Cohort = { ...COHORTS[1]!, accounts: Array.from({ length: 53 }, (_, i) => `x:${1000 + i}`) };
    const cut = renderCohortsHtml([many]).join('\n');
    assert.ok(cut.includes('<bdi>x:1049</bdi> … and 3 more (cohorts.csv)</small></p>'));
    assert.ok(!cut.includes('x:1050'));
  });

  it('draws a schedule cohort heatmap in local time with its holiday gap; none for a creation cohort', () => {
    const s001 = html.slice(html.indexOf('id="cohort-S001"'), html.indexOf('id="cohort-B001"'));
    const b001 = html.slice(html.indexOf('id="cohort-B001"'));
    assert.ok(s001.includes('<title>Cohort S001: posts per hour of the week</title>'));
    assert.ok(s001.includes('<title>Mon 12:00–13:00 UTC+08:00: 1 post</title>'));
    assert.ok(
      s001.includes(
        '<p><small>Quiet on CN public holidays: 0 of 2 holiday days active (expected 1.6); 2021-10-01 <bdi>National Day</bdi>, 2021-10-02 <bdi>National Day</bdi></small></p>',
      ),
    );
    assert.ok(!b001.includes('<svg'));
    assert.ok(!b001.includes('Quiet on'));
  });
});

describe('renderPersonaLinksHtml', () => {
  it('lists each pair with its shared fields, escaped, and nothing when there are none', () => {
    assert.deepEqual(renderPersonaLinksHtml([]), []);
    const html = renderPersonaLinksHtml([
      { a: 'facebook:<b>1</b>', b: 'x:2', evidence: [{ kind: 'handle', value: 'anna<script>' }] },
    ]).join('\n');
    assert.ok(html.startsWith('<section id="persona-links">'));
    assert.ok(html.includes('1 pair of accounts on different platforms'));
    assert.ok(!html.includes('<script>') && !html.includes('<b>1</b>'));
    assert.ok(html.includes('handle: '));
  });
});
