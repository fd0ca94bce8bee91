/**
 * The seeded random source of the simulator: `seedrandom`'s ARC4 generator (David Bau, seedrandom 3.x) plus the
 * few distributions a social-media benchmark needs. Lognormal and exponential delays follow the retweet-cascade
 * literature (Zhao et al. 2015, "SEISMIC: A Self-Exciting Point Process Model for Predicting Tweet Popularity",
 * KDD, doi:10.1145/2783258.2783401: most retweets within the first hour, a heavy tail after); Pareto follower
 * counts and Zipf popularity of URLs and hashtags follow Kwak et al. 2010, "What is Twitter, a social network or a
 * news media?", WWW, doi:10.1145/1772690.1772751. Normal deviates by the Box–Muller transform (Box & Muller 1958,
 * doi:10.1214/aoms/1177706645).
 *
 * @module
 */
import seedrandom from 'seedrandom';

/**
 * A deterministic random source: the same seed string gives the same sequence on every platform.
 * @example
 * const rng = new SimRandom('7/organic');
 * rng.int(1, 6) // the same die roll on every run
 */
export class SimRandom {
  private readonly next: () => number;

  /** @param seed any string; sub-streams use `seed/part` so that one part does not shift another */
  constructor(seed: string) {
    this.next = seedrandom(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** `true` with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given median and log-scale standard deviation `sigma`. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Pareto (type I) with minimum `min` and tail index `alpha` (> 0): P(X > x) = (min/x)^alpha. */
  pareto(min: number, alpha: number): number {
    return min / (1 - this.next()) ** (1 / alpha);
  }

  /** Log-uniform in [lo, hi] (lo > 0): every factor of ten equally likely. */
  logUniform(lo: number, hi: number): number {
    return lo * (hi / lo) ** this.next();
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
    return list;
  }

  /** `k` distinct elements of `list` (all of them when k ≥ length), in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = list.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const t = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = t;
    }
    return copy.slice(0, n);
  }

  /** An index drawn with probability proportional to the increments of `cumulative` (ascending, last > 0). */
  weighted(cumulative: Float64Array | readonly number[]): number {
    const total = cumulative[cumulative.length - 1]!;
    const x = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** 64 random bits as 16 lower-case hex digits (the form of a pHash). */
  hex64(): string {
    let out = '';
    for (let i = 0; i < 4; i++)
      out += Math.floor(this.next() * 65536)
        .toString(16)
        .padStart(4, '0');
    return out;
  }
}

/**
 * Cumulative weights of a Zipf law over ranks 1..n: weight of rank r = 1 / r^s.
 * @param n number of ranks (≥ 1)
 * @param s exponent (≥ 0; 1 is the classic Zipf law of word and URL popularity)
 * @returns ascending cumulative weights, for {@link SimRandom.weighted}
 * @example zipfCumulative(3, 1) // [1, 1.5, 1.8333…]
 */
export function zipfCumulative(n: number, s: number): Float64Array {
  const out = new Float64Array(n);
  let sum = 0;
  for (let r = 1; r <= n; r++) {
    sum += 1 / r ** s;
    out[r - 1] = sum;
  }
  return out;
}

/**
 * Cumulative sums of non-negative weights.
 * @example cumulativeOf([1, 0, 2]) // [1, 1, 3]
 */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}
