import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeColumnName } from './field-aliases.js';
import { resolveColumns } from './resolve-columns.js';

describe('normalizeColumnName', () => {
  it('lower-cases, trims, drops a BOM and joins separators with _', () => {
    assert.equal(normalizeColumnName(' User-ID '), 'user_id');
    assert.equal(normalizeColumnName('\uFEFFmessage_id'), 'message_id');
    assert.equal(normalizeColumnName('Created At'), 'created_at');
    assert.equal(normalizeColumnName('user.id'), 'user_id');
  });
});

describe('resolveColumns', () => {
  it('resolves aliases in priority order, keeping the header spelling', () => {
    const { columns, unmatched } = resolveColumns([
      'Tweet ID',
      'author_id',
      'username',
      'Created At',
      'full_text',
      'hashtags',
    ]);
    assert.deepEqual(columns, {
      id: 'Tweet ID',
      account: 'author_id',
      ts: 'Created At',
      text: 'full_text',
      hashtags: 'hashtags',
      handle: 'username',
    });
    assert.deepEqual(unmatched, []);
  });

  it('lets one column serve two fields when nothing better exists', () => {
    const { columns } = resolveColumns(['username', 'date']);
    assert.equal(columns.account, 'username');
    assert.equal(columns.handle, 'username');
    assert.equal(columns.ts, 'date');
  });

  it('prefers map entries (exact, then normalised) and reports unmatched ones', () => {
    const { columns, unmatched } = resolveColumns(['uid', 'When', 'body', 'created_at'], {
      account: 'uid',
      ts: 'when',
      text: 'missing_col',
    });
    assert.equal(columns.account, 'uid');
    assert.equal(columns.ts, 'When');
    assert.equal(columns.text, undefined); // a mapped field never falls back to an alias
    assert.deepEqual(unmatched, [{ field: 'text', column: 'missing_col' }]);
  });

  it('leaves fields without a column unresolved', () => {
    assert.deepEqual(resolveColumns(['foo', 'bar']).columns, {});
  });
});
