/**
 * `chorus detect --seeds` end to end: the real Spamouflage indicator file of Meta's threat-research repository
 * (test/fixtures/seeds, MIT) as published, against a small case where one account has a seeded handle and two others
 * co-retweet with it; one more account shares a seeded URL. Expected matches and ranking are set by construction.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import type { SeedReport } from '../../src/model/seed.js';
import { runCli } from './run-cli.js';

const SEEDS = 'test/fixtures/seeds/Q2_2023_Spamouflage_China_based_CIB_updated.csv';
const dir = await mkdtemp(join(tmpdir(), 'chorus-seeds-'));
after(() => rm(dir, { recursive: true, force: true }));

/** One seeded account (handle GarciaJasmyn1, row 6 of the file) and two accounts retweeting with it. */
function caseCsv(): string {
  const lines = ['platform,id,account,handle,ts,kind,parent,parent_account,text,urls'];
  const t0 = Date.UTC(2023, 4, 1, 9);
  let id = 0;
  const row = (
    account: string,
    handle: string,
    tsMs: number,
    kind: string,
    parent: string,
    text: string,
    urls = '',
  ) =>
    lines.push(
      `twitter,${++id},${account},${handle},${new Date(tsMs).toISOString()},${kind},${parent},${parent ? 'src' : ''},${text},${urls}`,
    );
  for (let k = 0; k < 12; k++) {
    const t = t0 + k * 3_600_000;
    row('src', 'source', t - 600_000, 'post', '', `original message number ${k} about the news`);
    row('a1', 'GarciaJasmyn1', t, 'share', `s${k}`, '');
    row('b2', 'helper_b', t + 5_000, 'share', `s${k}`, '');
    row('c3', 'helper_c', t + 9_000, 'share', `s${k}`, '');
  }
  // Organic background: 40 accounts posting their own text at scattered times.
  for (let a = 0; a < 40; a++)
    for (let k = 0; k < 5; k++)
      row(`o${a}`, `organic${a}`, t0 + (a * 5 + k) * 1_800_000, 'post', '', `my own words ${a} ${k} today`);
  row('e5', 'reader_e', t0 + 123_000, 'post', '', 'look at this', 'https://www.reddit.com/r/meiguominzhu/');
  return `${lines.join('\n')}\n`;
}

test('seeds from the published Spamouflage file match the case and expand to the co-retweeting accounts', async () => {
  const input = join(dir, 'case.csv');
  await writeFile(input, caseCsv(), 'utf8');
  const out = join(dir, 'out');
  const run = runCli(['detect', input, '--out', out, '--seeds', SEEDS, '--quiet']);
  assert.equal(run.status, 0, run.stderr);
  const seeds = JSON.parse(await readFile(join(out, 'seeds.json'), 'utf8')) as SeedReport;
  assert.equal(seeds.files[0]!.counts.read, 529);
  assert.deepEqual(
    seeds.matched.map((m) => [m.kind, m.value, m.source.row, m.accounts]),
    [
      ['account', 'twitter:garciajasmyn1', 6, ['twitter:a1']],
      ['url', 'https://www.reddit.com/r/meiguominzhu/', 135, ['twitter:e5']],
    ],
  );
  assert.deepEqual(seeds.accounts, ['twitter:a1', 'twitter:e5']);
  // b2 and c3 co-retweeted 12 posts with a1 within 5–9 s: the two strongest expansions, via a1.
  assert.deepEqual(
    seeds.expansion.slice(0, 2).map((x) => [x.key, x.via]),
    [
      ['twitter:b2', ['twitter:a1']],
      ['twitter:c3', ['twitter:a1']],
    ],
  );
  assert.ok(seeds.expansion[0]!.log10PValue < -5);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  assert.ok(html.includes('<section id="seeds">'));
});

test('a seed file that cannot be read is a usage error naming it, before any input is read', async () => {
  const out = join(dir, 'bad');
  const run = runCli([
    'detect',
    'test/fixtures/ingest/generic.csv',
    '--out',
    out,
    '--seeds',
    join(dir, 'none.csv'),
  ]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--seeds: .*none\.csv/);
  await assert.rejects(readFile(join(out, 'case.duckdb')), { code: 'ENOENT' });
});
