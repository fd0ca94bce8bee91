/**
 * The canonical Post: one message by one account on one platform (DESIGN.md §2). Adapters map every supported
 * export into this shape; everything downstream reads only this shape. Validated at the boundary with valibot.
 */
import * as v from 'valibot';

/** What a post does. `share` = verbatim repost/retweet/forward; `quote` = repost with own text. */
export const POST_KINDS = ['post', 'share', 'reply', 'quote', 'comment'] as const;
/** One of {@link POST_KINDS}. */
export type PostKind = (typeof POST_KINDS)[number];

/**
 * Trace kinds that a table may supply as ready-made object ids (e.g. CooRTweet's german_elections `url_id`,
 * `hashtag_id`, `domain_id`, `phash_id`). Values are opaque ids, used verbatim as co-action objects.
 */
export const SUPPLIED_OBJECT_KINDS = [
  'url',
  'domain',
  'hashtag',
  'mention',
  'share',
  'reply',
  'text',
  'media',
  'object',
] as const;
/** One of {@link SUPPLIED_OBJECT_KINDS}. */
export type SuppliedObjectKind = (typeof SUPPLIED_OBJECT_KINDS)[number];

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** Where a record came from: the input file (as given) and its 1-based line (text formats) or record number. */
export const SourceRefSchema = v.object({
  file: v.string(),
  record: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
/** See {@link SourceRefSchema}. */
export type SourceRef = v.InferOutput<typeof SourceRefSchema>;

/** An object id given by the data itself, see {@link SUPPLIED_OBJECT_KINDS}. */
export const SuppliedObjectSchema = v.object({ kind: v.picklist(SUPPLIED_OBJECT_KINDS), id: nonEmpty });
/** See {@link SuppliedObjectSchema}. */
export type SuppliedObject = v.InferOutput<typeof SuppliedObjectSchema>;

/**
 * Schema of a {@link Post}. `tsMs` is UTC epoch milliseconds, between 1970-01-01 and 2100-01-01 (later is
 * almost surely a unit mistake and is quarantined). Ids are strings exactly as the platform gives them.
 */
export const PostSchema = v.object({
  platform: nonEmpty,
  postId: nonEmpty,
  accountId: nonEmpty,
  tsMs: v.pipe(
    v.number(),
    v.integer('must be an integer number of milliseconds'),
    v.minValue(0, 'is before 1970-01-01'),
    v.maxValue(4102444800000, 'is after 2100-01-01: wrong unit?'),
  ),
  kind: v.picklist(POST_KINDS),
  text: v.optional(v.string()),
  lang: v.optional(v.string()),
  urls: v.array(v.string()),
  hashtags: v.array(v.string()),
  mentions: v.array(v.string()),
  mediaHashes: v.array(v.string()),
  parentPostId: v.optional(nonEmpty),
  parentAccountId: v.optional(nonEmpty),
  objects: v.optional(v.array(SuppliedObjectSchema)),
  metrics: v.optional(v.record(v.string(), v.number())),
  source: SourceRefSchema,
});

/**
 * A normalized post (DESIGN.md §2).
 * - `platform`: lower-case platform name (`twitter`, `facebook`, …); `postId`, `accountId`: platform ids.
 * - `tsMs`: UTC epoch milliseconds. `kind`: see {@link PostKind}.
 * - `urls`, `hashtags` (without `#`), `mentions` (without `@`), `mediaHashes`: as found, not yet canonical.
 * - `parentPostId`/`parentAccountId`: what was shared or replied to. `objects`: ids the table supplies.
 * - `source`: file and 1-based line/record for evidence and quarantine.
 */
export type Post = v.InferOutput<typeof PostSchema>;
