/**
 * Adapter for X (Twitter) API v1.1 tweet objects, as JSON lines (streaming API, twarc v1, Hydrator) or as one JSON
 * array. Field reference: X API v1.1 "Tweet object" and "User object" data dictionaries (`id_str`, `created_at`,
 * `full_text` / `extended_tweet.full_text` / `text`, `user`, `retweeted_status`, `in_reply_to_status_id_str`,
 * `quoted_status_id_str`, `entities`, `lang`).
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

/** Count fields → `metrics` keys. */
const METRICS = [
  ['favorite_count', 'likes'],
  ['retweet_count', 'shares'],
  ['reply_count', 'replies'],
  ['quote_count', 'quotes'],
] as const;

/** Stream notices that are not tweets (v1.1 streaming "message types"). */
const NOTICES = [
  'delete',
  'scrub_geo',
  'limit',
  'status_withheld',
  'user_withheld',
  'disconnect',
  'warning',
] as const;

const NAMES: PostFieldNames = {
  postId: 'id_str',
  accountId: 'user.id_str',
  tsMs: 'created_at',
  text: 'full_text',
  lang: 'lang',
  parentPostId: 'retweeted_status.id_str / in_reply_to_status_id_str / quoted_status_id_str',
  parentAccountId: 'retweeted_status.user.id_str / in_reply_to_user_id_str / quoted_status.user.id_str',
  urls: 'entities.urls',
  hashtags: 'entities.hashtags',
  mentions: 'entities.user_mentions',
  metrics: 'favorite_count / retweet_count',
};

/** An id from its `_str` twin first (exact), else the numeric field (exact only below 2^53). */
function idOf(obj: JsonObject | undefined, key: string): string | undefined {
  if (obj === undefined) return undefined;
  return cellString(obj[`${key}_str`]) ?? cellString(obj[key]);
}

/**
 * v1.1 tweets → posts, one record per line or array element. `postId` = id_str (else id), `accountId` =
 * user.id_str (else user.id), `tsMs` from created_at (`Wed Oct 10 20:19:24 +0000 2018`), `text` = full_text, else
 * extended_tweet.full_text, else text (retweet texts stay as given), `lang`. Kind: retweeted_status → `share`
 * (parent = its id_str, parent account = its user.id_str); else in_reply_to_status_id_str → `reply` (parent account
 * in_reply_to_user_id_str); else quoted_status_id_str (or an embedded quoted_status) → `quote`; else `post`.
 * Entities (extended_tweet.entities when present): urls[].expanded_url (else url), hashtags[].text,
 * user_mentions[].screen_name. `metrics` from favorite/retweet/reply/quote counts. The author, and the authors of
 * embedded retweeted/quoted statuses, become account items (screen_name, name, created_at, followers_count,
 * friends_count, description). Stream notices (`delete`, `limit`, …) are `unsupported_record`. Platform = the
 * `platform` option, default `twitter`.
 */
export const twitterV1Adapter: JsonAdapter = {
  format: 'twitter-v1',
  needs: 'X API v1.1 tweet objects (id_str, created_at, user{id_str, screen_name})',
  detect: (first) =>
    (typeof first.id_str === 'string' || typeof first.id === 'number') &&
    asObject(first.user) !== undefined &&
    'created_at' in first,
  bind(_first, options) {
    const platform = options.platform ?? 'twitter';

    const emitUser = (user: JsonObject | undefined, b: ItemBuilder): void => {
      const id = idOf(user, 'id');
      if (user === undefined || id === undefined) return;
      const account = makeAccount(
        platform,
        id,
        {
          handle: user.screen_name,
          displayName: user.name,
          createdAt: user.created_at,
          followers: user.followers_count,
          following: user.friends_count,
          bio: user.description,
        },
        b.zone,
      );
      if (account) b.account(account);
    };

    return (value, record, b) => {
      const tweet = asObject(value);
      if (tweet === undefined) {
        b.quarantine(record, '', 'unsupported_record', `expected a tweet object, got ${jsonTypeName(value)}`);
        return;
      }
      const notice = NOTICES.find((n) => n in tweet && !('id_str' in tweet) && !('id' in tweet));
      if (notice !== undefined) {
        b.quarantine(
          record,
          notice,
          'unsupported_record',
          `stream notice "${notice}", not a tweet: expected a v1.1 tweet object`,
        );
        return;
      }
      const postId = idOf(tweet, 'id');
      if (postId === undefined) {
        b.missing(record, 'id_str', 'the tweet id');
        return;
      }
      const user = asObject(tweet.user);
      const accountId = idOf(user, 'id');
      if (accountId === undefined) {
        b.missing(record, 'user.id_str', 'the author id');
        return;
      }
      const t = b.time(tweet.created_at, record, 'created_at');
      if (t === undefined) return;
      const extended = asObject(tweet.extended_tweet);
      const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const text = cellText(tweet.full_text) ?? cellText(extended?.full_text) ?? cellText(tweet.text);
      if (text !== undefined) post.text = text;
      const lang = cellString(tweet.lang);
      if (lang !== undefined) post.lang = lang;

      const retweeted = asObject(tweet.retweeted_status);
      const quoted = asObject(tweet.quoted_status);
      const replyTo = idOf(tweet, 'in_reply_to_status_id');
      const quotedId = idOf(tweet, 'quoted_status_id') ?? idOf(quoted, 'id');
      let parent: string | undefined;
      let parentAccount: string | undefined;
      if (retweeted !== undefined) {
        post.kind = 'share';
        parent = idOf(retweeted, 'id');
        parentAccount = idOf(asObject(retweeted.user), 'id');
      } else if (replyTo !== undefined) {
        post.kind = 'reply';
        parent = replyTo;
        parentAccount = idOf(tweet, 'in_reply_to_user_id');
      } else if (quotedId !== undefined) {
        post.kind = 'quote';
        parent = quotedId;
        parentAccount = idOf(asObject(quoted?.user), 'id');
      }
      if (parent !== undefined) post.parentPostId = parent;
      if (parentAccount !== undefined) post.parentAccountId = parentAccount;

      const entities = asObject(extended?.entities) ?? asObject(tweet.entities);
      if (entities !== undefined) {
        for (const u of asArray(entities.urls)) {
          const o = asObject(u);
          const url = cellString(o?.expanded_url) ?? cellString(o?.url);
          if (url !== undefined) post.urls.push(url);
        }
        for (const h of asArray(entities.hashtags)) {
          const tag = cellString(asObject(h)?.text);
          if (tag !== undefined) post.hashtags.push(tag);
        }
        for (const m of asArray(entities.user_mentions)) {
          const name = cellString(asObject(m)?.screen_name);
          if (name !== undefined) post.mentions.push(name);
        }
      }
      const metrics: Record<string, number> = {};
      let any = false;
      for (const [key, name] of METRICS) {
        const n = cellNumber(tweet[key]);
        if (n !== undefined) {
          metrics[name] = n;
          any = true;
        }
      }
      if (any) post.metrics = metrics;
      if (!b.post(post, NAMES, t.rule)) return;
      emitUser(user, b);
      emitUser(asObject(retweeted?.user), b);
      emitUser(asObject(quoted?.user), b);
    };
  },
};
