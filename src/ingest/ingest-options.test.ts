import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { type IngestOptions, resolveIngestOptions } from './ingest-options.js';
import { UTC_ZONE } from './time-zone.js';

const isConfigError = (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID';

describe('resolveIngestOptions', () => {
  it('defaults to auto-detection, no map, UTC and no platform override', () => {
    assert.deepEqual(resolveIngestOptions(), {
      format: undefined,
      map: undefined,
      zone: UTC_ZONE,
      platform: undefined,
    });
  });

  it('resolves every option', () => {
    const r = resolveIngestOptions({
      format: 'csv',
      map: { account: ' user_id ', ts: 'when' },
      tz: '+0800',
      platform: ' Telegram ',
    });
    assert.equal(r.format, 'csv');
    assert.deepEqual(r.map, { account: 'user_id', ts: 'when' });
    assert.equal(r.zone.name, '+08:00');
    assert.equal(r.platform, 'telegram');
  });

  it('rejects bad formats, maps, zones and platforms', () => {
    const bad: unknown[] = [
      { format: 'xml' },
      { map: { who: 'user_id' } },
      { map: { account: '' } },
      { map: { account: 3 } },
      { map: ['account=user_id'] },
      { format: 'twarc2', map: { account: 'user_id' } },
      { tz: 'Nowhere/Special' },
      { tz: '+25:00' },
      { platform: '  ' },
    ];
    for (const options of bad)
      assert.throws(
        () => resolveIngestOptions(options as IngestOptions),
        isConfigError,
        JSON.stringify(options),
      );
  });
});
