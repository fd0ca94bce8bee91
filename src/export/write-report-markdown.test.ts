import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT, XSS_TEXT } from '../../test/fixtures/export/case-report.js';
import { CASE_REPORT_WITH_SIGNALS, IMG_TEXT, SCRIPT_TEXT } from '../../test/fixtures/export/case-signals.js';
import { writeReportMarkdown } from './write-report-markdown.js';

/** Every table row has as many unescaped pipes as its header, and no raw backtick or `<`. */
function assertTablesWellFormed(md: string): void {
  const lines = md.split('\n');

  let header = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('|')) {
      header = 0;
      continue;
    }
    // count unescaped pipes: every row of a table has as many as its header
    const pipes = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    if (header === 0) header = pipes;
    assert.equal(pipes, header, `line ${i + 1}: ${line}`);
    assert.ok(!/(^|[^\\])`/.test(line), `unescaped backtick on line ${i + 1}`);
    assert.ok(!line.includes('<'), `raw < on line ${i + 1}`);
  }
}

describe('writeReportMarkdown', () => {
  const md = writeReportMarkdown(CASE_REPORT);

  it('is deterministic and ends with a newline', () => {
    assert.equal(writeReportMarkdown(structuredClone(CASE_REPORT)), md);
    assert.ok(md.endsWith('\n'));
  });

  it('keeps every table row well-formed: no raw pipe, line break, backtick or < from the data', () => {
    assertTablesWellFormed(md);
  });
  it('escapes attacker markup, links and autolinks', () => {
    assert.ok(!md.includes(XSS_TEXT));
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(md.includes('back\\`tick\\` \\*\\*bold\\*\\* \\[link\\](http\\://evil\\.example)'));
    assert.ok(md.includes('=1+1 second line \\| with pipe'), 'line break → space, pipe escaped');
    assert.ok(md.includes('| www\\.evil\\.example |'));
    assert.ok(!/https?:\/\//.test(md), 'no autolinkable URL anywhere');
    assert.ok(md.includes('⟦U+202E⟧gnp\\.exe'), 'bidi override made visible');
    assert.ok(md.includes('ctrl⟦U+0000⟧⟦U+0007⟧char'));
  });

  it('has the run summary, the cluster table and one section per cluster', () => {
    assert.ok(
      md.includes(
        '| data/&lt;img src=x onerror=alert(4)&gt;.jsonl | twarc2-jsonl | a3f1c2d4e5b6… | 123456 | 120 | 100 | 15 | 5 |',
      ),
    );
    assert.ok(md.includes('| Time-zone rule | naive times read as UTC |'));
    assert.ok(
      md.includes(
        '| [C0001](#c0001) | 4 | facebook, twitter | 2021-09-20T08:00:00Z – 2021-09-21T08:00:02Z |',
      ),
    );
    for (const id of ['C0001', 'C0002', 'C0003']) assert.ok(md.includes(`\n## ${id}\n`));
    assert.ok(md.includes('| object | +SUM(A1\\:A9) | 7 | 2 |'));
    assert.ok(md.includes('· 8 co-actions on 3 objects · median Δt 4 s · 2 of 8 pairs shown'));
    assert.ok(md.includes('## Accounts on kept edges but in no cluster'));
    assert.ok(!md.includes('2021-10-01T10:00'), 'no run timestamps');
  });

  it('limits detailed sections to clusterSections', () => {
    const one = writeReportMarkdown(CASE_REPORT, { clusterSections: 1 });
    assert.ok(one.includes('\n## C0001\n'));
    assert.ok(!one.includes('\n## C0002\n'));
    assert.ok(one.includes('| C0002 | 3 |'));
  });
});

