import assert from 'node:assert/strict';
import { test } from 'node:test';

import { englishWords } from './english-words.js';

test('englishWords: common words and inflections are in, typos and empty lines are not', () => {
  const words = englishWords();
  for (const word of ['government', 'governments', 'colour', 'color', 'realise', 'realize', 'hello']) {
    assert.ok(words.has(word), word);
  }
  for (const typo of ['goverment', 'definately', 'recieve', '']) assert.ok(!words.has(typo), typo);
});

test('englishWords: the list is lower-case a–z and about 274k words', () => {
  const words = englishWords();
  assert.ok(words.size > 270_000 && words.size < 280_000, String(words.size));
  for (const word of words) assert.match(word, /^[a-z]+$/);
});

test('englishWords: loaded once, the same set afterwards', () => {
  assert.equal(englishWords(), englishWords());
});
