/**
 * Numeric flag values for every command: integers as plain digits (`12`), decimals also in exponent form (`0.001`,
 * `1e-5`); no units, no separators. One bad value
 * gives a {@link ConfigError} naming the flag, which the commands turn into exit code 2.
 */
import { ConfigError } from '../errors.js';

/**
 * An integer flag ≥ `min`.
 * @throws {ConfigError} `--name: "value" is not an integer ≥ min.`
 * @example integerFlag('seed', '42', 0) // 42
 */
export function integerFlag(name: string, value: string, min: number): number {
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new ConfigError(`--${name}: "${value}" is not an integer ≥ ${min}.`);
  return n;
}

/**
 * A decimal flag in [`min`, `max`]; either end open with `exclusiveMin` / `exclusiveMax`.
 * @throws {ConfigError} `--name: "value" is not a number in [min, max].` (with the interval's real brackets)
 * @example decimalFlag('percentile', '0.9', 0, 1) // 0.9
 * @example decimalFlag('fpr', '1e-5', 0, 1, { exclusiveMin: true, exclusiveMax: true }) // 0.00001
 */
export function decimalFlag(
  name: string,
  value: string,
  min: number,
  max: number,
  options: { exclusiveMin?: boolean; exclusiveMax?: boolean } = {},
): number {
  const n = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  const low = options.exclusiveMin === true ? n > min : n >= min;
  const high = options.exclusiveMax === true ? n < max : n <= max;
  if (!Number.isFinite(n) || !low || !high) {
    const open = options.exclusiveMin === true ? '(' : '[';
    const close = options.exclusiveMax === true ? ')' : ']';
    throw new ConfigError(`--${name}: "${value}" is not a number in ${open}${min}, ${max}${close}.`);
  }
  return n;
}
