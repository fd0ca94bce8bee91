import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { cellBoolean, cellNumber, cellString, cellText } from './cell-value.js';

describe('cellString', () => {
  it('trims strings and stringifies numbers and bigints', () => {
    assert.equal(cellString(' 42 '), '42');
    assert.equal(cellString(42), '42');
    assert.equal(cellString(1.5), '1.5');
    assert.equal(cellString(12345678901234567890n), '12345678901234567890');
  });
  it('reads empty cells and missing-value tokens as absent', () => {
    for (const v of [
      '',
      '   ',
      'nan',
      'NaN',
      'None',
      'null',
      'NULL',
      'NA',
      '<NA>',
      'N/A',
      null,
      undefined,
      Number.NaN,
      true,
      {},
      [],
    ]) {
      assert.equal(cellString(v), undefined, String(v));
    }
  });
});

describe('cellText', () => {
  it('keeps text verbatim but drops blank cells', () => {
    assert.equal(cellText('  hi '), '  hi ');
    assert.equal(cellText('None'), 'None');
    assert.equal(cellText(3), '3');
    assert.equal(cellText(' \n '), undefined);
    assert.equal(cellText(null), undefined);
  });
});

describe('cellNumber', () => {
  it('reads finite numbers and numeric strings', () => {
    assert.equal(cellNumber('1.5e3'), 1500);
    assert.equal(cellNumber(' 12 '), 12);
    assert.equal(cellNumber(7), 7);
    assert.equal(cellNumber(7n), 7);
  });
  it('rejects everything else', () => {
    for (const v of [
      '',
      'abc',
      '12abc',
      '0x10',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      undefined,
      true,
    ]) {
      assert.equal(cellNumber(v), undefined, String(v));
    }
  });
});

describe('cellBoolean', () => {
  it('reads the usual spellings', () => {
    for (const v of [true, 'True', 'true', 'T', 'yes', 'Y', '1', 1])
      assert.equal(cellBoolean(v), true, String(v));
    for (const v of [false, 'False', 'false', 'f', 'No', 'n', '0', 0])
      assert.equal(cellBoolean(v), false, String(v));
  });
  it('reads anything else as absent', () => {
    for (const v of ['', 'maybe', 2, null, undefined]) assert.equal(cellBoolean(v), undefined, String(v));
  });
});
