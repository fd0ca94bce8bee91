/**
 * Open one input file: detect its container (gzip or not; CSV, JSON lines, a JSON array, Parquet) and its format
 * (from the header or the first record, unless forced), bind the format's adapter, and return a streaming reader
 * whose items account for every record: one post or one quarantine entry each.
 */
import { InputError } from '../errors.js';
import {
  detectJsonAdapter,
  detectTableAdapter,
  JSON_ADAPTERS,
  jsonAdapterFor,
  tableAdapterFor,
  tableAdapters,
  XML_ADAPTERS,
  xmlAdapterFor,
} from './adapter-registry.js';
import type { JsonAdapter, JsonMapper, RowMapper, TableAdapter } from './adapters/adapter.js';
import { genericJsonAdapter } from './adapters/generic-json.js';
import { FORMATS, type FormatName } from './format-name.js';
import type { IngestItem } from './ingest-item.js';
import { type IngestOptions, type ResolvedIngestOptions, resolveIngestOptions } from './ingest-options.js';
import type { InputReader } from './input-reader.js';
import { ItemBuilder } from './item-builder.js';
import { type CsvDialect, detectDialect, formatCsvRow, readCsvRows } from './read-csv-rows.js';
import { readHead } from './read-head.js';
import { readJsonArray } from './read-json-array.js';
import { looksLikeJsonDocument, readJsonDocument } from './read-json-document.js';
import { readJsonLines } from './read-json-lines.js';
import { describeParquet, readParquetRows } from './read-parquet-rows.js';
import { readTextChunks } from './read-text-chunks.js';
import { looksLikeXmlFeed, readXmlFeed } from './read-xml-feed.js';
import { sniffFile } from './sniff-file.js';

/** Non-blank JSON lines examined for a first object record before giving up on detection. */
export const DETECT_MAX_LINES = 100;

const JSON_FORMATS: readonly FormatName[] = JSON_ADAPTERS.map((a) => a.format);

type Obj = Readonly<Record<string, unknown>>;

/** JSON lines, one JSON array, or one JSON object whose records are a top-level array (see `readJsonDocument`). */
type JsonContainer = 'jsonl' | 'array' | 'document';

/**
 * Open an input file for ingestion.
 *
 * Containers are recognised by content, not by name: gzip by its magic bytes (decompressed on the fly), Parquet by
 * `PAR1`, then the first non-blank character of the text: `{` → JSON lines (or, when the first non-blank line is
 * exactly `{`, one pretty-printed JSON object whose records are its top-level `messages` array, as in a Telegram
 * Desktop export; see `readJsonDocument`), `[` → one JSON array, `<?xml` / `<rss` / `<feed` → one RSS / Atom feed
 * document read by the `rss` format (see `readXmlFeed`), anything else → CSV (delimiter `,`, tab, `;`
 * or `|`, detected). A UTF-8 BOM is dropped (UTF-16 with a BOM is decoded).
 *
 * Formats: `options.format` when given; else, with `options.map`, the generic format of the container; else the
 * first adapter that recognises the header / the first JSON object, specific formats first (coortweet,
 * coortweet-long, qut, twitter-io; twarc2, twitter-v1) then generic (csv / parquet / jsonl by column aliases).
 *
 * Records: a CSV row (record = 1-based line where the row starts; header = its line, usually 1), a JSON line
 * (blank lines skipped), a JSON array element, a Parquet row, a tweet of a twarc2 page (record = the page's line).
 * CSV rows whose field count differs from the header's are `parse_error` (extra trailing empty fields are
 * tolerated); invalid JSON lines are `parse_error`.
 *
 * @param path file path (also the `file` of every `source` and quarantine entry)
 * @param options see {@link IngestOptions}; default `{}`
 * @returns the reader; nothing beyond the head of the file has been read yet
 * @throws {ConfigError} `CONFIG_INVALID` for a bad `format`, `map`, `tz` or `platform` (see `resolveIngestOptions`)
 * @throws {InputError} `INPUT_UNREADABLE` when the file is missing, not a regular file, unreadable, or a corrupt
 *   gzip / Parquet file
 * @throws {InputError} `INPUT_FORMAT_UNKNOWN` when no adapter recognises the file (the message lists the formats
 *   tried and the header or keys seen, and suggests `--format` / `--map`), when a forced format does not fit the
 *   container or lacks a needed column, when `--map` names a column the header lacks, or when the file is empty
 *   and no format is forced
 * @example
 * const reader = await openInput('data/german_elections.csv');
 * reader.format; // 'coortweet-long'
 * for await (const item of reader.items()) if (item.type === 'quarantine') console.warn(item.entry.reason);
 */
