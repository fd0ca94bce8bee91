/**
 * Adapter for X API v2 data as twarc2 writes it (DocNow/twarc, `twarc2 search` / `timeline` output): one JSON
 * response page per line, `{ data: [tweets], includes: { users, tweets, media }, meta, __twarc }`; and twarc2's
 * flattened form (`twarc2 flatten`, twarc `expansions.flatten`): one tweet per line with `author`,
 * `in_reply_to_user` and full `referenced_tweets` objects embedded.
 *
 * Field reference: X API v2 Tweet object (`id`, `author_id`, `created_at`, `text`, `note_tweet`, `lang`,
 * `referenced_tweets`, `in_reply_to_user_id`, `entities`, `public_metrics`) and User object (`id`, `username`,
 * `name`, `created_at`, `description`, `public_metrics`).
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

/** `public_metrics` keys → `metrics` keys. */
const METRICS = [
  ['like_count', 'likes'],
  ['retweet_count', 'shares'],
  ['reply_count', 'replies'],
  ['quote_count', 'quotes'],
  ['impression_count', 'views'],
  ['bookmark_count', 'bookmarks'],
] as const;

const NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'author_id',
  tsMs: 'created_at',
  text: 'text',
  lang: 'lang',
  parentPostId: 'referenced_tweets',
  parentAccountId: 'in_reply_to_user_id',
  urls: 'entities.urls',
  hashtags: 'entities.hashtags',
  mentions: 'entities.mentions',
  metrics: 'public_metrics',
};

/** Lookups of one page's `includes`. */
interface Includes {
  tweets: ReadonlyMap<string, JsonObject>;
}

/** Is `value` a response page (has `data`, or is an empty result page)? */
function isPage(value: JsonObject): boolean {
  return 'data' in value || ('meta' in value && !('id' in value));
}

/** Does `value` look like a (flattened) v2 tweet? */
function isTweet(value: JsonObject): boolean {
  return typeof value.id === 'string' && ('author_id' in value || asObject(value.author) !== undefined);
}

/**
 * twarc2 JSON lines → posts. Each element of a page's `data` is one record (record = the line number; quarantine
 * fields are paths such as `data[3].created_at`); a flattened tweet line is one record. A page with no or an empty
 * `data` (an empty result) holds no record; any other line that is neither a page nor a tweet is one `unsupported_record`.
 *
 * Per tweet: `postId` = id, `accountId` = author_id, `tsMs` = created_at, `text` = note_tweet.text when present
 * else text (retweets keep the truncated `RT @user: …` text), `lang`. Kind from `referenced_tweets` (precedence
 * retweeted → `share`, replied_to → `reply`, quoted → `quote`; else `post`) with `parentPostId` = the referenced
 * id; `parentAccountId` = in_reply_to_user_id for replies, else the referenced tweet's author_id (from the embedded
 * tweet or `includes.tweets`). `urls` = entities.urls[].expanded_url (else unwound_url, else url), `hashtags` =
 * entities.hashtags[].tag, `mentions` = entities.mentions[].username (note_tweet.entities when present), `metrics`
 * from public_metrics. `includes.users` (and embedded `author` objects) become account items. Platform = the
 * `platform` option, default `twitter`.
 */
