import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compareClusterIds } from './compare-cluster-ids.js';
import { compareStrings } from './compare-strings.js';

describe('compareClusterIds / compareStrings', () => {
  it('orders ids numerically by length first, empty last', () => {
    assert.deepEqual(['C10000', '', 'C0002', 'C9999', 'C0001'].sort(compareClusterIds), [
      'C0001',
      'C0002',
      'C9999',
      'C10000',
      '',
    ]);
  });
  it('compares strings by code unit, not locale', () => {
    assert.deepEqual(['b', 'B', 'a', 'ä'].sort(compareStrings), ['B', 'a', 'b', 'ä']);
  });
});
