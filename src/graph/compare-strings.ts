/**
 * Locale-independent string order, for every sort whose result ends up in a file.
 */

/**
 * Compare by UTF-16 code units (what `<` does), never by locale: `localeCompare` depends on the ICU data and the
 * machine's locale, which would make outputs differ between machines.
 * @returns negative, zero or positive, for `Array.prototype.sort`
 * @example ['b', 'B', 'a'].sort(compareStrings) // ['B', 'a', 'b']
 */
export function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
