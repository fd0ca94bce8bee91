/**
 * Locate named columns in a header by normalised name (see `normalizeColumnName`), for the fixed-schema table
 * adapters.
 */
import { InputError } from '../../errors.js';
import { normalizeColumnName } from '../field-aliases.js';

/** Normalised column name → index of its first occurrence. */
export type ColumnIndex = ReadonlyMap<string, number>;

/**
 * Index a header.
 * @example columnIndex(['\uFEFFMessage_ID', 'user_id']).get('message_id') // 0
 */
export function columnIndex(header: readonly string[]): ColumnIndex {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normalizeColumnName(name);
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/**
 * True when every name in `names` (normalised) is a column of `header`.
 * @example hasColumns(['a', 'B'], ['a', 'b']) // true
 */
export function hasColumns(header: readonly string[], names: readonly string[]): boolean {
  const index = columnIndex(header);
  return names.every((n) => index.has(n));
}

/**
 * Indexes of required columns, or an error naming the missing ones.
 * @param header the file's header
 * @param names required normalised names
 * @param format format name, for the message
 * @param path input path, for the error
 * @returns normalised name → index, for every name in `names` (and every other column of the header)
 * @throws {InputError} `INPUT_FORMAT_UNKNOWN` when a required column is absent
 */
export function requireColumns(
  header: readonly string[],
  names: readonly string[],
  format: string,
  path: string,
): ColumnIndex {
  const index = columnIndex(header);
  const missing = names.filter((n) => !index.has(n));
  if (missing.length > 0) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" is not ${format}: missing column(s) ${missing.join(', ')}. Header seen: ${header.join(', ')}.`,
    );
  }
  return index;
}
