/**
 * `chorus detect <files|globs…>`: thin wrapper over the library's `detect`.
 */

import { detect } from '../../pipeline/detect.js';
import { EXIT } from '../exit-codes.js';
import { expandInputs } from '../expand-inputs.js';
import { type DetectFlags, detectOptionsFromFlags } from '../options.js';
import { formatSummary } from '../print-summary.js';
import { createProgressBar, progressWanted } from '../progress-bar.js';
import { exitForError, failurePrinter } from '../report-failure.js';
import { terminalSafe } from '../terminal-safe.js';

/** Global output flags shared by commands. */
export interface OutputFlags {
  quiet?: boolean;
  logFormat?: 'text' | 'json';
}

/**
 * Run `detect` for the CLI and return the exit code (see exit-codes.ts). Never throws for expected failures.
 */
export async function runDetectCommand(args: string[], flags: DetectFlags & OutputFlags): Promise<number> {
  const json = flags.logFormat === 'json';
  const log = (line: string) => {
    if (!flags.quiet) process.stdout.write(`${line}\n`);
  };
  const warn = (message: string) => {
    if (flags.quiet) return;
    if (json) process.stderr.write(`${JSON.stringify({ level: 'warn', kind: 'quarantine', message })}\n`);
    else process.stderr.write(`chorus: warning: ${terminalSafe(message)}\n`);
  };
  const fail = failurePrinter(flags.logFormat);
  try {
    const options = detectOptionsFromFlags(flags);
    const { paths, unmatched } = await expandInputs(args);
    for (const pattern of unmatched) fail(0, 'input', `no file matches "${pattern}"`);
    if (paths.length === 0) return fail(EXIT.noInput, 'input', 'no input files.');
    options.progress = createProgressBar(progressWanted(Boolean(flags.quiet) || json));
    const result = await detect(paths, options);
    const failed = result.run.inputs.filter((input) => input.error !== undefined);
    for (const input of failed) fail(0, 'input', input.error ?? '');
    if (result.run.inputs.every((input) => input.error !== undefined && input.read === 0)) {
      return fail(EXIT.noInput, 'input', 'no input could be read.');
    }
    for (const input of result.run.inputs) {
      if (input.quarantined === 0) continue;
      const reasons = Object.entries(input.quarantinedBy)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, 3)
        .map(([why, n]) => `${why} ×${n.toLocaleString('en-US')}`)
        .join(', ');
      warn(
        `${input.path}: ${input.quarantined.toLocaleString('en-US')} of ${input.read.toLocaleString('en-US')} records quarantined (${reasons}); see ${flags.out}/quarantine.jsonl`,
      );
    }
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ level: 'info', kind: 'done', out: flags.out, totals: result.run.totals, inputs: result.run.inputs })}\n`,
      );
    } else {
      log(formatSummary(result, flags.out));
    }
    return failed.length > 0 || unmatched.length > 0 ? EXIT.partialInput : EXIT.ok;
  } catch (error) {
    return exitForError(error, fail);
  }
}
