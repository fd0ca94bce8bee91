import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { escapeMarkdownCell } from './escape-markdown-cell.js';

describe('escapeMarkdownCell', () => {
  it('escapes pipes, backticks and < (table, code span and HTML breakers)', () => {
    assert.equal(escapeMarkdownCell('a|b `c` <d>'), 'a\\|b \\`c\\` &lt;d&gt;');
    assert.equal(escapeMarkdownCell('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes emphasis, link brackets, backslashes and entities', () => {
    assert.equal(
      escapeMarkdownCell('**b** _i_ [x](y) \\ &amp; ~s~'),
      '\\*\\*b\\*\\* \\_i\\_ \\[x\\](y) \\\\ &amp;amp; \\~s\\~',
    );
  });

  it('breaks autolinks: scheme colons, e-mail @, and dots inside domain-like words', () => {
    assert.equal(escapeMarkdownCell('https://evil.example/x'), 'https\\://evil\\.example/x');
    assert.equal(escapeMarkdownCell('www.evil.example'), 'www\\.evil\\.example');
    assert.equal(escapeMarkdownCell('a@b.co'), 'a\\@b\\.co');
    assert.equal(escapeMarkdownCell('pi is 3.14. Next'), 'pi is 3.14. Next');
  });

  it('keeps a cell on one line and makes control and bidi characters visible', () => {
    assert.equal(escapeMarkdownCell('one\r\ntwo\nthree\tfour'), 'one two three four');
    assert.equal(escapeMarkdownCell('\u202Egnp.exe'), '⟦U+202E⟧gnp\\.exe');
    assert.equal(escapeMarkdownCell('a\u0000b'), 'a⟦U+0000⟧b');
  });
});