export const twarc2Adapter: JsonAdapter = {
  format: 'twarc2',
  needs: 'X API v2 response pages ({data, includes, meta}) or flattened tweets (id, author_id, created_at)',
  detect: (first) =>
    Array.isArray(first.data) ||
    asObject(first.data) !== undefined ||
    (isTweet(first) &&
      (asObject(first.author) !== undefined ||
        '__twarc' in first ||
        'edit_history_tweet_ids' in first ||
        'public_metrics' in first ||
        'conversation_id' in first)),
  bind(_first, options) {
    const platform = options.platform ?? 'twitter';

    const emitUser = (user: unknown, b: ItemBuilder): void => {
      const u = asObject(user);
      const id = u === undefined ? undefined : cellString(u.id);
      if (u === undefined || id === undefined) return;
      const metrics = asObject(u.public_metrics);
      const account = makeAccount(
        platform,
        id,
        {
          handle: u.username,
          displayName: u.name,
          createdAt: u.created_at,
          followers: metrics?.followers_count,
          following: metrics?.following_count,
          bio: u.description,
        },
        b.zone,
      );
      if (account) b.account(account);
    };

    const mapTweet = (
      value: unknown,
      record: number,
      b: ItemBuilder,
      prefix: string,
      inc: Includes,
    ): void => {
      const tweet = asObject(value);
      if (tweet === undefined) {
        b.quarantine(
          record,
          prefix.replace(/\.$/, ''),
          'unsupported_record',
          `expected a tweet object, got ${jsonTypeName(value)}`,
        );
        return;
      }
      const postId = b.required(tweet.id, record, `${prefix}id`, 'the tweet id');
      if (postId === undefined) return;
      const accountId = b.required(
        cellString(tweet.author_id) ?? asObject(tweet.author)?.id,
        record,
        `${prefix}author_id`,
        'the author id (tweet.fields author_id)',
      );
      if (accountId === undefined) return;
      const t = b.time(tweet.created_at, record, `${prefix}created_at`);
      if (t === undefined) return;
      const note = asObject(tweet.note_tweet);
      const entities = asObject(note?.entities) ?? asObject(tweet.entities);
      const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const text = cellText(note?.text) ?? cellText(tweet.text);
      if (text !== undefined) post.text = text;
      const lang = cellString(tweet.lang);
      if (lang !== undefined) post.lang = lang;

      let retweeted: JsonObject | undefined;
      let repliedTo: JsonObject | undefined;
      let quoted: JsonObject | undefined;
      for (const ref of asArray(tweet.referenced_tweets)) {
        const r = asObject(ref);
        if (r === undefined) continue;
        if (r.type === 'retweeted') retweeted ??= r;
        else if (r.type === 'replied_to') repliedTo ??= r;
        else if (r.type === 'quoted') quoted ??= r;
      }
      const ref = retweeted ?? repliedTo ?? quoted;
      if (ref !== undefined) {
        post.kind = ref === retweeted ? 'share' : ref === repliedTo ? 'reply' : 'quote';
        const refId = cellString(ref.id);
        if (refId !== undefined) post.parentPostId = refId;
        const refAuthor =
          cellString(ref.author_id) ??
          (refId === undefined ? undefined : cellString(inc.tweets.get(refId)?.author_id));
        const parentAccount =
          ref === repliedTo ? (cellString(tweet.in_reply_to_user_id) ?? refAuthor) : refAuthor;
        if (parentAccount !== undefined) post.parentAccountId = parentAccount;
      }

      if (entities !== undefined) {
        for (const u of asArray(entities.urls)) {
          const o = asObject(u);
          const url = cellString(o?.expanded_url) ?? cellString(o?.unwound_url) ?? cellString(o?.url);
          if (url !== undefined) post.urls.push(url);
        }
        for (const h of asArray(entities.hashtags)) {
          const tag = cellString(asObject(h)?.tag);
          if (tag !== undefined) post.hashtags.push(tag);
        }
        for (const m of asArray(entities.mentions)) {
          const name = cellString(asObject(m)?.username);
          if (name !== undefined) post.mentions.push(name);
        }
      }
      const pm = asObject(tweet.public_metrics);
      if (pm !== undefined) {
        const metrics: Record<string, number> = {};
        let any = false;
        for (const [key, name] of METRICS) {
          const n = cellNumber(pm[key]);
          if (n !== undefined) {
            metrics[name] = n;
            any = true;
          }
        }
        if (any) post.metrics = metrics;
      }
      b.post(post, NAMES, t.rule, prefix);
    };

    const noIncludes: Includes = { tweets: new Map() };

    return (value, record, b) => {
      const obj = asObject(value);
      if (obj === undefined) {
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a twarc2 page or tweet object, got ${jsonTypeName(value)}`,
        );
        return;
      }
      if (isPage(obj)) {
        const includes = asObject(obj.includes);
        for (const user of asArray(includes?.users)) emitUser(user, b);
        const tweets = new Map<string, JsonObject>();
        for (const tw of asArray(includes?.tweets)) {
          const o = asObject(tw);
          const id = cellString(o?.id);
          if (o !== undefined && id !== undefined) tweets.set(id, o);
        }
        const inc: Includes = { tweets };
        const data = Array.isArray(obj.data)
          ? obj.data
          : obj.data === undefined || obj.data === null
            ? []
            : [obj.data];
        const saved = b.raw;
        for (let i = 0; i < data.length; i++) {
          const element = data[i];
          b.raw = () => JSON.stringify(element) ?? '';
          mapTweet(element, record, b, Array.isArray(obj.data) ? `data[${i}].` : 'data.', inc);
        }
        b.raw = saved;
        return;
      }
      if (isTweet(obj)) {
        emitUser(obj.author, b);
        emitUser(obj.in_reply_to_user, b);
        for (const ref of asArray(obj.referenced_tweets)) emitUser(asObject(ref)?.author, b);
        mapTweet(obj, record, b, '', noIncludes);
        return;
      }
      const errors = asArray(obj.errors);
      const detail =
        errors.length > 0
          ? `X API error response (${cellString(asObject(errors[0])?.title) ?? 'error'})`
          : 'unknown object';
      b.quarantine(
        record,
        '',
        'unsupported_record',
        `${detail}: expected a twarc2 page ({data, includes, meta}) or a tweet with id and author_id`,
      );
    };
  },
};
