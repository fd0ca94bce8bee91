import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { splitAccountKey } from './split-account-key.js';

describe('splitAccountKey', () => {
  it('splits at the first colon', () => {
    assert.deepEqual(splitAccountKey('twitter:12'), { platform: 'twitter', accountId: '12' });
    assert.deepEqual(splitAccountKey('bluesky:did:plc:abc'), {
      platform: 'bluesky',
      accountId: 'did:plc:abc',
    });
  });
  it('rejects keys without a platform or an id', () => {
    for (const key of ['nocolon', ':12', 'twitter:'])
      assert.throws(() => splitAccountKey(key), { code: 'INPUT_INVALID' });
  });
});
