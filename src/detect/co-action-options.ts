/**
 * Options of the co-action stage ({@link computeCoactions}): one sliding time window per trace kind, which kinds
 * to pair, the viral-object bound and the evidence sample size. STYLE.md convention 3: exported defaults, a
 * `resolve…()` that merges partial input, a `validate…()` that throws {@link ConfigError} naming the field.
 *
 * Window defaults and why (seconds):
 * - `share`, `reply`, `url`, `domain`, `hashtag`, `mention`, `object`: 60. Keller et al. 2020
 *   (doi:10.1080/10584609.2019.1661888) count co-tweets and co-retweets within one minute, and the QUT
 *   coordination network toolkit (Graham et al. 2024) describes coordination as acting "within a short time
 *   window (e.g. within 1 minute)". It is wider than CooRTweet's `detect_groups` default of 10 s (Righetti &
 *   Balluff) so that slower scheduled automation is still paired; chance pairs that a wider window lets in are
 *   removed later by the significance filter (DESIGN.md §4), not by narrowing the window.
 * - `text`, `media`, `neardup`: 300. Re-posting the same text or image is a copy-paste or upload, slower than a
 *   one-click share, and an exact match of a normalized text (≥ 20 characters) or an image hash is far rarer by
 *   chance than a popular URL or hashtag, so a five-minute window adds few chance pairs.
 * - `misspelling`: 604,800 (7 days). A shared rare misspelling is a writer's habit (one operator, one keyboard,
 *   one template), not a synchronized act; the week keeps it tied to one stretch of a campaign.
 * - `hashtagseq`: 86,400 (1 day). The object is already one account's UTC day of hashtags (Pacheco et al. 2021,
 *   doi:10.1609/icwsm.v15i1.18075, case 3), so two accounts match on the same or the neighbouring day.
 * CooRnet (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732) estimates the window from the data instead;
 * the automatic window (DESIGN.md §4) will feed {@link CoactionOptions.windowSeconds} the same way.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { TRACE_KINDS, type TraceKind } from '../model/trace.js';

/** Resolved options of {@link computeCoactions}. */
export interface CoactionOptions {
  // — time windows —
  /**
   * Per-kind window W in seconds (≥ 0, a whole number of milliseconds): accounts a≠b co-act on an object when
   * their traces on it are at most W apart (|t_a − t_b| ≤ W, inclusive, sliding, exact). See the module header for
   * the defaults.
   */
  windowSeconds: Record<TraceKind, number>;
  /** Trace kinds to pair (non-empty, no duplicates). Default: every kind in {@link TRACE_KINDS}. */
  kinds: readonly TraceKind[];
  // — viral objects —
  /**
   * Most traces one (kind, object, window bucket) cell may hold and still be paired (integer ≥ 2). A fuller cell
   * is a viral-object burst: its traces are not paired (memory stays flat) and it is counted in
   * `CoactionStats.bounded`. Default 1000 (≈ 500,000 pairs from one cell at most).
   */
  maxTracesPerObjectWindow: number;
  // — evidence —
  /**
   * Co-action pairs kept per edge as evidence, smallest Δt first, plus the first pair of each further trace kind of
   * the edge (integer ≥ 0; 0 keeps none). Default 10.
   */
  evidencePerEdge: number;
}

/**
 * A window specification as produced by {@link parseWindowSpec}: seconds per kind, and `default` for every kind
 * not named. Kinds named neither here nor by `default` keep {@link COACTION_DEFAULTS}.
 */
export type WindowSpec = Partial<Record<TraceKind, number>> & { default?: number };

/** Input of {@link resolveCoactionOptions}: every field optional; `windowSeconds` may be partial. */
export interface CoactionOptionsInput {
  /** Seconds per kind; missing kinds fall back to `default`, then to {@link COACTION_DEFAULTS}. */
  windowSeconds?: WindowSpec | undefined;
  /** See {@link CoactionOptions.kinds}. */
  kinds?: readonly TraceKind[] | undefined;
  /** See {@link CoactionOptions.maxTracesPerObjectWindow}. */
  maxTracesPerObjectWindow?: number | undefined;
  /** See {@link CoactionOptions.evidencePerEdge}. */
  evidencePerEdge?: number | undefined;
}

/**
 * Defaults of {@link CoactionOptions}; the reasons for each window are in this module's header.
 * @example COACTION_DEFAULTS.windowSeconds.share // 60
 */
