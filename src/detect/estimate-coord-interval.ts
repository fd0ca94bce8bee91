/**
 * CooRnet's automatic coordination interval, `estimate_coord_interval(ct_shares.df, q = 0.1, p = 0.5)`, ported to
 * the traces of one kind in a Chorus case store: an object is CooRnet's `expanded` URL, a trace is a share. A
 * baseline for the automatic co-action window (DESIGN.md §4); Chorus's own estimator is {@link estimateWindows}.
 *
 * Source read for this port: Giglietto & Righetti, CooRnet (R package), https://github.com/fabiogiglietto/CooRnet,
 * file `R/estimate_coord_interval.r` at commit 81cc9e476cc008535756fa19d5888a068791c50d (the CrowdTangle version;
 * the MongoDB variant `R/estimate_coord_interval.R` at 23b8cbdc29a0835030dcb83589d7526c7e1464ff computes the same
 * steps), and `R/get_coord_shares.R` for how the result is used. Steps, as in the R code:
 * 1. URLs with more than one share (`table(expanded)`, `ct_shares > 1`); only their shares are kept.
 * 2. Per URL: `rank(date, ties.method = "first")`, `sec_from_first_share = date − min(date)` (seconds),
 *    `perc_of_shares = rank / n()`.
 * 3. `rank_2`: the `sec_from_first_share` of each URL's rank-2 share; URLs whose value is ≤ `quantile(…, q)`
 *    (R's default type 7) are "the quickest" and only their shares are kept.
 * 4. Among those shares, `perc_of_shares > p`; per URL the minimum `sec_from_first_share` of them, i.e. the time the
 *    URL took to gather more than a share p of its shares.
 * 5. `coordination_interval = paste0(quantile(…, p), " secs")` — the quantile at **p** (not q) over those URLs —
 *    replaced by `"1 secs"` when it is exactly `"0 secs"`.
 *
 * Interpretation notes (where the port had to choose):
 * - The result is a number of seconds, not CooRnet's string. It is R's value unrounded (fractional when the type-7
 *   interpolation falls between two values or times have milliseconds). CooRnet's `get_coord_shares` hands the
 *   string to `cut.POSIXt(breaks = "12.5 secs")`, which truncates the step with `as.integer`; round as needed
 *   before feeding `CoactionOptions.windowSeconds` (a whole number of milliseconds).
 * - "0 secs" → 1: only an exact 0 (R prints any positive value as non-zero). No URL with more than one share, or
 *   no share with `perc_of_shares > p` (p = 1), gives R's `"NA secs"`: here `seconds` is `null`.
 * - Step 4 takes the minimum per URL: the R code calls `mutate(min(…))` on `ranked_shares`, which is still grouped
 *   by `expanded` (dplyr keeps the grouping through `arrange` and `subset`).
 * - Times: Δt is computed in whole milliseconds, then divided by 1000 (R subtracts POSIXct doubles; identical for
 *   the whole-second CrowdTangle dates).
 * - Ties in time are ranked by (`rec`, `account`); CooRnet ranks them in input order. The result does not depend
 *   on it: tied shares have the same `sec_from_first_share`, and both quantile steps only see order statistics.
 * - Shares are counted as traces, whatever the account (CooRnet does not require two distinct accounts here).
 *   CooRnet's de-duplication of (post, URL) rows is the trace extraction's job (one trace per post and object).
 * - Both quantiles follow R's `quantile.default(type = 7)` operation by operation (`1 + (n − 1)·p`, then
 *   `(1 − h)·x_lo + h·x_hi`), inside DuckDB, so values equal R's to the last bit (src/graph/quantile-type7.ts).
 *
 * References
 * - Giglietto, F., Righetti, N., Rossi, L. & Marino, G. (2020). It takes a village to manipulate the media:
 *   coordinated link sharing behavior during 2018 and 2019 Italian elections. Information, Communication &
 *   Society 23(6), 867–891. doi:10.1080/1369118X.2020.1739732
 * - Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American Statistician 50(4),
 *   361–365. doi:10.1080/00031305.1996.10473566
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import { TRACE_KINDS, type TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

const PREFIX = 'detect/estimate-coord-interval';

/** Options of {@link estimateCoordInterval}. */
export interface CoordIntervalOptions {
  /** Trace kind whose traces are the shares (CooRnet works on URLs: `url`). */
  kind: TraceKind;
  /** CooRnet `q`: quantile (in [0, 1]) of rank-2 times that marks the quickest objects. */
  q: number;
  /** CooRnet `p`: share of an object's traces to exceed, and the quantile of the result (in [0, 1]). */
  p: number;
}

/** Defaults of {@link CoordIntervalOptions} (CooRnet's own): `q` 0.1, `p` 0.5. `kind` has no default. */
export const COORD_INTERVAL_DEFAULTS: Readonly<Omit<CoordIntervalOptions, 'kind'>> = Object.freeze({
  q: 0.1,
  p: 0.5,
});

/** Input of {@link estimateCoordInterval}: `kind` required, the rest optional. */
export type CoordIntervalOptionsInput = OptionsInput<CoordIntervalOptions> & { kind: TraceKind };

