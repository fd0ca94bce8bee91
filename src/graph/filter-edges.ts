/**
 * Edge filters of the account network: which co-action edges count as coordination.
 *
 * - `absolute`: keep an edge when its co-actions and distinct objects reach fixed minimums (the "repeated
 *   co-sharing" rule of Giglietto et al. 2020, CooRnet: two accounts sharing the same link once within the window
 *   may be chance, doing it repeatedly is not). Giglietto, F., Righetti, N., Rossi, L. & Marino, G. (2020). It
 *   takes a village to manipulate the media. Information, Communication & Society 23(6), 867–891.
 *   doi:10.1080/1369118X.2020.1739732
 * - `percentile`: CooRTweet-compatible (Righetti & Balluff, CooRTweet, `generate_coordinated_network()`): keep an
 *   edge when its weight (co-actions) is strictly greater than the type-7 quantile (R's default) of all edge weights,
 *   `weight > quantile(E(g)$weight, edge_weight)`. DESIGN.md §4 notes that a percentile cut flags someone even in
 *   purely organic data; it stays available to compare with the older tools.
 */
import { ConfigError } from '../errors.js';
import type { NetworkEdge } from '../model/network.js';
import { definedFields, type OptionsInput } from './options-input.js';
import { quantileType7 } from './quantile-type7.js';

/** Fixed-minimum filter: keep edges with `coactions ≥ minCoactions` and `objects ≥ minObjects`. */
export interface AbsoluteFilterOptions {
  mode: 'absolute';
  /** Minimum co-action pairs on the edge (integer ≥ 1). */
  minCoactions: number;
  /** Minimum distinct objects the two accounts co-acted on (integer ≥ 1). */
  minObjects: number;
}

/** CooRTweet percentile filter: keep edges with `coactions > quantile₇(all coactions, quantile)`. */
export interface PercentileFilterOptions {
  mode: 'percentile';
  /** Probability of the type-7 quantile of all edge weights, in [0, 1] (CooRTweet's `edge_weight`). */
  quantile: number;
}

/** Resolved options of {@link filterEdges}: one of the two modes. */
export type FilterEdgesOptions = AbsoluteFilterOptions | PercentileFilterOptions;

/**
 * What a caller may pass to {@link filterEdges}: a mode and any of its fields. Without `mode`, `absolute`.
 */
export type FilterEdgesInput =
  | ({ mode?: 'absolute' | undefined } & OptionsInput<Omit<AbsoluteFilterOptions, 'mode'>>)
  | ({ mode: 'percentile' } & OptionsInput<Omit<PercentileFilterOptions, 'mode'>>);

/** Defaults per mode: absolute `minCoactions` 2, `minObjects` 1; percentile `quantile` 0.5 (CooRTweet's default). */
export const FILTER_EDGES_DEFAULTS: {
  readonly absolute: Readonly<AbsoluteFilterOptions>;
  readonly percentile: Readonly<PercentileFilterOptions>;
} = Object.freeze({
  absolute: Object.freeze({ mode: 'absolute', minCoactions: 2, minObjects: 1 } as const),
  percentile: Object.freeze({ mode: 'percentile', quantile: 0.5 } as const),
});

const FIELDS: Record<FilterEdgesOptions['mode'], readonly string[]> = {
  absolute: ['mode', 'minCoactions', 'minObjects'],
  percentile: ['mode', 'quantile'],
};

/**
 * Merge a partial {@link FilterEdgesInput} over the defaults of its mode, then validate.
 * @param input partial options; `{}` or `undefined` → absolute mode with its defaults
 * @returns complete, validated options
 * @throws {ConfigError} `CONFIG_INVALID` on an unknown mode, a field of the other mode, or an invalid value
 * @example resolveFilterEdgesOptions({ mode: 'percentile' }) // { mode: 'percentile', quantile: 0.5 }
 */
