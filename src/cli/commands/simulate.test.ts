import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { EXIT } from '../exit-codes.js';
import { formatScenarioList, runSimulateCommand } from './simulate.js';

/** Run the command with stdout/stderr captured. */
async function run(flags: Parameters<typeof runSimulateCommand>[0]) {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
  try {
    const code = await runSimulateCommand(flags);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

test('--list prints one line per standard scenario', async () => {
  const r = await run({ list: true });
  assert.equal(r.code, EXIT.ok);
  assert.equal(r.out, `${formatScenarioList()}\n`);
  assert.match(r.out, /^organic-only {2,}/);
  assert.equal(r.out.trim().split('\n').length, 13);
});

test('bad flags exit with the usage code and a message naming the flag', async () => {
  const cases: [Parameters<typeof runSimulateCommand>[0], RegExp][] = [
    [{ scenario: 'nope', out: 'x' }, /unknown scenario "nope"/],
    [{ scenario: 'mixed-small' }, /--out/],
    [{ out: 'x' }, /--scenario or --config/],
    [{ scenario: 'mixed-small', out: 'x', seed: '-1' }, /--seed/],
    [{ scenario: 'mixed-small', out: 'x', scale: '0' }, /--scale/],
    [{ scenario: 'mixed-small', out: 'x', format: 'xml' }, /--format/],
    [{ scenario: 'mixed-small', config: 'c.json', out: 'x' }, /not both/],
  ];
  for (const [flags, message] of cases) {
    const r = await run(flags);
    assert.equal(r.code, EXIT.usage, JSON.stringify(flags));
    assert.match(r.err, message);
  }
});

test('--config reads a JSON spec; the summary counts accounts, posts and campaigns', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-simcli-'));
  try {
    const config = join(dir, 'spec.json');
    await writeFile(
      config,
      JSON.stringify({
        name: 'tiny',
        days: 7,
        organic: { accounts: 50, bursts: 0, viralHashtags: 0 },
        campaigns: [{ tactics: ['copypasta'], accounts: 5 }],
      }),
    );
    const r = await run({ config, out: join(dir, 'out'), format: 'jsonl' });
    assert.equal(r.code, EXIT.ok, r.err);
    assert.match(r.out, /^simulated tiny \(seed 1\): 55 accounts \(5 in 1 campaigns\), [\d,]+ posts/);
    const truth = JSON.parse(await readFile(join(dir, 'out', 'truth.json'), 'utf8'));
    assert.equal(truth.campaigns[0].accounts.length, 5);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"name": "x", "organic": {"acounts": 5}}');
    const r2 = await run({ config: bad, out: join(dir, 'out2') });
    assert.equal(r2.code, EXIT.usage);
    assert.match(r2.err, /organic\.acounts/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
