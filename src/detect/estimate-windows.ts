/**
 * Automatic co-action window per trace kind, estimated from the data ("excess synchrony", DESIGN.md §4): the
 * window W that holds most of the synchrony that chance does not explain. It feeds
 * `CoactionOptions.windowSeconds`; CooRnet's estimator ({@link estimateCoordInterval}) is the baseline.
 *
 * Method, for one kind:
 * 1. Eligible traces: the traces on objects that at least two distinct accounts acted on. For each, g = |Δt| to the
 *    nearest trace on the same object by a DIFFERENT account (before or after; other traces by the same account
 *    are skipped), and m = the number of traces on that object by other accounts.
 * 2. T = the observation span of the kind (max − min time over all its traces), at least 1 s.
 * 3. On a grid of windows w (seconds, cut to w ≤ T): the observed count O(w) = #{eligible traces with g ≤ w}, and
 *    the expected count under the null model E(w) = Σ_eligible 1 − (1 − min(1, 2w/T))^m.
 * 4. Excess X(w) = O(w) − E(w). W = the smallest grid value with X(w) ≥ `coverage` · max X: "the window that
 *    already holds 90 % of the excess synchrony".
 * 5. Noise guard (an addition to the plain rule "no excess when max X ≤ 0"): sd(w) = √(2·Σ n_m·P_m·(1 − P_m) + 1),
 *    with P_m = 1 − (1 − min(1, 2w/T))^m, is the null standard deviation of O(w) (close traces come in pairs, hence
 *    the 2; the + 1 keeps one chance pair from counting when E ≈ 0). w* = the grid value with the largest lower
 *    bound X(w) − `minExcessZ`·sd(w); `no-excess` when that bound is ≤ 0; else W = the smallest grid value with
 *    X(w) ≥ `coverage` · X(w*). `minExcessZ: 0` gives back the plain rule exactly. Why: on pure chance data some
 *    grid value always shows a few traces of positive X, so the plain rule returns an arbitrary W (measured: 1 s
 *    to 2 days on 80 uniform 14-day backgrounds of 5,000–30,000 traces, 76 of 80 `ok`); with the default 4, all 80
 *    give `no-excess`, while 5 accounts relaying on 30 objects 10–20 s apart (150 traces) added to each of them
 *    are found every time (W = 20 s in 77 of 80, else 30 or 60 s).
 *
 * Null model: each account's timeline is shifted by an independent uniform random offset (circularly over the
 * period T). This keeps each account's rhythm and each object's popularity and breaks only the synchrony between
 * accounts. One other-account trace then lands within ±w of a given trace with probability min(1, 2w/T); the m of
 * them are treated as independent, which is exact when they come from m different accounts and an approximation
 * when one account has several traces on the object (they move together). Shift surrogates of this kind are the
 * standard null model for precise synchrony between point processes (Grün 2009). Because real timelines are not
 * circular, E slightly overstates the chance count for large w (two uniform times on [0, T] are within w with
 * probability 2w/T − (w/T)², not 2w/T), so pure background tends to show X ≤ 0 at large w ("no-excess").
 * Caveat: the shift also breaks organic synchrony that is not coordination: objects that live a few hours (news,
 * trending tags) and the shared day/night rhythm gather traces closer than a uniform shift predicts, so real data
 * will show excess at minute-to-hour scales too; read W next to the `observed`/`expected` curves.
 *
 * Efficiency: two DuckDB queries for all kinds (the spans, then the gaps). g comes from window functions over (kind, object) ordered by time:
 * consecutive traces of one account form a run, and the nearest other-account traces of every trace in a run are
 * the last trace of the previous run and the first trace of the next one. O(w) is counted per (kind, m) with one
 * FILTER aggregate per grid value, so E(w) is summed over the distinct m values, not over traces.
 *
 * References
 * - Grün, S. (2009). Data-driven significance estimation for precise spike correlation. Journal of
 *   Neurophysiology 101(3), 1126–1140. doi:10.1152/jn.00093.2008 (shift/dither surrogates as the null model).
 * - Giglietto, F., Righetti, N., Rossi, L. & Marino, G. (2020). It takes a village to manipulate the media.
 *   Information, Communication & Society 23(6), 867–891. doi:10.1080/1369118X.2020.1739732 (estimating the
 *   window from the data, CooRnet).
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import { TRACE_KINDS, type TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

const PREFIX = 'detect/estimate-windows';

/** Options of {@link estimateWindows}. */
export interface WindowEstimateOptions {
  /** Trace kinds to estimate (non-empty, no duplicates). Default: every kind in {@link TRACE_KINDS}. */
  kinds: readonly TraceKind[];
  /**
   * Candidate windows in seconds: strictly increasing, each > 0, ≤ 1e9 and a whole number of milliseconds. Cut per
   * kind to the values ≤ T. Default {@link DEFAULT_WINDOW_GRID_SECONDS}.
   */
  grid: readonly number[];
  /** Share of the largest excess the window must hold, in (0, 1]. Default 0.9. */
  coverage: number;
  /** Fewest eligible traces (integer ≥ 1) for an estimate; fewer gives status `too-few`. Default 50. */
  minTraces: number;
  /**
   * Noise guard: how many null standard deviations the excess must clear (number ≥ 0; 0 = the plain rule
   * "max X > 0"). Default 4.
   */
  minExcessZ: number;
}

