import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { CASE_SIGNALS } from '../../test/fixtures/export/case-signals.js';
import { CLUSTERS_CSV_COLUMNS, writeClustersCsv } from './write-clusters-csv.js';

describe('writeClustersCsv', () => {
  const csv = writeClustersCsv(CASE_REPORT.network);
  const rows = Papa.parse<Record<string, string>>(csv, {
    header: true,
    skipEmptyLines: true,
    delimiter: ',',
  }).data;

  it('writes one row per cluster in id order with the documented columns', () => {
    assert.equal(csv.split('\r\n')[0], CLUSTERS_CSV_COLUMNS.join(','));
    assert.deepEqual(
      rows.map((r) => r.cluster),
      ['C0001', 'C0002', 'C0003'],
    );
    assert.deepEqual(rows[0], {
      cluster: 'C0001',
      size: '4',
      platforms: 'facebook;twitter',
      first_ts: '2021-09-20T08:00:00Z',
      last_ts: '2021-09-21T08:00:02Z',
      edges: '4',
      coactions: '20',
      density: '0.666667',
      median_dt_s: '10',
      per_kind: 'url:9;media:5;share:3;text:3',
      top_objects:
        "media|=cmd\\|' /C calc'!A0|5|2; url|https://evil.example/\"><img src=x onerror=alert(2)>|5|2; url|javascript:alert(3)|4|2; share|twitter:777|3|2; text|h:abc123|3|2",
      accounts: 'facebook:2001;facebook:2002;twitter:1001;twitter:1002',
      utc_offset: '',
      schedule_confidence: '',
      office_hours_share: '',
      lunch_dip: '',
      holiday_country: '',
      burst_days: '',
      creation_burst_accounts: '',
      handle_patterns: '',
      signal_reasons: '',
      score: '',
      disarm: '',
      killchain: '',
      score_reasons: '',
    });
    assert.equal(rows[2]!.first_ts, '2021-09-25T12:00:00.250Z');
    assert.equal(rows[2]!.median_dt_s, '0.5');
  });

  it('neutralises formula-like cells and is deterministic', () => {
    assert.equal(rows[2]!.top_objects, 'object|+SUM(A1:A9)|7|2', 'starts with "object", not a formula');
    const hostile = structuredClone(CASE_REPORT.network);
    hostile.clusters[0]!.platforms = ['=evil()', 'twitter'];
    const parsed = Papa.parse<Record<string, string>>(writeClustersCsv(hostile), {
      header: true,
      delimiter: ',',
    }).data;
    assert.equal(parsed[0]!.platforms, "'=evil();twitter");
    assert.equal(writeClustersCsv(structuredClone(CASE_REPORT.network)), csv);
  });

  it('fills the signal columns from the cluster signals', () => {
    const parsed = Papa.parse<Record<string, string>>(writeClustersCsv(CASE_REPORT.network, CASE_SIGNALS), {
      header: true,
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    const signalColumns = (r: Record<string, string>) => CLUSTERS_CSV_COLUMNS.slice(12, 21).map((c) => r[c]);
    assert.deepEqual(CLUSTERS_CSV_COLUMNS.slice(12, 21), [
      'utc_offset',
      'schedule_confidence',
      'office_hours_share',
      'lunch_dip',
      'holiday_country',
      'burst_days',
      'creation_burst_accounts',
      'handle_patterns',
      'signal_reasons',
    ]);
    assert.deepEqual(signalColumns(parsed[0]!), [
      'UTC+08:00',
      '0.8123',
      '0.9',
      '0.75',
      '', // no holiday gap on the cluster
      '1', // one day with synchronized starts (2021-09-20)
      '3', // created 2021-03-01, 03-02, 03-03 (window 3 days); the 2019 account is outside
      'plain:1;other:2', // cmd; =HYPERLINK(…) and <script>… have characters outside a handle's alphabet
      'posts follow office hours in UTC+08:00 (confidence 0.81\\; 90 % Mon–Fri 09–18 local\\; lunch dip 75 %)' +
        ' | 1 handle is used by 2 accounts on twitter: “<script>alert(1)</script>”' +
        ' | 1 display name is used by 2 accounts: “"><img src=x onerror=alert(1)>”' +
        ' | renamed to “\u202Egnp.exe”',
    ]);
    assert.deepEqual(signalColumns(parsed[1]!), [
      '', // too few posts: no fit, no shares
      '',
      '',
      '',
      '',
      '0',
      '0',
      '',
      "'=cmd\\|' /C calc'!A0 is the display name of 3 accounts",
    ]);
    assert.deepEqual(signalColumns(parsed[2]!), ['', '', '', '', '', '0', '0', '', '']);
    // the non-signal columns are unchanged
    assert.deepEqual(
      parsed.map((r) => CLUSTERS_CSV_COLUMNS.slice(0, 12).map((c) => r[c])),
      rows.map((r) => CLUSTERS_CSV_COLUMNS.slice(0, 12).map((c) => r[c])),
    );
  });

  it('leaves the signal columns empty for a cluster without signals', () => {
    const partial = { ...CASE_SIGNALS, clusters: CASE_SIGNALS.clusters.slice(1) };
    const parsed = Papa.parse<Record<string, string>>(writeClustersCsv(CASE_REPORT.network, partial), {
      header: true,
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    assert.deepEqual(
      CLUSTERS_CSV_COLUMNS.slice(12, 21).map((c) => parsed[0]![c]),
      ['', '', '', '', '', '', '', '', ''],
    );
    assert.equal(parsed[1]!.burst_days, '0');
  });
});
