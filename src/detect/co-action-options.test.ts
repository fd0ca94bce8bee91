import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConfigError } from '../errors.js';
import { TRACE_KINDS } from '../model/trace.js';
import {
  COACTION_DEFAULTS,
  type CoactionOptions,
  resolveCoactionOptions,
  validateCoactionOptions,
  windowMs,
} from './co-action-options.js';

const isConfigError = (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID';

test('COACTION_DEFAULTS: documented windows, all kinds, cap 1000, 10 evidence pairs', () => {
  assert.deepEqual(COACTION_DEFAULTS.windowSeconds, {
    url: 60,
    domain: 60,
    hashtag: 60,
    mention: 60,
    share: 60,
    reply: 60,
    text: 300,
    media: 300,
    object: 60,
    neardup: 300,
    misspelling: 604_800,
    hashtagseq: 86_400,
  });
  assert.deepEqual([...COACTION_DEFAULTS.kinds], [...TRACE_KINDS]);
  assert.equal(COACTION_DEFAULTS.maxTracesPerObjectWindow, 1000);
  assert.equal(COACTION_DEFAULTS.evidencePerEdge, 10);
  assert.ok(Object.isFrozen(COACTION_DEFAULTS.windowSeconds));
});

test('resolveCoactionOptions: named kinds, then default, then COACTION_DEFAULTS', () => {
  const o = resolveCoactionOptions({ windowSeconds: { default: 30, share: 10 } });
  assert.equal(o.windowSeconds.share, 10);
  assert.equal(o.windowSeconds.url, 30);
  assert.equal(o.windowSeconds.text, 30);
  const p = resolveCoactionOptions({ windowSeconds: { share: 10 } });
  assert.equal(p.windowSeconds.share, 10);
  assert.equal(p.windowSeconds.text, 300);
  assert.deepEqual(resolveCoactionOptions().windowSeconds, COACTION_DEFAULTS.windowSeconds);
  assert.equal(resolveCoactionOptions({ evidencePerEdge: 0 }).evidencePerEdge, 0);
});

test('resolveCoactionOptions never mutates the defaults', () => {
  const o = resolveCoactionOptions();
  o.windowSeconds.share = 1;
  assert.equal(COACTION_DEFAULTS.windowSeconds.share, 60);
});

test('windowMs: seconds to whole milliseconds', () => {
  const o = resolveCoactionOptions({ windowSeconds: { share: 0.25, url: 0 } });
  assert.equal(windowMs(o, 'share'), 250);
  assert.equal(windowMs(o, 'url'), 0);
  assert.equal(windowMs(o, 'text'), 300_000);
});

test('invalid options throw ConfigError (CONFIG_INVALID)', () => {
  const bad: unknown[] = [
    { windowSeconds: { share: -1 } },
    { windowSeconds: { share: Number.NaN } },
    { windowSeconds: { share: Number.POSITIVE_INFINITY } },
    { windowSeconds: { share: 0.0005 } },
    { windowSeconds: { tweet: 5 } },
    { kinds: [] },
    { kinds: ['share', 'share'] },
    { kinds: ['tweet'] },
    { maxTracesPerObjectWindow: 1 },
    { maxTracesPerObjectWindow: 10.5 },
    { evidencePerEdge: -1 },
    { evidencePerEdge: 1.5 },
  ];
  for (const input of bad) {
    assert.throws(() => resolveCoactionOptions(input as never), isConfigError, JSON.stringify(input));
  }
  const missing = { ...resolveCoactionOptions(), windowSeconds: { share: 60 } } as unknown as CoactionOptions;
  assert.throws(() => validateCoactionOptions(missing), isConfigError);
});
