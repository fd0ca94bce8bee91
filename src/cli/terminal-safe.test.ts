import assert from 'node:assert/strict';
import { test } from 'node:test';

import { terminalSafe } from './terminal-safe.js';

test('terminalSafe: escapes, line breaks, tabs and bidi controls become visible tokens', () => {
  assert.equal(terminalSafe('a\u001b[2Jb\nc'), 'a⟦U+001B⟧[2Jb⟦U+000A⟧c');
  assert.equal(terminalSafe('x\ty\r'), 'x⟦U+0009⟧y⟦U+000D⟧');
  assert.equal(terminalSafe('file\u202Egnp.exe'), 'file⟦U+202E⟧gnp.exe');
  assert.equal(terminalSafe('plain “text” 北京'), 'plain “text” 北京');
});
