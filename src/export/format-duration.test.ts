import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    assert.equal(formatDuration(0), '0 s');
    assert.equal(formatDuration(4.56), '4.6 s');
    assert.equal(formatDuration(60), '1 min 0 s');
    assert.equal(formatDuration(125), '2 min 5 s');
    assert.equal(formatDuration(3 * 3600 + 2 * 60 + 59), '3 h 2 min');
    assert.equal(formatDuration(2 * 86400 + 4 * 3600 + 1), '2 d 4 h');
  });

  it('returns an empty string for negative or non-finite values', () => {
    assert.equal(formatDuration(-1), '');
    assert.equal(formatDuration(Number.NaN), '');
  });
});
