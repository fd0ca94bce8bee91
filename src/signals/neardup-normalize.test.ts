import assert from 'node:assert/strict';
import { test } from 'node:test';

import { normalizeForNearDup } from './neardup-normalize.js';

test('normalizeForNearDup: normalizeText steps, then mixed-script folding', () => {
  assert.equal(
    normalizeForNearDup('RT @bob: \u0415lection \u0405TOLEN https://t.co/x @amy'),
    'election stolen',
  );
  assert.equal(normalizeForNearDup('Выборы   УКРАДЕНЫ!'), 'выборы украдены!');
  assert.equal(normalizeForNearDup('  选举被偷了，转发  '), '选举被偷了,转发');
  assert.equal(normalizeForNearDup('https://t.co/x'), '');
});
