import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { scoredCase } from '../../test/fixtures/export/scored-case.js';
import { TTP_CSV_COLUMNS, writeTtpCsv } from './write-ttp-csv.js';

const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true, delimiter: ',' }).data;

const TACTIC6 = '6. Indiscriminate engagement';
const TECH62 = '6.2 Amplifying with likely fake accounts on social media';
const TACTIC7 = '7. Targeted engagement';
const FB1 = 'hxxps://www[.]facebook[.]com/profile.php?id=2001';
const FB2 = 'hxxps://www[.]facebook[.]com/cmd';
const TW1 = 'hxxps://twitter[.]com/%3DHYPERLINK(%22http%3A%2F%2Fevil.example%2Fx%22%2C%22click%22)';
const TW2 = 'hxxps://twitter[.]com/%3Cscript%3Ealert(1)%3C%2Fscript%3E';
const LINK = 'hxxps://evil[.]example/"><img src=x onerror=alert(2)>';
const NOTE1 = 'Chorus cluster C0001 (score 0.80): fast-resharing seen';
const NOTE1L = 'Chorus cluster C0001 (score 0.80): link-flooding seen';

describe('writeTtpCsv', () => {
  const csv = writeTtpCsv(scoredCase());
  const rows = parse(csv);

  it("writes Meta's columns and one row per indicator per kill-chain entry (hand-counted)", () => {
    assert.deepEqual(rows[0], ['Tactic', 'Technique', 'Procedure', 'Indicator', 'Note']);
    assert.deepEqual(rows[0], [...TTP_CSV_COLUMNS]);
    // C0001: 6.2, 6.2.1, 6.2.4 × 4 accounts = 12; 7.5, 7.5.2 × (4 accounts + 1 http URL) = 10.
    // C0002: 6.3, 6.3.1 × 3 accounts = 6. C0003 (0.49) left out.
    assert.equal(rows.length - 1, 28);
    assert.equal(rows.filter((r) => r[4]!.startsWith('Chorus cluster C0001')).length, 22);
    assert.equal(rows.filter((r) => r[4]!.startsWith('Chorus cluster C0003')).length, 0);
  });

  it('fills tactic, technique and procedure from the kill chain, sorted by id then indicator', () => {
    // Indicators sorted as strings: 'hxxps://t…%3C' < 'hxxps://t…%3D' < 'hxxps://w…/cmd' < 'hxxps://w…/profile'.
    assert.deepEqual(rows.slice(1, 5), [
      [TACTIC6, TECH62, '', TW2, NOTE1],
      [TACTIC6, TECH62, '', TW1, NOTE1],
      [TACTIC6, TECH62, '', FB2, NOTE1],
      [TACTIC6, TECH62, '', FB1, NOTE1],
    ]);
    // Rows 5–8 are 6.2.1, rows 9–12 6.2.4.
    assert.deepEqual(rows[9], [
      TACTIC6,
      TECH62,
      '6.2.4 Amplifying with likely fake accounts on X/Twitter',
      TW2,
      NOTE1,
    ]);
    const link = rows.filter((r) => r[3] === LINK);
    assert.deepEqual(link, [
      [TACTIC7, '7.5 Directing online traffic', '', LINK, NOTE1L],
      [TACTIC7, '7.5 Directing online traffic', '7.5.2 Directing audience to website', LINK, NOTE1L],
    ]);
    assert.deepEqual(rows[28], [
      TACTIC6,
      '6.3 Spraying content',
      '6.3.1 Posting common or generic hashtags',
      'hxxps://twitter[.]com/back%60tick%60',
      'Chorus cluster C0002 (score 0.50): hashtag-flooding seen',
    ]);
  });

  it('defangs every URL indicator', () => {
    for (const r of rows.slice(1)) assert.doesNotMatch(r[3]!, /^https?:|^[a-z]+:\/\/[^/[]*\.[^/]*\//i);
  });

  it('neutralises formula-like cells and is deterministic', () => {
    const hostile = scoredCase();
    hostile.network.accounts.find((a) => a.key === 'twitter:3002')!.platform = '=cmd';
    const parsed = parse(writeTtpCsv(hostile));
    assert.ok(
      parsed.some((r) => r[3] === "'=cmd:+1-555"),
      'platform without URL scheme, neutralised',
    );
    assert.equal(writeTtpCsv(scoredCase()), csv);
    assert.equal(writeTtpCsv(CASE_REPORT), 'Tactic,Technique,Procedure,Indicator,Note\r\n');
    assert.equal(parse(writeTtpCsv(scoredCase(), 0.45)).length - 1, 28 + 2, 'plus C0003: 6.2 × 2 accounts');
  });
});