export async function openInput(path: string, options: IngestOptions = {}): Promise<InputReader> {
  const opts = resolveIngestOptions(options);
  const sniff = await sniffFile(path);
  if (sniff.parquet) return openParquetInput(path, opts);

  const head = await readHead(path, sniff.gzip, (text) => {
    const i = firstNonSpace(text);
    if (i < 0) return false;
    const c = text[i];
    return (
      c === '{' || c === '[' || c === '<' || text.startsWith('PAR1') || detectDialect(text) !== undefined
    );
  });
  const start = firstNonSpace(head.text);
  if (start < 0) {
    if (opts.format === undefined) {
      throw new InputError(
        'INPUT_FORMAT_UNKNOWN',
        path,
        `ingest: "${path}" is empty: nothing to detect a format from.`,
      );
    }
    return new FileReader(path, opts.format, opts, async function* () {});
  }
  if (sniff.gzip && head.text.startsWith('PAR1')) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" is a gzip-compressed Parquet file: gunzip it first.`,
    );
  }
  const xml = looksLikeXmlFeed(head.text);
  if (opts.format !== undefined && xmlAdapterFor(opts.format) !== undefined && !xml) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" is not an XML document (first non-blank characters <?xml, <rss or <feed) but --format ${opts.format} reads RSS / Atom feeds.`,
    );
  }
  if (xml) return openXmlInput(path, opts, sniff.gzip);
  const c = head.text[start];
  if (c === '[') return openJsonInput(path, opts, sniff.gzip, 'array');
  if (c === '{') {
    const container = looksLikeJsonDocument(head.text) ? 'document' : 'jsonl';
    return openJsonInput(path, opts, sniff.gzip, container);
  }
  return openCsvInput(path, opts, sniff.gzip, head.text);
}

async function openCsvInput(
  path: string,
  opts: ResolvedIngestOptions,
  gzip: boolean,
  headText: string,
): Promise<InputReader> {
  const dialect = detectDialect(headText, true)!;
  let header: string[] = [];
  for await (const rows of readCsvRows(once(headText), dialect)) {
    header = rows[0]!.fields;
    break;
  }
  const adapter = chooseTableAdapter(path, opts, header, 'csv');
  const mapper = adapter.bind(header, opts, path);
  return new FileReader(path, adapter.format, opts, (b) =>
    csvItems(path, gzip, dialect, header.length, mapper, b),
  );
}

async function* csvItems(
  path: string,
  gzip: boolean,
  dialect: CsvDialect,
  width: number,
  mapper: RowMapper,
  b: ItemBuilder,
): AsyncGenerator<IngestItem> {
  let current: readonly string[] = [];
  b.raw = () => formatCsvRow(current, dialect.delimiter);
  let headerSeen = false;
  for await (const rows of readCsvRows(readTextChunks(path, gzip, b), dialect)) {
    for (const row of rows) {
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      current = row.fields;
      if (row.error !== undefined) {
        b.quarantine(
          row.line,
          '',
          'parse_error',
          `${row.error}; expected RFC 4180 quoting ("…", "" inside quotes)`,
        );
        continue;
      }
      const n = row.fields.length;
      if (n !== width && (n < width || row.fields.slice(width).some((f) => f.trim() !== ''))) {
        b.quarantine(row.line, '', 'parse_error', `row has ${n} fields: expected ${width} as in the header`);
        continue;
      }
      mapper(row.fields, row.line, b);
    }
    for (const item of b.drain()) yield item;
  }
}

