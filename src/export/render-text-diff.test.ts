import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { ConfigError } from '../errors.js';
import { renderTextDiffHtml } from './render-text-diff.js';

const wrap = (a: string, b: string): string =>
  `<div class="text-diff"><div class="diff-a">${a}</div><div class="diff-b">${b}</div></div>`;

test('renderTextDiffHtml: a one-character typo marks that character only', () => {
  assert.equal(
    renderTextDiffHtml('the election was stolen', 'the electon was stolen'),
    wrap('the elect<del>i</del>on was stolen', 'the electon was stolen'),
  );
  assert.equal(
    renderTextDiffHtml('vote now', 'vote mow'),
    wrap('vote <del>n</del>ow', 'vote <ins>m</ins>ow'),
  );
});

test('renderTextDiffHtml: an appended hashtag and a different word are marked as words', () => {
  assert.equal(
    renderTextDiffHtml('share this', 'share this #truth'),
    wrap('share this', 'share this<ins> #truth</ins>'),
  );
  assert.equal(
    renderTextDiffHtml('go to paris', 'go to berlin'),
    wrap('go to <del>paris</del>', 'go to <ins>berlin</ins>'),
  );
});

test('renderTextDiffHtml: everything is escaped, controls revealed', () => {
  const html = renderTextDiffHtml('<script>alert(1)</script> & "x"', '<script>alert(2)</script> & "x"');
  assert.equal(html.includes('<script>'), false);
  assert.ok(html.includes('&lt;script&gt;alert('));
  assert.ok(html.includes('&amp; &quot;x&quot;'));
  assert.ok(renderTextDiffHtml('a\u202Eb', 'ab').includes('⟦U+202E⟧'));
  // Property: no input can open a tag of its own (only our div/del/ins tags appear).
  fc.assert(
    fc.property(fc.string(), fc.string(), (a, b) => {
      const tags = renderTextDiffHtml(a, b).match(/<\/?[a-z]+/g) ?? [];
      for (const tag of tags)
        assert.ok(['<div', '</div', '<del', '</del', '<ins', '</ins'].includes(tag), tag);
    }),
    { seed: 42, numRuns: 300 },
  );
});

test('renderTextDiffHtml: long inputs are cut to maxChars code points', () => {
  const html = renderTextDiffHtml('a'.repeat(50), 'a'.repeat(50), { maxChars: 10 });
  assert.equal(html, wrap(`${'a'.repeat(9)}…`, `${'a'.repeat(9)}…`));
  assert.throws(
    () => renderTextDiffHtml('a', 'b', { maxChars: 1 }),
    (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID',
  );
});
