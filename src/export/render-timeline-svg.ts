/**
 * A mini-timeline of a cluster's evidence posts as inline SVG: a histogram over the cluster's time span, stacked by
 * platform, with UTC start/end labels. Pure markup (no script, no external references), fixed number formatting.
 */
import escapeHtml from 'escape-html';

import { ConfigError } from '../errors.js';
import { compareStrings } from '../graph/compare-strings.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import type { PostRef } from '../model/network.js';
import { formatDecimal } from './format-decimal.js';
import { formatUtc } from './format-utc.js';

/** Colour-blind-friendly categorical palette (Observable 10), assigned to platforms in order. */
export const PLATFORM_PALETTE: readonly string[] = Object.freeze([
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
]);

/** Options of {@link renderTimelineSvg}. */
export interface TimelineSvgOptions {
  /** Drawing width in SVG user units (integer ≥ 100). */
  width: number;
  /** Drawing height in SVG user units (integer ≥ 40). */
  height: number;
  /** Histogram bins across the time span (integer ≥ 1). */
  bins: number;
  /** Platforms in colour order (so colours match across clusters); unknown platforms follow, sorted. */
  platforms: readonly string[];
}

/** Defaults of {@link renderTimelineSvg}: 640 × 72, 48 bins, colours by sorted platform name. */
export const TIMELINE_SVG_DEFAULTS: Readonly<TimelineSvgOptions> = Object.freeze({
  width: 640,
  height: 72,
  bins: 48,
  platforms: Object.freeze([]) as readonly string[],
});

/**
 * The colour of a platform given the platform order (palette cycles after 10).
 * @example platformColor('twitter', ['facebook', 'twitter']) // '#efb118'
 */
export function platformColor(platform: string, platforms: readonly string[]): string {
  const i = platforms.indexOf(platform);
  return PLATFORM_PALETTE[Math.max(0, i) % PLATFORM_PALETTE.length]!;
}

/**
 * Render the histogram of `posts` over time.
 * @param posts evidence posts (any order)
 * @param options `width` (640), `height` (72), `bins` (48), `platforms` (colour order)
 * @returns an `<svg>` element as text, or `''` when there are no posts
 * @throws {ConfigError} `CONFIG_INVALID` on invalid sizes or bin count
 * @example renderTimelineSvg(cluster.evidencePosts, { platforms: ['facebook', 'twitter'] })
 */
export function renderTimelineSvg(
  posts: readonly PostRef[],
  options: OptionsInput<TimelineSvgOptions> = {},
): string {
  const {
    width,
    height,
    bins,
    platforms: order,
  } = {
    ...TIMELINE_SVG_DEFAULTS,
    ...definedFields(options),
  } as TimelineSvgOptions;
  for (const [key, value, min] of [
    ['width', width, 100],
    ['height', height, 40],
    ['bins', bins, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new ConfigError(
        `export/timeline-svg: invalid \`${key}\` ${String(value)}. Expecting an integer ≥ ${min}.`,
      );
    }
  }
  if (posts.length === 0) return '';
  const platforms = [
    ...order,
    ...[...new Set(posts.map((p) => p.platform))].filter((p) => !order.includes(p)).sort(compareStrings),
  ];
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = Number.NEGATIVE_INFINITY;
  for (const post of posts) {
    t0 = Math.min(t0, post.tsMs);
    t1 = Math.max(t1, post.tsMs);
  }
  const span = t1 - t0;
  const n = span > 0 ? bins : 1;
  const counts = Array.from({ length: n }, () => new Array<number>(platforms.length).fill(0));
  for (const post of posts) {
    const bin = span > 0 ? Math.min(n - 1, Math.floor(((post.tsMs - t0) / span) * n)) : 0;
    counts[bin]![platforms.indexOf(post.platform)]! += 1;
  }
  const max = Math.max(...counts.map((c) => c.reduce((s, x) => s + x, 0)));
  const top = 4;
  const bottom = height - 16;
  const plot = bottom - top;
  const step = width / n;
  const barWidth = Math.max(1, step - (n > 1 ? 1 : 0));
  const f = (x: number) => formatDecimal(x, 2);
  // Bin edges in titles: whole seconds unless a bin is shorter than a second.
  const unit = span / n >= 1000 ? 1000 : 1;
  const parts: string[] = [
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Evidence posts over time (UTC), ${posts.length} posts">`,
    `<line x1="0" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="currentColor" stroke-width="0.5"/>`,
  ];
  counts.forEach((stack, i) => {
    let y = bottom;
    const from = t0 + (span * i) / n;
    const to = t0 + (span * (i + 1)) / n;
    stack.forEach((count, p) => {
      if (count === 0) return;
      const h = (count / max) * plot;
      y -= h;
      const label = `${escapeHtml(platforms[p]!)}: ${count} post${count === 1 ? '' : 's'}, ${formatUtc(Math.round(from / unit) * unit)} – ${formatUtc(Math.round(to / unit) * unit)}`;
      parts.push(
        `<rect x="${f(i * step)}" y="${f(y)}" width="${f(barWidth)}" height="${f(h)}" fill="${platformColor(platforms[p]!, platforms)}"><title>${label}</title></rect>`,
      );
    });
  });
  parts.push(
    `<text x="0" y="${height - 3}" font-size="10" fill="currentColor">${formatUtc(t0)}</text>`,
    `<text x="${width}" y="${height - 3}" font-size="10" fill="currentColor" text-anchor="end">${formatUtc(t1)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
