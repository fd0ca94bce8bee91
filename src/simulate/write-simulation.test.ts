import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { parseList } from '../ingest/parse-list.js';
import { resolveColumns } from '../ingest/resolve-columns.js';
import { GROUND_TRUTH_SCHEMA } from '../model/ground-truth.js';
import { detect } from '../pipeline/detect.js';
import { simulateScenario } from './simulate-scenario.js';
import { csvCell, formatPostsJsonl, SIMULATION_COLUMNS, writeSimulation } from './write-simulation.js';

test('csvCell: RFC 4180 quoting, lists space-separated, null empty', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(['a', 'b']), 'a b');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(12), '12');
});

test('every column maps onto the intended canonical field', () => {
  const { columns } = resolveColumns(SIMULATION_COLUMNS);
  assert.deepEqual(columns, {
    id: 'id',
    account: 'account',
    ts: 'ts',
    text: 'text',
    platform: 'platform',
    kind: 'kind',
    parent: 'parent',
    parent_account: 'parent_account',
    reply_to: 'reply_to',
    urls: 'urls',
    hashtags: 'hashtags',
    mentions: 'mentions',
    media: 'media',
    handle: 'handle',
    name: 'name',
    created_at: 'account_created_at',
    followers: 'followers',
    following: 'following',
    profile_image: 'profile_image',
  });
  assert.deepEqual(parseList(csvCell(['tag1', 'tag2']), '#'), ['tag1', 'tag2']);
});

test('mixed-small end to end: posts.csv + truth.json, read by detect with nothing quarantined', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-sim-'));
  try {
    const sim = simulateScenario('mixed-small');
    const { postsPath, truthPath } = await writeSimulation(dir, sim);
    const truth = JSON.parse(await readFile(truthPath, 'utf8'));
    assert.equal(truth.schema, GROUND_TRUTH_SCHEMA);
    assert.deepEqual(truth, sim.truth);
    const header = (await readFile(postsPath, 'utf8')).split('\n', 1)[0];
    assert.equal(header, SIMULATION_COLUMNS.join(','));
    const result = await detect([postsPath], { db: ':memory:' });
    const input = result.run.inputs[0]!;
    assert.equal(input.format, 'csv');
    assert.equal(input.read, sim.posts.length);
    assert.equal(input.quarantined, 0);
    assert.equal(result.run.totals.accounts, truth.accounts.length);
    const keys = new Set(result.network.accounts.map((a: { key: string }) => a.key));
    for (const key of keys) assert.ok(truth.accounts.some((a: { key: string }) => a.key === key));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('jsonl: one object per post with every column; lists as arrays', () => {
  const sim = simulateScenario({ name: 'tiny', organic: { accounts: 20, bursts: 0, viralHashtags: 0 } });
  const lines = formatPostsJsonl(sim).trim().split('\n');
  assert.equal(lines.length, sim.posts.length);
  const first = JSON.parse(lines[0]!);
  assert.deepEqual(Object.keys(first), [...SIMULATION_COLUMNS]);
  assert.ok(Array.isArray(first.urls) && Array.isArray(first.media));
  assert.match(first.ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
});
