/**
 * An hour-of-week heatmap as inline SVG: 7 rows (Monday … Sunday) × 24 columns (hours), each cell shaded by its
 * post count on a sequential single-hue scale (ColorBrewer "Blues", 9 classes: Brewer, Hatchard & Harrower 2003,
 * doi:10.1559/152304003100010929; sequential one-hue schemes stay readable with colour-vision deficiencies because
 * they vary in lightness only). Shows a time fingerprint's weekly rhythm (Meta's "shift patterns": office hours,
 * lunch dip, quiet weekends). Pure markup: no script, no external references, fixed number formatting.
 */
import escapeHtml from 'escape-html';

import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import {
  formatUtcOffset,
  shiftHourOfWeekHistogram,
  validateHistogram,
  validateOffsetMinutes,
} from '../signals/hour-of-week.js';
import { formatDecimal } from './format-decimal.js';

/** ColorBrewer Blues, 9 classes, lightest first: class 0 is for empty cells, class 8 for the busiest. */
export const HEATMAP_PALETTE: readonly string[] = Object.freeze([
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
]);

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Options of {@link renderHeatmapSvg}. */
export interface HeatmapSvgOptions {
  /**
   * Show hours on this clock, minutes east of UTC (integer in [−720, 840]); the UTC histogram is shifted for display
   * (see `shiftHourOfWeekHistogram`) and a note says which clock. `null` → UTC.
   */
  offsetMinutes: number | null;
  /** Drawing width in SVG user units (integer ≥ 200). */
  width: number;
  /** Drawing height in SVG user units (integer ≥ 80). */
  height: number;
  /** Accessible title of the whole drawing (escaped); `null` → a generic one. */
  title: string | null;
}

/** Defaults of {@link renderHeatmapSvg}: UTC, 560 × 180, generic title. */
export const HEATMAP_SVG_DEFAULTS: Readonly<HeatmapSvgOptions> = Object.freeze({
  offsetMinutes: null,
  width: 560,
  height: 180,
  title: null,
});

/**
 * The colour class (0..8) of a count: 0 for an empty cell, else ⌈8 · count / max⌉, so the busiest cell is 8.
 * @example heatmapClass(5, 10) // 4
 * @example heatmapClass(0, 10) // 0
 */
export function heatmapClass(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(8, Math.max(1, Math.ceil((8 * count) / max)));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Render an hour-of-week histogram as a heatmap.
 * @param histogram168 post counts per UTC hour of the week, Monday 00:00 UTC first (see `hourOfWeekHistogram`)
 * @param options partial {@link HeatmapSvgOptions}: `[options.offsetMinutes=null]` (UTC), `[options.width=560]`,
 *   `[options.height=180]`, `[options.title=null]`
 * @returns an `<svg>` element as text: 168 `<rect>` cells, each with a `<title>` tooltip ("Mon 09:00–10:00
 *   UTC+08:00: 12 posts"), hour labels on top, day labels on the left, the clock note below
 * @throws {ConfigError} `CONFIG_INVALID` when the histogram is not 168 finite counts ≥ 0 or an option is invalid
 * @example renderHeatmapSvg(fingerprint.histogramUtc, { offsetMinutes: 480, title: 'Cluster 3' })
 */
export function renderHeatmapSvg(
  histogram168: ArrayLike<number>,
  options: OptionsInput<HeatmapSvgOptions> = {},
): string {
  const { offsetMinutes, width, height, title } = {
    ...HEATMAP_SVG_DEFAULTS,
    ...definedFields(options),
  } as HeatmapSvgOptions;
  validateHistogram(histogram168, 'export/heatmap-svg');
  if (offsetMinutes !== null) validateOffsetMinutes(offsetMinutes, 'export/heatmap-svg');
  for (const [key, value, min] of [
    ['width', width, 200],
    ['height', height, 80],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigError(
        `export/heatmap-svg: invalid \`${key}\` ${String(value)}. Expecting an integer ≥ ${min}.`,
      );
    }
  }
  if (title !== null && typeof title !== 'string') {
    throw new ConfigError('export/heatmap-svg: invalid `title`. Expecting a string or null.');
  }
  const clock = offsetMinutes === null ? 'UTC' : formatUtcOffset(offsetMinutes);
  const counts =
    offsetMinutes === null ? Array.from(histogram168) : shiftHourOfWeekHistogram(histogram168, offsetMinutes);
  const max = Math.max(...counts);
  const total = counts.reduce((s, v) => s + v, 0);
  const f = (x: number) => formatDecimal(x, 2);
  const left = 30;
  const top = 14;
  const bottom = 16;
  const cellW = (width - left) / 24;
  const cellH = (height - top - bottom) / 7;
  const heading = title ?? `Posts per hour of the week (${clock})`;
  const parts: string[] = [
    `<svg class="heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(heading)}, ${f(total)} posts">`,
    `<title>${escapeHtml(heading)}</title>`,
  ];
  for (let h = 0; h < 24; h++) {
    parts.push(
      `<text x="${f(left + (h + 0.5) * cellW)}" y="${top - 4}" font-size="9" fill="currentColor" text-anchor="middle">${pad2(h)}</text>`,
    );
  }
  for (let d = 0; d < 7; d++) {
    const y = top + d * cellH;
    parts.push(
      `<text x="${left - 4}" y="${f(y + cellH / 2 + 3)}" font-size="9" fill="currentColor" text-anchor="end">${DAY_LABELS[d]}</text>`,
    );
    for (let h = 0; h < 24; h++) {
      const count = counts[d * 24 + h]!;
      const label = `${DAY_LABELS[d]} ${pad2(h)}:00–${pad2((h + 1) % 24)}:00 ${clock}: ${f(count)} post${count === 1 ? '' : 's'}`;
      parts.push(
        `<rect x="${f(left + h * cellW)}" y="${f(y)}" width="${f(cellW - 1)}" height="${f(cellH - 1)}" fill="${HEATMAP_PALETTE[heatmapClass(count, max)]}"><title>${label}</title></rect>`,
      );
    }
  }
  parts.push(
    `<text x="${left}" y="${height - 4}" font-size="9" fill="currentColor">Hours in ${clock}; darker = more posts (max ${f(max)} per cell)</text>`,
    '</svg>',
  );
  return parts.join('');
}
