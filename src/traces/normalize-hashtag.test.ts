import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { normalizeHashtag } from './normalize-hashtag.js';

test('normalizeHashtag: full-width hash and letters fold to ASCII lower case', () => {
  assert.equal(normalizeHashtag('#ＴＲＵＭＰ'), 'trump');
  assert.equal(normalizeHashtag('＃ｔｒｕｍｐ'), 'trump');
});

test('normalizeHashtag: with or without #, any case, surrounding space', () => {
  assert.equal(normalizeHashtag('#Trump'), 'trump');
  assert.equal(normalizeHashtag('Trump'), 'trump');
  assert.equal(normalizeHashtag('  ##Trump  '), 'trump');
});

test('normalizeHashtag: non-Latin scripts, sharp s, invisible characters', () => {
  assert.equal(normalizeHashtag('#Навальный'), 'навальный');
  assert.equal(normalizeHashtag('#STRAẞE'), 'strasse');
  assert.equal(normalizeHashtag('#tr\u200Bump'), 'trump');
  assert.equal(normalizeHashtag('#日本'), '日本');
});

test('normalizeHashtag: nothing left → null', () => {
  assert.equal(normalizeHashtag(''), null);
  assert.equal(normalizeHashtag('#'), null);
  assert.equal(normalizeHashtag(' ＃ '), null);
  assert.equal(normalizeHashtag('#\u200B'), null);
});

test('normalizeHashtag: idempotent on arbitrary Unicode tags (property, seeded)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (tag) => {
      const once = normalizeHashtag(tag);
      if (once !== null) assert.equal(normalizeHashtag(once), once);
    }),
    { seed: 42, numRuns: 1000 },
  );
});
