import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { InputError } from '../errors.js';
import { readCaseReport } from './read-case-report.js';
import { writeCaseOutputs } from './write-case-outputs.js';

const dir = await mkdtemp(join(tmpdir(), 'chorus-read-case-'));
after(() => rm(dir, { recursive: true, force: true }));

test('reads back what writeCaseOutputs wrote', async () => {
  const out = join(dir, 'case');
  await writeCaseOutputs(out, CASE_REPORT);
  const report = await readCaseReport(out);
  // network.json keys are sorted on write; compare as plain JSON values.
  assert.deepEqual(
    JSON.parse(JSON.stringify(report.network)),
    JSON.parse(JSON.stringify(CASE_REPORT.network)),
  );
  assert.equal(report.run.totals.posts, CASE_REPORT.run.totals.posts);
  assert.deepEqual(report.signals, { accounts: [], clusters: [], cohorts: [] });
  assert.deepEqual(report.scores?.clusters, []);
});

test('names the file when the case is missing, not JSON, or not a case', async () => {
  await assert.rejects(
    readCaseReport(join(dir, 'nope')),
    (e: unknown) => e instanceof InputError && /run\.json: cannot read/.test(e.message),
  );
  const bad = join(dir, 'bad');
  await writeCaseOutputs(bad, CASE_REPORT);
  await writeFile(join(bad, 'network.json'), '{"accounts": [');
  await assert.rejects(readCaseReport(bad), /network\.json: not valid JSON/);
  await writeFile(join(bad, 'network.json'), '{"accounts": [], "clusters": []}');
  await assert.rejects(readCaseReport(bad), /network\.json: missing the `edges` list/);
  await writeFile(join(bad, 'run.json'), '[1]');
  await assert.rejects(readCaseReport(bad), /run\.json: expected a JSON object/);
});
