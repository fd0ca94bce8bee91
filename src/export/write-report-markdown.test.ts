import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT, XSS_TEXT } from '../../test/fixtures/export/case-report.js';
import { writeReportMarkdown } from './write-report-markdown.js';

describe('writeReportMarkdown', () => {
  const md = writeReportMarkdown(CASE_REPORT);

  it('is deterministic and ends with a newline', () => {
    assert.equal(writeReportMarkdown(structuredClone(CASE_REPORT)), md);
    assert.ok(md.endsWith('\n'));
  });

  it('keeps every table row well-formed: no raw pipe, line break, backtick or < from the data', () => {
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
