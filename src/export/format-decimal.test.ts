import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatDecimal, roundDecimal } from './format-decimal.js';

describe('formatDecimal / roundDecimal', () => {
  it('rounds to fixed digits and drops trailing zeros', () => {
    assert.equal(formatDecimal(2 / 3), '0.667');
    assert.equal(formatDecimal(0.1 + 0.2, 6), '0.3');
    assert.equal(formatDecimal(4), '4');
    assert.equal(formatDecimal(-0.0001), '0');
    assert.equal(formatDecimal(Number.NaN), '');
  });

  it('returns numbers, with -0 as 0 and non-finite values unchanged', () => {
    assert.equal(roundDecimal(2 / 3, 6), 0.666667);
    assert.ok(Object.is(roundDecimal(-0.0000001, 3), 0));
    assert.ok(Number.isNaN(roundDecimal(Number.NaN)));
  });
});
