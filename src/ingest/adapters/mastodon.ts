/**
 * Adapter for Mastodon REST API Status entities (`GET /api/v1/accounts/:id/statuses`, `/api/v1/timelines/…`,
 * `/api/v2/search` `statuses`): a JSON array per response page, or one status per line.
 *
 * Field reference: Mastodon API documentation, "Status" and "Account" entities (docs.joinmastodon.org/entities):
 * `id`, `created_at`, `account` (`id`, `username`, `acct`, `display_name`, `created_at`, `note`,
 * `followers_count`, `following_count`), `content` (HTML), `language`, `in_reply_to_id`, `in_reply_to_account_id`,
 * `reblog`, `quote` (Mastodon 4.5: `{ state, quoted_status }`), `tags`, `mentions`, `replies_count`,
 * `reblogs_count`, `favourites_count`, `quotes_count`.
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

/** Status count keys → `metrics` keys. */
const METRICS = [
  ['favourites_count', 'likes'],
  ['reblogs_count', 'shares'],
  ['replies_count', 'replies'],
  ['quotes_count', 'quotes'],
] as const;

const NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'account.id',
  tsMs: 'created_at',
  text: 'content',
  lang: 'language',
  parentPostId: 'in_reply_to_id',
  parentAccountId: 'in_reply_to_account_id',
};

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decode the HTML character references Mastodon writes (named basics, decimal and hex). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of a status `content` (HTML): `<br>` → line feed, paragraph breaks → blank line, tags removed,
 * character references decoded. Mastodon's split links (`invisible` / `ellipsis` spans) join back into the full URL.
 * @example mastodonText('<p>a &amp; b<br>c</p><p>d</p>') // 'a & b\nc\n\nd'
 */
export function mastodonText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text).trim();
}

/** Hrefs of the links in `content` that are neither mentions nor hashtags (those are listed separately). */
function contentLinks(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*>/gi)) {
    const tag = m[0];
    const cls = /\bclass\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '';
    const rel = /\brel\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '';
    if (/\b(mention|hashtag)\b/.test(cls) || /\btag\b/.test(rel)) continue;
    const href = /\bhref\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (href !== undefined && /^https?:\/\//i.test(href)) urls.push(decodeEntities(href));
  }
  return urls;
}

/**
 * Mastodon statuses → posts. Each array element (or line) is one record.
 *
 * Per status: `postId` = id, `accountId` = account.id (both as the queried instance numbers them: the ids of
 * `reblog`, `in_reply_to_id` and `quote` are on the same instance, so they match; `handle` = `acct`, which is
 * `user@domain` for remote accounts), `tsMs` = created_at, `lang` = language. Kind: `reblog` → `share` (parent =
 * reblog.id / reblog.account.id; text, links and tags are the reblogged status's); else `in_reply_to_id` →
 * `reply` (parent account = in_reply_to_account_id); else an accepted `quote.quoted_status` (or `quote.quoted_status_id`)
 * → `quote`; else `post`. `text` = content as plain text; `urls` = content links other than mentions and hashtags;
 * `hashtags` = tags[].name; `mentions` = mentions[].acct; `metrics` from the counts. Accounts (and reblogged /
 * quoted authors) become account items (handle, display name, created_at, follower counts, note as text).
 * Non-objects are `unsupported_record`. Platform = the `platform` option, default `mastodon`.
 */
export const mastodonAdapter: JsonAdapter = {
  format: 'mastodon',
  needs: 'Mastodon Status entities (id, created_at, account, content, visibility / reblog)',
  detect: (first) =>
    asObject(first.account) !== undefined &&
    typeof first.content === 'string' &&
    'created_at' in first &&
    ('reblog' in first || 'visibility' in first),
  bind(_first, options) {
    const platform = options.platform ?? 'mastodon';

    const emitAccount = (value: unknown, b: ItemBuilder): void => {
      const a = asObject(value);
      const id = cellString(a?.id);
      if (a === undefined || id === undefined) return;
      const note = typeof a.note === 'string' ? mastodonText(a.note) : undefined;
      const account = makeAccount(
        platform,
        id,
        {
          handle: a.acct ?? a.username,
          displayName: a.display_name,
          createdAt: a.created_at,
          followers: a.followers_count,
          following: a.following_count,
          bio: note,
        },
        b.zone,
      );
      if (account) b.account(account);
    };

    return (value, record, b) => {
      const status = asObject(value);
      if (status === undefined) {
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a Mastodon status object, got ${jsonTypeName(value)}`,
        );
        return;
      }
      const postId = b.required(status.id, record, 'id', 'the status id');
      if (postId === undefined) return;
      const account = asObject(status.account);
      const accountId = b.required(account?.id, record, 'account.id', 'the author account id');
      if (accountId === undefined) return;
      const t = b.time(status.created_at, record, 'created_at');
      if (t === undefined) return;
      const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const reblog = asObject(status.reblog);
      const quote = asObject(status.quote);
      const quoted = quote?.state === 'accepted' || quote?.state === undefined ? quote : undefined;
      const quotedStatus = asObject(quoted?.quoted_status);
      const quotedId = cellString(quotedStatus?.id) ?? cellString(quoted?.quoted_status_id);
      const replyTo = cellString(status.in_reply_to_id);

      fillContent(post, reblog ?? status);
      const lang = cellString(status.language) ?? cellString(reblog?.language);
      if (lang !== undefined) post.lang = lang;
      if (reblog !== undefined) {
        post.kind = 'share';
        setParent(post, reblog.id, asObject(reblog.account)?.id);
      } else if (replyTo !== undefined) {
        post.kind = 'reply';
        setParent(post, replyTo, status.in_reply_to_account_id);
      } else if (quotedId !== undefined) {
        post.kind = 'quote';
        setParent(post, quotedId, asObject(quotedStatus?.account)?.id);
      }
      const metrics: Record<string, number> = {};
      for (const [key, name] of METRICS) {
        const n = cellNumber(status[key]);
        if (n !== undefined) metrics[name] = n;
      }
      if (Object.keys(metrics).length > 0) post.metrics = metrics;

      emitAccount(account, b);
      if (reblog !== undefined) emitAccount(reblog.account, b);
      if (quotedStatus !== undefined) emitAccount(quotedStatus.account, b);
      b.post(post, reblog === undefined ? NAMES : { ...NAMES, parentPostId: 'reblog.id' }, t.rule);
    };
  },
};

/** Text, links, tags and mentions of `source` (the status itself, or what it reblogs). */
function fillContent(post: Post, source: JsonObject): void {
  const html = typeof source.content === 'string' ? source.content : '';
  const text = cellText(mastodonText(html));
  if (text !== undefined) post.text = text;
  post.urls.push(...contentLinks(html));
  for (const tag of asArray(source.tags)) {
    const name = cellString(asObject(tag)?.name);
    if (name !== undefined) post.hashtags.push(name);
  }
  for (const mention of asArray(source.mentions)) {
    const m = asObject(mention);
    const acct = cellString(m?.acct) ?? cellString(m?.username);
    if (acct !== undefined) post.mentions.push(acct);
  }
}

/** Set the parent post and (when known) its account. */
function setParent(post: Post, postId: unknown, accountId: unknown): void {
  const id = cellString(postId);
  if (id !== undefined) post.parentPostId = id;
  const account = cellString(accountId);
  if (account !== undefined) post.parentAccountId = account;
}