export function resolveFilterEdgesOptions(input: FilterEdgesInput = {}): FilterEdgesOptions {
  const mode = input.mode ?? 'absolute';
  if (mode !== 'absolute' && mode !== 'percentile') {
    throw new ConfigError(
      `graph/filter-edges: invalid \`mode\` ${JSON.stringify(mode)}. Expecting "absolute" or "percentile".`,
    );
  }
  for (const key of Object.keys(input)) {
    if (!FIELDS[mode].includes(key)) {
      throw new ConfigError(
        `graph/filter-edges: \`${key}\` is not an option of ${mode} mode. Expecting one of ${FIELDS[mode].join(', ')}.`,
      );
    }
  }
  const options = { ...FILTER_EDGES_DEFAULTS[mode], ...definedFields(input), mode } as FilterEdgesOptions;
  validateFilterEdgesOptions(options);
  return options;
}

/**
 * Check resolved {@link FilterEdgesOptions}.
 * @throws {ConfigError} `CONFIG_INVALID` when `minCoactions`/`minObjects` is not an integer ≥ 1, or `quantile` is
 * not a number in [0, 1]
 */
export function validateFilterEdgesOptions(options: FilterEdgesOptions): void {
  if (options.mode === 'absolute') {
    for (const key of ['minCoactions', 'minObjects'] as const) {
      const value = options[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw new ConfigError(
          `graph/filter-edges: invalid \`${key}\` ${String(value)}. Expecting an integer ≥ 1.`,
        );
      }
    }
  } else if (options.mode === 'percentile') {
    const q = options.quantile;
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
      throw new ConfigError(
        `graph/filter-edges: invalid \`quantile\` ${String(q)}. Expecting a number in [0, 1].`,
      );
    }
  } else {
    throw new ConfigError(`graph/filter-edges: invalid \`mode\`. Expecting "absolute" or "percentile".`);
  }
}

/** Result of {@link filterEdges.detailed}. */
export interface FilterEdgesResult {
  /** Kept edges, in input order. */
  kept: NetworkEdge[];
  /** Number of edges dropped. */
  dropped: number;
  /**
   * Percentile mode: the quantile of all edge weights (kept edges have `coactions >` it; `NaN` for no edges).
   * Absolute mode: `null`.
   */
  threshold: number | null;
  /** The resolved options used. */
  options: FilterEdgesOptions;
}

function filterEdgesDetailed(edges: readonly NetworkEdge[], input?: FilterEdgesInput): FilterEdgesResult {
  const options = resolveFilterEdgesOptions(input);
  let kept: NetworkEdge[];
  let threshold: number | null = null;
  if (options.mode === 'absolute') {
    kept = edges.filter((e) => e.coactions >= options.minCoactions && e.objects >= options.minObjects);
  } else {
    const t = quantileType7(
      edges.map((e) => e.coactions),
      options.quantile,
    );
    threshold = t;
    kept = edges.filter((e) => e.coactions > t);
  }
  return { kept, dropped: edges.length - kept.length, threshold, options };
}

/**
 * Keep the edges that count as coordination (see the file header for the two modes).
 *
 * @param edges candidate edges (not modified)
 * @param options `{ mode: 'absolute', minCoactions = 2, minObjects = 1 }` (the default mode) or
 *   `{ mode: 'percentile', quantile = 0.5 }`
 * @returns the kept edges, same objects, in input order
 * @throws {ConfigError} `CONFIG_INVALID` on invalid options (see {@link resolveFilterEdgesOptions})
 * @example
 * filterEdges(edges, { mode: 'percentile', quantile: 0.9 }); // edges above the 90th percentile of co-actions
 * filterEdges.detailed(edges).dropped; // how many fell below the absolute minimums
 */
export function filterEdges(edges: readonly NetworkEdge[], options?: FilterEdgesInput): NetworkEdge[] {
  return filterEdgesDetailed(edges, options).kept;
}

/** Same as {@link filterEdges}, with the dropped count, the percentile threshold and the resolved options. */
filterEdges.detailed = filterEdgesDetailed;
/** {@link FILTER_EDGES_DEFAULTS}. */
filterEdges.defaults = FILTER_EDGES_DEFAULTS;
