import assert from 'node:assert/strict';
import { test } from 'node:test';

import { escapeText, isolateUserText } from './html-text.js';

test('escapeText and isolateUserText', () => {
  assert.equal(escapeText('a < b & "c"'), 'a &lt; b &amp; &quot;c&quot;');
  assert.equal(escapeText(42), '42');
  assert.equal(isolateUserText('\u202Eevil<b>'), '<bdi>⟦U+202E⟧evil&lt;b&gt;</bdi>');
});
