/**
 * Stable least-significant-digit radix sort of parallel typed arrays (Knuth, The Art of Computer Programming
 * vol. 3, §5.2.5, "Sorting by distribution"): O(n) per pass, no comparisons, no allocation beyond the counters.
 * Used by the LSH banding of `findNearDuplicates`, which sorts ~10⁶ band keys once per band.
 *
 * @module
 */

/**
 * Sort `items` by `keys` (unsigned 32-bit), stably: items with equal keys keep their input order. Both arrays are
 * sorted in place; the sort takes an even number of passes (two of 16 bits, or four of 8 bits below 4,096 keys,
 * where clearing 2¹⁶ counters would dominate) so that the result ends in `keys` / `items` again.
 * @param keys sort keys; sorted ascending on return
 * @param items payload, permuted with its keys
 * @param tempKeys scratch, at least as long as `keys` (overwritten)
 * @param tempItems scratch, at least as long as `keys` (overwritten)
 * @throws {RangeError} when `items` or a scratch array is shorter than `keys`
 * @example
 * const keys = Uint32Array.of(3, 1, 3, 0); const items = Int32Array.of(0, 1, 2, 3);
 * radixSortByKey(keys, items, new Uint32Array(4), new Int32Array(4));
 * // keys 0, 1, 3, 3; items 3, 1, 0, 2
 */
export function radixSortByKey(
  keys: Uint32Array,
  items: Int32Array,
  tempKeys: Uint32Array,
  tempItems: Int32Array,
): void {
  const m = keys.length;
  if (items.length < m || tempKeys.length < m || tempItems.length < m) {
    throw new RangeError(`signals/radix-sort-by-key: arrays shorter than the ${m} keys.`);
  }
  const bits = m < 4096 ? 8 : 16;
  const mask = (1 << bits) - 1;
  const counts = new Int32Array(1 << bits);
  let [fromKeys, fromItems, toKeys, toItems] = [keys, items, tempKeys, tempItems];
  for (let shift = 0; shift < 32; shift += bits) {
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(fromKeys[i]! >>> shift) & mask]!++;
    let sum = 0;
    for (let d = 0; d <= mask; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const key = fromKeys[i]!;
      const at = counts[(key >>> shift) & mask]!++;
      toKeys[at] = key;
      toItems[at] = fromItems[i]!;
    }
    [fromKeys, fromItems, toKeys, toItems] = [toKeys, toItems, fromKeys, fromItems];
  }
}
