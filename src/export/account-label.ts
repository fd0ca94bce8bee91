/**
 * How reports name an account.
 */
import type { NetworkAccount } from '../model/network.js';

/**
 * The name to show for an account: its handle, else its display name, else its key (attacker-written: escape).
 * @param account the account, a `{ key }` stub, or `undefined` when unknown
 * @param key what to show for an unknown account (default `''`)
 * @example accountLabel({ key: 'twitter:1', handle: 'alice' }) // 'alice'
 */
export function accountLabel(account: NetworkAccount | { key: string } | undefined, key = ''): string {
  if (account === undefined) return key;
  if ('handle' in account && account.handle) return account.handle;
  if ('displayName' in account && account.displayName) return account.displayName;
  return account.key;
}