/** Result of {@link estimateCoordInterval}. */
export interface CoordInterval {
  /** The trace kind estimated. */
  kind: TraceKind;
  /**
   * CooRnet's coordination interval in seconds (R's value, unrounded; 1 when it is 0), or `null` when R would give
   * `"NA secs"` (no object with two traces, or `p` = 1).
   */
  seconds: number | null;
  /** Objects of the kind with more than one trace (CooRnet's URL list). */
  objects: number;
  /** Traces on those objects (CooRnet's shares after step 1). */
  shares: number;
  /** Objects the final quantile is taken over: the quickest ones with a trace past share `p` (step 4). */
  quickestObjects: number;
}

/**
 * Merge partial options over {@link COORD_INTERVAL_DEFAULTS} and validate them.
 * @throws {ConfigError} `CONFIG_INVALID` (see {@link validateCoordIntervalOptions})
 */
export function resolveCoordIntervalOptions(input: CoordIntervalOptionsInput): CoordIntervalOptions {
  const options = { ...COORD_INTERVAL_DEFAULTS, ...definedFields(input) } as CoordIntervalOptions;
  validateCoordIntervalOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `kind` is not a trace kind or `q`/`p` is not a
 *   number in [0, 1] (CooRnet stops with "The p value must be between 0 and 1").
 */
export function validateCoordIntervalOptions(options: CoordIntervalOptions): void {
  if (!(TRACE_KINDS as readonly string[]).includes(options.kind)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`kind\` (${String(options.kind)}). Expecting one of ${TRACE_KINDS.join(', ')}.`,
    );
  }
  for (const field of ['q', 'p'] as const) {
    const v = options[field];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`${field}\` (${String(v)}). Expecting a number between 0 and 1.`,
      );
    }
  }
}

/**
 * CTEs `<name>_s`, `<name>_b` and `<name>` (one column `q`, no row when the source is empty): R's type-7 quantile
 * of `source.v` at probability `prob`, in R's operation order.
 */
function type7Ctes(name: string, source: string, prob: string): string {
  return `${name}_s AS (
    SELECT v, row_number() OVER (ORDER BY v) AS k, count(*) OVER () AS n FROM ${source}
  ),
  ${name}_b AS (
    SELECT j, floor(j) AS lo, ceil(j) AS hi
    FROM (SELECT any_value(1 + (n - 1) * ${prob}) AS j FROM ${name}_s)
  ),
  ${name} AS (
    SELECT CASE WHEN j > lo AND x_hi <> x_lo THEN (1 - (j - lo)) * x_lo + (j - lo) * x_hi ELSE x_lo END AS q
    FROM (
      SELECT b.j, b.lo, max(s.v) FILTER (WHERE s.k = b.lo) AS x_lo, max(s.v) FILTER (WHERE s.k = b.hi) AS x_hi
      FROM ${name}_s s, ${name}_b b
      GROUP BY b.j, b.lo
    )
  )`;
}

/** The whole estimate as one DuckDB query; parameters `$kind`, `$q`, `$p`. */
const COORD_INTERVAL_SQL = `
WITH ranked AS (
  SELECT object, rnk, (ts_ms - first_ms)::DOUBLE / 1000 AS sec, rnk::DOUBLE / n AS perc
  FROM (
    SELECT object, ts_ms,
      count(*) OVER (PARTITION BY object) AS n,
      min(ts_ms) OVER (PARTITION BY object) AS first_ms,
      row_number() OVER (PARTITION BY object ORDER BY ts_ms, rec, account) AS rnk
    FROM traces WHERE kind = $kind
  )
  WHERE n > 1
),
rank2 AS (SELECT object, sec AS v FROM ranked WHERE rnk = 2),
${type7Ctes('q_fast', 'rank2', '$q::DOUBLE')},
quick AS (SELECT object FROM rank2 WHERE v <= (SELECT q FROM q_fast)),
sub AS (
  SELECT r.object, min(r.sec) AS v
  FROM ranked r SEMI JOIN quick USING (object)
  WHERE r.perc > $p::DOUBLE
  GROUP BY r.object
),
${type7Ctes('q_int', 'sub', '$p::DOUBLE')}
SELECT (SELECT q FROM q_int) AS seconds,
  (SELECT count(*) FROM rank2) AS objects,
  (SELECT count(*) FROM ranked) AS shares,
  (SELECT count(*) FROM sub) AS quickest`;

/**
 * CooRnet's `estimate_coord_interval` on the traces of one kind (see the module header for the steps, the source
 * and every interpretation). One set-oriented DuckDB query (window functions), linear in the kind's traces apart
 * from two sorts.
 *
 * @param store a case store with a filled `traces` table
 * @param input `kind` (required); `q` (default 0.1) and `p` (default 0.5), both in [0, 1]
 * @returns the interval in seconds (or `null`) and the counts it rests on
 * @throws {ConfigError} `CONFIG_INVALID` on an invalid option
 * @throws {StoreError} when the query fails
 * @example
 * const { seconds } = await estimateCoordInterval(store, { kind: 'url' }); // e.g. 12 (CooRnet: "12 secs")
 */
export async function estimateCoordInterval(
  store: DuckStore,
  input: CoordIntervalOptionsInput,
): Promise<CoordInterval> {
  const { kind, q, p } = resolveCoordIntervalOptions(input);
  const rows = await store.all(COORD_INTERVAL_SQL, { kind, q, p });
  const row = rows[0] ?? {};
  const raw = row.seconds === null || row.seconds === undefined ? null : Number(row.seconds);
  return {
    kind,
    seconds: raw === 0 ? 1 : raw,
    objects: Number(row.objects ?? 0),
    shares: Number(row.shares ?? 0),
    quickestObjects: Number(row.quickest ?? 0),
  };
}