async function openParquetInput(path: string, opts: ResolvedIngestOptions): Promise<InputReader> {
  if (opts.format !== undefined && JSON_FORMATS.includes(opts.format)) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" is a Parquet file but --format ${opts.format} reads JSON records.`,
    );
  }
  const columns = await describeParquet(path);
  const header = columns.map((col) => col.name);
  const adapter = chooseTableAdapter(path, opts, header, 'parquet');
  const mapper = adapter.bind(header, opts, path);
  return new FileReader(path, adapter.format, opts, async function* (b) {
    let current: readonly unknown[] = [];
    b.raw = () => stringifyRow(header, current);
    for await (const rows of readParquetRows(path, columns)) {
      for (const row of rows) {
        current = row.values;
        mapper(row.values, row.record, b);
      }
      for (const item of b.drain()) yield item;
    }
  });
}

async function openJsonInput(
  path: string,
  opts: ResolvedIngestOptions,
  gzip: boolean,
  container: JsonContainer,
): Promise<InputReader> {
  if (opts.format !== undefined && !JSON_FORMATS.includes(opts.format)) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" holds JSON ${container === 'jsonl' ? 'lines' : container} but --format ${opts.format} reads tables (CSV or Parquet).`,
    );
  }
  const first = await firstJsonObject(path, gzip, container);
  let adapter: JsonAdapter | undefined;
  if (opts.format !== undefined) adapter = jsonAdapterFor(opts.format);
  else if (opts.map !== undefined) adapter = genericJsonAdapter;
  else if (first !== undefined) adapter = detectJsonAdapter(first);
  if (adapter === undefined) {
    const seen =
      first === undefined
        ? 'no JSON object among the first records'
        : `keys ${Object.keys(first).join(', ')}`;
    throw unknownFormat(path, jsonFormatsTried(), seen);
  }
  const mapper = adapter.bind(first, opts, path);
  const run =
    container === 'jsonl'
      ? (b: ItemBuilder) => jsonLineItems(path, gzip, mapper, b)
      : (b: ItemBuilder) =>
          jsonArrayItems(path, gzip, mapper, b, container === 'document' ? readJsonDocument : readJsonArray);
  return new FileReader(path, adapter.format, opts, run);
}

/** The XML container: one RSS / Atom feed document, records = its items / entries (see `readXmlFeed`). */
function openXmlInput(path: string, opts: ResolvedIngestOptions, gzip: boolean): InputReader {
  const adapter = opts.format === undefined ? XML_ADAPTERS[0]! : xmlAdapterFor(opts.format);
  if (adapter === undefined || opts.map !== undefined) {
    throw new InputError(
      'INPUT_FORMAT_UNKNOWN',
      path,
      `ingest: "${path}" is an XML document, which only --format ${XML_ADAPTERS.map((a) => a.format).join('|')} reads (without --map).`,
    );
  }
  const mapper = adapter.bind(undefined, opts, path);
  return new FileReader(path, adapter.format, opts, (b) =>
    jsonArrayItems(path, gzip, mapper, b, readXmlFeed),
  );
}

async function* jsonLineItems(
  path: string,
  gzip: boolean,
  mapper: JsonMapper,
  b: ItemBuilder,
): AsyncGenerator<IngestItem> {
  let current = '';
  b.raw = () => current;
  for await (const lines of readJsonLines(readTextChunks(path, gzip, b))) {
    for (const { line, text } of lines) {
      current = text;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        b.quarantine(
          line,
          '',
          'parse_error',
          `invalid JSON (${(cause as Error).message}): expected one JSON value per line`,
        );
        continue;
      }
      mapper(value, line, b);
    }
    for (const item of b.drain()) yield item;
  }
}

async function* jsonArrayItems(
  path: string,
  gzip: boolean,
  mapper: JsonMapper,
  b: ItemBuilder,
  read: (chunks: AsyncIterable<string>) => ReturnType<typeof readJsonArray> = readJsonArray,
): AsyncGenerator<IngestItem> {
  let current: unknown;
  b.raw = () => safeStringify(current);
  for await (const elements of read(readTextChunks(path, gzip, b))) {
    for (const element of elements) {
      if ('error' in element) {
        current = undefined;
        b.quarantine(
          element.record,
          '',
          'parse_error',
          `${element.error}; the rest of the file is unreadable`,
          '',
        );
        continue;
      }
      current = element.value;
      mapper(element.value, element.record, b);
    }
    for (const item of b.drain()) yield item;
  }
}

