/**
 * Human-readable time gaps (Δt between co-acting posts).
 */
import { formatDecimal } from './format-decimal.js';

/**
 * Format a duration in seconds: `4.5 s`, `2 min 5 s`, `3 h 2 min`, `2 d 4 h` (lower units rounded down).
 * @returns the text, or `''` for a non-finite or negative value
 * @example formatDuration(125) // '2 min 5 s'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${formatDecimal(seconds, 1)} s`;
  const s = Math.floor(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}
