import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../errors.js';
import { parseGroundTruth, readGroundTruth } from './read-ground-truth.js';

const dir = await mkdtemp(join(tmpdir(), 'chorus-truth-'));
after(() => rm(dir, { recursive: true, force: true }));

function valid(): Record<string, unknown> {
  return {
    schema: 'chorus-truth/1',
    scenario: 'copypasta-standard',
    seed: 42,
    generator: 'chorus simulate 0.1.0',
    startMs: 0,
    endMs: 86_400_000,
    platforms: ['x'],
    campaigns: [
      {
        id: 'K01',
        tactics: ['copypasta', 'batch-accounts'],
        difficulty: 'standard',
        accounts: ['x:1', 'x:2'],
        platforms: ['x'],
        description: 'two accounts posting the same text',
      },
    ],
    accounts: [
      { key: 'x:1', campaign: 'K01' },
      { key: 'x:2', campaign: 'K01' },
      { key: 'x:3', campaign: null },
    ],
  };
}

/** The message of the InputError `fn` throws (fails when it throws anything else). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    assert.equal(error.code, 'INPUT_INVALID');
    return error.message;
  }
  assert.fail('expected an InputError');
}

test('reads a valid truth file', async () => {
  const file = join(dir, 'truth.json');
  await writeFile(file, JSON.stringify({ ...valid(), extra: 'dropped' }));
  const truth = await readGroundTruth(file);
  assert.equal(truth.scenario, 'copypasta-standard');
  assert.deepEqual(truth.campaigns[0]!.tactics, ['copypasta', 'batch-accounts']);
  assert.equal(truth.accounts.length, 3);
  assert.equal('extra' in truth, false);
});

test('rejects another schema, naming the file and the field', () => {
  const message = messageOf(() => parseGroundTruth({ ...valid(), schema: 'chorus-truth/2' }, 'truth.json'));
  assert.match(message, /^truth\.json: invalid ground truth at \$\.schema: /);
  assert.match(message, /chorus-truth\/1/);
});

test('names the JSON path of a bad nested field', () => {
  const truth = valid();
  (truth.campaigns as { tactics: string[] }[])[0]!.tactics[1] = 'astroturf';
  assert.match(
    messageOf(() => parseGroundTruth(truth, 't.json')),
    /at \$\.campaigns\[0\]\.tactics\[1\]: /,
  );
  const noKey = valid();
  (noKey.accounts as Record<string, unknown>[])[2] = { campaign: null };
  assert.match(
    messageOf(() => parseGroundTruth(noKey, 't.json')),
    /at \$\.accounts\[2\]\.key: /,
  );
});

test('rejects inconsistent labels', () => {
  const unknownCampaign = valid();
  (unknownCampaign.accounts as { campaign: string | null }[])[2]!.campaign = 'K09';
  assert.match(
    messageOf(() => parseGroundTruth(unknownCampaign, 't.json')),
    /at \$\.accounts\[2\]\.campaign: unknown campaign "K09"/,
  );
  const missingMember = valid();
  (missingMember.campaigns as { accounts: string[] }[])[0]!.accounts.push('x:9');
  assert.match(
    messageOf(() => parseGroundTruth(missingMember, 't.json')),
    /at \$\.campaigns\[0\]\.accounts\[2\]: member "x:9" is missing/,
  );
  const unlisted = valid();
  (unlisted.accounts as { campaign: string | null }[])[2]!.campaign = 'K01';
  assert.match(
    messageOf(() => parseGroundTruth(unlisted, 't.json')),
    /at \$\.campaigns\[0\]\.accounts: lists 2/,
  );
  const duplicate = valid();
  (duplicate.accounts as { key: string }[])[1]!.key = 'x:1';
  assert.match(
    messageOf(() => parseGroundTruth(duplicate, 't.json')),
    /at \$\.accounts\[1\]\.key: duplicate/,
  );
});

test('unreadable and non-JSON files', async () => {
  await assert.rejects(readGroundTruth(join(dir, 'missing.json')), { code: 'INPUT_UNREADABLE' });
  const file = join(dir, 'broken.json');
  await writeFile(file, '{"schema": ');
  await assert.rejects(readGroundTruth(file), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.code, 'INPUT_INVALID');
    assert.ok(error.message.startsWith(`${file}: not JSON`));
    return true;
  });
});
