/**
 * Adapter for YouTube Data API v3 JSON (developers.google.com/youtube/v3/docs): list responses as the API returns
 * them (`youtube#videoListResponse`, `youtube#commentThreadListResponse`, `youtube#commentListResponse`,
 * `youtube#searchListResponse`, `youtube#channelListResponse`), one per line, or single resources one per line
 * (`youtube#video`, `youtube#commentThread`, `youtube#comment`, `youtube#searchResult`, `youtube#channel`).
 *
 * Field reference: Video resource (`id`, `snippet.publishedAt`, `snippet.channelId`, `snippet.title`,
 * `snippet.description`, `snippet.channelTitle`, `snippet.defaultLanguage`, `snippet.defaultAudioLanguage`,
 * `statistics.viewCount`, `likeCount`, `commentCount`); CommentThread resource (`snippet.channelId`,
 * `snippet.videoId`, `snippet.topLevelComment`, `snippet.totalReplyCount`, `replies.comments[]`); Comment resource
 * (`id`, `snippet.authorDisplayName`, `snippet.authorChannelId.value`, `snippet.channelId`, `snippet.videoId`,
 * `snippet.textOriginal`, `snippet.textDisplay`, `snippet.parentId`, `snippet.likeCount`, `snippet.publishedAt`);
 * Channel resource (`id`, `snippet.title`, `snippet.customUrl`, `snippet.description`, `snippet.publishedAt`,
 * `statistics.subscriberCount`). Counts arrive as decimal strings.
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

const PLATFORM = 'youtube';

const VIDEO_NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'snippet.channelId',
  tsMs: 'snippet.publishedAt',
  text: 'snippet.title / snippet.description',
  lang: 'snippet.defaultAudioLanguage',
  metrics: 'statistics',
};
const COMMENT_NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'snippet.authorChannelId.value',
  tsMs: 'snippet.publishedAt',
  text: 'snippet.textOriginal',
  parentPostId: 'snippet.parentId / snippet.videoId',
  parentAccountId: 'snippet.channelId',
  metrics: 'snippet.likeCount',
};

/** Where a comment sits: its video, the video's channel, and (for a reply) the parent comment's author. */
interface CommentContext {
  videoId?: string | undefined;
  videoChannelId?: string | undefined;
  parentAuthorId?: string | undefined;
  totalReplyCount?: unknown;
}

/** `kind` of a resource or response, or `''`. */
function kindOf(value: JsonObject): string {
  return typeof value.kind === 'string' ? value.kind : '';
}

/**
 * Set `metrics` from raw counts (decimal strings or numbers), skipping absent or non-numeric ones.
 * @param pairs `[metric key, raw value]`
 */
function setMetrics(post: Post, pairs: readonly (readonly [string, unknown])[]): void {
  const metrics: Record<string, number> = {};
  let any = false;
  for (const [key, raw] of pairs) {
    const n = cellNumber(raw);
    if (n !== undefined) {
      metrics[key] = n;
      any = true;
    }
  }
  if (any) post.metrics = metrics;
}

/** Add the links, hashtags and mentions of `text` to `post`. */
function addTextEntities(post: Post, text: string | undefined): void {
  if (text === undefined) return;
  const e = entitiesFromText(text);
  post.urls.push(...e.urls);
  post.hashtags.push(...e.hashtags);
  post.mentions.push(...e.mentions);
}

/**
 * YouTube Data API v3 JSON → posts. Each element of a list response's `items` is one record (record = the line
 * number; quarantine fields are paths such as `items[2].snippet.publishedAt`); a single resource line is one
 * record; a comment thread holds one record for its top-level comment plus one per reply in `replies.comments`.
 * A list response with no `items` holds no record; channel resources are account facts, not records. Any other
 * kind (playlists, captions…) or a non-object is one `unsupported_record`; an API error response
 * (`{error: {code, message}}`) too.
 *
 * - Video (or search result with `id.videoId`): kind `post`, `postId` = id, `accountId` = snippet.channelId,
 *   `tsMs` = snippet.publishedAt, `text` = title and description joined by a blank line, `lang` =
 *   defaultAudioLanguage else defaultLanguage, links/hashtags/mentions from that text, metrics views ← viewCount,
 *   likes ← likeCount, replies ← commentCount. channelTitle becomes the channel's display name.
 * - Comment: kind `reply` (so comments on the same video form co-reply traces), `accountId` =
 *   authorChannelId.value, `text` = textOriginal else textDisplay (HTML). A top-level comment replies to the video
 *   (`parentPostId` = videoId, `parentAccountId` = the video's channel, snippet.channelId); a reply (parentId set)
 *   replies to that comment (`parentAccountId` = its author when the thread carries it). Metrics likes ←
 *   likeCount, replies ← the thread's totalReplyCount. authorDisplayName becomes the handle when it starts with
 *   `@` (current API), else the display name.
 * YouTube has no reposts or quotes. Platform `youtube` (the `platform` option overrides).
 */
