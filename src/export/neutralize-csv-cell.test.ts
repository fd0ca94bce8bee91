import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { neutralizeCsvCell } from './neutralize-csv-cell.js';
import { toCsv } from './to-csv.js';

describe('neutralizeCsvCell (OWASP CSV injection)', () => {
  it('prefixes a quote to strings starting with = + - @ TAB CR (and LF, NUL, full-width forms)', () => {
    for (const value of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '\u0000x', '＝1+1', '＠x']) {
      assert.equal(neutralizeCsvCell(value), `'${value}`, JSON.stringify(value));
    }
  });

  it('leaves other strings, numbers, booleans and empty values unchanged', () => {
    assert.equal(neutralizeCsvCell('hello =x'), 'hello =x');
    assert.equal(neutralizeCsvCell(' =x'), ' =x');
    assert.equal(neutralizeCsvCell(''), '');
    assert.equal(neutralizeCsvCell(-3), -3);
    assert.equal(neutralizeCsvCell(-0.5), -0.5);
    assert.equal(neutralizeCsvCell(true), true);
    assert.equal(neutralizeCsvCell(null), null);
    assert.equal(neutralizeCsvCell(undefined), undefined);
  });
});

describe('toCsv', () => {
  it('neutralises, quotes per RFC 4180 and keeps numbers numeric', () => {
    const csv = toCsv(
      ['text', 'n'],
      [
        ['=HYPERLINK("http://evil.example","x")', -3],
        ['=multi\nline', 1.5],
        ['plain, with comma', 0],
        [null, undefined],
        ['ctrl\u0000\u001b[31m', 2],
      ],
    );
    assert.equal(
      csv,
      'text,n\r\n' +
        '"\'=HYPERLINK(""http://evil.example"",""x"")",-3\r\n' +
        '"\'=multi\nline",1.5\r\n' +
        '"plain, with comma",0\r\n' +
        ',\r\n' +
        'ctrl\uFFFD\uFFFD[31m,2\r\n',
    );
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { dynamicTyping: false }).data;
    assert.deepEqual(parsed[2], ["'=multi\nline", '1.5']);
    assert.equal(parsed[1]![1], '-3', 'negative numbers are not prefixed');
  });
});
