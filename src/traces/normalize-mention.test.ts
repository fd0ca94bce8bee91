import assert from 'node:assert/strict';
import { test } from 'node:test';

import { normalizeMention } from './normalize-mention.js';

test('normalizeMention: platform:handle, lower-cased, @ stripped', () => {
  assert.equal(normalizeMention('twitter', '@BoB'), 'twitter:bob');
  assert.equal(normalizeMention('Twitter', 'BoB'), 'twitter:bob');
  assert.equal(normalizeMention('twitter', '＠ＢｏＢ'), 'twitter:bob');
  assert.equal(normalizeMention('telegram', ' @@Some_Channel '), 'telegram:some_channel');
});

test('normalizeMention: empty handle → null', () => {
  assert.equal(normalizeMention('twitter', ''), null);
  assert.equal(normalizeMention('twitter', '@'), null);
  assert.equal(normalizeMention('twitter', ' \u200B '), null);
});
