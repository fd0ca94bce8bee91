/**
 * Adapter for TikTok Research API JSON (developers.tiktok.com/doc/research-api-specs-query-videos and
 * …-query-video-comments): response bodies as the API returns them, one per line
 * (`{ data: { videos | comments: […], cursor, has_more, search_id }, error: { code, message, log_id } }`), or single
 * video / comment objects one per line.
 *
 * Field reference (Research API codebook): Video object `id`, `create_time` (epoch seconds), `username`,
 * `region_code`, `video_description`, `music_id`, `like_count`, `comment_count`, `share_count`, `view_count`,
 * `favorites_count`, `hashtag_names`, `video_mention_list`, `voice_to_text`; Comment object `id`, `video_id`,
 * `text`, `like_count`, `reply_count`, `parent_comment_id`, `create_time`. Ids are int64 JSON numbers: values above
 * 2^53 lose precision in `JSON.parse`, so exact digits are recovered from the raw line (see {@link exactIds}).
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { parseList } from '../parse-list.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

const PLATFORM = 'tiktok';

const VIDEO_METRICS = [
  ['like_count', 'likes'],
  ['comment_count', 'replies'],
  ['share_count', 'shares'],
  ['view_count', 'views'],
  ['favorites_count', 'bookmarks'],
] as const;
const COMMENT_METRICS = [
  ['like_count', 'likes'],
  ['reply_count', 'replies'],
] as const;

const VIDEO_NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'username',
  tsMs: 'create_time',
  text: 'video_description',
  hashtags: 'hashtag_names',
  mentions: 'video_mention_list',
  metrics: 'like_count / comment_count / share_count / view_count / favorites_count',
};
const COMMENT_NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'username',
  tsMs: 'create_time',
  text: 'text',
  parentPostId: 'parent_comment_id / video_id',
  metrics: 'like_count / reply_count',
};

const ID_KEY = /"(?:id|video_id|parent_comment_id)"\s*:\s*(-?\d{16,})/g;

/**
 * Exact digits of the large integer ids in a raw JSON text: `String(Number(digits))` → digits, or `null` when two
 * different literals round to the same double (ambiguous).
 * @example exactIds('{"id":7178094153075935518}').get('7178094153075936000') // '7178094153075935518'
 */
export function exactIds(raw: string): ReadonlyMap<string, string | null> {
  const out = new Map<string, string | null>();
  for (const m of raw.matchAll(ID_KEY)) {
    const digits = m[1]!;
    const key = String(Number(digits));
    const seen = out.get(key);
    if (seen === undefined) out.set(key, digits);
    else if (seen !== digits) out.set(key, null);
  }
  return out;
}

/** Is `value` a TikTok Research API response body? */
function isResponse(value: JsonObject): boolean {
  const data = asObject(value.data);
  if (data !== undefined && (Array.isArray(data.videos) || Array.isArray(data.comments))) return true;
  const error = asObject(value.error);
  return error !== undefined && 'log_id' in error;
}

/** Does `value` look like one video or comment object? */
function isItem(value: JsonObject): boolean {
  return 'id' in value && 'create_time' in value && ('username' in value || 'video_id' in value);
}

/**
 * TikTok Research API JSON → posts. Each element of `data.videos` / `data.comments` is one record (record = the
 * line number; fields are paths such as `data.videos[2].create_time`); a single object line is one record. A
 * response with an empty list holds no record; an error response without data (`error.code` not `ok`) and any
 * other line is one `unsupported_record`.
 *
 * - Video: kind `post`, `postId` = id, `accountId` = username (the API gives no numeric user id), `tsMs` =
 *   create_time, `text` = video_description, `hashtags` = hashtag_names, `mentions` = video_mention_list, links from
 *   the text; metrics likes, replies ← comment_count, shares, views, bookmarks ← favorites_count. username becomes
 *   the account's handle.
 * - Comment: kind `reply`, `parentPostId` = parent_comment_id (the API sets it to the video id for top-level
 *   comments) else video_id; metrics likes, replies ← reply_count. The comment endpoint returns no author, so a
 *   comment without a `username` (added by the collector) is quarantined `missing_field` rather than given an
 *   invented account.
 * - An id above 2^53 is read from the raw line's digits; when they cannot be recovered (a JSON array container, or
 *   two ids rounding alike) the record is quarantined `invalid_value`.
 * The Research API reports no reposts, duets or stitches as links, so there are no `share`/`quote` posts.
 * Platform `tiktok` (the `platform` option overrides).
 */