/**
 * Default grid (seconds): 1, 2, 5, 10, 15, 20, 30, 45 s; 1, 1.5, 2, 3, 5, 10, 15, 30 min; 1, 2, 6, 12 h; 1, 2,
 * 7 days. Roughly logarithmic, with the round values analysts use, from one-click automation (seconds) to the
 * daily and weekly rhythm of slower kinds (`hashtagseq`, `misspelling`).
 */
export const DEFAULT_WINDOW_GRID_SECONDS: readonly number[] = Object.freeze([
  1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400,
  172_800, 604_800,
]);

/**
 * Defaults of {@link WindowEstimateOptions}: every kind; {@link DEFAULT_WINDOW_GRID_SECONDS}; `coverage` 0.9 (the
 * window holding 90 % of the excess, so a long thin tail of slow co-actions does not stretch W); `minTraces` 50
 * (below that, O(w) is too noisy to place a window); `minExcessZ` 4 (3 still let 3 of 80 pure-chance backgrounds
 * through, as sd understates the clustering of close traces; see the module header).
 */
export const WINDOW_ESTIMATE_DEFAULTS: Readonly<WindowEstimateOptions> = Object.freeze({
  kinds: TRACE_KINDS,
  grid: DEFAULT_WINDOW_GRID_SECONDS,
  coverage: 0.9,
  minTraces: 50,
  minExcessZ: 4,
});

/** Input of {@link estimateWindows}: every field optional. */
export type WindowEstimateOptionsInput = OptionsInput<WindowEstimateOptions>;

/** The estimate for one kind. */
export interface WindowEstimate {
  kind: TraceKind;
  /** The estimated window W in seconds (a grid value), or `null` unless `status` is `ok`. */
  seconds: number | null;
  /**
   * `ok`; `too-few` when fewer than `minTraces` traces are eligible; `no-excess` when no grid value has an excess
   * X > 0 above the noise guard `minExcessZ` (or no grid value is ≤ T).
   */
  status: 'ok' | 'too-few' | 'no-excess';
  /** Eligible traces: traces on objects acted on by at least two distinct accounts. */
  traces: number;
  /** O(w) per grid value: eligible traces whose nearest other-account trace is at most w away. */
  observed: number[];
  /** E(w) per grid value: the expected O(w) under the shift null model. */
  expected: number[];
  /** The grid used, in seconds (the option's grid cut to values ≤ T). */
  grid: number[];
}

/**
 * Merge partial options over {@link WINDOW_ESTIMATE_DEFAULTS} and validate them.
 * @returns fresh, validated options
 * @throws {ConfigError} `CONFIG_INVALID` (see {@link validateWindowEstimateOptions})
 */
