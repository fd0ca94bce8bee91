import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FORMATS, isFormatName } from './format-name.js';

describe('FORMATS / isFormatName', () => {
  it('lists the nine formats', () => {
    assert.deepEqual(
      [...FORMATS],
      ['csv', 'jsonl', 'parquet', 'coortweet', 'coortweet-long', 'qut', 'twarc2', 'twitter-v1', 'twitter-io'],
    );
    assert.ok(Object.isFrozen(FORMATS));
  });
  it('recognises format names only', () => {
    assert.equal(isFormatName('twitter-io'), true);
    assert.equal(isFormatName('TWARC2'), false);
    assert.equal(isFormatName(undefined), false);
  });
});