export const tiktokAdapter: JsonAdapter = {
  format: 'tiktok',
  needs: 'TikTok Research API responses ({data: {videos|comments}, error}) or video/comment objects',
  detect: (first) => isResponse(first) || isItem(first),
  bind(_first, options) {
    const platform = options.platform ?? PLATFORM;
    let rawIds: ReadonlyMap<string, string | null> | undefined;
    let lineRaw: () => string = () => '';

    /** An id field as exact text; `undefined` when absent; `null` when it lost precision beyond recovery. */
    const idOf = (value: unknown): string | undefined | null => {
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
        rawIds ??= exactIds(lineRaw());
        const digits = rawIds.get(String(value));
        return digits === undefined || digits === null || digits === String(value) ? null : digits;
      }
      return cellString(value);
    };

    const requiredId = (
      value: unknown,
      record: number,
      field: string,
      what: string,
      b: ItemBuilder,
    ): string | undefined => {
      const id = idOf(value);
      if (id === null) {
        b.quarantine(
          record,
          field,
          'invalid_value',
          `${field} ${String(value)} is above 2^53 and its exact digits could not be recovered: give ids as strings or as JSON lines`,
        );
        return undefined;
      }
      return b.required(id, record, field, what);
    };

    const setMetrics = (post: Post, o: JsonObject, pairs: readonly (readonly [string, string])[]) => {
      const metrics: Record<string, number> = {};
      let any = false;
      for (const [key, name] of pairs) {
        const n = cellNumber(o[key]);
        if (n !== undefined) {
          metrics[name] = n;
          any = true;
        }
      }
      if (any) post.metrics = metrics;
    };

    const mapVideo = (v: JsonObject, record: number, b: ItemBuilder, prefix: string): void => {
      const postId = requiredId(v.id, record, `${prefix}id`, 'the video id', b);
      if (postId === undefined) return;
      const accountId = b.required(v.username, record, `${prefix}username`, 'the creator username');
      if (accountId === undefined) return;
      const t = b.time(v.create_time, record, `${prefix}create_time`);
      if (t === undefined) return;
      const post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const text = cellText(v.video_description);
      if (text !== undefined) {
        post.text = text;
        post.urls.push(...entitiesFromText(text).urls);
      }
      post.hashtags.push(...parseList(v.hashtag_names, '#'));
      post.mentions.push(...parseList(v.video_mention_list, '@'));
      setMetrics(post, v, VIDEO_METRICS);
      if (!b.post(post, VIDEO_NAMES, t.rule, prefix)) return;
      const account = makeAccount(platform, accountId, { handle: v.username }, b.zone);
      if (account) b.account(account);
    };

    const mapComment = (c: JsonObject, record: number, b: ItemBuilder, prefix: string): void => {
      const postId = requiredId(c.id, record, `${prefix}id`, 'the comment id', b);
      if (postId === undefined) return;
      const accountId = b.required(
        c.username,
        record,
        `${prefix}username`,
        'the comment author (the Research API comment endpoint returns none; add it when collecting)',
      );
      if (accountId === undefined) return;
      const t = b.time(c.create_time, record, `${prefix}create_time`);
      if (t === undefined) return;
      const post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'reply' }, record);
      const parent = idOf(c.parent_comment_id) ?? idOf(c.video_id);
      if (parent !== undefined && parent !== null) post.parentPostId = parent;
      const text = cellText(c.text);
      if (text !== undefined) {
        post.text = text;
        const e = entitiesFromText(text);
        post.urls.push(...e.urls);
        post.hashtags.push(...e.hashtags);
        post.mentions.push(...e.mentions);
      }
      setMetrics(post, c, COMMENT_METRICS);
      b.post(post, COMMENT_NAMES, t.rule, prefix);
    };

    const mapItem = (value: unknown, record: number, b: ItemBuilder, prefix: string, what: string): void => {
      const o = asObject(value);
      if (o === undefined) {
        b.quarantine(
          record,
          prefix.replace(/\.$/, ''),
          'unsupported_record',
          `expected a ${what} object, got ${jsonTypeName(value)}`,
        );
      } else if (what === 'comment') {
        mapComment(o, record, b, prefix);
      } else {
        mapVideo(o, record, b, prefix);
      }
    };

    return (value, record, b) => {
      rawIds = undefined;
      lineRaw = b.raw;
      const obj = asObject(value);
      if (obj !== undefined && isResponse(obj)) {
        const data = asObject(obj.data);
        const list = Array.isArray(data?.videos) ? 'videos' : Array.isArray(data?.comments) ? 'comments' : '';
        if (list === '') {
          const error = asObject(obj.error);
          b.quarantine(
            record,
            'error',
            'unsupported_record',
            `TikTok API error response (${cellString(error?.code) ?? '?'}: ${cellString(error?.message) ?? 'no message'})`,
          );
          return;
        }
        const items = asArray(data![list]);
        const what = list === 'videos' ? 'video' : 'comment';
        const saved = b.raw;
        for (let i = 0; i < items.length; i++) {
          const element = items[i];
          b.raw = () => JSON.stringify(element) ?? '';
          mapItem(element, record, b, `data.${list}[${i}].`, what);
        }
        b.raw = saved;
        return;
      }
      if (obj !== undefined && isItem(obj)) {
        mapItem(obj, record, b, '', 'username' in obj && !('video_id' in obj) ? 'video' : 'comment');
        return;
      }
      b.quarantine(
        record,
        '',
        'unsupported_record',
        `expected a TikTok Research API response ({data: {videos|comments}}) or a video/comment object, got ${
          obj === undefined ? jsonTypeName(value) : 'an unknown object'
        }`,
      );
    };
  },
};