export function resolveWindowEstimateOptions(input: WindowEstimateOptionsInput = {}): WindowEstimateOptions {
  const merged = { ...WINDOW_ESTIMATE_DEFAULTS, ...definedFields(input) } as WindowEstimateOptions;
  const copy = <V>(list: readonly V[]): readonly V[] => (Array.isArray(list) ? [...list] : list);
  const options: WindowEstimateOptions = { ...merged, kinds: copy(merged.kinds), grid: copy(merged.grid) };
  validateWindowEstimateOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `kinds` is empty, has duplicates or unknown kinds;
 *   `grid` is empty, not strictly increasing, or has a value not in (0, 1e9] or not a whole number of ms;
 *   `coverage` is not in (0, 1]; `minTraces` is not an integer ≥ 1; `minExcessZ` is not a number in [0, 1e6].
 */
export function validateWindowEstimateOptions(options: WindowEstimateOptions): void {
  const { kinds, grid, coverage, minTraces, minExcessZ } = options;
  if (!Array.isArray(kinds) || kinds.length === 0) {
    throw new ConfigError(`${PREFIX}: invalid \`kinds\`. Expecting a non-empty list of trace kinds.`);
  }
  for (const [i, kind] of kinds.entries()) {
    if (!(TRACE_KINDS as readonly string[]).includes(kind) || kinds.indexOf(kind) !== i) {
      throw new ConfigError(
        `${PREFIX}: invalid \`kinds\` entry "${String(kind)}". Expecting distinct kinds among ${TRACE_KINDS.join(', ')}.`,
      );
    }
  }
  if (!Array.isArray(grid) || grid.length === 0) {
    throw new ConfigError(`${PREFIX}: invalid \`grid\`. Expecting a non-empty list of seconds.`);
  }
  for (const [i, w] of grid.entries()) {
    const ok =
      typeof w === 'number' &&
      w > 0 &&
      w <= 1e9 &&
      Math.abs(w * 1000 - Math.round(w * 1000)) <= 1e-6 &&
      (i === 0 || w > (grid[i - 1] as number));
    if (!ok) {
      throw new ConfigError(
        `${PREFIX}: invalid \`grid[${i}]\` (${String(w)}). Expecting increasing seconds in (0, 1e9], whole milliseconds.`,
      );
    }
  }
  if (typeof coverage !== 'number' || !(coverage > 0 && coverage <= 1)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`coverage\` (${String(coverage)}). Expecting a number in (0, 1].`,
    );
  }
  if (!Number.isSafeInteger(minTraces) || minTraces < 1) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minTraces\` (${String(minTraces)}). Expecting an integer ≥ 1.`,
    );
  }
  if (typeof minExcessZ !== 'number' || !(minExcessZ >= 0 && minExcessZ <= 1e6)) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minExcessZ\` (${String(minExcessZ)}). Expecting a number between 0 and 1e6.`,
    );
  }
}

/** Per (kind, m): eligible traces `n` and O(w) for every grid value (`o0`, `o1`, …). Kinds are validated. */
function gapSql(kinds: readonly TraceKind[], gridMs: readonly number[]): string {
  const kindList = kinds.map((k) => `'${k}'`).join(', ');
  const counts = gridMs.map((w, i) => `count(*) FILTER (WHERE g_ms <= ${w}) AS o${i}`).join(',\n    ');
  return `
WITH multi AS (
  -- Only objects acted on by two or more accounts can have an eligible trace; most objects (one post's text) are
  -- left out here, before the window functions sort anything.
  SELECT object FROM traces WHERE kind IN (${kindList}) GROUP BY object HAVING min(account) <> max(account)
),
s1 AS (
  SELECT kind, object, account, rec, ts_ms,
    count(*) OVER (PARTITION BY kind, object) - count(*) OVER (PARTITION BY kind, object, account) AS m,
    lag(account) OVER w AS prev_account, lag(ts_ms) OVER w AS prev_ts,
    lead(account) OVER w AS next_account, lead(ts_ms) OVER w AS next_ts
  FROM traces SEMI JOIN multi USING (object)
  WHERE kind IN (${kindList})
  WINDOW w AS (PARTITION BY kind, object ORDER BY ts_ms, account, rec)
),
runs AS (
  SELECT kind, object, ts_ms, m, prev_ts, next_ts,
    prev_account IS DISTINCT FROM account AS starts_run,
    next_account IS DISTINCT FROM account AS ends_run,
    sum(CASE WHEN prev_account IS DISTINCT FROM account THEN 1 ELSE 0 END)
      OVER (PARTITION BY kind, object ORDER BY ts_ms, account, rec ROWS UNBOUNDED PRECEDING) AS run
  FROM s1
  WHERE m > 0
),
nearest AS (
  SELECT kind, m, ts_ms,
    max(CASE WHEN starts_run THEN prev_ts END) OVER r AS prev_other,
    min(CASE WHEN ends_run THEN next_ts END) OVER r AS next_other
  FROM runs
  WINDOW r AS (PARTITION BY kind, object, run)
),
gaps AS (
  SELECT kind, m,
    least(coalesce(ts_ms - prev_other, next_other - ts_ms), coalesce(next_other - ts_ms, ts_ms - prev_other)) AS g_ms
  FROM nearest
)
SELECT kind, m, count(*) AS n,
    ${counts}
FROM gaps
GROUP BY kind, m
ORDER BY kind, m`;
}

interface GapRow {
  kind: string;
  m: number;
  n: number;
  o: number[];
}

/** Null-model moments at window w: E(w) = Σ_m n_m·P_m and Var(w) = Σ_m n_m·P_m·(1 − P_m), summed in ascending m. */
function nullMoments(
  rows: readonly GapRow[],
  w: number,
  spanSeconds: number,
): { mean: number; variance: number } {
  const x = Math.min(1, (2 * w) / spanSeconds);
  let mean = 0;
  let variance = 0;
  for (const row of rows) {
    const pm = 1 - (1 - x) ** row.m;
    mean += row.n * pm;
    variance += row.n * pm * (1 - pm);
  }
  return { mean, variance };
}

