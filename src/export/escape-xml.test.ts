import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { escapeXml } from './escape-xml.js';
import { sanitizeXmlText } from './sanitize-xml-text.js';

describe('sanitizeXmlText', () => {
  it('replaces characters XML 1.0 forbids and keeps everything else', () => {
    assert.equal(sanitizeXmlText('a\u0000b\u0007c\u001Fd'), 'a\uFFFDb\uFFFDc\uFFFDd');
    assert.equal(sanitizeXmlText('\uFFFE\uFFFF'), '\uFFFD\uFFFD');
    assert.equal(sanitizeXmlText('lone \uD800 surrogate'), 'lone \uFFFD surrogate');
    assert.equal(sanitizeXmlText('tab\tLF\nCR\r 中文 😀'), 'tab\tLF\nCR\r 中文 😀');
  });
});

describe('escapeXml', () => {
  it('escapes markup and quotes, and encodes white space that attribute normalisation would lose', () => {
    assert.equal(
      escapeXml(`<a href="x" t='y'>&</a>`),
      '&lt;a href=&quot;x&quot; t=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
    );
    assert.equal(escapeXml('a\tb\nc\rd'), 'a&#9;b&#10;c&#13;d');
    assert.equal(escapeXml('x\u0000'), 'x\uFFFD');
  });
});
