/**
 * `chorus evaluate --truth FILE OUT_DIR`: thin wrapper over the library's `evaluateDetection` — reads the planted
 * ground truth and the clusters of a `chorus detect` output folder, prints the accuracy table (or the JSON), and
 * writes `OUT_DIR/evaluation.json` and `OUT_DIR/evaluation.md`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, InputError } from '../../errors.js';
import { evaluateDetection } from '../../evaluate/evaluate-detection.js';
import { formatEvaluationTable } from '../../evaluate/format-evaluation-table.js';
import { readDetectedClusters } from '../../evaluate/read-detected-clusters.js';
import { readGroundTruth } from '../../evaluate/read-ground-truth.js';
import { EXIT } from '../exit-codes.js';
import { exitForError, failurePrinter } from '../report-failure.js';
import { terminalSafe } from '../terminal-safe.js';
import type { OutputFlags } from './detect.js';

/** Flags of `chorus evaluate`. */
export interface EvaluateFlags extends OutputFlags {
  /** Path of the ground truth (`truth.json` from `chorus simulate`); required. */
  truth?: string;
  /** Print the evaluation as JSON instead of the Markdown table. */
  json?: boolean;
}

/**
 * Run `evaluate` for the CLI and return the exit code (see exit-codes.ts): 0 OK, 2 usage error (no `--truth`),
 * 3 the truth or `OUT_DIR/network.json` cannot be read or is invalid, 1 anything else (e.g. the outputs cannot be
 * written). Never throws for expected failures; error messages go through `terminalSafe`.
 * @param outDir the `chorus detect` output folder, where `evaluation.json` and `evaluation.md` are written
 */
export async function runEvaluateCommand(outDir: string, flags: EvaluateFlags): Promise<number> {
  const fail = failurePrinter(flags.logFormat);
  try {
    if (flags.truth === undefined || flags.truth === '') {
      throw new ConfigError("evaluate: missing required option '--truth <file>'.");
    }
    const truth = await readGroundTruth(flags.truth);
    const clusters = await readDetectedClusters(outDir);
    await checkSameData(outDir, truth.accounts.length, flags);
    const evaluation = evaluateDetection(truth, clusters);
    const unknown = evaluation.unknownAccounts.count;
    if (unknown > 0 && evaluation.counts.flaggedAccounts === 0) {
      throw new InputError(
        'INPUT_INVALID',
        join(outDir, 'network.json'),
        `evaluate: none of the ${unknown.toLocaleString('en-US')} clustered accounts in ${outDir}/network.json is in ${flags.truth} (scenario "${truth.scenario}"): the detection is of other data. Nothing written.`,
      );
    }
    if (unknown > 0 && !flags.quiet) {
      process.stderr.write(
        `chorus: warning: ${unknown.toLocaleString('en-US')} clustered accounts are not in ${terminalSafe(flags.truth)}; they are left out of the scores (see unknownAccounts in evaluation.json).\n`,
      );
    }
    const json = `${JSON.stringify(evaluation, null, 2)}\n`;
    const table = formatEvaluationTable(evaluation);
    await writeFile(join(outDir, 'evaluation.json'), json);
    await writeFile(join(outDir, 'evaluation.md'), table);
    if (!flags.quiet) process.stdout.write(flags.json ? json : table);
    return EXIT.ok;
  } catch (error) {
    return exitForError(error, fail);
  }
}

/**
 * Compare the accounts `detect` saw (OUT_DIR/run.json `totals.accounts`) with the truth's: a case of other data is
 * refused even when it clustered nothing; a small difference only warns. Without a readable run.json nothing is
 * checked here (the clustered accounts are still checked against the truth).
 * @throws {InputError} when the counts differ by more than a factor of 2
 */
async function checkSameData(
  outDir: string,
  truthAccounts: number,
  flags: { quiet?: boolean; truth?: string },
): Promise<void> {
  let seen: number | undefined;
  try {
    const run = JSON.parse(await readFile(join(outDir, 'run.json'), 'utf8')) as {
      totals?: { accounts?: unknown };
    };
    if (typeof run.totals?.accounts === 'number') seen = run.totals.accounts;
  } catch {
    return;
  }
  if (seen === undefined || seen === truthAccounts) return;
  const message = `${outDir}/run.json counts ${seen.toLocaleString('en-US')} accounts, ${flags.truth} lists ${truthAccounts.toLocaleString('en-US')}`;
  if (seen * 2 < truthAccounts || seen > truthAccounts * 2) {
    throw new InputError(
      'INPUT_INVALID',
      join(outDir, 'run.json'),
      `evaluate: ${message}: the detection is of other data. Nothing written.`,
    );
  }
  if (!flags.quiet) process.stderr.write(`chorus: warning: ${terminalSafe(message)}.\n`);
}
