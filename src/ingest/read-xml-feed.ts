/**
 * Reader for the XML container: one RSS 2.0 or Atom 1.0 feed document whose records are its `<item>` (RSS,
 * `rss/channel/item`) or `<entry>` (Atom, `feed/entry`) elements.
 *
 * Specs: RSS 2.0 (RSS Advisory Board, rssboard.org/rss-specification), Atom 1.0 (RFC 4287), XML 1.0 §4.6
 * (predefined entities) and §4.1 (character references). Parsed with fast-xml-parser v5, whole document in memory
 * (feeds are small; at most {@link XML_FEED_MAX_CHARS} characters).
 *
 * XXE / entity-expansion safety: the parser runs with `processEntities: false`, so no entity reference is ever
 * replaced by the parser (neither DOCTYPE-declared internal entities, which defeats "billion laughs", nor the
 * predefined ones); fast-xml-parser never resolves external entities or DTDs and refuses a DOCTYPE that declares
 * one (`SYSTEM` / `PUBLIC`), which makes the whole file one `parse_error`. This reader then decodes only the five
 * predefined entities and numeric character references, in one non-recursive pass ({@link decodeXmlText});
 * any other `&name;` stays literal text. CDATA sections are kept verbatim (not decoded).
 */
import { XMLParser } from 'fast-xml-parser';

import type { ArrayElement } from './read-json-array.js';

/** Most characters of a feed document {@link readXmlFeed} reads; a longer file is one `parse_error`. */
export const XML_FEED_MAX_CHARS = 64 * 1024 * 1024;

/**
 * Name of the non-enumerable property each record of {@link readXmlFeed} carries: the {@link FeedEnvelope} of
 * its feed. Non-enumerable, so `JSON.stringify` of the record (quarantine `raw`) leaves it out.
 */
export const FEED_ENVELOPE = '$feed';

/** What a record knows of its feed (the channel / feed element, without its items). */
export interface FeedEnvelope {
  /** `rss` for an RSS 2.0 `<rss>` document, `atom` for an Atom 1.0 `<feed>`. */
  readonly kind: 'rss' | 'atom';
  /**
   * The feed element's children, normalised like the records (see {@link readXmlFeed}), items / entries
   * removed: RSS `channel` (`title`, `link`, …), Atom `feed` (`title`, `id`, `link`, `author`, …).
   */
  readonly feed: Readonly<Record<string, unknown>>;
}

/**
 * The feed envelope a record of {@link readXmlFeed} carries, or `undefined` for other values.
 * @example feedEnvelope(record)?.kind // 'rss'
 */
export function feedEnvelope(record: unknown): FeedEnvelope | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const env = (record as Record<string, unknown>)[FEED_ENVELOPE];
  return env !== null && typeof env === 'object' ? (env as FeedEnvelope) : undefined;
}

/**
 * Does `headText` start an XML feed document: are its first non-blank characters `<?xml`, `<rss` or `<feed`?
 * @param headText the first decoded characters of the file (a BOM is skipped)
 * @example looksLikeXmlFeed('\n<?xml version="1.0"?><rss>') // true
 * @example looksLikeXmlFeed('<html>') // false
 */
export function looksLikeXmlFeed(headText: string): boolean {
  return /^[\s\uFEFF]*(?:<\?xml[\s?]|<rss[\s>]|<feed[\s>])/.test(headText);
}

const PREDEFINED: Readonly<Record<string, string>> = Object.freeze({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/**
 * Decode XML text: the five predefined entities and decimal / hex character references, in one pass (the
 * output is never decoded again, so `&amp;lt;` → `&lt;`). Other references (DOCTYPE-declared entities) and
 * out-of-range code points stay as written.
 * @example decodeXmlText('a &amp;lt; &#233; &lol;') // 'a &lt; é &lol;'
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

const TEXT = '#text';
const CDATA = '#cdata';

/** Elements that may repeat and are always read as arrays. */
const REPEATED: ReadonlySet<string> = new Set(['item', 'entry', 'link', 'author', 'category', 'contributor']);

function makeParser(): XMLParser {
  return new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: CDATA,
    textNodeName: TEXT,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
}

/**
 * Normalise a fast-xml-parser value: text and attribute values decoded ({@link decodeXmlText}), CDATA verbatim,
 * an element holding only text / CDATA → its string, an element with attributes or children → an object whose
 * text (if any) is under `#text`.
 */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return decodeXmlText(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  let text = '';
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === TEXT) text += decodeXmlText(String(child));
    else if (key === CDATA) text += Array.isArray(child) ? child.join('') : String(child);
    else out[key] = normalise(child);
  }
  if (Object.keys(out).length === 0) return text;
  if (text !== '') out[TEXT] = text;
  return out;
}

/**
 * Read the items (RSS) or entries (Atom) of one feed document, numbered from 1, as one batch.
 *
 * Records are normalised element objects: child elements by qualified name as written (`title`, `dc:creator`,
 * `content:encoded`), attributes as `@_name`, text-only elements as strings; `item`, `entry`, `link`, `author`,
 * `category` and `contributor` are always arrays. Each object record carries the {@link FeedEnvelope}.
 *
 * A document that is not well-formed enough to parse, declares an external entity, is longer than
 * {@link XML_FEED_MAX_CHARS}, or whose root is neither `<rss>` nor `<feed>` yields one `{ record: 1, error }`
 * entry and nothing else. A feed without items yields nothing.
 *
 * @param chunks decoded text chunks (see `readTextChunks`)
 * @returns an async generator of (at most one) element batch
 * @throws {InputError} `INPUT_UNREADABLE` passed through from `chunks` (I/O or gzip failures)
 * @example for await (const batch of readXmlFeed(readTextChunks('feed.xml', false))) count += batch.length;
 */
export async function* readXmlFeed(chunks: AsyncIterable<string>): AsyncGenerator<ArrayElement[]> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length > XML_FEED_MAX_CHARS) {
      yield [{ record: 1, error: `XML feed longer than ${XML_FEED_MAX_CHARS} characters` }];
      return;
    }
  }
  let doc: Record<string, unknown>;
  try {
    doc = makeParser().parse(text) as Record<string, unknown>;
  } catch (cause) {
    yield [{ record: 1, error: `invalid XML feed: ${(cause as Error).message}` }];
    return;
  }
  const batch = feedRecords(doc);
  if (batch.length > 0) yield batch;
}

function feedRecords(doc: Record<string, unknown>): ArrayElement[] {
  const rss = asRecord(doc.rss);
  const channel =
    asRecord(rss?.channel) ?? (Array.isArray(rss?.channel) ? asRecord(rss.channel[0]) : undefined);
  const atom = asRecord(Array.isArray(doc.feed) ? doc.feed[0] : doc.feed);
  const kind = channel !== undefined ? 'rss' : atom !== undefined ? 'atom' : undefined;
  if (kind === undefined) {
    const root = Object.keys(doc)[0] ?? '(none)';
    return [
      { record: 1, error: `XML root element <${root}> is neither an RSS <rss><channel> nor an Atom <feed>` },
    ];
  }
  const container = (kind === 'rss' ? channel : atom)!;
  const key = kind === 'rss' ? 'item' : 'entry';
  const feed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(container)) if (k !== key) feed[k] = normalise(v);
  const envelope: FeedEnvelope = Object.freeze({ kind, feed });
  const raw = container[key];
  const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return items.map((item, i) => {
    const value = normalise(item);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.defineProperty(value, FEED_ENVELOPE, { value: envelope, enumerable: false });
    }
    return { record: i + 1, value };
  });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
