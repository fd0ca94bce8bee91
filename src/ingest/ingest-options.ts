/**
 * Options of `openInput`, and their validation (resolved once per file, before any record is read).
 */
import { ConfigError } from '../errors.js';
import { CANONICAL_FIELDS, type CanonicalField, isCanonicalField } from './canonical-field.js';
import { FORMATS, type FormatName, isFormatName } from './format-name.js';
import { resolveTimeZone, type TimeZone } from './time-zone.js';

/** Options of `openInput`. Every field is optional. */
export interface IngestOptions {
  /** Force a format instead of auto-detecting it from the header / first record keys. Default: auto-detect. */
  format?: FormatName;
  /**
   * Column mapping for generic inputs: canonical field → source column, e.g.
   * `{ account: 'user_id', ts: 'created_at', text: 'body' }` (see `parseMapSpec` for the `--map` string form and
   * `CANONICAL_FIELDS` for the fields). Fields not mapped fall back to the column aliases. Only with the generic
   * formats `csv`, `jsonl`, `parquet` (a map alone selects the generic format of the container). Default: none.
   */
  map?: Record<string, string>;
  /**
   * Zone of naive timestamps (no offset in the data): IANA name (`Europe/Berlin`) or fixed offset (`+08:00`).
   * Default: UTC.
   */
  tz?: string;
  /**
   * Platform name when the data does not say, lower-cased. Default per adapter: `twitter` for the X/Twitter
   * formats, QUT and CooRTweet; `unknown` for generic inputs.
   */
  platform?: string;
}

/** {@link IngestOptions} after validation. */
export interface ResolvedIngestOptions {
  /** Forced format, or `undefined` to auto-detect. */
  format: FormatName | undefined;
  /** Column map, or `undefined` when none was given. */
  map: Readonly<Partial<Record<CanonicalField, string>>> | undefined;
  /** Zone of naive timestamps. */
  zone: TimeZone;
  /** Lower-cased platform override, or `undefined`. */
  platform: string | undefined;
}

/** Formats that read through a column map. */
export const GENERIC_FORMATS: readonly FormatName[] = ['csv', 'jsonl', 'parquet'];

/**
 * Validate and resolve {@link IngestOptions}.
 * @param options the caller's options; default `{}`
 * @returns the resolved options
 * @throws {ConfigError} `CONFIG_INVALID` when `format` is not one of `FORMATS`; when `map` has a key that is not a
 *   canonical field or a value that is not a non-empty string; when `map` is combined with a non-generic
 *   `format`; when `tz` is not a valid zone; when `platform` is empty
 * @example resolveIngestOptions({ tz: '+08:00' }).zone.name // '+08:00'
 */
export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  const { format, map, tz, platform } = options;
  if (format !== undefined && !isFormatName(format)) {
    throw new ConfigError(
      `ingest: unknown --format "${String(format)}". Expecting one of: ${FORMATS.join(', ')}.`,
    );
  }
  let resolvedMap: Partial<Record<CanonicalField, string>> | undefined;
  if (map !== undefined) {
    if (map === null || typeof map !== 'object' || Array.isArray(map)) {
      throw new ConfigError('ingest: invalid --map. Expecting an object of canonical field → column name.');
    }
    resolvedMap = {};
    for (const [field, column] of Object.entries(map)) {
      if (!isCanonicalField(field)) {
        throw new ConfigError(
          `ingest: unknown field "${field}" in --map. Expecting one of: ${CANONICAL_FIELDS.join(', ')}.`,
        );
      }
      if (typeof column !== 'string' || column.trim() === '') {
        throw new ConfigError(
          `ingest: field "${field}" in --map has no column name. Expecting a non-empty string.`,
        );
      }
      resolvedMap[field] = column.trim();
    }
    if (format !== undefined && !GENERIC_FORMATS.includes(format)) {
      throw new ConfigError(
        `ingest: --map applies to the generic formats (${GENERIC_FORMATS.join(', ')}), not to --format ${format}.`,
      );
    }
  }
  let resolvedPlatform: string | undefined;
  if (platform !== undefined) {
    resolvedPlatform = typeof platform === 'string' ? platform.trim().toLowerCase() : '';
    if (resolvedPlatform === '')
      throw new ConfigError('ingest: empty --platform. Expecting a name such as twitter.');
  }
  return { format, map: resolvedMap, zone: resolveTimeZone(tz), platform: resolvedPlatform };
}
