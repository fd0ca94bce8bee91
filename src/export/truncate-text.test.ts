import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { truncateText } from './truncate-text.js';

describe('truncateText', () => {
  it('cuts by code point and marks the cut', () => {
    assert.equal(truncateText('abcdef', 4), 'abc…');
    assert.equal(truncateText('abcd', 4), 'abcd');
    assert.equal(truncateText('😀😀😀', 2), '😀…', 'never splits a surrogate pair');
  });
});
