import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { quantileType7 } from './quantile-type7.js';

describe('quantileType7', () => {
  it('matches R quantile(type = 7) on hand-computed cases', () => {
    // R: quantile(c(1,2,3,4), 0.5) = 2.5 ; index = 1 + 3*0.5 = 2.5 → 0.5*2 + 0.5*3
    assert.equal(quantileType7([4, 1, 3, 2], 0.5), 2.5);
    // R: quantile(c(1,1,2,5,9), 0.5) = 2 ; index 3 → x3
    assert.equal(quantileType7([9, 1, 5, 1, 2], 0.5), 2);
    // R: quantile(c(1,2,3,10), 0.9) prints 7.9; index = 1 + 3*0.9 = 3.7, h = 3.7 - 3 = 0.7000000000000002 in
    // doubles, (1 - h)*3 + h*10 = 7.900000000000001 — R's sprintf('%.17g') gives the same digits.
    assert.equal(quantileType7([1, 2, 3, 10], 0.9), 7.900000000000001);
    // R: quantile(c(2,2,2,7), 0.25) = 2 (lo = hi value)
    assert.equal(quantileType7([2, 7, 2, 2], 0.25), 2);
  });

  it('returns the extremes at p = 0 and p = 1 and the only value for n = 1', () => {
    assert.equal(quantileType7([5, 3, 8], 0), 3);
    assert.equal(quantileType7([5, 3, 8], 1), 8);
    assert.equal(quantileType7([42], 0.37), 42);
  });

  it('returns NaN for no values and does not modify the input', () => {
    assert.ok(Number.isNaN(quantileType7([], 0.5)));
    const input = [3, 1, 2];
    quantileType7(input, 0.5);
    assert.deepEqual(input, [3, 1, 2]);
  });

  it('rejects probabilities outside [0, 1] and NaN values', () => {
    assert.throws(() => quantileType7([1], 1.5), ConfigError);
    assert.throws(() => quantileType7([1], Number.NaN), ConfigError);
    assert.throws(() => quantileType7([1, Number.NaN], 0.5), { code: 'CONFIG_INVALID' });
  });
});
