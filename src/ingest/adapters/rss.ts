/**
 * Adapter for blog and newsletter feeds (Medium, Substack, WordPress…): RSS 2.0 `<item>`s and Atom 1.0
 * `<entry>`s, read from the XML container (see `readXmlFeed`).
 *
 * Field reference: RSS 2.0 (rssboard.org/rss-specification: `title`, `link`, `description`, `author`, `guid`,
 * `pubDate`), RSS Dublin Core module (`dc:creator`, `dc:date`), RSS content module (`content:encoded`), Atom 1.0
 * (RFC 4287 §4.1.2 `atom:entry`: `id`, `title`, `link`, `author/name`, `published`, `updated`, `summary`,
 * `content`). Medium's feeds (`medium.com/feed/@user`) are RSS 2.0 with `dc:creator` and `content:encoded`.
 */
import { parse as parseDomain } from 'tldts';

import type { Post } from '../../model/post.js';
import { cellString, cellText } from '../cell-value.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { feedEnvelope } from '../read-xml-feed.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

/** Registrable domains whose feeds get a platform name of their own instead of the domain. */
export const FEED_PLATFORMS: Readonly<Record<string, string>> = Object.freeze({ 'medium.com': 'medium' });

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return HTML_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/**
 * Plain text of feed HTML (RSS `description`, Atom `summary` / `content`), as inert text: `<script>`, `<style>`
 * and comments removed with their content, `<br>` → line feed, block ends (`</p>`, `</div>`, `</li>`, `</h1-6>`)
 * → blank line, other tags removed, HTML character references decoded (once), runs of blank lines collapsed.
 * @example feedHtmlText('<p>a &amp; b<br>c</p><script>x()</script><p>d</p>') // 'a & b\nc\n\nd'
 */
