import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { CASE_SIGNALS, COHORTS } from '../../test/fixtures/export/case-signals.js';
import type { CaseSignals } from '../signals/case-signals.js';
import { COHORTS_CSV_COLUMNS, writeCohortsCsv } from './write-cohorts-csv.js';

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('writeCohortsCsv', () => {
  const csv = writeCohortsCsv(CASE_SIGNALS);
  const rows = parse(csv);

  it('writes the documented columns, one row per cohort in cohort order', () => {
    assert.equal(
      csv.split('\r\n')[0],
      'cohort,kind,size,utc_offset,schedule_confidence,lunch_dip,holiday_country,created_first,created_last,p_value,clusters,reasons,accounts',
    );
    assert.equal(COHORTS_CSV_COLUMNS.join(','), csv.split('\r\n')[0]);
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(
      rows.map((r) => r.cohort),
      ['S001', 'B001'],
    );
    const reversed = parse(writeCohortsCsv({ ...CASE_SIGNALS, cohorts: [...COHORTS].reverse() }));
    assert.deepEqual(
      reversed.map((r) => r.cohort),
      ['B001', 'S001'],
      'rows keep the given order',
    );
  });

  it('fills the schedule columns of a schedule cohort and neutralises a formula-like account list', () => {
    assert.deepEqual(rows[0], {
      cohort: 'S001',
      kind: 'schedule',
      size: '6',
      utc_offset: 'UTC+08:00',
      schedule_confidence: '0.8123',
      lunch_dip: '0.75',
      holiday_country: 'CN',
      created_first: '',
      created_last: '',
      p_value: '',
      clusters: 'C0001',
      reasons:
        '6 accounts each keep office hours in UTC+08:00 (90 % of their posts Mon–Fri 09–18 local, activity drops 75 % at lunch 12:00)' +
        ' | handles include “<script>alert(1)</script>” and “"><img src=x onerror=alert(1)>”',
      // first key "=cmd|' /C calc'!A0": `|` escaped as a list item, the cell prefixed with `'`
      accounts:
        "'=cmd\\|' /C calc'!A0;twitter:\"><img src=x onerror=alert(1)>;twitter:1001;twitter:1002;" +
        'twitter:<script>alert(1)</script>;twitter:\u202Eevil',
    });
  });

  it('fills the creation columns of a creation cohort and neutralises a formula-like reason', () => {
    assert.deepEqual(rows[1], {
      cohort: 'B001',
      kind: 'creation',
      size: '3',
      utc_offset: '',
      schedule_confidence: '',
      lunch_dip: '',
      holiday_country: '',
      created_first: '2021-03-01T00:00:00Z',
      created_last: '2021-03-03T00:00:00Z',
      p_value: '',
      clusters: 'C0001',
      reasons: "'=cmd\\|' /C calc'!A0 3 accounts created within 2 days (2021-03-01 – 2021-03-03)",
      accounts: 'facebook:2001;facebook:2002;twitter:1001',
    });
  });

  it('leaves the schedule columns empty when the pooled fit is not fitted', () => {
    const s001 = structuredClone(COHORTS[0]!);
    s001.time!.schedule = {
      ...s001.time!.schedule,
      status: 'insufficient',
      offsetLabel: null,
      lunchDip: null,
    };
    s001.time!.holidays = null;
    const [row] = parse(writeCohortsCsv({ clusters: [], accounts: [], cohorts: [s001] }));
    assert.deepEqual(
      [row!.utc_offset, row!.schedule_confidence, row!.lunch_dip, row!.holiday_country],
      ['', '', '', ''],
    );
  });

  it('writes only the header without cohorts and is deterministic', () => {
    const none: CaseSignals = { clusters: [], accounts: [], cohorts: [] };
    assert.equal(writeCohortsCsv(none), `${COHORTS_CSV_COLUMNS.join(',')}\r\n`);
    assert.equal(writeCohortsCsv(structuredClone(CASE_SIGNALS)), csv);
  });
});
