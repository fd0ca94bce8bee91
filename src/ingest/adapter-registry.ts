/**
 * The adapters of every format, in detection order (specific formats before the generic ones), and format
 * detection from a header or a first record.
 */
import type { JsonAdapter, TableAdapter } from './adapters/adapter.js';
import { blueskyAdapter } from './adapters/bluesky.js';
import { coortweetAdapter } from './adapters/coortweet.js';
import { coortweetLongAdapter } from './adapters/coortweet-long.js';
import { crowdtangleAdapter } from './adapters/crowdtangle.js';
import { genericJsonAdapter } from './adapters/generic-json.js';
import { genericTableAdapter } from './adapters/generic-table.js';
import { mastodonAdapter } from './adapters/mastodon.js';
import { metaContentLibraryAdapter } from './adapters/meta-content-library.js';
import { qutAdapter } from './adapters/qut.js';
import { redditAdapter } from './adapters/reddit.js';
import { rssAdapter } from './adapters/rss.js';
import { telegramAdapter } from './adapters/telegram.js';
import { tiktokAdapter } from './adapters/tiktok.js';
import { twarc2Adapter } from './adapters/twarc2.js';
import { twitterIoAdapter } from './adapters/twitter-io.js';
import { twitterV1Adapter } from './adapters/twitter-v1.js';
import { youtubeAdapter } from './adapters/youtube.js';
import type { FormatName } from './format-name.js';

/** Table adapters for a container, in detection order. */
export function tableAdapters(container: 'csv' | 'parquet'): readonly TableAdapter[] {
  return container === 'csv' ? CSV_ADAPTERS : PARQUET_ADAPTERS;
}

const SPECIFIC_TABLE_ADAPTERS: readonly TableAdapter[] = [
  coortweetAdapter,
  coortweetLongAdapter,
  qutAdapter,
  twitterIoAdapter,
  crowdtangleAdapter,
  metaContentLibraryAdapter,
];
const CSV_ADAPTERS: readonly TableAdapter[] = [...SPECIFIC_TABLE_ADAPTERS, genericTableAdapter('csv')];
const PARQUET_ADAPTERS: readonly TableAdapter[] = [
  ...SPECIFIC_TABLE_ADAPTERS,
  genericTableAdapter('parquet'),
];

/** JSON adapters, in detection order. */
export const JSON_ADAPTERS: readonly JsonAdapter[] = [
  // before twarc2, whose detection takes any object-valued `data` (TikTok bodies are `{data: {videos}}`)
  tiktokAdapter,
  twarc2Adapter,
  twitterV1Adapter,
  youtubeAdapter,
  telegramAdapter,
  redditAdapter,
  blueskyAdapter,
  mastodonAdapter,
  genericJsonAdapter,
];

/**
 * The table adapter of a forced format on a table container. `csv` and `parquet` both mean the generic table
 * adapter of the actual container.
 * @returns the adapter, or `undefined` when `format` is a JSON format
 */
export function tableAdapterFor(format: FormatName, container: 'csv' | 'parquet'): TableAdapter | undefined {
  const adapters = tableAdapters(container);
  if (format === 'csv' || format === 'parquet') return adapters[adapters.length - 1];
  return adapters.find((a) => a.format === format);
}

/**
 * The JSON adapter of a forced format.
 * @returns the adapter, or `undefined` when `format` is a table format
 */
export function jsonAdapterFor(format: FormatName): JsonAdapter | undefined {
  return JSON_ADAPTERS.find((a) => a.format === format);
}

/**
 * Detect the format of a table from its header: the first adapter (specific before generic) that recognises it.
 * @param header column names as in the file
 * @param container `csv` or `parquet`
 * @returns the adapter, or `undefined`
 * @example detectTableAdapter(['object_id', 'account_id', 'content_id', 'timestamp_share'], 'csv')?.format // 'coortweet'
 */
export function detectTableAdapter(
  header: readonly string[],
  container: 'csv' | 'parquet',
): TableAdapter | undefined {
  return tableAdapters(container).find((a) => a.detect(header));
}

/**
 * Detect the format of JSON records from the first object record.
 * @returns the adapter, or `undefined`
 * @example detectJsonAdapter({ data: [], includes: {}, meta: {} })?.format // 'twarc2'
 */
export function detectJsonAdapter(first: Readonly<Record<string, unknown>>): JsonAdapter | undefined {
  return JSON_ADAPTERS.find((a) => a.detect(first));
}

/** Adapters of the XML container (one RSS / Atom feed document per file, see `readXmlFeed`). */
export const XML_ADAPTERS: readonly JsonAdapter[] = [rssAdapter];

/**
 * The adapter of a forced format on the XML container.
 * @returns the adapter, or `undefined` when `format` is not an XML format
 */
export function xmlAdapterFor(format: FormatName): JsonAdapter | undefined {
  return XML_ADAPTERS.find((a) => a.format === format);
}
