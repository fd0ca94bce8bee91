/**
 * Order of cluster ids: `C0001 < C0002 < … < C9999 < C10000`, with the empty id (unclustered) last.
 */

/**
 * Compare cluster ids by length first, then by code units, so `C10000` comes after `C9999`; `''` sorts last.
 * @example ['C10000', '', 'C0002', 'C0001'].sort(compareClusterIds) // ['C0001', 'C0002', 'C10000', '']
 */
export function compareClusterIds(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  return x.length - y.length || (x < y ? -1 : 1);
}
