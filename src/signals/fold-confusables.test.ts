import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';

import fc from 'fast-check';

import { foldConfusables, foldConfusableWord } from './fold-confusables.js';
import { normalizeForNearDup } from './neardup-normalize.js';

test('foldConfusables: Latin words spoofed with Cyrillic letters become plain Latin', () => {
  // е = U+0435 (Cyrillic ie), ѕ = U+0455 (Cyrillic dze)
  assert.equal(foldConfusables('\u0435lection \u0455tolen'), 'election stolen');
  assert.equal(normalizeForNearDup('\u0415lection \u0455tolen'), 'election stolen'); // capital Е, as posted
  assert.equal(foldConfusables('v\u043Ete n\u043Ew, \u0435lection!'), 'vote now, election!');
});

test('foldConfusables: single-script words are untouched (Russian, Hindi, Greek, accented Latin)', () => {
  assert.equal(foldConfusables('выборы украдены'), 'выборы украдены');
  const hindi = 'नमस्ते दुनिया'; // combining vowel signs and virama, which `confusables.remove` would delete
  assert.equal(foldConfusables(hindi), hindi);
  assert.equal(foldConfusables(`${hindi} мир`), `${hindi} мир`); // Cyrillic present: words are scanned
  assert.equal(foldConfusables('λόγος café выборы'), 'λόγος café выборы');
});

test('foldConfusables: a Cyrillic word with a Latin look-alike letter folds to Cyrillic', () => {
  // Latin o (U+006F) and Latin p (U+0070) inside Russian words
  assert.equal(foldConfusables('выб\u006Fры украдены'), 'выборы украдены');
  assert.equal(foldConfusableWord('\u0070усский'), 'русский');
  // Greek majority: Latin o → Greek omicron U+03BF
  assert.equal(foldConfusableWord('λ\u006Fγος'), 'λ\u03BFγος');
});

test('foldConfusableWord: Latin majority wins ties and uses confusables.remove', () => {
  assert.equal(foldConfusableWord('\u0430b'), 'ab'); // one Cyrillic а, one Latin b: tie → Latin
  assert.equal(foldConfusableWord('hello'), 'hello');
});

test('foldConfusables: idempotent and never changes text without Greek or Cyrillic (property, seeded)', () => {
  const letter = fc.constantFrom(
    ...'aeopcxyslbkmtн\u0430\u0435\u043E\u0440\u0441\u0445\u0443\u0455ыжλογαε ,1'.split(''),
  );
  fc.assert(
    fc.property(fc.array(letter, { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      const once = foldConfusables(text);
      assert.equal(foldConfusables(once), once);
    }),
    { seed: 42, numRuns: 1000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
      assert.equal(foldConfusables(text), text);
    }),
    { seed: 43, numRuns: 300 },
  );
});

describe('foldConfusables on Latin text disguised with look-alikes', () => {
  it('folds words spelled entirely in Cyrillic look-alikes when the text has no genuine Cyrillic letter', () => {
    // Every swappable letter Cyrillic: е о с і а р (U+0435 U+043E U+0441 U+0456 U+0430 U+0440).
    const spoofed =
      'th\u0435 \u0435l\u0435\u0441t\u0456\u043en w\u0430s st\u043el\u0435n by \u0441\u043erru\u0440t';
    assert.equal(foldConfusables(spoofed), 'the election was stolen by corrupt');
    assert.equal(foldConfusables('\u0441l\u043e\u0455\u0435 the door'), 'close the door');
  });

  it('leaves genuine Russian alone even when it holds look-alike letters', () => {
    // п, и, б are not look-alikes of Latin letters: this is Russian, not disguised Latin.
    assert.equal(foldConfusables('сосо и папа'), 'сосо и папа');
    assert.equal(foldConfusables('выборы украдены ok'), 'выборы украдены ok');
  });
});

describe('foldConfusables resists simple evasion', () => {
  it('still folds disguised words when a genuine Cyrillic letter or Russian hashtag is appended', () => {
    const spoofed = 'th\u0435 \u0435l\u0435\u0441t\u0456\u043en w\u0430s st\u043el\u0435n';
    assert.equal(foldConfusables(`${spoofed} ж`), 'the election was stolen ж');
    assert.equal(foldConfusables(`${spoofed} выборы`), 'the election was stolen выборы');
  });
});
