/**
 * `chorus evaluate` end to end through src/cli/main.ts (run from source with tsx, like test/e2e/run-cli.ts runs
 * the built binary): outputs, exit codes and error messages.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chorusFromSource } from '../../../test/helpers/run-cli-source.js';

const chorus = chorusFromSource;

const dir = await mkdtemp(join(tmpdir(), 'chorus-evaluate-cli-'));
after(() => rm(dir, { recursive: true, force: true }));

const truthFile = join(dir, 'truth.json');
await writeFile(
  truthFile,
  JSON.stringify({
    schema: 'chorus-truth/1',
    scenario: 'cli-fixture',
    seed: 1,
    generator: 'hand',
    startMs: 0,
    endMs: 1,
    platforms: ['x'],
    campaigns: [
      {
        id: 'K01',
        tactics: ['link-flood'],
        difficulty: 'easy',
        accounts: ['x:1', 'x:2', 'x:3'],
        platforms: ['x'],
        description: 'd',
      },
    ],
    accounts: [
      { key: 'x:1', campaign: 'K01' },
      { key: 'x:2', campaign: 'K01' },
      { key: 'x:3', campaign: 'K01' },
      { key: 'x:4', campaign: null },
      { key: 'x:5', campaign: null },
    ],
  }),
);
// One cluster: two of three members and one organic account.
await writeFile(
  join(dir, 'network.json'),
  JSON.stringify({ accounts: [], clusters: [{ id: 'C0001', accounts: ['x:1', 'x:2', 'x:4'] }], edges: [] }),
);

test('prints the table and writes evaluation.json and evaluation.md', async () => {
  const run = chorus(['evaluate', '--truth', truthFile, dir]);
  assert.equal(run.status, 0, run.stderr);
  // TP 2, FP 1, FN 1, TN 1: precision 2/3, recall 2/3, F1 2/3; organic FPR 1/2.
  assert.match(
    run.stdout,
    /^\| all accounts \| 0\.667 \| 0\.667 \| 0\.667 \| TP 2 · FP 1 · FN 1 · TN 1 \|$/m,
  );
  assert.match(run.stdout, /^\| tactic link-flood \| 0\.667 \| 0\.667 \| 0\.667 \|/m);
  const md = await readFile(join(dir, 'evaluation.md'), 'utf8');
  assert.equal(md, run.stdout);
  const evaluation = JSON.parse(await readFile(join(dir, 'evaluation.json'), 'utf8'));
  assert.equal(evaluation.scenario, 'cli-fixture');
  assert.equal(evaluation.organicFalsePositiveRate, 0.5);
  // J(K01, C0001) = 2 / (3 + 3 − 2) = 0.5: found (≥ 0.5).
  assert.equal(evaluation.perCampaign[0].jaccard, 0.5);
  assert.equal(evaluation.cluster.foundCampaigns, 1);
});

test('--json prints the evaluation JSON; --quiet prints nothing', async () => {
  const run = chorus(['evaluate', '--truth', truthFile, dir, '--json']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, await readFile(join(dir, 'evaluation.json'), 'utf8'));
  assert.deepEqual(JSON.parse(run.stdout).account, {
    tp: 2,
    fp: 1,
    fn: 1,
    tn: 1,
    precision: 2 / 3,
    recall: 2 / 3,
    f1: 2 / 3,
  });
  const quiet = chorus(['evaluate', '--quiet', '--truth', truthFile, dir]);
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stdout, '');
});

test('usage errors exit 2; unreadable truth or detection exits 3', async () => {
  assert.equal(chorus(['evaluate', dir]).status, 2);
  const noTruth = chorus(['evaluate', '--truth', join(dir, 'nope.json'), dir]);
  assert.equal(noTruth.status, 3);
  assert.match(noTruth.stderr, /^chorus: .*nope\.json: cannot read the ground truth/);
  const badName = join(dir, 'bad\u001b[2J.json');
  await writeFile(badName, JSON.stringify({ schema: 'chorus-truth/0' }));
  const bad = chorus(['evaluate', '--truth', badName, dir]);
  assert.equal(bad.status, 3);
  assert.match(bad.stderr, /bad⟦U\+001B⟧\[2J\.json: invalid ground truth at \$\.schema: /);
  const empty = await mkdtemp(join(dir, 'no-network-'));
  const noNetwork = chorus(['evaluate', '--truth', truthFile, empty]);
  assert.equal(noNetwork.status, 3);
  assert.match(noNetwork.stderr, /network\.json: missing/);
});

test('a detection of other data exits 3 and writes nothing; a partial mismatch warns', async () => {
  const other = await mkdtemp(join(dir, 'other-'));
  await writeFile(
    join(other, 'network.json'),
    JSON.stringify({ accounts: [], clusters: [{ id: 'C0001', accounts: ['y:8', 'y:9'] }], edges: [] }),
  );
  const result = chorus(['evaluate', '--truth', truthFile, other]);
  assert.equal(result.status, 3);
  assert.match(
    result.stderr,
    /none of the 2 clustered accounts .* is in .*truth\.json \(scenario "cli-fixture"\)/,
  );
  await assert.rejects(readFile(join(other, 'evaluation.json')), { code: 'ENOENT' });
  const partial = await mkdtemp(join(dir, 'partial-'));
  await writeFile(
    join(partial, 'network.json'),
    JSON.stringify({ accounts: [], clusters: [{ id: 'C0001', accounts: ['x:1', 'x:2', 'y:9'] }], edges: [] }),
  );
  const warned = chorus(['evaluate', '--truth', truthFile, partial]);
  assert.equal(warned.status, 0);
  assert.match(warned.stderr, /warning: 1 clustered accounts are not in/);
});

test('a detection that saw far fewer accounts than the truth lists is refused, even with no cluster', async () => {
  const empty = await mkdtemp(join(dir, 'empty-case-'));
  await writeFile(join(empty, 'network.json'), JSON.stringify({ accounts: [], clusters: [], edges: [] }));
  await writeFile(join(empty, 'run.json'), JSON.stringify({ totals: { accounts: 2 } }));
  const result = chorus(['evaluate', '--truth', truthFile, empty]);
  assert.equal(result.status, 3);
  assert.match(
    result.stderr,
    /run\.json counts 2 accounts, .*truth\.json lists 5: the detection is of other data/,
  );
  await assert.rejects(readFile(join(empty, 'evaluation.json')), { code: 'ENOENT' });
});
