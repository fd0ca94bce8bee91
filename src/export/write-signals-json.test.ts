import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_SIGNALS } from '../../test/fixtures/export/case-signals.js';
import { writeSignalsJson } from './write-signals-json.js';

/** A deep copy whose objects have their keys inserted in reverse order (arrays keep their order). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse())
    out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Every object key list of a parsed JSON value, depth first. */
function keyLists(value: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(value)) for (const v of value) keyLists(v, out);
  else if (value !== null && typeof value === 'object') {
    out.push(Object.keys(value));
    for (const v of Object.values(value)) keyLists(v, out);
  }
  return out;
}

describe('writeSignalsJson', () => {
  const json = writeSignalsJson(CASE_SIGNALS);

  it('round-trips the signal findings and ends with exactly one newline', () => {
    assert.deepEqual(JSON.parse(json), CASE_SIGNALS);
    assert.ok(json.endsWith('}\n'));
    assert.ok(!json.endsWith('\n\n'));
  });

  it('sorts keys at every depth, 2-space indented', () => {
    // first account in key order is "=cmd|' /C calc'!A0" (no profile → flags null), a fitted UTC+08:00 schedule
    assert.ok(
      json.startsWith(
        '{\n  "accounts": [\n    {\n      "flags": null,\n      "key": "=cmd|\' /C calc\'!A0",\n      "posts": 30,\n      "schedule": {\n        "confidence": 0.75,\n        "correlation": 0.85,',
      ),
      json.slice(0, 300),
    );
    assert.deepEqual(Object.keys(JSON.parse(json)), ['accounts', 'clusters', 'cohorts']);
    const lists = keyLists(JSON.parse(json));
    assert.ok(lists.length > 50);
    for (const keys of lists) assert.deepEqual(keys, [...keys].sort(), keys.join(','));
  });

  it('gives identical bytes on every call, whatever the key insertion order', () => {
    assert.equal(writeSignalsJson(CASE_SIGNALS), json);
    assert.equal(writeSignalsJson(structuredClone(CASE_SIGNALS)), json);
    const reversed = reverseKeys(CASE_SIGNALS) as typeof CASE_SIGNALS;
    assert.notDeepEqual(Object.keys(reversed), Object.keys(CASE_SIGNALS), 'the copy really is reordered');
    assert.equal(writeSignalsJson(reversed), json);
  });

  it('writes empty findings as three empty lists', () => {
    assert.equal(
      writeSignalsJson({ cohorts: [], clusters: [], accounts: [] }),
      '{\n  "accounts": [],\n  "clusters": [],\n  "cohorts": []\n}\n',
    );
  });
});
