/**
 * F1 score (van Rijsbergen's F-measure with β = 1) from a precision and a recall that may be undefined.
 */

/**
 * Harmonic mean 2PR / (P + R) of precision P and recall R, 0 when both are 0. An undefined (`null`) ratio next
 * to a 0 gives 0 — the same value as the count form 2TP / (2TP + FP + FN): e.g. nothing flagged (P undefined)
 * while campaigns exist (R = 0) scores 0, as scikit-learn ≥ 1.3 does. Both undefined, or one undefined next to a
 * positive value (impossible for consistent counts), gives `null`.
 * @example f1Score(0.5, 1) // 0.6666666666666666
 * @example f1Score(null, 0) // 0
 * @example f1Score(null, null) // null
 */
export function f1Score(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return (precision ?? recall) === 0 ? 0 : null;
  if (precision + recall === 0) return 0;
  return (2 * precision * recall) / (precision + recall);
}
