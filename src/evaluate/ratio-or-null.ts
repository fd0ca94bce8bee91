/**
 * Ratio with an explicit "undefined" for a zero denominator, so metrics never invent a 0 or a 1 for 0/0.
 */
/**
 * `numerator / denominator`, or `null` when the denominator is 0 (an undefined ratio).
 * @example ratioOrNull(1, 4) // 0.25
 * @example ratioOrNull(0, 0) // null
 */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
