import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import { decimalFlag, integerFlag } from './number-flags.js';

test('integerFlag accepts plain integers at or above the minimum', () => {
  assert.equal(integerFlag('seed', ' 42 ', 0), 42);
  assert.equal(integerFlag('seed', '0', 0), 0);
  for (const bad of ['-1', '1.5', '1e3', '', 'x', '9007199254740993']) {
    assert.throws(() => integerFlag('seed', bad, 0), ConfigError, bad);
  }
  assert.throws(() => integerFlag('evidence', '0', 1), /--evidence: "0" is not an integer ≥ 1\./);
});

test('decimalFlag checks the interval, open at either end when asked, and reads exponents', () => {
  assert.equal(decimalFlag('percentile', '0', 0, 1), 0);
  assert.equal(decimalFlag('percentile', '.5', 0, 1), 0.5);
  assert.throws(
    () => decimalFlag('scale', '0', 0, 100, { exclusiveMin: true }),
    /is not a number in \(0, 100\]/,
  );
  assert.equal(decimalFlag('scale', '100', 0, 100, { exclusiveMin: true }), 100);
  assert.equal(decimalFlag('fpr', '1e-5', 0, 1, { exclusiveMin: true, exclusiveMax: true }), 0.00001);
  assert.throws(
    () => decimalFlag('fpr', '1', 0, 1, { exclusiveMin: true, exclusiveMax: true }),
    /--fpr: "1" is not a number in \(0, 1\)\./,
  );
  for (const bad of ['1.01', '-0.1', '1e', '0x1', '1%', 'abc', '']) {
    assert.throws(() => decimalFlag('percentile', bad, 0, 1), ConfigError, bad);
  }
});
