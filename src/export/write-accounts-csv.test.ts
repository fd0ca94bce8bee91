import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { CASE_SIGNALS } from '../../test/fixtures/export/case-signals.js';
import { ACCOUNTS_CSV_COLUMNS, writeAccountsCsv } from './write-accounts-csv.js';

describe('writeAccountsCsv', () => {
  const csv = writeAccountsCsv(CASE_REPORT.network);
  const rows = Papa.parse<Record<string, string>>(csv, {
    header: true,
    skipEmptyLines: true,
    delimiter: ',',
  }).data;

  it('lists accounts by cluster (unclustered last), then key', () => {
    assert.equal(csv.split('\r\n')[0], ACCOUNTS_CSV_COLUMNS.join(','));
    assert.deepEqual(
      rows.map((r) => `${r.cluster}/${r.account}`),
      [
        'C0001/facebook:2001',
        'C0001/facebook:2002',
        'C0001/twitter:1001',
        'C0001/twitter:1002',
        'C0002/twitter:3001',
        'C0002/twitter:3002',
        'C0002/twitter:3003',
        'C0003/facebook:4001',
        'C0003/facebook:4002',
        '/twitter:9001',
      ],
    );
  });

  it('neutralises formula injection in handles and names, keeps numbers numeric', () => {
    const byKey = new Map(rows.map((r) => [r.account!, r]));
    assert.equal(byKey.get('twitter:1001')!.handle, '\'=HYPERLINK("http://evil.example/x","click")');
    assert.equal(byKey.get('facebook:2002')!.handle, "'@cmd");
    assert.equal(byKey.get('twitter:3002')!.handle, "'+1-555");
    assert.equal(byKey.get('twitter:3003')!.handle, "'-minus");
    assert.equal(byKey.get('twitter:3003')!.display_name, "'\tTabbed");
    assert.equal(byKey.get('twitter:3001')!.display_name, 'line1\nline2');
    assert.equal(byKey.get('facebook:4001')!.handle, 'ctrl\uFFFD\uFFFDchar', 'control characters replaced');
    assert.equal(byKey.get('facebook:4001')!.display_name, `"quoted" & 'apos'`);
    assert.deepEqual(
      ['component', 'degree', 'coactions', 'posts'].map((c) => byKey.get('twitter:1001')![c]),
      ['0', '2', '12', '40'],
    );
    assert.ok(!/(^|,)'\d/.test(csv), 'no number was prefixed');
  });

  it('fills the signal columns from the account summaries', () => {
    const parsed = Papa.parse<Record<string, string>>(writeAccountsCsv(CASE_REPORT.network, CASE_SIGNALS), {
      header: true,
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    const columns = ACCOUNTS_CSV_COLUMNS.slice(10, 17);
    assert.deepEqual(columns, [
      'utc_offset',
      'schedule_confidence',
      'works_office_hours',
      'handle_pattern',
      'handle_entropy_bits',
      'renamed',
      'follower_anomalies',
    ]);
    const cells = new Map(parsed.map((r) => [r.account!, columns.map((c) => r[c])]));
    // too few posts to fit; no handle; 0 followers
    assert.deepEqual(cells.get('facebook:2001'), ['', '', '', '', '', 'false', 'zero-followers']);
    // handle @cmd → cmd: plain, entropy log₂ 3 = 1.58496… → 1.585; follows 900 with 3 followers (≥ 10× and ≥ 100)
    assert.deepEqual(cells.get('facebook:2002'), ['', '', '', 'plain', '1.585', 'false', 'follow-ratio']);
    // office hours in UTC+08:00; handle changed from anna_smith; no follower counts
    assert.deepEqual(cells.get('twitter:1001')!.slice(0, 4), ['UTC+08:00', '0.7', 'true', 'other']);
    assert.deepEqual(cells.get('twitter:1001')!.slice(5), ['true', '']);
    // a weak fit is still reported, with works_office_hours false
    assert.deepEqual(cells.get('twitter:1002')!.slice(0, 4), ['UTC-05:00', '0.2', 'false', 'other']);
    // no profile (flags null), too few posts
    assert.deepEqual(cells.get('twitter:3002'), ['', '', '', '', '', '', '']);
    // not clustered and in no cohort: no summary
    assert.deepEqual(cells.get('twitter:9001'), ['', '', '', '', '', '', '']);
    assert.deepEqual(
      parsed.map((r) => r.account),
      rows.map((r) => r.account),
      'same rows as without signals: cohort-only accounts are not network nodes',
    );
  });
});
