/**
 * `run.json`: the run record (inputs and their hashes, options, versions, counts, timings).
 */
import type { RunInfo } from '../model/run-info.js';

/**
 * Write the run record as `JSON.stringify(run, null, 2)` plus a newline. The only output that is not reproducible
 * byte for byte: it carries `startedAt`, `finishedAt` and `timings`.
 * @example JSON.parse(writeRunJson(run)).totals.read
 */
export function writeRunJson(run: RunInfo): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}
