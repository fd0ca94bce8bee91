/**
 * End to end on real data: `chorus detect --compat coortweet` on CooRTweet's Russian co-retweet sample (through the
 * real ingest, de-duplication and encoding) reproduces CooRTweet 2.1.3's own `detect_groups` pairs and
 * `generate_coordinated_network` edges row for row, at W = 10 s and W = 60 s. Oracle: test/fixtures/coortweet
 * (produced by the R package itself; see SOURCE.md there).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

import { ROOT, runCli } from './run-cli.js';

type Row = Record<string, string>;

function parse(text: string): Row[] {
  const parsed = Papa.parse<Row>(text.trim(), { header: true });
  assert.deepEqual(parsed.errors, []);
  return parsed.data;
}

async function oracle(name: string): Promise<Row[]> {
  return parse(
    gunzipSync(await readFile(join(ROOT, 'test/fixtures/coortweet', `${name}.csv.gz`))).toString('utf8'),
  );
}

/** Rows as sorted canonical strings; numbers compared as numbers (rounded to 1e-9). */
function canon(rows: Row[], numeric: readonly string[]): string[] {
  return rows
    .map((row) =>
      Object.keys(row)
        .sort()
        .map((key) =>
          numeric.includes(key) ? `${key}=${Number(Number(row[key]).toFixed(9))}` : `${key}=${row[key]}`,
        )
        .join('|'),
    )
    .sort();
}

for (const windowSeconds of [10, 60]) {
  describe(`chorus detect --compat coortweet at W = ${windowSeconds} s on russian_coord_tweets`, () => {
    let out = '';
    before(async () => {
      out = await mkdtemp(join(tmpdir(), 'chorus-coortweet-'));
      const run = runCli([
        'detect',
        'data/coortweet/russian_coord_tweets.csv.gz',
        '--out',
        out,
        '--window',
        `share=${windowSeconds}s`,
        '--compat',
        'coortweet',
        '--percentile',
        '0.5',
        '--quiet',
      ]);
      assert.equal(run.status, 0, run.stderr);
    });
    after(async () => rm(out, { recursive: true, force: true }));

    it('writes the same coordinated share pairs as CooRTweet detect_groups', async () => {
      const ours = parse(await readFile(join(out, 'coortweet_groups.csv'), 'utf8'));
      const expected = await oracle(`russian_detect_groups_w${windowSeconds}`);
      assert.equal(ours.length, windowSeconds === 10 ? 447 : 3791);
      assert.deepEqual(canon(ours, ['time_delta']), canon(expected, ['time_delta']));
    });

    it('writes the same network as CooRTweet generate_coordinated_network (edge_weight 0.5)', async () => {
      const ours = parse(await readFile(join(out, 'coortweet_network.csv'), 'utf8'));
      const expected = await oracle(`russian_network_w${windowSeconds}_full`);
      const numeric = [
        'weight',
        'avg_time_delta',
        'n_content_id',
        'n_content_id_y',
        'edge_symmetry_score',
        'weight_threshold',
      ];
      assert.equal(ours.length, windowSeconds === 10 ? 442 : 3721);
      assert.deepEqual(canon(ours, numeric), canon(expected, numeric));
      const above = ours.filter((row) => row.weight_threshold === '1').length;
      assert.equal(above, windowSeconds === 10 ? 4 : 60);
    });
  });
}
