/**
 * Plain renderings of null-model p-values, held as log10 (they underflow doubles: a supported group can reach
 * 10^−2000). Observed p-values are upper bounds (the first-term Poisson bound, docs/methods.md §8.1), so their
 * mantissa is rounded up — and so is a threshold's: rounding both the same way keeps their order, so a p that met
 * its threshold never reads above it.
 */

/** Mantissa and exponent of 10^log10, the mantissa rounded up to one decimal, renormalised at 10. */
function scientific(log10: number): string {
  let exponent = Math.floor(log10);
  let mantissa = Math.ceil(10 ** (log10 - exponent) * 10 - 1e-9) / 10;
  if (mantissa >= 10) {
    mantissa = 1;
    exponent += 1;
  }
  return `${mantissa === 1 ? '1' : mantissa.toFixed(1)}e${exponent}`;
}

/**
 * An observed p-value: `p = 0.147` from 0.01 up, `p ≤ 1.1e-9` below (mantissa rounded up), `p < 1e-300` below
 * 10^−300.
 * @param log10p log10 of the p-value (≤ 0)
 * @example formatLog10P(-8.96) // 'p ≤ 1.1e-9'
 * @example formatLog10P(-20) // 'p ≤ 1e-20'
 */
export function formatLog10P(log10p: number): string {
  if (log10p >= -2) return `p = ${(10 ** log10p).toFixed(3)}`;
  if (log10p < -300) return 'p < 1e-300';
  return `p ≤ ${scientific(log10p)}`;
}

/**
 * A threshold p-value, rounded like {@link formatLog10P} (mantissa up): `1.7e-9`.
 * @param log10 log10 of the threshold
 * @example formatLog10Threshold(-8.77) // '1.7e-9'
 */
export function formatLog10Threshold(log10: number): string {
  if (log10 >= -2) return (10 ** log10).toFixed(3);
  return scientific(log10);
}

/**
 * What to try when no edge was kept: the flags that loosen the run's edge filter, given the ones it used.
 * @param fpr the run's false-positive rate
 * @param correction the run's multiple-testing correction
 * @returns flags such as `--fpr 0.01`, `--correction none`, `--min-coactions 2` (fixed thresholds), in that order
 * @example weakerLeadFlags(0.001, 'bh') // ['--fpr 0.01', '--correction none', '--min-coactions 2']
 */
export function weakerLeadFlags(fpr: number, correction: string): string[] {
  const out: string[] = [];
  if (fpr < 0.01) out.push('--fpr 0.01');
  if (correction !== 'none') out.push('--correction none');
  out.push('--min-coactions 2');
  return out;
}
