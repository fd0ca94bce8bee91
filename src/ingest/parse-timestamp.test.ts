import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { EPOCH_THRESHOLDS, parseTimestamp } from './parse-timestamp.js';

// Expected instants computed with GNU `date -u -d '<ISO>' +%s` (× 1000).
const T_2021_06_01_10 = 1622541600000; // 2021-06-01T10:00:00Z

const ok = (value: unknown, tz?: string) => {
  const r = parseTimestamp(value, tz);
  assert.ok('tsMs' in r, `expected success for ${String(value)}, got ${JSON.stringify(r)}`);
  return r;
};
const fails = (value: unknown, tz?: string) => {
  const r = parseTimestamp(value, tz);
  assert.ok('error' in r, `expected an error for ${String(value)}, got ${JSON.stringify(r)}`);
  assert.ok(r.error.length > 0);
  return r.error;
};

describe('parseTimestamp: epoch numbers', () => {
  it('reads seconds, milliseconds, microseconds and nanoseconds by magnitude', () => {
    assert.deepEqual(ok(1623881091), { tsMs: 1623881091000, rule: 'epoch-seconds' });
    assert.deepEqual(ok(1623881091000), { tsMs: 1623881091000, rule: 'epoch-milliseconds' });
    assert.deepEqual(ok(1623881091000000), { tsMs: 1623881091000, rule: 'epoch-microseconds' });
    assert.deepEqual(ok(1623881091000000000), { tsMs: 1623881091000, rule: 'epoch-nanoseconds' });
  });
  it('reads numeric strings, bigints, fractions, signs and exponents', () => {
    assert.deepEqual(ok('1623881091'), { tsMs: 1623881091000, rule: 'epoch-seconds' });
    assert.deepEqual(ok(' 1623881091 '), { tsMs: 1623881091000, rule: 'epoch-seconds' });
    assert.deepEqual(ok(1623881091n), { tsMs: 1623881091000, rule: 'epoch-seconds' });
    assert.deepEqual(ok('1606451170.518101'), { tsMs: 1606451170518, rule: 'epoch-seconds' });
    assert.deepEqual(ok(1606451170.518606), { tsMs: 1606451170519, rule: 'epoch-seconds' });
    assert.deepEqual(ok('1.6e9'), { tsMs: 1600000000000, rule: 'epoch-seconds' });
    assert.deepEqual(ok('-5'), { tsMs: -5000, rule: 'epoch-seconds' });
    assert.deepEqual(ok(0), { tsMs: 0, rule: 'epoch-seconds' });
    assert.deepEqual(ok('59'), { tsMs: 59000, rule: 'epoch-seconds' });
  });
  it('switches unit exactly at the documented thresholds', () => {
    assert.deepEqual(EPOCH_THRESHOLDS, {
      seconds: 1e11,
      milliseconds: 1e14,
      microseconds: 1e17,
      nanoseconds: 1e20,
    });
    assert.deepEqual(ok(99999999999), { tsMs: 99999999999000, rule: 'epoch-seconds' });
    assert.deepEqual(ok(100000000000), { tsMs: 100000000000, rule: 'epoch-milliseconds' });
    assert.deepEqual(ok(100000000000000), { tsMs: 100000000000, rule: 'epoch-microseconds' });
    assert.deepEqual(ok(1e17), { tsMs: 100000000000, rule: 'epoch-nanoseconds' });
  });
  it('rejects non-finite and too large numbers', () => {
    fails(Number.NaN);
    fails(Number.POSITIVE_INFINITY);
    fails(1e20);
    fails('1e25');
  });
});