export function feedHtmlText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|figure)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeHtml(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `http(s)` hrefs of the `<a>` elements of feed HTML, decoded. */
function htmlLinks(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeHtml((m[1] ?? m[2] ?? '').trim());
    if (/^https?:\/\//i.test(href)) urls.push(href);
  }
  return urls;
}

/**
 * Platform name of a feed from its link: {@link FEED_PLATFORMS} by registrable domain (so `medium.com` and
 * `*.medium.com` → `medium`), else the registrable domain (`blog.example.co.uk` → `example.co.uk`), else the
 * host; `undefined` when `url` is not an http(s) URL.
 * @example feedPlatform('https://medium.com/@jane') // 'medium'
 * @example feedPlatform('https://blog.example.org/feed') // 'example.org'
 */
export function feedPlatform(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return undefined;
  const parsed = parseDomain(url);
  const domain = parsed.domain ?? parsed.hostname ?? undefined;
  if (domain === undefined || domain === '') return undefined;
  const d = domain.toLowerCase();
  return FEED_PLATFORMS[d] ?? d;
}

/** String content of a normalised element: a string, or the `#text` of an element with attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const t = asObject(value)?.['#text'];
  return typeof t === 'string' ? t : undefined;
}

/** First element of a repeated (array) or single value. */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The alternate link of an RSS item / channel (`<link>` text) or Atom entry / feed (`link[rel=alternate]`). */
function linkOf(node: JsonObject, atom: boolean): string | undefined {
  const links =
    asArray(node.link).length > 0 ? asArray(node.link) : node.link === undefined ? [] : [node.link];
  if (!atom) {
    for (const l of links) {
      const href = cellString(textOf(l));
      if (href !== undefined) return href;
    }
    return undefined;
  }
  let fallback: string | undefined;
  for (const l of links) {
    const o = asObject(l);
    const href = cellString(o?.['@_href']);
    if (href === undefined) continue;
    const rel = cellString(o?.['@_rel']);
    if (rel === undefined || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

/** Author name: `dc:creator`, RSS `author` (`mail@host (Name)` → Name), Atom `author/name`. */
function authorOf(node: JsonObject): string | undefined {
  const creator = cellString(textOf(first(node['dc:creator'])));
  if (creator !== undefined) return creator;
  const author = first(node.author);
  const atomName = cellString(textOf(asObject(author)?.name));
  if (atomName !== undefined) return atomName;
  const rss = cellString(textOf(author));
  if (rss === undefined) return undefined;
  return /^\S+@\S+\s+\((.+)\)$/.exec(rss)?.[1]?.trim() || rss;
}

/**
 * RSS / Atom feed items → posts. Each `<item>` / `<entry>` is one record (record = 1-based item index).
 *
 * Per item: `platform` = the `platform` option, else {@link feedPlatform} of the feed's link (RSS channel
 * `link`, Atom feed `link[rel=alternate]`), else of the item link, else `unknown`. `accountId` = the item author
 * (`dc:creator`, RSS `author` name, Atom `author/name`), else the feed's author, else the feed itself (its link,
 * else its `id` / `title`); the author becomes an account item with that display name. `postId` = `guid` (RSS) /
 * `id` (Atom), else the item link; neither → `missing_field` (field `guid` / `id`). `tsMs` = `pubDate`, else
 * `dc:date` (RSS; RFC 822 dates) / `published`, else `updated` (Atom; RFC 3339); absent → `missing_field`,
 * unreadable → `invalid_value`. `text` = title, blank line, description (RSS; `content:encoded` when there is no
 * description) / summary (Atom; else `content`), HTML stripped to inert text ({@link feedHtmlText}). `urls` = the
 * item link, then `http(s)` links of the description and full content, each once. Kind `post`.
 * Non-element items are `unsupported_record`.
 */
export const rssAdapter: JsonAdapter = {
  format: 'rss',
  needs: 'an RSS 2.0 <rss><channel><item> or Atom 1.0 <feed><entry> XML document',
  detect: (firstRecord) => feedEnvelope(firstRecord) !== undefined,
  bind(_first, options) {
    return (value, record, b) => {
      const item = asObject(value);
      const env = feedEnvelope(value);
      if (item === undefined || env === undefined) {
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a feed item element, got ${jsonTypeName(value)}`,
        );
        return;
      }
      mapItem(item, env.kind === 'atom', env.feed, options.platform, record, b);
    };
  },
};

function mapItem(
  item: JsonObject,
  atom: boolean,
  feed: JsonObject,
  forcedPlatform: string | undefined,
  record: number,
  b: ItemBuilder,
): void {
  const names = atom ? ATOM_NAMES : RSS_NAMES;
  const link = linkOf(item, atom);
  const feedLink = linkOf(feed, atom);
  const postId = cellString(textOf(atom ? item.id : first(item.guid))) ?? link;
  if (postId === undefined) {
    b.missing(record, names.postId!, `the ${names.postId} or a link of the item`);
    return;
  }
  const timeField = TIME_FIELDS[atom ? 'atom' : 'rss'].find((f) => cellString(textOf(item[f])) !== undefined);
  const t = b.time(textOf(item[timeField ?? names.tsMs!]), record, timeField ?? names.tsMs!);
  if (t === undefined) return;
  const platform = forcedPlatform ?? feedPlatform(feedLink) ?? feedPlatform(link) ?? 'unknown';
  const author = authorOf(item) ?? authorOf(feed);
  const accountId =
    author ?? feedLink ?? cellString(textOf(feed.id)) ?? cellString(textOf(feed.title)) ?? 'unknown-feed';
  const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
  const summary = textOf(atom ? item.summary : item.description);
  const content = textOf(atom ? item.content : item['content:encoded']);
  const title = feedHtmlText(textOf(item.title) ?? '');
  const body = feedHtmlText(summary ?? content ?? '');
  const text = cellText([title, body].filter((s) => s !== '').join('\n\n'));
  if (text !== undefined) post.text = text;
  const urls = [link, ...htmlLinks(summary ?? ''), ...htmlLinks(content ?? '')];
  for (const u of urls)
    if (u !== undefined && /^https?:\/\//i.test(u) && !post.urls.includes(u)) post.urls.push(u);
  if (author !== undefined) {
    const account = makeAccount(platform, accountId, { displayName: author }, b.zone);
    if (account) b.account(account);
  }
  b.post(post, names, t.rule);
}

const TIME_FIELDS = {
  rss: ['pubDate', 'dc:date'],
  atom: ['published', 'updated'],
} as const;

const RSS_NAMES: PostFieldNames = {
  postId: 'guid',
  accountId: 'dc:creator',
  tsMs: 'pubDate',
  text: 'description',
  urls: 'link',
};

const ATOM_NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'author.name',
  tsMs: 'published',
  text: 'summary',
  urls: 'link',
};
