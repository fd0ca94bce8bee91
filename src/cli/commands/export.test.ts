/**
 * `chorus export` end to end through src/cli/main.ts (from source with tsx): formats written from a stored case,
 * exit codes and messages.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { CASE_REPORT } from '../../../test/fixtures/export/case-report.js';
import { ZERO_COMPONENTS } from '../../../test/fixtures/export/scored-case.js';
import { chorusFromSource } from '../../../test/helpers/run-cli-source.js';
import { writeCaseOutputs } from '../../export/write-case-outputs.js';
import type { CaseScores } from '../../model/score.js';

const chorus = chorusFromSource;

const dir = await mkdtemp(join(tmpdir(), 'chorus-export-cli-'));
after(() => rm(dir, { recursive: true, force: true }));

// The export fixture case with C0001 scored 0.9 (one copypasta reason) and every other cluster below 0.5.
const scores: CaseScores = {
  clusters: CASE_REPORT.network.clusters.map((c, i) => ({
    cluster: c.id,
    score: i === 0 ? 0.9 : 0.2,
    components: ZERO_COMPONENTS,
    reasons:
      i === 0
        ? [
            {
              behaviour: 'copypasta',
              text: '4 accounts posted identical text',
              evidence: `${c.id}-evidence`,
              disarm: [{ id: 'T0084.001', name: 'Use Copypasta' }],
              killchain: [{ id: '6.2', name: 'Amplifying with likely fake accounts on social media' }],
            },
          ]
        : [],
  })),
  accounts: [],
  weights: ZERO_COMPONENTS,
};
const caseDir = join(dir, 'case');
await writeCaseOutputs(caseDir, { ...CASE_REPORT, scores });

test('--stix writes a bundle with one campaign for the one cluster scored ≥ 0.5; --gexf the network', async () => {
  const out = join(dir, 'shared');
  const result = chorus(['export', caseDir, '--stix', '--gexf', '-o', out]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /wrote .*case\.stix\.json/);
  const bundle = JSON.parse(await readFile(join(out, 'case.stix.json'), 'utf8')) as {
    type: string;
    objects: { type: string; external_references?: { external_id: string }[] }[];
  };
  assert.equal(bundle.type, 'bundle');
  assert.equal(bundle.objects.filter((o) => o.type === 'campaign').length, 1);
  const patterns = bundle.objects.filter((o) => o.type === 'attack-pattern');
  assert.deepEqual(
    patterns.map((p) => p.external_references?.[0]?.external_id),
    ['T0084.001'],
  );
  assert.ok((await readFile(join(out, 'network.gexf'), 'utf8')).startsWith('<?xml'));
});

test('--misp writes an event with the DISARM tag; --ttp-csv the kill-chain rows, defanged', async () => {
  const out = join(dir, 'peers');
  const result = chorus(['export', caseDir, '--misp', '--ttp-csv', '-o', out]);
  assert.equal(result.status, 0, result.stderr);
  const event = JSON.parse(await readFile(join(out, 'case.misp.json'), 'utf8')) as {
    Event: { Tag: { name: string }[]; Object: { name: string }[] };
  };
  assert.ok(event.Event.Tag.some((t) => t.name === 'misp-galaxy:disarm-techniques="Use Copypasta"'));
  assert.ok(event.Event.Object.some((o) => o.name === 'user-account'));
  const csv = await readFile(join(out, 'case.ttp.csv'), 'utf8');
  assert.ok(csv.startsWith('Tactic,Technique,Procedure,Indicator,Note'));
  assert.ok(csv.includes('6.2'));
  assert.ok(!/https?:\/\//.test(csv), 'URLs are defanged');
});

test('no format is a usage error; a folder that is not a case exits 3 naming the file', () => {
  const none = chorus(['export', caseDir]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /choose at least one format: --stix, --misp, --ttp-csv, --gexf/);
  const missing = chorus(['export', join(dir, 'nope'), '--stix']);
  assert.equal(missing.status, 3);
  assert.match(missing.stderr, /nope[\\/]run\.json: cannot read the case file/);
  assert.equal(chorus(['export', caseDir, '--stix', '--min-score', '2']).status, 2);
});