export const COACTION_DEFAULTS: Readonly<CoactionOptions> = Object.freeze({
  windowSeconds: Object.freeze({
    url: 60,
    domain: 60,
    hashtag: 60,
    mention: 60,
    share: 60,
    reply: 60,
    text: 300,
    media: 300,
    object: 60,
    neardup: 300,
    misspelling: 604_800,
    hashtagseq: 86_400,
  }),
  kinds: TRACE_KINDS,
  maxTracesPerObjectWindow: 1000,
  evidencePerEdge: 10,
});

const PREFIX = 'detect/co-action';
const KIND_SET: ReadonlySet<string> = new Set(TRACE_KINDS);

/**
 * Merge partial options over {@link COACTION_DEFAULTS} and validate the result.
 * @param input partial options; `windowSeconds` may name some kinds and/or a `default` for the rest
 * @returns complete, validated options (a fresh object; the defaults are never mutated)
 * @throws {ConfigError} `CONFIG_INVALID` when a field is invalid (see {@link validateCoactionOptions}), or when
 *   `windowSeconds` names a key that is neither a trace kind nor `default`
 * @example
 * resolveCoactionOptions({ windowSeconds: { default: 30, share: 10 } }).windowSeconds.url // 30
 */
export function resolveCoactionOptions(input: CoactionOptionsInput = {}): CoactionOptions {
  const spec = input.windowSeconds ?? {};
  for (const key of Object.keys(spec)) {
    if (key !== 'default' && !KIND_SET.has(key)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`windowSeconds.${key}\`. Expecting a trace kind (${TRACE_KINDS.join(', ')}) or \`default\`.`,
      );
    }
  }
  const windowSeconds = {} as Record<TraceKind, number>;
  for (const kind of TRACE_KINDS) {
    windowSeconds[kind] = spec[kind] ?? spec.default ?? COACTION_DEFAULTS.windowSeconds[kind];
  }
  const options: CoactionOptions = {
    windowSeconds,
    kinds: [...(input.kinds ?? COACTION_DEFAULTS.kinds)],
    maxTracesPerObjectWindow: input.maxTracesPerObjectWindow ?? COACTION_DEFAULTS.maxTracesPerObjectWindow,
    evidencePerEdge: input.evidencePerEdge ?? COACTION_DEFAULTS.evidencePerEdge,
  };
  validateCoactionOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field and the expectation, when
 *   - a `windowSeconds` entry is missing, not finite, negative, finer than 1 ms, or above 10^9 s;
 *   - `kinds` is empty, has duplicates, or names an unknown kind;
 *   - `maxTracesPerObjectWindow` is not an integer ≥ 2;
 *   - `evidencePerEdge` is not an integer ≥ 0.
 */
export function validateCoactionOptions(options: CoactionOptions): void {
  for (const kind of TRACE_KINDS) {
    const w = options.windowSeconds?.[kind];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1e9) {
      throw new ConfigError(
        `${PREFIX}: invalid \`windowSeconds.${kind}\` (${String(w)}). Expecting a number of seconds between 0 and 1e9.`,
      );
    }
    if (Math.abs(w * 1000 - Math.round(w * 1000)) > 1e-6) {
      throw new ConfigError(
        `${PREFIX}: invalid \`windowSeconds.${kind}\` (${w}). Expecting a whole number of milliseconds.`,
      );
    }
  }
  if (!Array.isArray(options.kinds) || options.kinds.length === 0) {
    throw new ConfigError(`${PREFIX}: invalid \`kinds\`. Expecting a non-empty list of trace kinds.`);
  }
  const seen = new Set<string>();
  for (const kind of options.kinds) {
    if (!KIND_SET.has(kind)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`kinds\` entry "${String(kind)}". Expecting one of ${TRACE_KINDS.join(', ')}.`,
      );
    }
    if (seen.has(kind)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`kinds\`: "${kind}" is listed twice. Expecting distinct kinds.`,
      );
    }
    seen.add(kind);
  }
  const cap = options.maxTracesPerObjectWindow;
  if (!Number.isSafeInteger(cap) || cap < 2) {
    throw new ConfigError(
      `${PREFIX}: invalid \`maxTracesPerObjectWindow\` (${String(cap)}). Expecting an integer ≥ 2.`,
    );
  }
  const ev = options.evidencePerEdge;
  if (!Number.isSafeInteger(ev) || ev < 0) {
    throw new ConfigError(
      `${PREFIX}: invalid \`evidencePerEdge\` (${String(ev)}). Expecting an integer ≥ 0.`,
    );
  }
}

/**
 * The window of `kind` in whole milliseconds (the inclusive bound on |t_a − t_b|).
 * @param options resolved options
 * @param kind a trace kind
 * @returns `round(windowSeconds[kind] × 1000)`
 */
export function windowMs(options: CoactionOptions, kind: TraceKind): number {
  return Math.round(options.windowSeconds[kind] * 1000);
}
