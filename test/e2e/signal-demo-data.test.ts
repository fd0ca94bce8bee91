/**
 * The shipped planted-signals sample (data/planted-signals) is the seeded generator's output, so the demo, the
 * tests and the documentation describe the same data. Compares decompressed text (gzip bytes may differ between
 * zlib versions) and the planted groups.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { generateSignalCase } from '../fixtures/signals/signal-case.js';

test('data/planted-signals equals generateSignalCase() with the default seed', () => {
  const generated = generateSignalCase();
  const shipped = gunzipSync(readFileSync('data/planted-signals/planted-signals.csv.gz')).toString('utf8');
  assert.equal(shipped, generated.csv);
  const truth = JSON.parse(readFileSync('data/planted-signals/truth.json', 'utf8'));
  assert.deepEqual(truth, generated.planted);
});
