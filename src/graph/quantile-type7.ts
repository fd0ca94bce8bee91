/**
 * Sample quantile, R's default definition (Hyndman & Fan 1996, type 7), computed exactly the way R's
 * `stats::quantile.default(x, probs, type = 7)` does, so a threshold matches CooRTweet's
 * `quantile(E(g)$weight, edge_weight)` to the last bit (Righetti & Balluff, CooRTweet,
 * `R/generate_coordinated_network.R`).
 *
 * Reference: Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American
 * Statistician 50(4), 361–365. doi:10.1080/00031305.1996.10473566
 */
import { ConfigError } from '../errors.js';

/**
 * The type-7 quantile of `values` at probability `p`: with the values sorted ascending as x₁ ≤ … ≤ xₙ,
 * index j = 1 + (n − 1)·p, lo = ⌊j⌋, hi = ⌈j⌉, h = j − lo, result = (1 − h)·x_lo + h·x_hi (R's formula and
 * operation order; when x_lo = x_hi the value is returned as is).
 *
 * @param values numbers to summarise (not modified; NaN is not allowed)
 * @param p probability in [0, 1]
 * @returns the quantile, or `NaN` when `values` is empty (R returns `NA`)
 * @throws {ConfigError} `CONFIG_INVALID` when `p` is not a number in [0, 1] or a value is NaN
 * @example
 * quantileType7([1, 2, 3, 4], 0.5) // 2.5
 * quantileType7([1, 1, 2, 5, 9], 0.5) // 2
 */
export function quantileType7(values: readonly number[], p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new ConfigError(
      `graph/quantile-type7: invalid probability ${String(p)}. Expecting a number in [0, 1].`,
    );
  }
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (Number.isNaN(v))
      throw new ConfigError('graph/quantile-type7: values contain NaN. Expecting numbers.');
  }
  sorted.sort();
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qLo = sorted[lo - 1]!;
  const qHi = sorted[hi - 1]!;
  if (index > lo && qHi !== qLo) {
    const h = index - lo;
    return (1 - h) * qLo + h * qHi;
  }
  return qLo;
}
