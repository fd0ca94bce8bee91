import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { encodeListItem } from './encode-list-item.js';

describe('encodeListItem', () => {
  it('escapes the list separators and the escape character', () => {
    assert.equal(encodeListItem('a|b;c\\d'), 'a\\|b\\;c\\\\d');
    assert.equal(encodeListItem('plain'), 'plain');
  });
});
