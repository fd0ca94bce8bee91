import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatLog10P, formatLog10Threshold } from './format-p-value.js';

test('p-values and thresholds round their mantissa up to one decimal', () => {
  // 10^-8.96 = 1.096e-9 → 1.1e-9; 10^-8.77 = 1.698e-9 → 1.7e-9.
  assert.equal(formatLog10P(-8.96), 'p ≤ 1.1e-9');
  assert.equal(formatLog10Threshold(-8.77), '1.7e-9');
  assert.equal(formatLog10P(-20), 'p ≤ 1e-20');
  assert.equal(formatLog10Threshold(-20), '1e-20');
  // 10^-4.0001 = 9.998e-5 → mantissa 9.998 rounds up to 10 → 1e-4.
  assert.equal(formatLog10P(-4.0001), 'p ≤ 1e-4');
  assert.equal(formatLog10P(-1), 'p = 0.100');
  assert.equal(formatLog10P(-2064.3), 'p < 1e-300');
});

test('a p that met its threshold never reads above it, and never below its true value', () => {
  for (let t = -30; t < -2.5; t += 0.137) {
    for (const p of [t, t - 0.0001, t - 0.02, t - 0.05, t - 1.3]) {
      const shownP = Number(formatLog10P(p).replace('p ≤ ', ''));
      const shownT = Number(formatLog10Threshold(t));
      assert.ok(shownP <= shownT, `p 1e${p} shown ${shownP} above threshold 1e${t} shown ${shownT}`);
      assert.ok(shownP >= 10 ** p * (1 - 1e-9), `${p}: ${shownP}`);
    }
  }
});
