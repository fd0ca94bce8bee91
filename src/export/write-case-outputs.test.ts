import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { CASE_REPORT_WITH_SIGNALS } from '../../test/fixtures/export/case-signals.js';
import { ConfigError } from '../errors.js';
import { writeAccountsCsv } from './write-accounts-csv.js';
import { CASE_OUTPUT_FILES, writeCaseOutputs } from './write-case-outputs.js';
import { writeClustersCsv } from './write-clusters-csv.js';
import { COHORTS_CSV_COLUMNS, writeCohortsCsv } from './write-cohorts-csv.js';
import { writeReportHtml } from './write-report-html.js';
import { writeReportMarkdown } from './write-report-markdown.js';
import { writeRunJson } from './write-run-json.js';
import { writeSignalsJson } from './write-signals-json.js';

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

  it('lists the twelve outputs, signals and scores included', () => {
    assert.deepEqual(CASE_OUTPUT_FILES, [
      'report.html',
      'report.md',
      'clusters.csv',
      'accounts.csv',
      'cohorts.csv',
      'edges.csv',
      'network.gexf',
      'network.graphml',
      'network.json',
      'signals.json',
      'scores.json',
      'run.json',
    ]);
  });

  it('writes empty signal files for a case without signal findings', async () => {
    const read = (name: string) => readFile(path.join(dir, 'case-42', name), 'utf8');
    assert.equal(await read('cohorts.csv'), `${COHORTS_CSV_COLUMNS.join(',')}\r\n`);
    assert.equal(await read('signals.json'), '{\n  "accounts": [],\n  "clusters": [],\n  "cohorts": []\n}\n');
  });

  it('passes the signal findings to every writer that shows them', async () => {
    const target = path.join(dir, 'signals');
    await writeCaseOutputs(target, CASE_REPORT_WITH_SIGNALS);
    const read = (name: string) => readFile(path.join(target, name), 'utf8');
    const { network, signals } = CASE_REPORT_WITH_SIGNALS;
    assert.equal(await read('cohorts.csv'), writeCohortsCsv(signals!));
    assert.ok((await read('cohorts.csv')).includes('\r\nS001,schedule,6,UTC+08:00,'));
    assert.equal(await read('signals.json'), writeSignalsJson(signals!));
    assert.equal(await read('clusters.csv'), writeClustersCsv(network, signals));
    assert.equal(await read('accounts.csv'), writeAccountsCsv(network, signals));
    assert.ok((await read('accounts.csv')).includes(',UTC+08:00,0.7,true,other,'));
    assert.equal(await read('report.html'), writeReportHtml(CASE_REPORT_WITH_SIGNALS));
    assert.ok((await read('report.html')).includes('<section id="cohorts">'));
    assert.equal(await read('report.md'), writeReportMarkdown(CASE_REPORT_WITH_SIGNALS));
    assert.ok((await read('report.md')).includes('\n## Signals\n'));
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
