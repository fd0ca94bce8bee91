/**
 * Records of a simulated case: accounts with their profile facts and posts in the canonical shape the generic
 * CSV / JSON lines adapters read back (see `src/ingest/canonical-field.ts`).
 *
 * @module
 */
import type { Tactic } from '../model/ground-truth.js';

/** A simulated account (one per platform and id). */
export interface SimAccount {
  /** Lower-case platform name, e.g. `twitter`. */
  platform: string;
  /** Platform account id: a random-looking number that reveals nothing about the account's role. */
  id: string;
  /** Screen name (no `@`). */
  handle: string;
  /** Display name. */
  name: string;
  /** Account creation time, UTC epoch ms. */
  createdAtMs: number;
  followers: number;
  following: number;
  /** Profile image pHash (16 hex digits), or `''` for none. */
  profileImage: string;
  /** Planted campaign id (`K01`, …) or `null` for an organic account. Never written to `posts.csv`. */
  campaign: string | null;
  /** Home UTC offset in hours (organic) or the operators' offset (campaign). Not written. */
  utcOffsetHours: number;
}

/** What a planted post was made for (kept in memory for tests; never written). */
export interface PlantTag {
  /** Campaign id, `K01`, … */
  campaign: string;
  /** The co-action tactic this post serves. */
  tactic: Tactic;
  /** 0-based action (trigger) number within the campaign. */
  action: number;
  /** Trigger time of the action, UTC epoch ms. */
  triggerMs: number;
}

/** A simulated post. Lists are in the order the post carries them. */
export interface SimPost {
  platform: string;
  /** Post id: a Twitter-style snowflake (time in the high bits, random low bits), unique per platform. */
  id: string;
  /** Account id of the author. */
  account: string;
  /** Post time, UTC epoch ms (whole seconds). */
  tsMs: number;
  kind: 'post' | 'share' | 'reply';
  /** Shared post id (shares only). */
  parent?: string;
  /** Author of the shared or replied-to post (shares and replies). */
  parentAccount?: string;
  /** Replied-to post id (replies only). */
  replyTo?: string;
  /** Post text (`RT @handle: …` for shares, as X exports write them). */
  text: string;
  urls: string[];
  /** Hashtags without `#`. */
  hashtags: string[];
  /** Mentioned handles without `@`. */
  mentions: string[];
  /** Media pHashes, 16 hex digits each. */
  media: string[];
  /** Set on posts of planted campaign actions (not on their background posts). */
  planted?: PlantTag;
}

/**
 * The account key `platform:id`, exactly as `chorus detect` builds it.
 * @example simAccountKey({ platform: 'twitter', id: '12' }) // 'twitter:12'
 */
export function simAccountKey(account: { platform: string; id: string }): string {
  return `${account.platform}:${account.id}`;
}

/**
 * Code-unit string order (locale-free, so sorting is the same everywhere).
 * @example ['b', 'B', 'a'].sort(compareCodeUnits) // ['B', 'a', 'b']
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