describe('parseTimestamp: ISO 8601 with a zone', () => {
  it('reads Z, ±HH:MM, ±HHMM, ±HH and UTC/GMT suffixes', () => {
    for (const s of [
      '2021-06-01T10:00:00Z',
      '2021-06-01T10:00:00.000Z',
      '2021-06-01t10:00:00z',
      '2021-06-01T12:00:00+02:00',
      '2021-06-01T12:00:00+0200',
      '2021-06-01 12:00:00+02',
      '2021-06-01T05:30:00-04:30',
      '2021-06-01 10:00:00 UTC',
      '2021-06-01 10:00:00 GMT',
      '2021-06-01 10:00:00+00',
      '2021-06-01 10:00Z',
    ]) {
      assert.deepEqual(ok(s), { tsMs: T_2021_06_01_10, rule: 'iso8601-offset' }, s);
    }
  });
  it('keeps milliseconds and rounds finer fractions', () => {
    assert.equal(ok('2021-06-01T10:00:00.123Z').tsMs, 1622541600123);
    assert.equal(ok('2021-06-01T10:00:00,5Z').tsMs, 1622541600500);
    assert.equal(ok('2021-06-01T10:00:00.1234567Z').tsMs, 1622541600123);
    assert.equal(ok('2021-06-01T10:00:00.9996Z').tsMs, 1622541601000);
    assert.ok(Number.isInteger(ok('2021-06-01T10:00:00.123456+00:00').tsMs));
  });
  it('ignores tz for values that carry their own zone', () => {
    assert.deepEqual(ok('2021-06-01T10:00:00Z', '+08:00'), { tsMs: T_2021_06_01_10, rule: 'iso8601-offset' });
  });
  it('rejects impossible offsets', () => {
    fails('2021-06-01T10:00:00+25:00');
    fails('2021-06-01T10:00:00+02:75');
  });
});

