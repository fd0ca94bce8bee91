import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { normalizeText } from './normalize-text.js';

test('normalizeText: the issue example (RT prefix, spaces, link, mention, case)', () => {
  assert.equal(normalizeText('RT @bob: Hello   WORLD https://t.co/x @amy'), 'hello world');
});

test('normalizeText: repeated RT prefixes and lower-case rt', () => {
  assert.equal(normalizeText('RT @a: RT @b_2: Vote now'), 'vote now');
  assert.equal(normalizeText('rt @a Vote now'), 'vote now');
  assert.equal(normalizeText('ART @a: x'), 'art : x'); // not an RT prefix: only the mention goes
});

test('normalizeText: links in any form are removed', () => {
  assert.equal(normalizeText('Read this www.example.com/a and http://x.y/z?q=1 now'), 'read this and now');
  assert.equal(normalizeText('Look pic.twitter.com/AbC123'), 'look');
});

test('normalizeText: mentions go, e-mail addresses stay', () => {
  assert.equal(normalizeText('Thanks @Amy and @bob_1!'), 'thanks and !');
  assert.equal(normalizeText('write to me@example.org'), 'write to me@example.org');
});

test('normalizeText: NFKC width forms, invisible characters, new lines, non-Latin scripts', () => {
  assert.equal(normalizeText('ＨＥＬＬＯ\u200B　world\n\tagain'), 'hello world again');
  assert.equal(normalizeText('Путин  ВОР'), 'путин вор');
  assert.equal(normalizeText('  你好，世界  '), '你好,世界');
});

test('normalizeText: only links and mentions → empty string', () => {
  assert.equal(normalizeText('@a https://t.co/x'), '');
  assert.equal(normalizeText(''), '');
});

test('normalizeText: idempotent on arbitrary Unicode text (property, seeded)', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('RT @x: ', '@bob ', 'https://t.co/a ', 'www.x.y ', 'ＡＢＣ', 'ß', '\u200B', '  \n', 'Σ'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const once = normalizeText(pieces.join(''));
      assert.equal(normalizeText(once), once);
    }),
    { seed: 42, numRuns: 1000 },
  );
});
