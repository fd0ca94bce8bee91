/**
 * End-to-end tests of the `chorus` command as a user runs it: record accounting and quarantine, a hand-computed
 * network on a small generic CSV with hostile content, partial failure and exit codes, byte-identical outputs,
 * and the accounting on the real German election sample checked against an independent count.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

import type { CoordinationNetwork } from '../../src/model/network.js';
import type { RunInfo } from '../../src/model/run-info.js';
import { DuckStore } from '../../src/store/duck-store.js';
import { ROOT, runCli } from './run-cli.js';

const MIXED = 'test/fixtures/e2e/mixed-bad.csv';
let tmp = '';
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'chorus-cli-'));
});
after(async () => rm(tmp, { recursive: true, force: true }));

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe('chorus detect on a small generic CSV with bad and hostile records', () => {
  let out = '';
  before(() => {
    out = join(tmp, 'mixed');
    // Fixed thresholds: this fixture checks hand-computed co-actions on two accounts, far too small a case for the
    // null model to call anything improbable (docs/methods.md §8.5).
    const run = runCli([
      'detect',
      MIXED,
      '--out',
      out,
      '--platform',
      'forum',
      '--min-coactions',
      '2',
      '--quiet',
    ]);
    assert.equal(run.status, 0, run.stderr);
  });

  it('reconciles records: 8 read = 5 accepted + 2 quarantined + 1 duplicate', async () => {
    const run = await readJson<RunInfo>(join(out, 'run.json'));
    const input = run.inputs[0]!;
    assert.equal(input.format, 'csv');
    assert.deepEqual([input.read, input.accepted, input.quarantined, input.duplicates], [8, 5, 2, 1]);
    assert.equal(input.sha256?.length, 64);
  });

  it('keeps the case in a DuckDB file: posts, accounts, quarantine, dictionaries, traces, runs', async () => {
    const store = await DuckStore.create(join(out, 'case.duckdb'));
    try {
      assert.equal(await store.scalar('SELECT count(*) FROM posts'), 5);
      assert.equal(await store.scalar('SELECT count(*) FROM quarantine'), 2);
      assert.equal(await store.scalar('SELECT count(*) FROM runs'), 1);
      // alice, bob, dave have accepted posts (carol's only post was quarantined).
      assert.equal(await store.scalar('SELECT count(*) FROM account_dict'), 3);
      // alice's two posts carry the same profile facts: the adapter emits them once.
      assert.equal(await store.scalar("SELECT count(*) FROM accounts WHERE handle = 'alice_1'"), 1);
      // p1, p2: url, domain, hashtag, text; p5, p6: the same four kinds; p7: url, domain, hashtag, text = 20.
      assert.equal(await store.scalar('SELECT count(*) FROM traces'), 20);
    } finally {
      store.close();
    }
  });

  it('writes quarantine.jsonl naming file, line and field of each bad record', async () => {
    const lines = (await readFile(join(out, 'quarantine.jsonl'), 'utf8')).trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { file: string; record: number; field: string });
    assert.deepEqual(
      entries.map((e) => [e.file, e.record, e.field]),
      [
        [MIXED, 4, 'ts'],
        [MIXED, 5, 'account'],
      ],
    );
  });

  it('finds alice and bob: 8 co-actions on 6 objects, Δt 20 s and 30 s (hand-computed)', async () => {
    const network = await readJson<CoordinationNetwork>(join(out, 'network.json'));
    assert.equal(network.edges.length, 1);
    const edge = network.edges[0]!;
    assert.deepEqual([edge.a, edge.b], ['forum:alice', 'forum:bob']);
    // 10:00 pair (Δt 20 s) and 11:00 pair (Δt 30 s), each on url, domain, hashtag and text.
    assert.equal(edge.coactions, 8);
    assert.equal(edge.objects, 6);
    assert.equal(edge.meanDtSeconds, 25);
    assert.equal(edge.medianDtSeconds, 25);
    const kinds = Object.fromEntries(edge.perKind.map((k) => [k.kind, [k.coactions, k.objects]]));
    assert.deepEqual(kinds, { domain: [2, 1], hashtag: [2, 1], text: [2, 2], url: [2, 2] });
    assert.equal(network.clusters.length, 1);
    assert.deepEqual(network.clusters[0]!.accounts, ['forum:alice', 'forum:bob']);
  });

  it('never writes attacker text as live HTML or as a CSV formula', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    assert.ok(!html.includes('<script>alert(1)</script>'), 'post text must be escaped');
    assert.ok(
      html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
      'the escaped text is shown as evidence',
    );
    // The only live links are Chorus's own: the DISARM technique pages of the score reasons.
    const links = [...html.matchAll(/\s(?:src|href)\s*=\s*["']?(https?:[^"'\s>]*)/gi)].map((m) => m[1]!);
    assert.ok(
      links.every((url) =>
        url.startsWith('https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/'),
      ),
      `no live links to attacker URLs: ${links.join(' ')}`,
    );
    for (const name of ['clusters.csv', 'accounts.csv', 'edges.csv']) {
      const parsed = Papa.parse<string[]>(await readFile(join(out, name), 'utf8'), { skipEmptyLines: true });
      for (const cell of parsed.data.flat())
        assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^-?\d/.test(cell), `${name}: ${cell}`);
    }
    const accounts = await readFile(join(out, 'accounts.csv'), 'utf8');
    assert.ok(accounts.includes("'=cmd|"), 'the hostile handle is kept, neutralised with a leading quote');
  });

  it('writes byte-identical outputs on a second run (all but run.json and the case database)', async () => {
    const again = join(tmp, 'mixed-again');
    const run = runCli([
      'detect',
      MIXED,
      '--out',
      again,
      '--platform',
      'forum',
      '--min-coactions',
      '2',
      '--quiet',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const files = (await readdir(out)).filter((f) => f !== 'run.json' && !f.startsWith('case.duckdb')).sort();
    assert.ok(
      files.includes('report.html') && files.includes('network.gexf') && files.includes('network.graphml'),
    );
    for (const file of files) {
      assert.ok(
        (await readFile(join(out, file))).equals(await readFile(join(again, file))),
        `${file} differs`,
      );
    }
  });
});

describe('chorus detect exit codes', () => {
  it('goes on past a missing file, names it, and exits 4 (partial input)', async () => {
    const out = join(tmp, 'partial');
    const run = runCli(['detect', 'no/such/file.csv', MIXED, '--out', out, '--quiet']);
    assert.equal(run.status, 4);
    assert.match(run.stderr, /no\/such\/file\.csv/);
    const info = await readJson<RunInfo>(join(out, 'run.json'));
    assert.ok(info.inputs[0]!.error);
    assert.equal(info.inputs[1]!.accepted, 5);
  });

  it('exits 3 when no input can be read, and 2 on a bad option', () => {
    assert.equal(runCli(['detect', 'no/such/file.csv', '--out', join(tmp, 'none'), '--quiet']).status, 3);
    assert.equal(runCli(['detect', MIXED, '--window', 'soon', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--format', 'myspace', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--memory-limit', 'lots', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--tz', 'Mars/Olympus', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--fpr', '0', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--fpr', '0.1%', '--out', join(tmp, 'bad')]).status, 2);
    assert.equal(runCli(['detect', MIXED, '--correction', 'holm', '--out', join(tmp, 'bad')]).status, 2);
    const auto = runCli(['detect', MIXED, '--window', 'auto,share=10s', '--out', join(tmp, 'bad')]);
    assert.equal(auto.status, 2);
    assert.match(auto.stderr, /"auto" stands alone/);
    const mixed = runCli([
      'detect',
      MIXED,
      '--fpr',
      '0.01',
      '--percentile',
      '0.5',
      '--out',
      join(tmp, 'bad'),
    ]);
    assert.equal(mixed.status, 2);
    assert.match(mixed.stderr, /choose one edge filter/);
  });
});

describe('chorus detect on the real German election sample (Facebook + Twitter)', () => {
  let out = '';
  before(() => {
    out = join(tmp, 'german');
    const run = runCli(['detect', 'data/coortweet/german_elections.csv.gz', '--out', out, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
  });

  it('accounts for every row: counts equal an independent count of the raw file', async () => {
    // Reference: rows with an empty post_id are unusable; the rest de-duplicate as exact lines.
    const lines = gunzipSync(await readFile(join(ROOT, 'data/coortweet/german_elections.csv.gz')))
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1);
    const bad = lines.filter((line) => line.split(',')[1] === '');
    const distinct = new Set(lines.filter((line) => line.split(',')[1] !== ''));
    const info = await readJson<RunInfo>(join(out, 'run.json'));
    const input = info.inputs[0]!;
    assert.equal(input.format, 'coortweet-long');
    assert.equal(input.read, lines.length);
    assert.equal(input.quarantined, bad.length);
    assert.equal(input.accepted, distinct.size);
    assert.equal(input.duplicates, lines.length - bad.length - distinct.size);
  });

  it('finds significant clusters on Facebook and on Twitter, with evidence posts and scores', async () => {
    const network = await readJson<CoordinationNetwork>(join(out, 'network.json'));
    assert.ok(network.clusters.length > 0);
    assert.ok(network.clusters.some((c) => c.platforms.includes('facebook')));
    assert.ok(network.clusters.some((c) => c.platforms.includes('twitter')));
    assert.ok(network.edges.every((e) => e.log10PValue !== undefined));
    const scores = await readJson<{ clusters: { cluster: string; score: number }[] }>(
      join(out, 'scores.json'),
    );
    assert.deepEqual(
      scores.clusters.map((c) => c.cluster),
      network.clusters.map((c) => c.id),
    );
    assert.ok(scores.clusters.every((c) => c.score > 0 && c.score < 1));
    for (const cluster of network.clusters.slice(0, 10))
      assert.ok(cluster.evidencePosts.length > 0, cluster.id);
  });
});
