/**
 * Adjusted Rand index (ARI) of two partitions of the same items: the Rand index corrected for chance, 1 for
 * identical partitions, about 0 for independent ones, negative when worse than chance.
 *
 * Reference: Hubert, L. & Arabie, P. (1985). Comparing partitions. Journal of Classification 2(1), 193–218.
 * doi:10.1007/BF01908075 (the "ARI" of eq. 5, with the permutation-model expectation). Computed from the
 * contingency table in O(n), not from the O(n²) item pairs; degenerate cases (fewer than two items, or both
 * partitions all singletons or both one block) give 1, as scikit-learn's `adjusted_rand_score` does.
 */
import { ConfigError } from '../errors.js';

/** A block label; `null` puts the item in a singleton block of its own (unique, equal to no other label). */
export type PartitionLabel = string | number | null;

const pairs = (count: number): number => (count * (count - 1)) / 2;

/**
 * ARI of partitions A and B, given each item's block label in A (`labelsA[i]`) and in B (`labelsB[i]`).
 *
 * With n_ij the items in block i of A and block j of B, a_i and b_j the block sizes and N = C(n, 2):
 * index = Σ C(n_ij, 2), sumA = Σ C(a_i, 2), sumB = Σ C(b_j, 2), expected = sumA·sumB / N,
 * max = (sumA + sumB) / 2, ARI = (index − expected) / (max − expected); 1 when max = expected (n < 2, or both
 * partitions all singletons, or both a single block). A `null` label is a singleton, so items that are `null` in
 * both partitions add only to n.
 *
 * @param labelsA block label of each item in partition A (labels are compared with `===`)
 * @param labelsB block label of each item in partition B, same length
 * @returns the adjusted Rand index in [−1, 1]
 * @throws {ConfigError} `CONFIG_INVALID` when the two label lists differ in length
 * @example adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1]) // 0.5714285714285715 (= 4/7)
 * @example adjustedRandIndex(['x', 'x', null], ['k', 'k', null]) // 1
 */
export function adjustedRandIndex(
  labelsA: readonly PartitionLabel[],
  labelsB: readonly PartitionLabel[],
): number {
  if (labelsA.length !== labelsB.length) {
    throw new ConfigError(
      `evaluate/adjusted-rand-index: label lists differ in length (${labelsA.length} vs ${labelsB.length}).`,
    );
  }
  const sizesA = new Map<PartitionLabel, number>();
  const sizesB = new Map<PartitionLabel, number>();
  const cells = new Map<PartitionLabel, Map<PartitionLabel, number>>();
  for (let i = 0; i < labelsA.length; i++) {
    const a = labelsA[i]!;
    const b = labelsB[i]!;
    if (a !== null) sizesA.set(a, (sizesA.get(a) ?? 0) + 1);
    if (b !== null) sizesB.set(b, (sizesB.get(b) ?? 0) + 1);
    if (a === null || b === null) continue;
    let row = cells.get(a);
    if (row === undefined) {
      row = new Map();
      cells.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + 1);
  }
  let index = 0;
  for (const row of cells.values()) for (const count of row.values()) index += pairs(count);
  return ariFromPairSums(index, sumPairs(sizesA), sumPairs(sizesB), pairs(labelsA.length));
}

function sumPairs(sizes: Map<PartitionLabel, number>): number {
  let sum = 0;
  for (const size of sizes.values()) sum += pairs(size);
  return sum;
}

function ariFromPairSums(index: number, sumA: number, sumB: number, totalPairs: number): number {
  if (totalPairs === 0) return 1;
  const expected = (sumA * sumB) / totalPairs;
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
