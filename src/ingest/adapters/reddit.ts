/**
 * Adapter for Reddit submissions and comments as Pushshift dumps write them (`RS_*` / `RC_*` monthly files,
 * Arctic Shift and academic torrents: NDJSON, one Reddit "thing" per line; a JSON array of them is read too).
 *
 * Field reference: Reddit API Link (`t3`) and Comment (`t1`) things as archived by Pushshift (Baumgartner et al.
 * 2020, "The Pushshift Reddit Dataset", ICWSM, arXiv:2001.08435): `id`, `name`, `author`, `author_fullname`,
 * `created_utc`, `subreddit`, `title`, `selftext`, `url`, `is_self`, `score`, `num_comments`, `crosspost_parent`,
 * `crosspost_parent_list`; comments `body`, `link_id`, `parent_id`.
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

/** Authors remembered per file for the `parentAccountId` of comments. */
export const REDDIT_AUTHOR_MEMORY = 1_000_000;

/** Author and text placeholders Reddit leaves after deletion or moderator removal. */
const GONE = new Set(['[deleted]', '[removed]']);

const NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'author',
  tsMs: 'created_utc',
  text: 'body',
  parentPostId: 'parent_id',
};

/** `t3_` for a submission (has `title`), `t1_` for a comment (has `body` or `parent_id`), else `undefined`. */
function thingPrefix(thing: JsonObject): 't3_' | 't1_' | undefined {
  if ('title' in thing) return 't3_';
  if ('body' in thing || 'parent_id' in thing) return 't1_';
  return undefined;
}

/** A text field unless it is empty or a deletion placeholder. */
function liveText(value: unknown): string | undefined {
  const text = cellText(value);
  return text === undefined || GONE.has(text.trim()) ? undefined : text;
}

/**
 * Reddit things → posts. Each line (or array element) is one record.
 *
 * Per thing: `postId` = the fullname (`t3_<id>` for submissions, `t1_<id>` for comments, so `parent_id` and
 * `crosspost_parent` point at it); `accountId` = `author` (the username: `author_fullname` is missing from older
 * dumps); `tsMs` = created_utc (epoch seconds, number or string). Submissions: `text` = title, plus a blank line
 * and selftext when there is one; `urls` = the link `url` when it is an absolute http(s) link that is not the
 * submission's own reddit.com page, then links in selftext; kind `share` when `crosspost_parent` is set
 * (`parentPostId` = it, `parentAccountId` = crosspost_parent_list[0].author), else `post`. Comments: `text` = body,
 * `urls` from it; kind `reply`, `parentPostId` = parent_id (a `t1_` comment or the `t3_` submission),
 * `parentAccountId` = that thing's author when it came earlier in the file. `[deleted]` / `[removed]` bodies give no
 * text; a `[deleted]` author is `missing_field` (the post cannot be attributed). `metrics`: `score` (net votes),
 * `replies` (num_comments). Authors become account items (handle = username). A line that is neither a submission
 * nor a comment is `unsupported_record`. Platform = the `platform` option, default `reddit`.
 */
export const redditAdapter: JsonAdapter = {
  format: 'reddit',
  needs: 'Reddit submissions or comments (subreddit, author, created_utc; title or body)',
  detect: (first) =>
    'subreddit' in first &&
    'author' in first &&
    'created_utc' in first &&
    ('title' in first || 'body' in first || 'parent_id' in first),
  bind(_first, options) {
    const platform = options.platform ?? 'reddit';
    const authors = new Map<string, string>();

    return (value, record, b) => {
      const thing = asObject(value);
      const prefix = thing === undefined ? undefined : thingPrefix(thing);
      if (thing === undefined || prefix === undefined) {
        const got = thing === undefined ? jsonTypeName(value) : 'an object without title or body';
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a Reddit submission (title) or comment (body, parent_id), got ${got}`,
        );
        return;
      }
      const id = b.required(thing.id, record, 'id', 'the base-36 thing id');
      if (id === undefined) return;
      const author = cellString(thing.author);
      if (author === undefined || GONE.has(author)) {
        b.missing(record, 'author', 'the author username (deleted authors cannot be attributed)');
        return;
      }
      const t = b.time(thing.created_utc, record, 'created_utc');
      if (t === undefined) return;
      const postId = id.startsWith(prefix) ? id : `${prefix}${id}`;
      const post: Post = b.basePost(
        { platform, postId, accountId: author, tsMs: t.tsMs, kind: 'post' },
        record,
      );
      const names: PostFieldNames = prefix === 't3_' ? { ...NAMES, text: 'title' } : NAMES;

      if (prefix === 't3_') mapSubmission(thing, post);
      else {
        const body = liveText(thing.body);
        if (body !== undefined) {
          post.text = body;
          post.urls.push(...entitiesFromText(body).urls);
        }
        const parent = cellString(thing.parent_id);
        if (parent !== undefined) {
          post.kind = 'reply';
          post.parentPostId = parent;
          const parentAuthor = authors.get(parent);
          if (parentAuthor !== undefined) post.parentAccountId = parentAuthor;
        }
      }
      const metrics: Record<string, number> = {};
      const score = cellNumber(thing.score);
      if (score !== undefined) metrics.score = score;
      const comments = cellNumber(thing.num_comments);
      if (comments !== undefined) metrics.replies = comments;
      if (Object.keys(metrics).length > 0) post.metrics = metrics;

      if (b.post(post, names, t.rule)) {
        if (authors.size >= REDDIT_AUTHOR_MEMORY) authors.clear();
        authors.set(postId, author);
        const account = makeAccount(
          platform,
          author,
          { handle: author, createdAt: thing.author_created_utc },
          b.zone,
        );
        if (account) b.account(account);
      }
    };
  },
};

/** Fill a submission's text, link and crosspost parent. */
function mapSubmission(thing: JsonObject, post: Post): void {
  const title = liveText(thing.title);
  const selftext = liveText(thing.selftext);
  const text = [title, selftext].filter((s) => s !== undefined).join('\n\n');
  if (text !== '') post.text = text;
  const url = cellString(thing.url);
  if (
    url !== undefined &&
    /^https?:\/\//i.test(url) &&
    !(thing.is_self === true && /reddit\.com\//i.test(url))
  ) {
    post.urls.push(url);
  }
  if (selftext !== undefined) post.urls.push(...entitiesFromText(selftext).urls);
  const parent = cellString(thing.crosspost_parent);
  if (parent !== undefined) {
    post.kind = 'share';
    post.parentPostId = parent;
    const parentAuthor = cellString(asObject(asArray(thing.crosspost_parent_list)[0])?.author);
    if (parentAuthor !== undefined && !GONE.has(parentAuthor)) post.parentAccountId = parentAuthor;
  }
}
