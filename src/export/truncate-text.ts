/**
 * Bounded text for reports (long post texts).
 */

/**
 * Cut a text to at most `max` code points, ending with `…` when cut.
 * @example truncateText('abcdef', 4) // 'abc…'
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
