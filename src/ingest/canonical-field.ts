/**
 * Canonical fields of a generic input record: the names a `--map` spec and the column aliases map onto. Post
 * fields first, then account (profile) fields.
 */

/**
 * Canonical fields, in documentation order.
 * - Post: `id` (post id), `account` (account id, required), `ts` (post time, required), `text`, `platform`,
 *   `kind` (post | share | reply | quote | comment, or a synonym such as `retweet`), `parent` (id of the shared or
 *   quoted post), `parent_account`, `reply_to` (id of the post replied to), `urls`, `hashtags`, `mentions`,
 *   `media` (media hashes), `media_files` (local image files, relative to the input file; hashed later with pHash),
 *   `lang`.
 * - Account: `handle`, `name` (display name), `created_at` (account creation time), `followers`, `following`,
 *   `bio`, `profile_image` (profile image hash), `label` (ground truth).
 */
export const CANONICAL_FIELDS = [
  'id',
  'account',
  'ts',
  'text',
  'platform',
  'kind',
  'parent',
  'parent_account',
  'reply_to',
  'urls',
  'hashtags',
  'mentions',
  'media',
  'media_files',
  'lang',
  'handle',
  'name',
  'created_at',
  'followers',
  'following',
  'bio',
  'profile_image',
  'label',
] as const;

/** One of {@link CANONICAL_FIELDS}. */
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Canonical fields a record must have to become a post. */
export const REQUIRED_FIELDS: readonly CanonicalField[] = ['account', 'ts'];

/**
 * Type guard: is `value` one of {@link CANONICAL_FIELDS}?
 * @example isCanonicalField('ts') // true
 */
export function isCanonicalField(value: unknown): value is CanonicalField {
  return typeof value === 'string' && (CANONICAL_FIELDS as readonly string[]).includes(value);
}
