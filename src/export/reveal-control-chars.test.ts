import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { revealControlChars } from './reveal-control-chars.js';

describe('revealControlChars', () => {
  it('turns bidi overrides, isolates and marks into visible tokens', () => {
    assert.equal(revealControlChars('\u202Eevil\u202C'), '⟦U+202E⟧evil⟦U+202C⟧');
    assert.equal(revealControlChars('a\u2066b\u2069c\u200Fd'), 'a⟦U+2066⟧b⟦U+2069⟧c⟦U+200F⟧d');
  });
  it('turns NUL, ESC and C1 controls into tokens but keeps tab and line breaks', () => {
    assert.equal(revealControlChars('x\u0000y\u001Bz\u0085'), 'x⟦U+0000⟧y⟦U+001B⟧z⟦U+0085⟧');
    assert.equal(revealControlChars('a\tb\nc\r\n'), 'a\tb\nc\r\n');
  });
  it('leaves ordinary text in any script alone', () => {
    const text = 'Привет мир — 你好 — مرحبا — hello 👋';
    assert.equal(revealControlChars(text), text);
  });
});
