/**
 * Resolve which source column feeds each canonical field of a generic input: the `--map` first, then the
 * aliases of {@link FIELD_ALIASES}.
 */
import { CANONICAL_FIELDS, type CanonicalField } from './canonical-field.js';
import { FIELD_ALIASES, normalizeColumnName } from './field-aliases.js';

/** Result of {@link resolveColumns}. */
export interface ColumnResolution {
  /** Canonical field → source column name exactly as the header spells it (or as the map gives it). */
  columns: Partial<Record<CanonicalField, string>>;
  /** Map entries whose column is not in the header (exact or normalised match). */
  unmatched: { field: CanonicalField; column: string }[];
}

/**
 * Resolve the source column of every canonical field.
 *
 * A map entry matches a header column exactly, else after {@link normalizeColumnName} on both sides. Fields not
 * in the map take the first alias of {@link FIELD_ALIASES} present in the header (normalised comparison).
 *
 * @param header column names (CSV header, Parquet columns, or the keys of the first JSON record)
 * @param map canonical field → source column, e.g. from {@link parseMapSpec}; default none
 * @returns the columns found and the map entries that matched nothing (the caller decides whether that is fatal;
 *   JSON inputs accept dotted paths that are not top-level keys)
 * @example
 * resolveColumns(['user_id', 'created_at', 'body'], { text: 'body' }).columns
 * // { account: 'user_id', ts: 'created_at', text: 'body' }
 */
export function resolveColumns(
  header: readonly string[],
  map: Readonly<Partial<Record<CanonicalField, string>>> = {},
): ColumnResolution {
  const byNormalised = new Map<string, string>();
  for (const column of header) {
    const key = normalizeColumnName(column);
    if (!byNormalised.has(key)) byNormalised.set(key, column);
  }
  const exact = new Set(header);
  const columns: Partial<Record<CanonicalField, string>> = {};
  const unmatched: ColumnResolution['unmatched'] = [];
  for (const field of CANONICAL_FIELDS) {
    const mapped = map[field];
    if (mapped !== undefined) {
      const found = exact.has(mapped) ? mapped : byNormalised.get(normalizeColumnName(mapped));
      if (found === undefined) unmatched.push({ field, column: mapped });
      else columns[field] = found;
      continue;
    }
    for (const alias of FIELD_ALIASES[field]) {
      const found = byNormalised.get(alias);
      if (found !== undefined) {
        columns[field] = found;
        break;
      }
    }
  }
  return { columns, unmatched };
}