describe('parseTimestamp: naive ISO-like times', () => {
  it('reads naive times as UTC by default', () => {
    for (const s of [
      '2021-06-01 10:00',
      '2021-06-01 10:00:00',
      '2021-06-01T10:00:00',
      '2021/06/01 10:00:00',
      '2021-6-1 10:00',
    ]) {
      assert.deepEqual(ok(s), { tsMs: T_2021_06_01_10, rule: 'iso8601-naive-as-UTC' }, s);
    }
    assert.deepEqual(ok('2021-06-01'), { tsMs: 1622505600000, rule: 'iso8601-naive-as-UTC' });
    assert.deepEqual(ok('2021-06-01 10:00:00.25'), { tsMs: 1622541600250, rule: 'iso8601-naive-as-UTC' });
  });
  it('reads naive times in a fixed offset', () => {
    assert.deepEqual(ok('2021-06-01 12:00', '+02:00'), {
      tsMs: T_2021_06_01_10,
      rule: 'iso8601-naive-as-+02:00',
    });
    assert.deepEqual(ok('2021-06-01 18:00', '+0800'), {
      tsMs: T_2021_06_01_10,
      rule: 'iso8601-naive-as-+08:00',
    });
    assert.deepEqual(ok('2021-06-01 05:30', '-04:30'), {
      tsMs: T_2021_06_01_10,
      rule: 'iso8601-naive-as--04:30',
    });
    assert.deepEqual(ok('2021-06-01 10:00', 'UTC'), { tsMs: T_2021_06_01_10, rule: 'iso8601-naive-as-UTC' });
  });
  it('reads naive times in an IANA zone, DST-correct', () => {
    // Berlin: CEST (+02:00) in July, CET (+01:00) in January.
    assert.deepEqual(ok('2021-07-01 12:00', 'Europe/Berlin'), {
      tsMs: 1625133600000,
      rule: 'iso8601-naive-as-Europe/Berlin',
    });
    assert.equal(ok('2021-01-15 12:00', 'Europe/Berlin').tsMs, 1610708400000);
    // 2021-03-28 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00): moved forward, = 01:30Z.
    assert.equal(ok('2021-03-28 02:30', 'Europe/Berlin').tsMs, 1616895000000);
    // 2021-10-31 02:30 happens twice in Berlin: the earlier one (+02:00) = 00:30Z.
    assert.equal(ok('2021-10-31 02:30', 'Europe/Berlin').tsMs, 1635640200000);
    // 2021-03-14 02:30 does not exist in New York: read with EST (-05:00) = 07:30Z.
    assert.equal(ok('2021-03-14 02:30', 'America/New_York').tsMs, 1615707000000);
  });
  it('range-checks the fields, leap years included', () => {
    assert.equal(ok('2000-02-29 23:59:59').tsMs, 951868799000);
    assert.equal(ok('0050-01-01').tsMs, -60589296000000);
    for (const s of [
      '2021-02-29',
      '1900-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-06-31',
      '2021-06-00',
      '2021-06-01 24:00',
      '2021-06-01 10:60',
      '2021-06-01 10:00:60',
    ]) {
      fails(s);
    }
  });
  it('throws ConfigError for an unknown zone', () => {
    assert.throws(
      () => parseTimestamp('2021-06-01 10:00', 'Mars/Olympus'),
      (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID',
    );
  });
});

describe('parseTimestamp: RFC 2822', () => {
  it('reads the common forms', () => {
    assert.deepEqual(ok('Tue, 01 Jun 2021 10:00:00 +0200'), { tsMs: 1622534400000, rule: 'rfc2822' });
    assert.deepEqual(ok('01 Jun 2021 10:00 GMT'), { tsMs: T_2021_06_01_10, rule: 'rfc2822' });
    assert.deepEqual(ok('Tue, 1 Jun 2021 10:00:00 EST'), { tsMs: 1622559600000, rule: 'rfc2822' });
    assert.deepEqual(ok('Tue, 01 Jun 2021 10:00:00 +0000 (UTC)'), { tsMs: T_2021_06_01_10, rule: 'rfc2822' });
    assert.deepEqual(ok('tue, 01 jun 2021 10:00:00 z'), { tsMs: T_2021_06_01_10, rule: 'rfc2822' });
  });
  it('maps two-digit years 00-49 to 20xx and 50-99 to 19xx', () => {
    assert.equal(ok('Tue, 01 Jun 21 10:00:00 +0000').tsMs, T_2021_06_01_10);
    assert.equal(ok('Fri, 31 Dec 99 23:59:59 +0000').tsMs, 946684799000);
  });
  it('rejects a missing or military zone, a bad month and a bad day', () => {
    fails('Tue, 01 Jun 2021 10:00:00');
    fails('Tue, 01 Jun 2021 10:00:00 A');
    fails('Tue, 01 Foo 2021 10:00:00 +0000');
    fails('Tue, 31 Jun 2021 10:00:00 +0000');
  });
});

describe("parseTimestamp: X's created_at", () => {
  it('reads the v1.1 format with its offset', () => {
    assert.deepEqual(ok('Wed Oct 10 20:19:24 +0000 2018'), {
      tsMs: 1539202764000,
      rule: 'twitter-created-at',
    });
    assert.deepEqual(ok('Wed Oct 10 22:19:24 +0200 2018'), {
      tsMs: 1539202764000,
      rule: 'twitter-created-at',
    });
  });
  it('rejects bad months and days', () => {
    fails('Wed Foo 10 20:19:24 +0000 2018');
    fails('Wed Oct 32 20:19:24 +0000 2018');
  });
});

describe('parseTimestamp: other values', () => {
  it('reads Date objects', () => {
    assert.deepEqual(ok(new Date(T_2021_06_01_10)), { tsMs: T_2021_06_01_10, rule: 'date-value' });
    fails(new Date(Number.NaN));
  });
  it('rejects empty, ambiguous and non-date values with a reason', () => {
    for (const v of [
      undefined,
      null,
      '',
      '   ',
      'yesterday',
      '01/06/2021',
      '06/01/2021 10:00',
      'now',
      true,
      {},
      [],
      ['2021-06-01'],
    ]) {
      fails(v);
    }
    assert.match(fails('yesterday'), /ISO 8601/);
  });
});
