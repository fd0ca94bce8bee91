import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { resolveTimeZone, UTC_ZONE } from './time-zone.js';

const isConfigError = (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID';

describe('resolveTimeZone', () => {
  it('resolves UTC spellings and the empty option to UTC', () => {
    for (const tz of [undefined, '', 'UTC', 'utc', 'Z', 'GMT']) assert.equal(resolveTimeZone(tz), UTC_ZONE);
    assert.equal(UTC_ZONE.toUtcMs(1234), 1234);
  });

  it('normalises fixed offsets and converts wall-clock times', () => {
    const cases: [string, string, number][] = [
      ['+08:00', '+08:00', -8 * 3_600_000],
      ['+0800', '+08:00', -8 * 3_600_000],
      ['+8', '+08:00', -8 * 3_600_000],
      ['UTC-05:30', '-05:30', 5.5 * 3_600_000],
      ['GMT+01', '+01:00', -3_600_000],
      ['+00:00', '+00:00', 0],
    ];
    for (const [spec, name, shift] of cases) {
      const zone = resolveTimeZone(spec);
      assert.equal(zone.name, name, spec);
      assert.equal(zone.toUtcMs(1_000_000_000_000), 1_000_000_000_000 + shift, spec);
    }
  });

  it('rejects out-of-range offsets and unknown names', () => {
    for (const tz of ['+24:00', '+05:60', 'Europe/Atlantis', 'not a zone'])
      assert.throws(() => resolveTimeZone(tz), isConfigError);
  });

  it('converts IANA wall-clock times across DST (Europe/Berlin)', () => {
    const berlin = resolveTimeZone('Europe/Berlin');
    assert.equal(berlin.name, 'Europe/Berlin');
    // 2021-07-01 12:00 CEST = 10:00Z; 2021-01-15 12:00 CET = 11:00Z (GNU date).
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 6, 1, 12)), 1625133600000);
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 0, 15, 12)), 1610708400000);
    // Last valid minute before the spring-forward gap and first minute after it.
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 2, 28, 1, 59)), Date.UTC(2021, 2, 28, 0, 59));
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 2, 28, 3, 0)), Date.UTC(2021, 2, 28, 1, 0));
    // In the gap: moved forward by the gap (02:15 → 03:15 CEST = 01:15Z).
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 2, 28, 2, 15)), Date.UTC(2021, 2, 28, 1, 15));
    // Repeated hour in autumn: the earlier instant (CEST).
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 9, 31, 2, 15)), Date.UTC(2021, 9, 31, 0, 15));
    assert.equal(berlin.toUtcMs(Date.UTC(2021, 9, 31, 3, 0)), Date.UTC(2021, 9, 31, 2, 0));
  });

  it('handles zones with half-hour offsets and southern-hemisphere DST', () => {
    // Asia/Kolkata is +05:30 all year; Australia/Sydney is +11:00 (AEDT) in January.
    assert.equal(
      resolveTimeZone('Asia/Kolkata').toUtcMs(Date.UTC(2021, 5, 1, 15, 30)),
      Date.UTC(2021, 5, 1, 10, 0),
    );
    assert.equal(
      resolveTimeZone('Australia/Sydney').toUtcMs(Date.UTC(2021, 0, 1, 21, 0)),
      Date.UTC(2021, 0, 1, 10, 0),
    );
  });

  it('returns the same zone object for the same name (cached)', () => {
    assert.equal(resolveTimeZone('America/New_York'), resolveTimeZone('America/New_York'));
  });
});
