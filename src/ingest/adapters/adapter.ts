/**
 * The adapter contract: one adapter per input format. Table adapters read rows of a header-described table (CSV
 * or Parquet); JSON adapters read one parsed JSON value per record (a JSON line or an array element). An adapter
 * detects its format, binds to a header (or first record) once, and then maps each record to exactly one post or
 * one quarantine entry (plus optional account facts) through an `ItemBuilder`.
 */
import type { FormatName } from '../format-name.js';
import type { ResolvedIngestOptions } from '../ingest-options.js';
import type { ItemBuilder } from '../item-builder.js';

/** Maps one table row. `values` align with the bound header; `record` is the 1-based line / row number. */
export type RowMapper = (values: readonly unknown[], record: number, b: ItemBuilder) => void;

/** Maps one parsed JSON value (a line or an array element); `record` is its line / element number. */
export type JsonMapper = (value: unknown, record: number, b: ItemBuilder) => void;

/** Adapter of a tabular format (CSV or Parquet container). */
export interface TableAdapter {
  /** Format name. */
  readonly format: FormatName;
  /** What the adapter needs, for "format unknown" messages, e.g. `columns object_id, account_id, …`. */
  readonly needs: string;
  /**
   * Does this header look like the format?
   * @param header column names as in the file
   */
  detect(header: readonly string[]): boolean;
  /**
   * Bind to a header.
   * @param header column names as in the file
   * @param options resolved options
   * @param path input path, for errors
   * @returns the row mapper
   * @throws {InputError} `INPUT_FORMAT_UNKNOWN` when a column the format needs (or a `--map` names) is absent
   */
  bind(header: readonly string[], options: ResolvedIngestOptions, path: string): RowMapper;
}

/** Adapter of a JSON-records format (JSON lines or a JSON array container). */
export interface JsonAdapter {
  /** Format name. */
  readonly format: FormatName;
  /** What the adapter needs, for "format unknown" messages. */
  readonly needs: string;
  /**
   * Does this first record look like the format?
   * @param first the first record that parsed as a JSON object
   */
  detect(first: Readonly<Record<string, unknown>>): boolean;
  /**
   * Bind to the input.
   * @param first the first JSON object record, when there is one (generic inputs resolve aliases from its keys)
   * @param options resolved options
   * @param path input path, for errors
   * @returns the record mapper
   * @throws {InputError} `INPUT_FORMAT_UNKNOWN` when the generic adapter finds no account or time key
   */
  bind(
    first: Readonly<Record<string, unknown>> | undefined,
    options: ResolvedIngestOptions,
    path: string,
  ): JsonMapper;
}
