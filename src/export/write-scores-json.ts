/**
 * `scores.json`: the case's scores (src/model/score.ts) — per cluster and clustered account the 0–1 score, its
 * components, reasons with evidence anchors and DISARM / Meta kill-chain ids — as JSON with sorted keys, so
 * identical input gives identical bytes.
 */
import type { CaseScores } from '../model/score.js';
import { stableStringify } from './stable-stringify.js';

/**
 * Serialize the scores.
 * @param scores cluster and account scores with the weights used
 * @returns JSON text (2-space indent, sorted keys, trailing newline)
 * @example await writeFile('case/scores.json', writeScoresJson(result.scores));
 */
export function writeScoresJson(scores: CaseScores): string {
  return `${stableStringify(scores)}\n`;
}
