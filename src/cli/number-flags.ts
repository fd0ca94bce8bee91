/**
 * Numeric flag values as plain decimals (`12`, `0.001`; no exponents, no units), for every command. One bad value
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
 * A decimal flag in [`min`, `max`] — or (`min`, `max`] with `exclusiveMin`.
 * @throws {ConfigError} `--name: "value" is not a number in [min, max].`
 * @example decimalFlag('percentile', '0.9', 0, 1) // 0.9
 */
export function decimalFlag(
  name: string,
  value: string,
  min: number,
  max: number,
  options: { exclusiveMin?: boolean } = {},
): number {
  const n = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
  const low = options.exclusiveMin === true ? n > min : n >= min;
  if (!Number.isFinite(n) || !low || n > max) {
    throw new ConfigError(
      `--${name}: "${value}" is not a number in ${options.exclusiveMin === true ? '(' : '['}${min}, ${max}].`,
    );
  }
  return n;
}
