/**
 * Write every export of a case into one directory (DESIGN.md §1: `chorus detect … --out case-42/`).
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';

import type { OptionsInput } from '../graph/options-input.js';
import { SCORE_WEIGHTS } from '../score/score-case.js';
import type { CaseReport } from './case-report.js';
import { type ReportOptions, resolveReportOptions } from './report-options.js';
import { writeAccountsCsv } from './write-accounts-csv.js';
import { writeChunks } from './write-chunks.js';
import { writeClustersCsv } from './write-clusters-csv.js';
import { writeCohortsCsv } from './write-cohorts-csv.js';
import { writeEdgesCsvChunks } from './write-edges-csv.js';
import { writeNetworkGexfChunks } from './write-network-gexf.js';
import { writeNetworkGraphmlChunks } from './write-network-graphml.js';
import { writeNetworkJsonChunks } from './write-network-json.js';
import { writeReportHtml } from './write-report-html.js';
import { writeReportMarkdown } from './write-report-markdown.js';
import { writeRunJson } from './write-run-json.js';
import { writeScoresJson } from './write-scores-json.js';
import { writeSignalsJson } from './write-signals-json.js';

/** File names written by {@link writeCaseOutputs}, in the order they are written and returned. */
export const CASE_OUTPUT_FILES: readonly string[] = Object.freeze([
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

/**
 * Render every export of a case and write it to `dir` (created if missing; existing files are replaced). Options
 * are checked before anything is written; files are rendered one at a time (`network.json` and `edges.csv` in
 * pieces, so a large network never has to fit in one string), each to a temporary name that is renamed when
 * complete, so a failure never leaves a half-written file behind.
 *
 * @param dir output directory
 * @param report the case (run record + network)
 * @param options report options for `report.html` / `report.md`, see `REPORT_DEFAULTS`
 * @returns the written paths (`path.join(dir, name)`), in {@link CASE_OUTPUT_FILES} order
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options (before anything is written)
 * @throws {Error} the file-system error (e.g. `EACCES`, `ENOSPC`) when a file cannot be written
 * @example
 * const paths = await writeCaseOutputs('case-42', { run, network });
 */
export async function writeCaseOutputs(
  dir: string,
  report: CaseReport,
  options?: OptionsInput<ReportOptions>,
): Promise<string[]> {
  const opts = resolveReportOptions(options);
  const signals = report.signals ?? { clusters: [], accounts: [], cohorts: [] };
  const render: Record<string, () => Iterable<string>> = {
    'report.html': () => [writeReportHtml(report, opts)],
    'report.md': () => [writeReportMarkdown(report, opts)],
    'clusters.csv': () => [writeClustersCsv(report.network, report.signals, report.scores)],
    'accounts.csv': () => [writeAccountsCsv(report.network, report.signals, report.scores)],
    'cohorts.csv': () => [writeCohortsCsv(signals)],
    'edges.csv': () => writeEdgesCsvChunks(report.network),
    'network.gexf': () => writeNetworkGexfChunks(report.network),
    'network.graphml': () => writeNetworkGraphmlChunks(report.network),
    'network.json': () => writeNetworkJsonChunks(report.network),
    'signals.json': () => [writeSignalsJson(signals)],
    'scores.json': () => [
      writeScoresJson(report.scores ?? { clusters: [], accounts: [], weights: { ...SCORE_WEIGHTS } }),
    ],
    'run.json': () => [writeRunJson(report.run)],
  };
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const name of CASE_OUTPUT_FILES) {
    const target = path.join(dir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeChunks(temporary, render[name]!());
    await rename(temporary, target);
    paths.push(target);
  }
  return paths;
}
