/**
 * The canonical Account (DESIGN.md §2): profile facts an export carries about an account. Optional everywhere:
 * most exports carry only an id. Validated at the boundary with valibot.
 */
import * as v from 'valibot';

/** Schema of an {@link Account}. */
export const AccountSchema = v.object({
  platform: v.pipe(v.string(), v.minLength(1)),
  accountId: v.pipe(v.string(), v.minLength(1)),
  handle: v.optional(v.string()),
  displayName: v.optional(v.string()),
  createdAtMs: v.optional(v.pipe(v.number(), v.integer())),
  followers: v.optional(v.pipe(v.number(), v.minValue(0))),
  following: v.optional(v.pipe(v.number(), v.minValue(0))),
  bio: v.optional(v.string()),
  profileImageHash: v.optional(v.string()),
  label: v.optional(v.string()),
});

/**
 * A normalized account. `createdAtMs` is UTC epoch ms; `label` is ground truth when the data carries one
 * (e.g. a simulation). The global key is `platform:accountId`, see {@link accountKey}.
 */
export type Account = v.InferOutput<typeof AccountSchema>;

/**
 * The global account key `platform:accountId` (DESIGN.md §2).
 * @example accountKey('twitter', '12') // 'twitter:12'
 */
export function accountKey(platform: string, accountId: string): string {
  return `${platform}:${accountId}`;
}
