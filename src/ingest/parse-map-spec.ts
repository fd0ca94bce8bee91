/**
 * Parse the `--map` option: a comma-separated list of `field=column` pairs naming, for each canonical field, the
 * source column of a generic CSV / JSON lines / Parquet input.
 */
import { ConfigError } from '../errors.js';
import { CANONICAL_FIELDS, isCanonicalField } from './canonical-field.js';

/**
 * Parse a column-mapping spec.
 *
 * Grammar: `field=column[,field=column…]`. White space around names is ignored; a column name may itself contain
 * `=` (only the first `=` splits) but not `,`. Fields are the canonical fields of `CANONICAL_FIELDS` (`id`,
 * `account`, `ts`, `text`, …); for JSON inputs a column may be a dotted path such as `user.id_str`.
 *
 * @param spec e.g. `'account=user_id,ts=created_at,text=body'`
 * @returns canonical field → source column, e.g. `{ account: 'user_id', ts: 'created_at', text: 'body' }`
 * @throws {ConfigError} `CONFIG_INVALID` when the spec is empty, a pair lacks `=`, a field or column is empty,
 *   a field is not canonical, or a field is given twice
 * @example parseMapSpec('account=user_id, ts=created_at') // { account: 'user_id', ts: 'created_at' }
 */
export function parseMapSpec(spec: string): Record<string, string> {
  const trimmed = spec.trim();
  if (trimmed === '') {
    throw new ConfigError(
      'ingest/map: empty --map. Expecting field=column pairs, e.g. account=user_id,ts=created_at.',
    );
  }
  const out: Record<string, string> = {};
  for (const pair of trimmed.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) {
      throw new ConfigError(`ingest/map: invalid pair "${pair.trim()}" in --map. Expecting field=column.`);
    }
    const field = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (!isCanonicalField(field)) {
      throw new ConfigError(
        `ingest/map: unknown field "${field}" in --map. Expecting one of: ${CANONICAL_FIELDS.join(', ')}.`,
      );
    }
    if (column === '') {
      throw new ConfigError(
        `ingest/map: field "${field}" has an empty column name in --map. Expecting field=column.`,
      );
    }
    if (Object.hasOwn(out, field)) {
      throw new ConfigError(
        `ingest/map: field "${field}" is mapped twice in --map. Expecting each field at most once.`,
      );
    }
    out[field] = column;
  }
  return out;
}
