import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { InputError } from '../errors.js';
import type { SeedFile } from './read-seeds.js';
import { parseSeeds, readSeeds } from './read-seeds.js';

const dir = fileURLToPath(new URL('../../test/fixtures/seeds/', import.meta.url));
const SPAMOUFLAGE = `${dir}Q2_2023_Spamouflage_China_based_CIB_updated.csv`;
const DOPPELGANGER = `${dir}Q2_2023_Doppelganger_Russia_based_CIB_network_updated.csv`;
const LEGACY = `${dir}2022_09_removing_coordinated_inauthentic_behavior_from_china_and_russia.csv`;
const CHINA_Q3 = `${dir}Q3_2023_China-based_CIB_network_2.csv`;

/** Data lines of a raw file by a plain line scan (these files have no line breaks inside cells). */
function dataLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(1);
}
const count = (lines: readonly string[], pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;
const skippedTotal = (r: SeedFile) => Object.values(r.rows.skipped).reduce((s, n) => s + n, 0);
const atRow = (r: SeedFile, row: number) => r.seeds.filter((s) => s.source.row === row);

describe('readSeeds on the real Meta files, as published', () => {
  it('Spamouflage Q2 2023: every row accounted for', async () => {
    const r = await readSeeds(SPAMOUFLAGE);
    const lines = dataLines(SPAMOUFLAGE);
    assert.equal(r.format, 'killchain');
    assert.equal(r.rows.read, lines.length);
    assert.equal(r.rows.read, 529);
    assert.equal(r.rows.read, r.rows.accepted + skippedTotal(r));
    assert.equal(r.seeds.length, r.rows.accepted);
    // Rows holding a (defanged) URL give a seed or are repeats of an earlier one.
    assert.equal(r.rows.accepted + (r.rows.skipped.duplicate ?? 0), count(lines, /https?:\/\/|\[\.\]/));
    assert.equal(r.rows.skipped['blank-row'], count(lines, /^,*$/));
    // "7,704 Facebook accounts", "954 Facebook Pages", "15 Facebook Groups", "15 Instagram accounts".
    assert.equal(r.rows.skipped['summary-count'], count(lines, /^[^,]*,[^,]*,[^,]*,"?\d[\d,]* [A-Z]/));
    assert.equal(r.rows.skipped['summary-count'], 4);
    // Blog post titles (6.1.3) and the repurposing description (0.9.9) are text, not indicators.
    assert.equal(
      (r.rows.skipped['free-text'] ?? 0) + (r.rows.skipped['not-an-indicator'] ?? 0),
      count(lines, /,(6\.1\.3|0\.9\.9) /),
    );
  });

  it('Spamouflage: rows map as hand-checked', async () => {
    const r = await readSeeds(SPAMOUFLAGE);
    assert.deepEqual(atRow(r, 2), [], '"7,704 Facebook accounts" is a count');
    // Row 6: https://twitter[.]com/GarciaJasmyn1/
    assert.deepEqual(atRow(r, 6), [
      {
        kind: 'account',
        value: 'twitter:garciajasmyn1',
        platform: 'twitter',
        url: 'https://twitter.com/GarciaJasmyn1/',
        domain: 'twitter.com',
        handle: 'GarciaJasmyn1',
        source: { file: SPAMOUFLAGE, row: 6 },
        ttp: { id: '0.9.4', name: 'Acquiring X / Twitter accounts' },
      },
    ]);
    // Row 41: https://www[.]tiktok[.]com/@deandrela3
    assert.equal(atRow(r, 41)[0]!.value, 'tiktok:deandrela3');
    // Row 84: https://h18749598186[.]medium[.]com/ (a Medium subdomain profile)
    assert.deepEqual(
      [atRow(r, 84)[0]!.value, atRow(r, 84)[0]!.handle],
      ['medium:h18749598186', 'h18749598186'],
    );
    // Row 113: https://www[.]reddit[.]com/user/TerribleEar3999/
    assert.equal(atRow(r, 113)[0]!.value, 'reddit:terribleear3999');
    // Row 205: a URL followed by " [comment]"
    const row205 = atRow(r, 205)[0]!;
    assert.equal(row205.kind, 'url');
    assert.equal(
      row205.value,
      'https://www.indiatimes.com/explainers/news/victory-day-in-russia-its-significance-this-may-9-569022.html',
    );
    assert.equal(row205.note, 'comment');
    assert.deepEqual(atRow(r, 257), [], 'the blank row');
    assert.deepEqual(atRow(r, 258), [], 'a blog post title');
  });

  it('Doppelganger Q2 2023: every row accounted for, rows map as hand-checked', async () => {
    const r = await readSeeds(DOPPELGANGER);
    const lines = dataLines(DOPPELGANGER);
    assert.equal(r.rows.read, lines.length);
    assert.equal(r.rows.read, 6497);
    assert.equal(r.rows.read, r.rows.accepted + skippedTotal(r));
    assert.equal(r.rows.skipped['blank-row'], count(lines, /^,*$/));
    assert.equal(r.rows.skipped['empty-indicator'], count(lines, /^[^,]+,[^,]+,[^,]+,,/));
    assert.equal(
      r.rows.accepted + (r.rows.skipped.duplicate ?? 0),
      lines.length - count(lines, /^,*$/) - count(lines, /^[^,]+,[^,]+,[^,]+,,/),
    );
    assert.deepEqual(atRow(r, 2), [
      {
        kind: 'domain',
        value: 'artichoc.cc',
        domain: 'artichoc.cc',
        source: { file: DOPPELGANGER, row: 2 },
        ttp: { id: '0.6.2', name: 'Acquiring domains to support influence operations' },
        note: 'Domains spoofing news or government sites Registration date: 9/5/2024, Country likely targeted: France',
      },
    ]);
    // Row 89: "jiraboom[.]pro (Hosted a spoof of Der Spiegel)"
    const row89 = atRow(r, 89)[0]!;
    assert.equal(row89.value, 'jiraboom.pro');
    assert.match(row89.note!, /Country likely targeted: Germany Hosted a spoof of Der Spiegel$/);
    // Row 245: http://ca.pinterest.com/franolcadriw (not defanged in the source)
    assert.equal(atRow(r, 245)[0]!.value, 'pinterest:franolcadriw');
    assert.equal(atRow(r, 245)[0]!.ttp?.id, '7.5.1');
  });

  it('the legacy shape: URL and domain types read, every row accounted for', async () => {
    const r = await readSeeds(LEGACY);
    const lines = dataLines(LEGACY);
    assert.equal(r.format, 'legacy');
    assert.equal(r.rows.read, lines.length);
    assert.equal(r.rows.read, r.rows.accepted + skippedTotal(r));
    assert.equal(
      r.seeds.filter((s) => s.kind === 'domain').length + (r.rows.skipped.duplicate ?? 0),
      count(lines, /^domain_name,/),
    );
    assert.deepEqual(atRow(r, 317)[0], {
      kind: 'account',
      value: 'telegram:via_napoli',
      platform: 'telegram',
      url: 'https://t.me/via_napoli',
      domain: 't.me',
      handle: 'via_napoli',
      source: { file: LEGACY, row: 317 },
      note: 'CIB Telegram URL',
    });
    // Row 2: cib_url https://www.petice[.]com/poadavek_…
    assert.equal(atRow(r, 2)[0]!.domain, 'petice.com');
  });

  it('a file without a note column and a misspelt tactic', async () => {
    const r = await readSeeds(CHINA_Q3);
    assert.equal(r.rows.read, dataLines(CHINA_Q3).length);
    assert.equal(r.rows.read, r.rows.accepted + skippedTotal(r));
    assert.deepEqual(atRow(r, 2), [], '"4,789 accounts"');
    assert.equal(r.rows.skipped['summary-count'], 1);
    assert.equal(atRow(r, 3)[0]!.value, 'twitter:boltinmich2800');
    assert.equal(atRow(r, 3)[0]!.note, undefined);
  });
});

describe('parseSeeds on header variants and odd rows', () => {
  it('reads a TSV with a BOM, CRLF, padded headers, Notes, an @handle and defanged schemes', () => {
    const text =
      '\uFEFFTactic \tTechnique \tProcedure\t Indicator \tNotes\r\n' +
      '0. Acquiring assets\t0.9 Acquiring social media accounts\t0.9.4 Acquiring X / Twitter accounts\thxxps://twitter[.]com/Bob_1\tnote 1\r\n' +
      '\t\t\t\t\r\n' +
      '0. Acquiring assets\t0.9 x\t0.9.6 Acquiring TikTok accounts\t@Carol\t\r\n' +
      '9. Enabling longevity\t9.5 x\t9.5.3 Using redirect domains\tEVIL[.]Example\t\r\n';
    const r = parseSeeds(text, 'x.tsv');
    assert.deepEqual(r.rows, { read: 4, accepted: 3, skipped: { 'blank-row': 1 } });
    assert.deepEqual(
      r.seeds.map((s) => [s.kind, s.value, s.source.row, s.ttp?.id, s.note]),
      [
        ['account', 'twitter:bob_1', 2, '0.9.4', 'note 1'],
        ['account', 'tiktok:carol', 4, '0.9.6', undefined],
        ['domain', 'evil.example', 5, '9.5.3', undefined],
      ],
    );
  });

  it('skips unsupported legacy types and repeats, with reasons', () => {
    const text =
      'indicator_type,indicator_value,comment,ds\n' +
      'md5,d41d8cd98f00b204e9800998ecf8427e,hash,2022-01-01\n' +
      'domain_name,a.example,,2022-01-01\n' +
      'domain_name,A.EXAMPLE,,2022-01-01\n' +
      'cib_url,not a url,,2022-01-01\n';
    const r = parseSeeds(text, 'legacy.csv');
    assert.deepEqual(r.rows, {
      read: 4,
      accepted: 1,
      skipped: { 'unsupported-type:md5': 1, duplicate: 1, 'free-text': 1 },
    });
  });

  it('reads STIX 2.1 observables and indicator patterns', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1',
      objects: [
        { type: 'identity', id: 'identity--1', name: 'Org' },
        { type: 'url', id: 'url--1', value: 'hxxps://evil[.]example/a?utm_source=x' },
        { type: 'domain-name', id: 'domain-name--1', value: 'Bad.Example' },
        {
          type: 'user-account',
          id: 'user-account--1',
          account_type: 'twitter',
          account_login: '@Dave',
          user_id: '42',
        },
        {
          type: 'indicator',
          id: 'indicator--1',
          name: 'two links',
          pattern_type: 'stix',
          pattern: "[url:value = 'https://x.example/it\\'s'] OR [domain-name:value = 'y.example']",
        },
        { type: 'indicator', id: 'indicator--2', pattern_type: 'yara', pattern: 'rule x {}' },
        { type: 'user-account', id: 'user-account--2', user_id: '7' },
      ],
    };
    const r = parseSeeds(JSON.stringify(bundle), 'b.json');
    assert.equal(r.format, 'stix');
    assert.deepEqual(r.rows, {
      read: 7,
      accepted: 4,
      skipped: { 'stix-other:identity': 1, 'indicator-pattern-not-stix': 1, 'account-without-platform': 1 },
    });
    assert.deepEqual(
      r.seeds.map((s) => [s.kind, s.value, s.source.row]),
      [
        ['url', 'https://evil.example/a', 2],
        ['domain', 'bad.example', 3],
        ['account', 'twitter:dave', 4],
        ['url', "https://x.example/it's", 5],
        ['domain', 'y.example', 5],
      ],
    );
    assert.equal(r.seeds[2]!.accountId, '42');
    assert.equal(r.seeds[3]!.note, 'two links');
  });

  it('rejects what is not a seed file', async () => {
    assert.throws(
      () => parseSeeds('{"type":"report"}', 'r.json'),
      (e: InputError) => e.code === 'INPUT_FORMAT_UNKNOWN',
    );
    assert.throws(() => parseSeeds('a,b\n1,2\n', 't.csv'), /no Indicator/);
    await assert.rejects(readSeeds(`${dir}missing.csv`), (e: InputError) => e.code === 'INPUT_UNREADABLE');
  });
});
