import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CANONICAL_FIELDS, isCanonicalField, REQUIRED_FIELDS } from './canonical-field.js';
import { FIELD_ALIASES } from './field-aliases.js';

describe('canonical fields', () => {
  it('has 23 fields, account and ts required, and aliases for each', () => {
    assert.equal(CANONICAL_FIELDS.length, 23);
    assert.deepEqual(REQUIRED_FIELDS, ['account', 'ts']);
    for (const field of CANONICAL_FIELDS) assert.ok(FIELD_ALIASES[field].length > 0, field);
  });
  it('recognises canonical field names only', () => {
    assert.equal(isCanonicalField('parent_account'), true);
    assert.equal(isCanonicalField('user_id'), false);
  });
  it('keeps aliases in normalised form', () => {
    for (const aliases of Object.values(FIELD_ALIASES)) {
      for (const alias of aliases) assert.match(alias, /^[a-z0-9_]+$/, alias);
    }
  });
});