export const youtubeAdapter: JsonAdapter = {
  format: 'youtube',
  needs: 'YouTube Data API v3 resources or list responses (kind "youtube#…")',
  detect: (first) => kindOf(first).startsWith('youtube#'),
  bind(_first, options) {
    const platform = options.platform ?? PLATFORM;

    const channelAccount = (channelId: string, facts: Parameters<typeof makeAccount>[2], b: ItemBuilder) => {
      const account = makeAccount(platform, channelId, facts, b.zone);
      if (account) b.account(account);
    };

    const mapVideo = (video: JsonObject, record: number, b: ItemBuilder, prefix: string): void => {
      const snippet = asObject(video.snippet);
      const postId = b.required(
        cellString(video.id) ?? asObject(video.id)?.videoId,
        record,
        `${prefix}id`,
        'the video id',
      );
      if (postId === undefined) return;
      const accountId = b.required(
        snippet?.channelId,
        record,
        `${prefix}snippet.channelId`,
        'the channel id (part=snippet)',
      );
      if (accountId === undefined) return;
      const t = b.time(snippet?.publishedAt, record, `${prefix}snippet.publishedAt`);
      if (t === undefined) return;
      const post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const parts = [cellText(snippet?.title), cellText(snippet?.description)].filter(
        (s): s is string => s !== undefined,
      );
      if (parts.length > 0) post.text = parts.join('\n\n');
      addTextEntities(post, post.text);
      const lang = cellString(snippet?.defaultAudioLanguage) ?? cellString(snippet?.defaultLanguage);
      if (lang !== undefined) post.lang = lang;
      const stats = asObject(video.statistics);
      if (stats !== undefined) {
        setMetrics(post, [
          ['likes', stats.likeCount],
          ['replies', stats.commentCount],
          ['views', stats.viewCount],
        ]);
      }
      if (b.post(post, VIDEO_NAMES, t.rule, prefix)) {
        channelAccount(accountId, { displayName: snippet?.channelTitle }, b);
      }
    };

    /** Map one comment; returns its author's channel id when it was accepted. */
    const mapComment = (
      value: unknown,
      record: number,
      b: ItemBuilder,
      prefix: string,
      ctx: CommentContext,
    ): string | undefined => {
      const comment = asObject(value);
      if (comment === undefined) {
        b.quarantine(
          record,
          prefix.replace(/\.$/, ''),
          'unsupported_record',
          `expected a comment resource, got ${jsonTypeName(value)}`,
        );
        return undefined;
      }
      const s = asObject(comment.snippet);
      const postId = b.required(comment.id, record, `${prefix}id`, 'the comment id');
      if (postId === undefined) return undefined;
      const accountId = b.required(
        asObject(s?.authorChannelId)?.value,
        record,
        `${prefix}snippet.authorChannelId.value`,
        'the author channel id',
      );
      if (accountId === undefined) return undefined;
      const t = b.time(s?.publishedAt, record, `${prefix}snippet.publishedAt`);
      if (t === undefined) return undefined;
      const post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'reply' }, record);
      const text = cellText(s?.textOriginal) ?? cellText(s?.textDisplay);
      if (text !== undefined) post.text = text;
      addTextEntities(post, text);
      const parentId = cellString(s?.parentId);
      const videoId = cellString(s?.videoId) ?? ctx.videoId;
      if (parentId !== undefined) {
        post.parentPostId = parentId;
        if (ctx.parentAuthorId !== undefined) post.parentAccountId = ctx.parentAuthorId;
      } else if (videoId !== undefined) {
        post.parentPostId = videoId;
        const channel = cellString(s?.channelId) ?? ctx.videoChannelId;
        if (channel !== undefined) post.parentAccountId = channel;
      }
      setMetrics(post, [
        ['likes', s?.likeCount],
        ['replies', ctx.totalReplyCount],
      ]);
      if (!b.post(post, COMMENT_NAMES, t.rule, prefix)) return undefined;
      const name = cellString(s?.authorDisplayName);
      channelAccount(
        accountId,
        name?.startsWith('@') ? { handle: name } : { displayName: s?.authorDisplayName },
        b,
      );
      return accountId;
    };

    const mapThread = (thread: JsonObject, record: number, b: ItemBuilder, prefix: string): void => {
      const s = asObject(thread.snippet);
      const ctx: CommentContext = {
        videoId: cellString(s?.videoId),
        videoChannelId: cellString(s?.channelId),
        totalReplyCount: s?.totalReplyCount,
      };
      const top = s?.topLevelComment;
      const author = mapComment(top, record, b, `${prefix}snippet.topLevelComment.`, ctx);
      const topAuthor =
        author ?? cellString(asObject(asObject(asObject(top)?.snippet)?.authorChannelId)?.value);
      const replies = asArray(asObject(thread.replies)?.comments);
      for (let j = 0; j < replies.length; j++) {
        mapComment(replies[j], record, b, `${prefix}replies.comments[${j}].`, {
          videoId: ctx.videoId,
          videoChannelId: ctx.videoChannelId,
          parentAuthorId: topAuthor,
        });
      }
    };

    const mapChannel = (channel: JsonObject, b: ItemBuilder): void => {
      const id = cellString(channel.id);
      if (id === undefined) return;
      const s = asObject(channel.snippet);
      channelAccount(
        id,
        {
          handle: s?.customUrl,
          displayName: s?.title,
          createdAt: s?.publishedAt,
          followers: asObject(channel.statistics)?.subscriberCount,
          bio: s?.description,
        },
        b,
      );
    };

    const mapResource = (value: unknown, record: number, b: ItemBuilder, prefix: string): void => {
      const r = asObject(value);
      const kind = r === undefined ? '' : kindOf(r);
      if (r !== undefined && (kind === 'youtube#video' || kind === 'youtube#searchResult')) {
        if (kind === 'youtube#searchResult' && asObject(r.id)?.videoId === undefined) {
          b.quarantine(
            record,
            `${prefix}id`,
            'unsupported_record',
            'search result is not a video (no id.videoId)',
          );
        } else {
          mapVideo(r, record, b, prefix);
        }
      } else if (r !== undefined && kind === 'youtube#commentThread') {
        mapThread(r, record, b, prefix);
      } else if (r !== undefined && kind === 'youtube#comment') {
        mapComment(r, record, b, prefix, {});
      } else if (r !== undefined && kind === 'youtube#channel') {
        mapChannel(r, b);
      } else {
        b.quarantine(
          record,
          prefix.replace(/\.$/, ''),
          'unsupported_record',
          r === undefined
            ? `expected a YouTube resource, got ${jsonTypeName(value)}`
            : `unsupported YouTube resource kind "${kind}": expected a video, comment thread, comment or channel`,
        );
      }
    };

    return (value, record, b) => {
      const obj = asObject(value);
      if (obj !== undefined && kindOf(obj).endsWith('ListResponse')) {
        const items = asArray(obj.items);
        const saved = b.raw;
        for (let i = 0; i < items.length; i++) {
          const element = items[i];
          b.raw = () => JSON.stringify(element) ?? '';
          mapResource(element, record, b, `items[${i}].`);
        }
        b.raw = saved;
        return;
      }
      const error = obj === undefined ? undefined : asObject(obj.error);
      if (error !== undefined) {
        b.quarantine(
          record,
          'error',
          'unsupported_record',
          `YouTube API error response (${cellString(error.code) ?? '?'}: ${cellString(error.message) ?? 'no message'})`,
        );
        return;
      }
      mapResource(value, record, b, '');
    };
  },
};