describe('writeReportMarkdown with signals', () => {
  const md = writeReportMarkdown(CASE_REPORT_WITH_SIGNALS);
  const signals = md.slice(md.indexOf('\n## Signals\n'), md.indexOf('\n## Accounts on kept edges'));

  it('has no signals section for a case without signal findings', () => {
    assert.ok(!writeReportMarkdown(CASE_REPORT).includes('## Signals'));
  });

  it('puts the signals section after the cluster sections, deterministic and well-formed', () => {
    assert.ok(md.indexOf('\n## Signals\n') > md.indexOf('\n## C0003\n'));
    assert.ok(signals.length > 0);
    assert.equal(writeReportMarkdown(structuredClone(CASE_REPORT_WITH_SIGNALS)), md);
    assertTablesWellFormed(md);
    assert.ok(!md.includes(SCRIPT_TEXT) && !md.includes(IMG_TEXT));
    assert.ok(!md.includes('\u202E'));
  });

  it("lists each cluster's reasons as escaped bullets", () => {
    assert.ok(
      signals.includes(
        [
          '### Cluster C0001',
          '',
          '- posts follow office hours in UTC+08\\:00 (confidence 0.81; 90 % Mon–Fri 09–18 local; lunch dip 75 %)',
          '- 1 handle is used by 2 accounts on twitter\\: “&lt;script&gt;alert(1)&lt;/script&gt;”',
          '- 1 display name is used by 2 accounts\\: “"&gt;&lt;img src=x onerror=alert(1)&gt;”',
          '- renamed to “⟦U+202E⟧gnp\\.exe”',
          '',
        ].join('\n'),
      ),
    );
    assert.ok(
      signals.includes("### Cluster C0002\n\n- =cmd\\|' /C calc'!A0 is the display name of 3 accounts\n"),
    );
    assert.ok(
      signals.includes('### Cluster C0003\n\nNo time or account signal stands out for this cluster.\n'),
    );
  });

  it('has a cohorts table: id, kind, accounts, first reason', () => {
    assert.ok(
      signals.includes(
        [
          '| Cohort | Kind | Accounts | First reason |',
          '| --- | --- | ---: | --- |',
          '| S001 | schedule | 6 | 6 accounts each keep office hours in UTC+08\\:00 (90 % of their posts Mon–Fri 09–18 local, activity drops 75 % at lunch 12\\:00) |',
          "| B001 | creation | 3 | =cmd\\|' /C calc'!A0 3 accounts created within 2 days (2021-03-01 – 2021-03-03) |",
        ].join('\n'),
      ),
    );
    const none = writeReportMarkdown({
      ...CASE_REPORT_WITH_SIGNALS,
      signals: { ...CASE_REPORT_WITH_SIGNALS.signals!, cohorts: [] },
    });
    assert.ok(none.includes('### Cohorts\n\nNo cohorts'));
    assert.ok(!none.includes('| Cohort | Kind |'));
  });

  it('keeps a reason from opening a heading, a nested list or a code block inside its bullet', () => {
    const report = structuredClone(CASE_REPORT_WITH_SIGNALS);
    report.signals!.clusters[2]!.reasons = [
      '# big',
      '- nested',
      '+ nested',
      '12. ordered',
      '3) ordered',
      '    code',
      '> quote',
    ];
    const out = writeReportMarkdown(report);
    assert.ok(
      out.includes(
        '- \\# big\n- \\- nested\n- \\+ nested\n- 12\\. ordered\n- 3\\) ordered\n- code\n- &gt; quote\n',
      ),
    );
  });

  it('limits the per-cluster signals to clusters with a section', () => {
    const one = writeReportMarkdown(CASE_REPORT_WITH_SIGNALS, { clusterSections: 1 });
    assert.ok(one.includes('### Cluster C0001'));
    assert.ok(!one.includes('### Cluster C0002'));
    assert.ok(one.includes('| S001 | schedule | 6 |'));
  });
});

describe('writeReportMarkdown persona links', () => {
  it('lists the persona links with their shared fields, escaped', () => {
    const md = writeReportMarkdown({
      ...CASE_REPORT,
      signals: {
        clusters: [],
        accounts: [],
        cohorts: [],
        personaLinks: [{ a: 'facebook:1', b: 'x:2', evidence: [{ kind: 'handle', value: 'anna|smith' }] }],
      },
    });
    assert.ok(md.includes('## Persona links across platforms'));
    assert.ok(md.includes('| facebook\\:1 | x\\:2 | handle\\: anna\\|smith |'));
  });
});
