/**
 * `signals.json`: the case's signal findings (src/signals/case-signals.ts) as JSON with sorted keys, so identical
 * input gives identical bytes.
 */
import type { CaseSignals } from '../signals/case-signals.js';
import { stableStringify } from './stable-stringify.js';

/**
 * Serialize the signal findings.
 * @param signals cluster signals, account summaries and cohorts
 * @returns JSON text (2-space indent, sorted keys, trailing newline)
 * @example await writeFile('case/signals.json', writeSignalsJson(result.signals));
 */
export function writeSignalsJson(signals: CaseSignals): string {
  return `${stableStringify(signals)}\n`;
}
