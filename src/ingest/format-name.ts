/**
 * The input formats Chorus reads. A format names what the columns or keys mean; the container (CSV, JSON lines,
 * a JSON array, Parquet, each optionally gzip-compressed) is detected separately.
 */

/**
 * One input format.
 * - `csv`, `jsonl`, `parquet`: generic tables/records read through column aliases or a `--map` (see
 *   `FIELD_ALIASES`). `jsonl` also reads a JSON array of objects.
 * - `coortweet`: CooRTweet's input table `object_id, account_id, content_id, timestamp_share` (Righetti & Balluff,
 *   CooRTweet R package, `prep_data` docs).
 * - `coortweet-long`: CooRTweet's `german_elections` sample: one row per (post, entity), ids already anonymised.
 * - `qut`: the QUT Coordination Network Toolkit CSV (Graham et al. 2024): `message_id, user_id, username,
 *   repost_id, reply_id, message, timestamp, urls`.
 * - `twarc2`: X API v2 JSON lines as twarc2 writes them (response pages or flattened tweets).
 * - `twitter-v1`: X API v1.1 tweet objects, JSON lines or one JSON array.
 * - `twitter-io`: Twitter's information-operations archive CSV (transparency.twitter.com "Information
 *   operations" hashed datasets).
 * - `telegram`: Telegram Desktop's JSON chat export (`result.json`, messages of one channel or group).
 * - `reddit`: Reddit submissions and comments as Pushshift dumps write them (NDJSON, one thing per line).
 * - `bluesky`: Bluesky `app.bsky.feed.post` / `app.bsky.feed.repost` records: Jetstream events,
 *   `com.atproto.repo.listRecords` entries, or `app.bsky.feed.defs#postView` / `#feedViewPost` objects.
 * - `mastodon`: Mastodon REST API Status entities (`/api/v1/…/statuses`, timelines), JSON array or lines.
 * - `crowdtangle`: CrowdTangle CSV downloads of Facebook Pages/groups (`Facebook Id`) or Instagram accounts
 *   (`Account`, `User Name`), with `Post Created` and the post `URL`.
 * - `youtube`: YouTube Data API v3 JSON: video, comment thread, comment and channel resources or list responses.
 * - `tiktok`: TikTok Research API JSON: video query and video comment responses, or single video/comment objects.
 * - `rss`: RSS 2.0 / Atom 1.0 feeds (blogs, Medium, newsletters), one XML document per file.
 * - `meta-content-library`: Meta Content Library CSV downloads of Facebook (or, with `--platform`, Instagram)
 *   posts: `id`, `creation_time`, `post_owner.id`, `text`, `shared_post_id`, `link_attachment.link`, `statistics.*`.
 */
export type FormatName =
  | 'csv'
  | 'jsonl'
  | 'parquet'
  | 'coortweet'
  | 'coortweet-long'
  | 'qut'
  | 'twarc2'
  | 'twitter-v1'
  | 'twitter-io'
  | 'telegram'
  | 'reddit'
  | 'bluesky'
  | 'mastodon'
  | 'crowdtangle'
  | 'youtube'
  | 'tiktok'
  | 'meta-content-library'
  | 'rss';

/** Every {@link FormatName}, in the order auto-detection reports them. */
export const FORMATS: readonly FormatName[] = Object.freeze([
  'csv',
  'jsonl',
  'parquet',
  'coortweet',
  'coortweet-long',
  'qut',
  'twarc2',
  'twitter-v1',
  'twitter-io',
  'telegram',
  'reddit',
  'bluesky',
  'mastodon',
  'crowdtangle',
  'youtube',
  'tiktok',
  'meta-content-library',
  'rss',
] as const);

/**
 * Type guard: is `value` one of {@link FORMATS}?
 * @example isFormatName('qut') // true
 */
export function isFormatName(value: unknown): value is FormatName {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}