/**
 * Status and W from the curves. The grid point w* where the excess is most clearly above noise is the one with the
 * largest lower bound X(w) − `minExcessZ`·sd(w) (first on ties); a bound ≤ 0 → `no-excess`; else W = the smallest
 * grid value with X(w) ≥ coverage · X(w*). With `minExcessZ` 0, w* is the arg-max of X: the plain rule.
 */
function pickWindow(
  grid: readonly number[],
  observed: readonly number[],
  moments: readonly { mean: number; variance: number }[],
  options: WindowEstimateOptions,
): { seconds: number | null; status: 'ok' | 'no-excess' } {
  const excess = observed.map((o, i) => o - (moments[i] as { mean: number }).mean);
  let best = -1;
  let bestBound = 0;
  for (const [i, x] of excess.entries()) {
    const bound = x - options.minExcessZ * noiseSd((moments[i] as { variance: number }).variance);
    if (bound > bestBound) {
      best = i;
      bestBound = bound;
    }
  }
  if (best < 0) return { seconds: null, status: 'no-excess' };
  const target = options.coverage * (excess[best] as number);
  const i = excess.findIndex((x) => x >= target);
  return { seconds: grid[i] as number, status: 'ok' };
}

/**
 * Null standard deviation of O(w) from the independent-trace variance: √(2·Var + 1). Close traces come in pairs
 * (each of two close traces is close to the other), so O is about twice a Poisson count of close pairs, whose
 * variance is twice the independent one; the + 1 keeps one chance pair (X = 2) from passing when E ≈ 0.
 */
function noiseSd(variance: number): number {
  return Math.sqrt(2 * variance + 1);
}

/** One kind's estimate from its (m, n, O) rows and span. */
function estimateKind(
  kind: TraceKind,
  rows: readonly GapRow[],
  spanMs: number,
  options: WindowEstimateOptions,
): WindowEstimate {
  const spanSeconds = Math.max(1, spanMs / 1000);
  const kept = options.grid.map((w, i) => ({ w, i })).filter(({ w }) => w <= spanSeconds);
  const grid = kept.map(({ w }) => w);
  const observed = kept.map(({ i }) => rows.reduce((sum, row) => sum + (row.o[i] as number), 0));
  const moments = grid.map((w) => nullMoments(rows, w, spanSeconds));
  const expected = moments.map((mo) => mo.mean);
  const traces = rows.reduce((sum, row) => sum + row.n, 0);
  const base = { kind, traces, observed, expected, grid };
  if (traces < options.minTraces) return { ...base, seconds: null, status: 'too-few' };
  return { ...base, ...pickWindow(grid, observed, moments, options) };
}

/**
 * Estimate the co-action window of each kind from the data ("excess synchrony"; method, null model and sources in
 * the module header). Deterministic: same traces and options → same result, whatever the insertion order.
 *
 * @param store a case store with a filled `traces` table
 * @param input `kinds` (default all), `grid` (seconds, default {@link DEFAULT_WINDOW_GRID_SECONDS}), `coverage`
 *   (default 0.9), `minTraces` (default 50), `minExcessZ` (default 4)
 * @returns one {@link WindowEstimate} per kind, in the order of `kinds`
 * @throws {ConfigError} `CONFIG_INVALID` on an invalid option
 * @throws {StoreError} when a query fails
 * @example
 * const [share] = await estimateWindows(store, { kinds: ['share'] });
 * if (share?.status === 'ok') windowSeconds.share = share.seconds;
 */
export async function estimateWindows(
  store: DuckStore,
  input: WindowEstimateOptionsInput = {},
): Promise<WindowEstimate[]> {
  const options = resolveWindowEstimateOptions(input);
  const gridMs = options.grid.map((w) => Math.round(w * 1000));
  const kindList = options.kinds.map((k) => `'${k}'`).join(', ');
  const spans = await store.all<{ kind: string; span: bigint }>(
    `SELECT kind, max(ts_ms) - min(ts_ms) AS span FROM traces WHERE kind IN (${kindList}) GROUP BY kind`,
  );
  const spanOf = new Map(spans.map((s) => [s.kind, Number(s.span)]));
  const raw = await store.all(gapSql(options.kinds, gridMs));
  const rowsOf = new Map<string, GapRow[]>();
  for (const r of raw) {
    const row: GapRow = {
      kind: String(r.kind),
      m: Number(r.m),
      n: Number(r.n),
      o: gridMs.map((_, i) => Number(r[`o${i}`])),
    };
    const list = rowsOf.get(row.kind);
    if (list) list.push(row);
    else rowsOf.set(row.kind, [row]);
  }
  return options.kinds.map((kind) =>
    estimateKind(kind, rowsOf.get(kind) ?? [], spanOf.get(kind) ?? 0, options),
  );
}
