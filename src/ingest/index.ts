/**
 * Chorus ingest: read social-media exports (CSV, JSON lines, JSON arrays, Parquet; gzip or not) in many formats
 * into validated `Post`s and `Account`s, quarantining every record that cannot be read with the reason why.
 *
 * @example
 * import { openInput } from 'chorus-cib/ingest';
 * const reader = await openInput('tweets.jsonl.gz', { tz: 'Europe/Berlin' });
 * for await (const item of reader.items()) {
 *   if (item.type === 'post') store(item.post);
 *   else if (item.type === 'quarantine') quarantine(item.entry);
 * }
 */
export { CANONICAL_FIELDS, type CanonicalField } from './canonical-field.js';
export {
  classifyIndicator,
  type IndicatorHint,
  type IndicatorResult,
  platformOfText,
  type SeedDraft,
} from './classify-indicator.js';
export { FIELD_ALIASES } from './field-aliases.js';
export { FORMATS, type FormatName, isFormatName } from './format-name.js';
export type { IngestItem } from './ingest-item.js';
export { type IngestOptions, type ResolvedIngestOptions, resolveIngestOptions } from './ingest-options.js';
export type { InputReader } from './input-reader.js';
export { openInput } from './open-input.js';
export { parseList } from './parse-list.js';
export { parseMapSpec } from './parse-map-spec.js';
export { EPOCH_THRESHOLDS, parseTimestamp, type TimestampResult } from './parse-timestamp.js';
export { parseSeeds, readSeeds, type SeedFile, type SeedFileFormat } from './read-seeds.js';
export { refang } from './refang.js';
export { resolveTimeZone, type TimeZone } from './time-zone.js';
