import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { ConfigError } from '../errors.js';
import { CASE_OUTPUT_FILES, writeCaseOutputs } from './write-case-outputs.js';
import { writeReportHtml } from './write-report-html.js';
import { writeRunJson } from './write-run-json.js';

describe('writeCaseOutputs', () => {
  let dir = '';
  let paths: string[] = [];
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-export-'));
    paths = await writeCaseOutputs(path.join(dir, 'case-42'), CASE_REPORT);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every file into the (created) directory and returns the paths in order', async () => {
    assert.deepEqual(
      paths,
      CASE_OUTPUT_FILES.map((name) => path.join(dir, 'case-42', name)),
    );
    assert.deepEqual(
      (await readdir(path.join(dir, 'case-42'))).sort(),
      [...CASE_OUTPUT_FILES].sort(),
      'no temp files left',
    );
    assert.equal(await readFile(paths[0]!, 'utf8'), writeReportHtml(CASE_REPORT));
    assert.equal(await readFile(paths.at(-1)!, 'utf8'), writeRunJson(CASE_REPORT.run));
  });

  it('produces identical bytes on a second run with a different run time', async () => {
    const again = structuredClone(CASE_REPORT);
    again.run.startedAt = '2030-01-01T00:00:00.000Z';
    again.run.finishedAt = '2030-01-01T00:01:00.000Z';
    again.run.timings = [{ stage: 'ingest', ms: 99, rows: 140 }];
    const second = await writeCaseOutputs(path.join(dir, 'again'), again);
    for (const [i, name] of CASE_OUTPUT_FILES.entries()) {
      const a = await readFile(paths[i]!, 'utf8');
      const b = await readFile(second[i]!, 'utf8');
      if (name === 'run.json') assert.notEqual(a, b);
      else assert.equal(b, a, name);
    }
  });

  it('rejects invalid options before writing anything', async () => {
    const target = path.join(dir, 'never');
    await assert.rejects(writeCaseOutputs(target, CASE_REPORT, { evidencePairsPerEdge: -1 }), ConfigError);
    await assert.rejects(readdir(target), { code: 'ENOENT' });
  });
});
