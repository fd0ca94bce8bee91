import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import { parseWindowSpec } from './parse-window-spec.js';

test('parseWindowSpec: one duration is the default for every kind', () => {
  assert.deepEqual(parseWindowSpec('60s'), { default: 60 });
  assert.deepEqual(parseWindowSpec('2m'), { default: 120 });
  assert.deepEqual(parseWindowSpec('1h'), { default: 3600 });
  assert.deepEqual(parseWindowSpec('1d'), { default: 86_400 });
  assert.deepEqual(parseWindowSpec('90'), { default: 90 });
  assert.deepEqual(parseWindowSpec('500ms'), { default: 0.5 });
  assert.deepEqual(parseWindowSpec('1.5m'), { default: 90 });
  assert.deepEqual(parseWindowSpec('0'), { default: 0 });
  assert.deepEqual(parseWindowSpec(' 10 S '), { default: 10 });
});

test('parseWindowSpec: kind=duration pairs, mixed with a default', () => {
  assert.deepEqual(parseWindowSpec('share=10s,url=60s'), { share: 10, url: 60 });
  assert.deepEqual(parseWindowSpec('2m, text = 5m'), { default: 120, text: 300 });
  assert.deepEqual(parseWindowSpec('default=30s,SHARE=1s'), { default: 30, share: 1 });
});

test('parseWindowSpec: bad input throws ConfigError naming the bad part', () => {
  const cases: [string, string][] = [
    ['', '""'],
    ['60x', '"60x"'],
    ['-5s', '"-5s"'],
    ['tweet=10s', '"tweet=10s"'],
    ['share=10s,share=20s', '"share=20s"'],
    ['60s,', '""'],
    ['share=', '"share="'],
    ['0.0001s', '"0.0001s"'],
    ['1e3s', '"1e3s"'],
  ];
  for (const [spec, part] of cases) {
    assert.throws(
      () => parseWindowSpec(spec),
      (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID' && e.message.includes(part),
      spec,
    );
  }
});
