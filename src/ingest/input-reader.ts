/**
 * The handle `openInput` returns for one input file.
 */
import type { FormatName } from './format-name.js';
import type { IngestItem } from './ingest-item.js';

/**
 * One opened input: its detected (or forced) format and a streaming iterator over its items.
 *
 * @example
 * const reader = await openInput('tweets.jsonl.gz');
 * for await (const item of reader.items()) if (item.type === 'post') console.log(item.post.postId);
 * console.log(reader.format, reader.timeRules()); // 'twarc2' { 'iso8601-offset': 1200 }
 */
export interface InputReader {
  /** The path as given to `openInput`. */
  readonly path: string;
  /** The format the file is read as. */
  readonly format: FormatName;
  /**
   * Stream the file's items in file order, in constant memory (one record, or one twarc2 page, at a time).
   * Each call re-reads the file from the start and resets {@link InputReader.timeRules}.
   * @throws {InputError} `INPUT_UNREADABLE` when the file becomes unreadable mid-way (I/O error, truncated or
   *   corrupt gzip); the items already yielded stand
   */
  items(): AsyncIterable<IngestItem>;
  /**
   * After (or during) iteration: timestamp rule name → number of accepted posts whose time was read by that rule
   * (e.g. `epoch-seconds`, `iso8601-offset`, `iso8601-naive-as-UTC`, `rfc2822`, `twitter-created-at`).
   */
  timeRules(): Record<string, number>;
  /**
   * After (or during) iteration: values present in kept records but unusable and dropped, `field: reason` →
   * count (e.g. `account_created_at: not a readable time`). The record itself was accepted.
   */
  ignoredValues(): Record<string, number>;
  /**
   * During iteration: bytes of the file consumed so far (compressed bytes for gzip, so it compares with the file
   * size); 0 for Parquet, which is read through DuckDB. For progress bars only.
   */
  bytesRead(): number;
}