async function firstJsonObject(
  path: string,
  gzip: boolean,
  container: JsonContainer,
): Promise<Obj | undefined> {
  if (container !== 'jsonl') {
    const read =
      container === 'document'
        ? readJsonDocument(readTextChunks(path, gzip))
        : readJsonArray(readTextChunks(path, gzip), 0);
    for await (const elements of read) {
      for (const element of elements) {
        if ('value' in element && isObject(element.value)) return element.value;
      }
      break;
    }
    return undefined;
  }
  let seen = 0;
  for await (const lines of readJsonLines(readTextChunks(path, gzip))) {
    for (const { text } of lines) {
      try {
        const value: unknown = JSON.parse(text);
        if (isObject(value)) return value;
      } catch {
        // an invalid line: look at the next one
      }
      if (++seen >= DETECT_MAX_LINES) return undefined;
    }
  }
  return undefined;
}

function chooseTableAdapter(
  path: string,
  opts: ResolvedIngestOptions,
  header: readonly string[],
  container: 'csv' | 'parquet',
): TableAdapter {
  if (opts.format !== undefined) {
    const adapter = tableAdapterFor(opts.format, container);
    if (adapter === undefined) {
      throw new InputError(
        'INPUT_FORMAT_UNKNOWN',
        path,
        `ingest: "${path}" is a ${container === 'csv' ? 'CSV' : 'Parquet'} table (header: ${header.join(', ')}) but --format ${opts.format} reads JSON records.`,
      );
    }
    return adapter;
  }
  const adapters = tableAdapters(container);
  if (opts.map !== undefined) return adapters[adapters.length - 1]!;
  const adapter = detectTableAdapter(header, container);
  if (adapter === undefined) {
    throw unknownFormat(
      path,
      adapters.map((a) => `${a.format} (needs ${a.needs})`).join('; '),
      `header ${header.map((h) => JSON.stringify(h)).join(', ') || '(empty)'}`,
    );
  }
  return adapter;
}

function jsonFormatsTried(): string {
  return JSON_ADAPTERS.map((a) => `${a.format} (needs ${a.needs})`).join('; ');
}

function unknownFormat(path: string, tried: string, seen: string): InputError {
  return new InputError(
    'INPUT_FORMAT_UNKNOWN',
    path,
    `ingest: cannot recognise the format of "${path}". Tried: ${tried}. Seen: ${seen}. ` +
      `Force a format with --format <${FORMATS.join('|')}>, or name the columns with --map, ` +
      'e.g. --map account=user_id,ts=created_at,text=body.',
  );
}

/** An {@link InputReader} over one item-producing run. */
class FileReader implements InputReader {
  private builder: ItemBuilder | undefined;

  constructor(
    readonly path: string,
    readonly format: FormatName,
    private readonly opts: ResolvedIngestOptions,
    private readonly run: (b: ItemBuilder) => AsyncGenerator<IngestItem>,
  ) {}

  items(): AsyncIterable<IngestItem> {
    const b = new ItemBuilder(this.path, this.opts.zone);
    this.builder = b;
    return this.run(b);
  }

  timeRules(): Record<string, number> {
    return this.builder === undefined ? {} : this.builder.timeRules();
  }

  ignoredValues(): Record<string, number> {
    return this.builder === undefined ? {} : this.builder.ignoredValues();
  }

  bytesRead(): number {
    return this.builder?.bytesRead ?? 0;
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return i;
  }
  return -1;
}

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function safeStringify(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

function stringifyRow(header: readonly string[], values: readonly unknown[]): string {
  const obj: Record<string, unknown> = {};
  header.forEach((name, i) => {
    obj[name] = values[i];
  });
  return safeStringify(obj);
}
