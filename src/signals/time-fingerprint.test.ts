import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import seedrandom from 'seedrandom';

import { ConfigError } from '../errors.js';
import { publicHolidays } from './holiday-gaps.js';
import { createTimeFingerprinter, timeFingerprint } from './time-fingerprint.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A Beijing office account in 2024: on each local weekday not in `silent`, `perDay` posts at seeded times within
 * 09:00–12:00 and 13:30–18:00 UTC+8.
 */
function beijingOffice(seed: string, silent: ReadonlySet<string>, perDay = 2): number[] {
  const rng = seedrandom(seed);
  const out: number[] = [];
  for (let i = 0; i < 366; i++) {
    const localMidnight = Date.UTC(2024, 0, 1) + i * DAY;
    if (i % 7 >= 5 || silent.has(new Date(localMidnight).toISOString().slice(0, 10))) continue;
    for (let k = 0; k < perDay; k++) {
      const u = rng() * 7.5;
      const hour = u < 3 ? 9 + u : 13.5 + (u - 3);
      out.push(Math.floor(localMidnight + hour * HOUR - 8 * HOUR));
    }
  }
  return out;
}

describe('timeFingerprint', () => {
  it('fingerprints a Beijing office account that skips Chinese holidays', () => {
    const silent = new Set(publicHolidays('CN', 2024).map((h) => h.date));
    const ts = beijingOffice('bj', silent);
    const fp = timeFingerprint(ts);
    assert.equal(fp.posts, ts.length);
    assert.equal(fp.histogramUtc.length, 168);
    assert.equal(
      fp.histogramUtc.reduce((s, v) => s + v, 0),
      ts.length,
    );
    // Weekdays 09:00–12:00 and 13:30–18:00 UTC+8 are 01:00–04:00 and 05:30–10:00 UTC of the same weekday.
    fp.histogramUtc.forEach((count, slot) => {
      const day = Math.floor(slot / 24);
      const hour = slot % 24;
      if (count > 0) assert.ok(day < 5 && hour >= 1 && hour <= 9 && hour !== 4, `slot ${slot}`);
    });
    assert.equal(fp.schedule.offsetMinutes, 480);
    assert.equal(fp.schedule.worksOfficeHours, true);
    assert.equal(fp.holidays?.country, 'CN');
    // With a confident schedule, local days follow the fitted offset.
    assert.equal(fp.holidays?.offsetMinutes, 480);
    assert.equal(fp.holidays?.activeHolidayDays, 0);
    assert.ok(fp.holidays?.holidays.some((h) => h.date === '2024-10-01' && h.names.includes('National Day')));
  });

  it('is JSON-serializable and independent of input order', () => {
    const ts = beijingOffice('order', new Set());
    const fp = timeFingerprint(ts);
    assert.deepEqual(JSON.parse(JSON.stringify(fp)), fp);
    const reversed = [...ts].reverse();
    assert.deepEqual(timeFingerprint(reversed), fp);
  });

  it('leaves holidays out below minPosts or with no countries, and gives round-the-clock posts no schedule', () => {
    const few = timeFingerprint(beijingOffice('few', new Set()).slice(0, 10));
    assert.equal(few.schedule.status, 'insufficient');
    assert.equal(few.holidays, null);
    const rng = seedrandom('uniform');
    const uniform = Array.from({ length: 400 }, () => Date.UTC(2024, 0, 1) + Math.floor(rng() * 366 * DAY));
    const fp = createTimeFingerprinter({ holidayCountries: [] })(uniform);
    assert.equal(fp.schedule.worksOfficeHours, false);
    assert.ok(fp.schedule.confidence < 0.2);
    assert.equal(fp.holidays, null);
  });

  it('validates options when the fingerprinter is built', () => {
    assert.throws(() => createTimeFingerprinter({ holidayCountries: ['ZZ'] }), ConfigError);
    assert.throws(() => createTimeFingerprinter({ schedule: { minPosts: 0 } }), ConfigError);
    assert.throws(() => createTimeFingerprinter({ minConfidenceForOffset: 2 }), ConfigError);
    assert.throws(() => timeFingerprint([Number.NaN]), { code: 'CONFIG_INVALID' });
  });
});
