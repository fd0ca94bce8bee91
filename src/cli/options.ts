/**
 * Turns `chorus detect` flags into library {@link DetectOptions}. Parsing of the string forms (`--map`,
 * `--window`) lives with the stages that own them; this file only maps flags to fields.
 */
import { parseWindowSpec } from '../detect/co-action.js';
import { CORRECTIONS, type Correction } from '../detect/edge-significance.js';
import { ConfigError } from '../errors.js';
import { FORMATS, type FormatName, parseMapSpec } from '../ingest/index.js';
import { TRACE_KINDS, type TraceKind } from '../model/trace.js';
import type { DetectOptions } from '../pipeline/detect.js';
import type { EdgeFilter } from '../pipeline/load-network.js';
import { holidayGaps } from '../signals/holiday-gaps.js';
import { decimalFlag as decimal, integerFlag as integer } from './number-flags.js';

/** Raw flag values as commander gives them. */
export interface DetectFlags {
  out: string;
  db?: string;
  format?: string;
  map?: string;
  tz?: string;
  platform?: string;
  window?: string;
  kinds?: string;
  seeds?: string;
  fpr?: string;
  correction?: string;
  minCoactions?: string;
  minObjects?: string;
  minPostsEach?: string;
  percentile?: string;
  maxPerObjectWindow?: string;
  evidence?: string;
  minTextChars?: string;
  compat?: string;
  minParticipation?: string;
  seed: string;
  resolution: string;
  threads?: string;
  memoryLimit?: string;
  neardupThreshold?: string;
  mediaRadius?: string;
  holidays?: string;
}

/**
 * The edge filter the flags ask for: `--percentile` (CooRTweet-compatible), else `--min-coactions` /
 * `--min-objects` / `--min-posts-each` (fixed thresholds), else significance (`--fpr`, `--correction`).
 * @throws {ConfigError} when flags of two filters are mixed or a value is invalid
 */
function edgeFilterFromFlags(flags: DetectFlags): EdgeFilter {
  const absolute = flags.minCoactions ?? flags.minObjects ?? flags.minPostsEach;
  const significance = flags.fpr ?? flags.correction;
  const given = [
    flags.percentile !== undefined ? '--percentile' : undefined,
    absolute !== undefined ? '--min-coactions/--min-objects/--min-posts-each' : undefined,
    significance !== undefined ? '--fpr/--correction' : undefined,
  ].filter((x) => x !== undefined);
  if (given.length > 1) {
    throw new ConfigError(`${given.join(' and ')}: choose one edge filter.`);
  }
  if (flags.percentile !== undefined) {
    return { mode: 'percentile', quantile: decimal('percentile', flags.percentile, 0, 1) };
  }
  if (absolute !== undefined) {
    return {
      mode: 'absolute',
      minCoactions: integer('min-coactions', flags.minCoactions ?? '2', 1),
      minObjects: integer('min-objects', flags.minObjects ?? '1', 1),
      minPostsEach: integer('min-posts-each', flags.minPostsEach ?? '2', 1),
    };
  }
  const fpr = decimal('fpr', flags.fpr ?? '0.001', 0, 1, { exclusiveMin: true, exclusiveMax: true });
  const correction = flags.correction ?? 'bh';
  if (!(CORRECTIONS as readonly string[]).includes(correction)) {
    throw new ConfigError(
      `--correction: unknown "${correction}". Expecting one of: ${CORRECTIONS.join(', ')}.`,
    );
  }
  return { mode: 'significance', fpr, correction: correction as Correction };
}

/**
 * Map parsed flags to {@link DetectOptions}.
 * @throws {ConfigError} naming the flag and what was expected
 */
