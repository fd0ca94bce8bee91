/**
 * Scores with reasons (issue 4): per cluster and per account, 0–1, with plain-words reasons, evidence anchors and
 * DISARM / Meta kill-chain ids. Re-exports only.
 */

export { formatLog10P, formatLog10Threshold } from './format-p-value.js';
export {
  AUTOMATED_MAX_DT_SECONDS,
  BEHAVIOUR_LABELS,
  FULL_SIGNIFICANCE_LOG10,
  SCORE_WEIGHTS,
  type ScoreCaseOptions,
  scoreCase,
} from './score-case.js';
