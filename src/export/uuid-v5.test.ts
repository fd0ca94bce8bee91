import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CHORUS_UUID_NAMESPACE, uuidV5 } from './uuid-v5.js';

const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the reference values of Python uuid.uuid5', () => {
    // Python docs example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    assert.equal(uuidV5('python.org', NAMESPACE_DNS), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://chorus-cib/misp'))"
    assert.equal(uuidV5('https://chorus-cib/misp', NAMESPACE_URL), CHORUS_UUID_NAMESPACE);
  });

  it('sets version 5 and the RFC variant, and is deterministic', () => {
    const id = uuidV5('event:abc');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(uuidV5('event:abc'), id);
    assert.notEqual(uuidV5('event:abd'), id);
  });

  it('rejects a namespace that is not a UUID', () => {
    assert.throws(() => uuidV5('x', 'not-a-uuid'), TypeError);
  });
});
