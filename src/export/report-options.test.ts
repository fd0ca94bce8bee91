import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { REPORT_DEFAULTS, resolveReportOptions } from './report-options.js';

describe('resolveReportOptions', () => {
  it('merges over the defaults, ignoring undefined', () => {
    assert.deepEqual(resolveReportOptions(), REPORT_DEFAULTS);
    assert.deepEqual(resolveReportOptions({ title: 'X', maxTextChars: undefined }), {
      ...REPORT_DEFAULTS,
      title: 'X',
    });
  });

  it('rejects invalid values with ConfigError', () => {
    for (const bad of [
      { maxTextChars: 0 },
      { accountsPerCluster: -1 },
      { evidencePairsPerEdge: 1.5 },
      { title: 3 },
    ]) {
      assert.throws(() => resolveReportOptions(bad as never), ConfigError, JSON.stringify(bad));
    }
  });
});
