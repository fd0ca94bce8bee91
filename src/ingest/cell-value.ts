/**
 * Coercion of raw cell values (CSV strings, JSON values, Parquet values) into the scalar types of the model.
 * Missing-value tokens written by pandas and R (`nan`, `None`, `NA`, `null`…) count as absent for ids and numbers.
 */

/** Cell values that mean "no value" for id-like, numeric and boolean cells (pandas, R, SQL dumps). */
export const NULL_TOKENS: ReadonlySet<string> = new Set([
  'nan',
  'NaN',
  'NAN',
  'None',
  'null',
  'NULL',
  'NA',
  '<NA>',
  'N/A',
]);

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * An id-like or keyword cell as a trimmed string.
 * @param value raw cell: strings are trimmed; finite numbers and bigints are stringified (integers without a
 *   fraction); booleans, objects and arrays give `undefined`
 * @returns the string, or `undefined` when empty or a {@link NULL_TOKENS} token
 * @example cellString(' 42 ') // '42'
 */
export function cellString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' || NULL_TOKENS.has(s) ? undefined : s;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * A free-text cell (post text, bio, display name), kept verbatim (not trimmed).
 * @returns the string, or `undefined` when absent or only white space; numbers are stringified
 * @example cellText('  hi ') // '  hi '
 */
export function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A numeric cell (counts, coordinates).
 * @returns a finite number, or `undefined` when absent, a {@link NULL_TOKENS} token or not numeric
 * @example cellNumber('1.5e3') // 1500
 */
export function cellNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const s = value.trim();
    return NUMERIC.test(s) ? Number(s) : undefined;
  }
  return undefined;
}

/**
 * A boolean cell: `true`/`false` values, or the strings `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, `1`/`0`
 * in any case.
 * @returns the boolean, or `undefined` when absent or unrecognised
 * @example cellBoolean('True') // true
 */
export function cellBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toLowerCase()) {
    case 'true':
    case 't':
    case 'yes':
    case 'y':
    case '1':
      return true;
    case 'false':
    case 'f':
    case 'no':
    case 'n':
    case '0':
      return false;
    default:
      return undefined;
  }
}
