/**
 * Shared option checks of the peer-compatibility layers (coortweet-compat.ts, qut-compat.ts): both take a window
 * in seconds and a non-negative integer threshold, and reject bad values the same way.
 */
import { ConfigError } from '../errors.js';

/**
 * Check a time window in seconds.
 * @param subject message prefix, e.g. `detect/qut-compat`
 * @throws {ConfigError} `CONFIG_INVALID` unless `value` is a finite number ≥ 0
 */
export function checkWindowSeconds(subject: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      `${subject}: invalid \`windowSeconds\` (${String(value)}). Expecting a finite number ≥ 0.`,
    );
  }
}

/**
 * Check a count threshold.
 * @param subject message prefix
 * @param name the option's name
 * @throws {ConfigError} `CONFIG_INVALID` unless `value` is an integer ≥ 0
 */
export function checkNonNegativeInteger(subject: string, name: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new ConfigError(`${subject}: invalid \`${name}\` (${String(value)}). Expecting an integer ≥ 0.`);
  }
}