export function detectOptionsFromFlags(flags: DetectFlags): Partial<DetectOptions> {
  const options: Partial<DetectOptions> = {
    out: flags.out,
    ingest: {},
    traces: {},
    coaction: {},
    clusters: {},
  };
  const ingest = options.ingest!;
  if (flags.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(flags.format)) {
      throw new ConfigError(
        `--format: unknown format "${flags.format}". Expecting one of: ${FORMATS.join(', ')}.`,
      );
    }
    ingest.format = flags.format as FormatName;
  }
  if (flags.map !== undefined) ingest.map = parseMapSpec(flags.map);
  if (flags.tz !== undefined) ingest.tz = flags.tz;
  if (flags.platform !== undefined) ingest.platform = flags.platform;

  const coaction = options.coaction!;
  let kinds: TraceKind[] | undefined;
  if (flags.kinds !== undefined) {
    kinds = flags.kinds.split(',').map((k) => k.trim()) as TraceKind[];
    for (const kind of kinds) {
      if (!(TRACE_KINDS as readonly string[]).includes(kind)) {
        throw new ConfigError(
          `--kinds: unknown trace kind "${kind}". Expecting some of: ${TRACE_KINDS.join(', ')}.`,
        );
      }
    }
    options.traces!.kinds = kinds;
    coaction.kinds = kinds;
  }
  if (flags.window !== undefined && flags.window.trim().toLowerCase() === 'auto') options.autoWindow = true;
  else if (flags.window !== undefined && /(^|,)\s*auto\s*(,|$)/i.test(flags.window)) {
    throw new ConfigError(
      `--window: "auto" stands alone (it estimates the window of every kind); give either auto or explicit windows such as share=10s,url=60s.`,
    );
  } else if (flags.window !== undefined) coaction.windowSeconds = parseWindowSpec(flags.window);
  if (flags.maxPerObjectWindow !== undefined) {
    coaction.maxTracesPerObjectWindow = integer('max-per-object-window', flags.maxPerObjectWindow, 2);
  }
  if (flags.evidence !== undefined) coaction.evidencePerEdge = integer('evidence', flags.evidence, 1);
  if (flags.minTextChars !== undefined)
    options.traces!.minTextChars = integer('min-text-chars', flags.minTextChars, 1);

  options.edgeFilter = edgeFilterFromFlags(flags);
  if (flags.seeds !== undefined) {
    const files = flags.seeds
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    if (files.length === 0)
      throw new ConfigError('--seeds: expecting one or more files, separated by commas.');
    options.seeds = files;
  }
  options.clusters = {
    seed: integer('seed', flags.seed, 0),
    resolution: decimal('resolution', flags.resolution, 0.01, 100),
  };
  if (flags.compat !== undefined) {
    if (flags.compat !== 'coortweet')
      throw new ConfigError(`--compat: unknown tool "${flags.compat}". Expecting coortweet.`);
    options.compat = 'coortweet';
    options.coortweet = {
      ...(flags.minParticipation !== undefined
        ? { minParticipation: integer('min-participation', flags.minParticipation, 0) }
        : {}),
      ...(flags.percentile !== undefined
        ? { edgeWeight: decimal('percentile', flags.percentile, 0, 1) }
        : {}),
    };
  } else if (flags.minParticipation !== undefined) {
    throw new ConfigError('--min-participation: only meaningful with --compat coortweet.');
  }
  const signals: NonNullable<DetectOptions['signals']> = {};
  if (flags.neardupThreshold !== undefined)
    signals.neardup = { jaccardThreshold: decimal('neardup-threshold', flags.neardupThreshold, 0.05, 1) };
  if (flags.mediaRadius !== undefined) {
    const radiusBits = integer('media-radius', flags.mediaRadius, 0);
    if (radiusBits > 16) {
      throw new ConfigError(
        `--media-radius: "${flags.mediaRadius}" is above 16 bits (of 64); unrelated images would merge. Expecting 0–16.`,
      );
    }
    signals.media = { radiusBits };
  }
  if (flags.holidays !== undefined) {
    const countries =
      flags.holidays === 'none' ? [] : flags.holidays.split(',').map((c) => c.trim().toUpperCase());
    if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
      throw new ConfigError(
        `--holidays: "${flags.holidays}" is not a list of two-letter country codes (or none).`,
      );
    try {
      holidayGaps([], countries);
    } catch {
      throw new ConfigError(
        `--holidays: "${flags.holidays}" names a country without a holiday calendar (ISO 3166-1 codes known to date-holidays, e.g. CN,RU,IR,US).`,
      );
    }
    signals.features = { time: { holidayCountries: countries } };
  }
  if (Object.keys(signals).length > 0) options.signals = signals;
  if (flags.db !== undefined) options.db = flags.db;
  if (flags.threads !== undefined) options.threads = integer('threads', flags.threads, 1);
  if (flags.memoryLimit !== undefined) options.memoryLimit = flags.memoryLimit;
  return options;
}
