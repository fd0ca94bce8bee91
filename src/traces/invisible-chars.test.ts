import assert from 'node:assert/strict';
import { test } from 'node:test';

import { stripInvisible } from './invisible-chars.js';

test('stripInvisible: zero-width, bidi, soft hyphen and BOM characters go; visible text stays', () => {
  assert.equal(
    stripInvisible('\uFEFFa\u200Bb\u200Cc\u200Dd\u200Ee\u202Ef\u2060g\u2066h\u00ADi'),
    'abcdefghi',
  );
  assert.equal(stripInvisible('plain text, 你好'), 'plain text, 你好');
});
