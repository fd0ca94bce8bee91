import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CibError, ConfigError, InputError, StoreError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { exitForError, type FailurePrinter } from './report-failure.js';

test('each error class maps to its exit code and kind', () => {
  const seen: [number, string, string][] = [];
  const fail: FailurePrinter = (code, kind, message) => {
    seen.push([code, kind, message]);
    return code;
  };
  assert.equal(exitForError(new ConfigError('bad flag'), fail), EXIT.usage);
  assert.equal(exitForError(new InputError('INPUT_UNREADABLE', 'f.csv', 'f.csv: gone'), fail), EXIT.noInput);
  assert.equal(exitForError(new StoreError('disk full'), fail), EXIT.store);
  assert.equal(exitForError(new CibError('NOT_FOUND', 'nothing'), fail), EXIT.internal);
  assert.equal(exitForError(new Error('boom'), fail), EXIT.internal);
  assert.deepEqual(
    seen.map(([code, kind]) => [code, kind]),
    [
      [EXIT.usage, 'usage'],
      [EXIT.noInput, 'input'],
      [EXIT.store, 'store'],
      [EXIT.internal, 'NOT_FOUND'],
      [EXIT.internal, 'internal'],
    ],
  );
  assert.match(seen[4]![2], /^Error: boom\n/);
});
