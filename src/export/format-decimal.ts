/**
 * Fixed float formatting, so that outputs do not carry `0.30000000000000004`-style noise and are identical on every
 * machine (`toFixed` is exact and locale-independent).
 */

/**
 * Round to at most `digits` fraction digits and return a number (`-0` becomes `0`; non-finite values unchanged).
 * @param digits fraction digits, default 6
 * @example roundDecimal(2 / 3, 3) // 0.667
 */
export function roundDecimal(x: number, digits = 6): number {
  if (!Number.isFinite(x)) return x;
  const rounded = Number(x.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Format with at most `digits` fraction digits, trailing zeros dropped.
 * @param digits fraction digits, default 3
 * @returns the text, or `''` for `NaN`/`±Infinity`
 * @example formatDecimal(2 / 3) // '0.667'
 * @example formatDecimal(4) // '4'
 */
export function formatDecimal(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '';
  return String(roundDecimal(x, digits));
}
