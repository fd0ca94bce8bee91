/**
 * Account facts for the accounts of a network: posts in the case and the latest profile record (handle, display
 * name) an input carried. Set-oriented SQL over `posts`, `accounts` and `account_dict`.
 */
import type { AccountFacts } from '../graph/account-facts.js';
import type { DuckStore } from '../store/duck-store.js';

/**
 * Facts of the given account keys (unknown keys are skipped), keyed by account key.
 * @throws {StoreError} when a query fails
 */
export async function loadAccountFacts(
  store: DuckStore,
  keys: readonly string[],
): Promise<Map<string, AccountFacts>> {
  const facts = new Map<string, AccountFacts>();
  if (keys.length === 0) return facts;
  await store.run('CREATE OR REPLACE TEMP TABLE wanted_keys (key VARCHAR)');
  const app = await store.appender('wanted_keys');
  for (const key of keys) {
    app.appendVarchar(key);
    app.endRow();
  }
  app.closeSync();
  const rows = await store.all(`
    WITH wanted AS (SELECT d.* FROM account_dict d JOIN wanted_keys w ON w.key = d.key),
    counts AS (SELECT p.platform, p.account_id, count(*) AS posts FROM posts p
               JOIN wanted w ON w.platform = p.platform AND w.account_id = p.account_id GROUP BY ALL),
    profile AS (SELECT a.platform, a.account_id,
                  arg_max(a.handle, a.seq) FILTER (WHERE a.handle IS NOT NULL) AS handle,
                  arg_max(a.display_name, a.seq) FILTER (WHERE a.display_name IS NOT NULL) AS display_name
                FROM accounts a JOIN wanted w ON w.platform = a.platform AND w.account_id = a.account_id GROUP BY ALL)
    SELECT w.key, w.platform, w.account_id, coalesce(c.posts, 0) AS posts, pr.handle, pr.display_name
    FROM wanted w LEFT JOIN counts c USING (platform, account_id) LEFT JOIN profile pr USING (platform, account_id)
    ORDER BY w.key`);
  await store.run('DROP TABLE wanted_keys');
  for (const row of rows) {
    const fact: AccountFacts = {
      platform: String(row.platform),
      accountId: String(row.account_id),
      posts: Number(row.posts),
    };
    if (typeof row.handle === 'string') fact.handle = row.handle;
    if (typeof row.display_name === 'string') fact.displayName = row.display_name;
    facts.set(String(row.key), fact);
  }
  return facts;
}
