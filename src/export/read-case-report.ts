/**
 * Read a stored case back from a `chorus detect` output folder — run.json, network.json, signals.json and
 * scores.json — as the {@link CaseReport} every exporter takes, so `chorus export` can write further formats
 * (STIX 2.1, MISP, indicator CSV, GEXF) without re-running detection.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { InputError } from '../errors.js';
import type { CoordinationNetwork } from '../model/network.js';
import type { RunInfo } from '../model/run-info.js';
import type { CaseScores } from '../model/score.js';
import type { CaseSignals } from '../signals/case-signals.js';
import type { CaseReport } from './case-report.js';

/**
 * Largest network.json read whole (bytes). Larger cases hold mostly edge evidence; exporting them needs a streamed
 * reader, which is not written yet.
 */
export const MAX_CASE_JSON_BYTES = 400 * 1024 * 1024;

async function readJsonObject(file: string, required: boolean): Promise<Record<string, unknown> | undefined> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (cause) {
    if (!required && (cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(
      'INPUT_UNREADABLE',
      file,
      `${file}: cannot read the case file (${(cause as NodeJS.ErrnoException).code ?? String(cause)}).`,
      { cause },
    );
  }
  if (size > MAX_CASE_JSON_BYTES) {
    throw new InputError(
      'INPUT_INVALID',
      file,
      `${file}: ${(size / 1048576).toFixed(0)} MB is more than the ${MAX_CASE_JSON_BYTES / 1048576} MB chorus export reads whole.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new InputError('INPUT_INVALID', file, `${file}: not valid JSON (${(cause as Error).message}).`, {
      cause,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('INPUT_INVALID', file, `${file}: expected a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function requireArrays(file: string, value: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    if (!Array.isArray(value[key])) {
      throw new InputError('INPUT_INVALID', file, `${file}: missing the \`${key}\` list of a Chorus case.`);
    }
  }
}

/**
 * Read a case folder.
 * @param dir a `chorus detect --out` folder
 * @returns the case; `signals` and `scores` are absent when their files are (cases from older versions)
 * @throws {InputError} naming the file when run.json or network.json is missing, unreadable, not JSON, too large,
 *   or lacks the lists of a case
 * @example const report = await readCaseReport('case-42'); writeStixBundle(report);
 */
export async function readCaseReport(dir: string): Promise<CaseReport> {
  const runFile = join(dir, 'run.json');
  const networkFile = join(dir, 'network.json');
  const run = (await readJsonObject(runFile, true))!;
  if (typeof run.totals !== 'object' || run.totals === null) {
    throw new InputError(
      'INPUT_INVALID',
      runFile,
      `${runFile}: missing \`totals\`; not the run.json of a Chorus case.`,
    );
  }
  const network = (await readJsonObject(networkFile, true))!;
  requireArrays(networkFile, network, ['accounts', 'clusters', 'edges']);
  const signals = await readJsonObject(join(dir, 'signals.json'), false);
  if (signals) requireArrays(join(dir, 'signals.json'), signals, ['clusters', 'accounts', 'cohorts']);
  const scores = await readJsonObject(join(dir, 'scores.json'), false);
  if (scores) requireArrays(join(dir, 'scores.json'), scores, ['clusters', 'accounts']);
  return {
    run: run as unknown as RunInfo,
    network: network as unknown as CoordinationNetwork,
    ...(signals ? { signals: signals as unknown as CaseSignals } : {}),
    ...(scores ? { scores: scores as unknown as CaseScores } : {}),
  };
}
