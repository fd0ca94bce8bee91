import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { pluralize } from './pluralize.js';

describe('pluralize', () => {
  it('picks the singular for exactly one', () => {
    assert.equal(pluralize(1, 'edge'), '1 edge');
    assert.equal(pluralize(0, 'edge'), '0 edges');
    assert.equal(pluralize(2, 'child', 'children'), '2 children');
  });
});
