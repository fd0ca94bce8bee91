import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { parseMapSpec } from './parse-map-spec.js';

const isConfigError = (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID';

describe('parseMapSpec', () => {
  it('parses field=column pairs, trimming white space', () => {
    assert.deepEqual(parseMapSpec('account=user_id,ts=created_at,text=body'), {
      account: 'user_id',
      ts: 'created_at',
      text: 'body',
    });
    assert.deepEqual(parseMapSpec(' account = User ID , ts=when '), { account: 'User ID', ts: 'when' });
  });

  it('keeps dotted paths and = inside column names', () => {
    assert.deepEqual(parseMapSpec('account=user.id_str,text=a=b'), { account: 'user.id_str', text: 'a=b' });
  });

  it('rejects empty specs, pairs without =, unknown fields, empty columns and repeats', () => {
    for (const spec of [
      '',
      '  ',
      'account',
      'account=user_id,ts',
      'who=user_id',
      'account=',
      'account=a,account=b',
      'account=a,,ts=b',
    ]) {
      assert.throws(() => parseMapSpec(spec), isConfigError, spec);
    }
  });
});
