/**
 * Per-account facts the graph stage attaches to nodes: profile fields (from the model's Account) and activity.
 */
import { accountKey } from '../model/account.js';

/**
 * What the graph stage knows about one account besides its edges. Compatible with the model's `Account`
 * (extra fields are ignored). `handle` and `displayName` are attacker-written: escape before display.
 */
export interface AccountFacts {
  platform: string;
  accountId: string;
  handle?: string | undefined;
  displayName?: string | undefined;
  /** Posts of the account in the case (default 0). */
  posts?: number | undefined;
}

/** Account facts as a list, or as a map whose values are the facts (its keys are ignored). */
export type AccountFactsInput = Iterable<AccountFacts> | ReadonlyMap<string, AccountFacts>;

function isMap(input: AccountFactsInput): input is ReadonlyMap<string, AccountFacts> {
  return typeof (input as ReadonlyMap<string, AccountFacts>).get === 'function' && 'size' in input;
}

/**
 * Index account facts by global key `platform:accountId` (recomputed from each entry). When a key appears twice,
 * the later entry wins.
 * @param accounts a list of facts, a map of facts (values are used), or `undefined` (empty index)
 * @example indexAccountFacts([{ platform: 'twitter', accountId: '1', handle: 'a' }]).get('twitter:1')?.handle // 'a'
 */
export function indexAccountFacts(accounts: AccountFactsInput | undefined): Map<string, AccountFacts> {
  const index = new Map<string, AccountFacts>();
  if (accounts === undefined) return index;
  for (const account of isMap(accounts) ? accounts.values() : accounts) {
    index.set(accountKey(account.platform, account.accountId), account);
  }
  return index;
}
