import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatUtc } from './format-utc.js';

describe('formatUtc', () => {
  it('writes ISO 8601 UTC, with milliseconds only when non-zero', () => {
    assert.equal(formatUtc(0), '1970-01-01T00:00:00Z');
    assert.equal(formatUtc(Date.UTC(2021, 8, 26, 14, 3, 7)), '2021-09-26T14:03:07Z');
    assert.equal(formatUtc(Date.UTC(2021, 8, 26, 14, 3, 7, 250)), '2021-09-26T14:03:07.250Z');
  });

  it('returns an empty string for values that are not a time', () => {
    assert.equal(formatUtc(Number.NaN), '');
    assert.equal(formatUtc(Number.POSITIVE_INFINITY), '');
    assert.equal(formatUtc(9e15), '');
  });
});
