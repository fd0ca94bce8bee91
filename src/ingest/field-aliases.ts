/**
 * Column-name aliases of the canonical fields, used when a generic CSV / JSON lines / Parquet input has no
 * `--map`. Collected from the exports Chorus meets: X API v1.1/v2 field names, twarc2 CSV, Twitter's
 * information-operations archive, CrowdTangle / Meta Content Library, the QUT toolkit and CooRTweet tables.
 */
import type { CanonicalField } from './canonical-field.js';

/**
 * Aliases per canonical field, highest priority first, in the normalised form of {@link normalizeColumnName}
 * (lower case, `_` for spaces, dashes and dots). The first alias present in a header wins. One column may serve
 * two fields (e.g. a lone `username` column is both the account id and the handle).
 *
 * Deliberately absent: `type` / `post_type` (CrowdTangle uses them for link/photo/video, not for share/reply)
 * and quoted-post ids under `parent` (a quote is not a verbatim share); map them with `--map` when wanted.
 */
export const FIELD_ALIASES: Readonly<Record<CanonicalField, readonly string[]>> = Object.freeze({
  id: [
    'id',
    'post_id',
    'postid',
    'message_id',
    'messageid',
    'tweet_id',
    'tweetid',
    'status_id',
    'msg_id',
    'item_id',
    'content_id',
  ],
  account: [
    'account',
    'account_id',
    'accountid',
    'user_id',
    'userid',
    'author_id',
    'authorid',
    'user',
    'author',
    'from_id',
    'owner_id',
    'channel_id',
    'screen_name',
    'username',
    'handle',
    'user_screen_name',
  ],
  ts: [
    'ts',
    'timestamp',
    'created_at',
    'createdat',
    'time',
    'date',
    'datetime',
    'date_time',
    'published_at',
    'publish_time',
    'posted_at',
    'post_time',
    'tweet_time',
    'timestamp_share',
    'created_time',
    'creation_time',
    'unix_time',
    'epoch',
  ],
  text: [
    'text',
    'message',
    'body',
    'content',
    'tweet_text',
    'full_text',
    'post_text',
    'message_text',
    'caption',
    'tweet',
  ],
  platform: ['platform', 'network', 'source_platform', 'site'],
  kind: ['kind', 'post_kind'],
  parent: [
    'parent',
    'parent_id',
    'parent_post_id',
    'repost_id',
    'retweet_id',
    'retweeted_id',
    'retweeted_status_id',
    'retweet_tweetid',
    'shared_id',
    'shared_post_id',
    'share_id',
  ],
  parent_account: [
    'parent_account',
    'parent_account_id',
    'parent_user_id',
    'retweet_user_id',
    'retweet_userid',
    'retweeted_user_id',
    'repost_user_id',
    'shared_account_id',
    'in_reply_to_user_id',
    'in_reply_to_userid',
    'reply_to_user_id',
  ],
  reply_to: [
    'reply_to',
    'reply_id',
    'reply_to_id',
    'in_reply_to',
    'in_reply_to_id',
    'in_reply_to_status_id',
    'in_reply_to_tweet_id',
    'in_reply_to_tweetid',
    'replied_to_id',
  ],
  urls: ['urls', 'url', 'links', 'link', 'expanded_urls', 'expanded_url', 'link_url'],
  hashtags: ['hashtags', 'hashtag', 'tags'],
  mentions: ['mentions', 'mention', 'user_mentions', 'mentioned_users', 'mentioned'],
  media: ['media_hashes', 'media_hash', 'phash', 'image_hash', 'image_hashes', 'phash_id', 'media'],
  media_files: [
    'media_files',
    'media_file',
    'media_paths',
    'media_path',
    'image_files',
    'image_file',
    'image_path',
  ],
  lang: ['lang', 'language', 'tweet_language', 'post_language'],
  handle: [
    'handle',
    'username',
    'screen_name',
    'user_screen_name',
    'user_name',
    'author_username',
    'author_handle',
  ],
  name: ['name', 'display_name', 'user_display_name', 'author_name', 'full_name', 'user_full_name'],
  created_at: [
    'account_created_at',
    'account_creation_date',
    'user_created_at',
    'author_created_at',
    'account_created',
  ],
  followers: ['followers', 'followers_count', 'follower_count', 'user_followers_count', 'user_followers'],
  following: ['following', 'following_count', 'friends_count', 'user_following_count', 'user_friends_count'],
  bio: [
    'bio',
    'description',
    'user_description',
    'user_profile_description',
    'profile_description',
    'author_description',
  ],
  profile_image: [
    'profile_image',
    'profile_image_hash',
    'profile_image_phash',
    'avatar_hash',
    'avatar_phash',
  ],
  label: ['label', 'ground_truth', 'is_coordinated', 'coordinated', 'campaign'],
});

const SEPARATORS = /[\s.-]+/g;

/**
 * Normalise a column name for alias matching: strip a BOM, trim, lower-case, and turn runs of white space,
 * dots and dashes into one `_`.
 * @example normalizeColumnName(' User-ID ') // 'user_id'
 */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(SEPARATORS, '_');
}
