/**
 * Build an `Account` from raw profile values of any adapter, keeping only well-formed facts (account facts are
 * extras: a bad follower count drops that fact, never the record).
 */
import type { Account } from '../model/account.js';
import { cellNumber, cellString, cellText } from './cell-value.js';
import { parseTimestampInZone } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';

/** Raw profile values, as found in the input. */
export interface RawAccountFacts {
  handle?: unknown;
  displayName?: unknown;
  /** Account creation time: any form `parseTimestamp` reads (naive values in `zone`). */
  createdAt?: unknown;
  followers?: unknown;
  following?: unknown;
  bio?: unknown;
  /** Profile image hash (e.g. a 64-bit pHash as 16 hex digits), kept as given. */
  profileImage?: unknown;
  label?: unknown;
}

/**
 * Make an account from raw facts.
 * - `handle` is trimmed and loses one leading `@`; `displayName` and `bio` are kept verbatim; `label` is trimmed.
 * - `createdAt` becomes `createdAtMs` when it parses; `followers`/`following` are kept when finite and ≥ 0.
 *   A value that is present but unusable is dropped (the post stays valid) and reported through `onIgnored`.
 * @param platform lower-case platform name
 * @param accountId platform account id
 * @param facts raw values (absent or empty ones are skipped)
 * @param zone zone of a naive `createdAt`
 * @param onIgnored called with the fact's name (`createdAt`, `followers`, `following`) and the reason when a present
 *   value cannot be used
 * @returns the account, or `undefined` when no fact is present (nothing worth emitting)
 * @example makeAccount('twitter', '12', { handle: '@jack', followers: '10' }, UTC_ZONE)
 * // { platform: 'twitter', accountId: '12', handle: 'jack', followers: 10 }
 */
export function makeAccount(
  platform: string,
  accountId: string,
  facts: RawAccountFacts,
  zone: TimeZone,
  onIgnored?: (fact: 'createdAt' | 'followers' | 'following', reason: string) => void,
): Account | undefined {
  const account: Account = { platform, accountId };
  let any = false;
  const handle = cellString(facts.handle);
  if (handle !== undefined) {
    const h = handle.startsWith('@') ? handle.slice(1) : handle;
    if (h !== '') {
      account.handle = h;
      any = true;
    }
  }
  const displayName = cellText(facts.displayName);
  if (displayName !== undefined) {
    account.displayName = displayName;
    any = true;
  }
  if (facts.createdAt !== undefined && facts.createdAt !== null && facts.createdAt !== '') {
    const t = parseTimestampInZone(facts.createdAt, zone);
    if ('tsMs' in t) {
      account.createdAtMs = t.tsMs;
      any = true;
    } else if (cellString(facts.createdAt) !== undefined) {
      onIgnored?.('createdAt', 'not a readable time');
    }
  }
  for (const fact of ['followers', 'following'] as const) {
    const value = cellNumber(facts[fact]);
    if (value !== undefined && value >= 0 && Number.isFinite(value)) {
      account[fact] = value;
      any = true;
    } else if (cellString(facts[fact]) !== undefined) {
      onIgnored?.(fact, 'not a finite count ≥ 0');
    }
  }
  const bio = cellText(facts.bio);
  if (bio !== undefined) {
    account.bio = bio;
    any = true;
  }
  const profileImage = cellString(facts.profileImage);
  if (profileImage !== undefined) {
    account.profileImageHash = profileImage;
    any = true;
  }
  const label = cellString(facts.label);
  if (label !== undefined) {
    account.label = label;
    any = true;
  }
  return any ? account : undefined;
}
