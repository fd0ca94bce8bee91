/**
 * UTC timestamps for reports and tables.
 */

/**
 * Format epoch milliseconds as ISO 8601 UTC, without the milliseconds when they are zero.
 * @returns e.g. `2021-09-26T14:03:07Z` or `2021-09-26T14:03:07.250Z`; `''` for a non-finite or out-of-range value
 * @example formatUtc(0) // '1970-01-01T00:00:00Z'
 */
export function formatUtc(tsMs: number): string {
  if (!Number.isFinite(tsMs)) return '';
  const date = new Date(tsMs);
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
