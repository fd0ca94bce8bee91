/**
 * Seeds in a case: published indicators (Meta threat-research files, STIX bundles; `readSeeds`) matched to the
 * case's accounts, URLs and domains, then expanded to the accounts that co-acted with the seed accounts, ranked by
 * the null-model p-value of their strongest edge (docs/methods.md §8) with the evidence counts. An investigator
 * starts from what a platform already attributed (Meta's Spamouflage and Doppelganger indicators) and sees who else
 * acted with those accounts in their own data.
 *
 * Matching (set-oriented SQL):
 * - account seeds: same handle (case-insensitive, without `@`) or same account id, on the seed's platform when it
 *   names one;
 * - URL seeds: a `url` trace of the same canonical URL; domain seeds: a `domain` trace of the same registrable
 *   domain (or host).
 * Expansion: every candidate edge (`sig_edges`, any p-value) between a matched account and another account,
 * grouped by the other account: its smallest edge p-value, its co-actions with matched accounts, the matched accounts
 * it co-acted with; ranked by p, then co-actions, then key.
 *
 * @module
 */
import type { Seed, SeedCounts, SeedReport } from '../model/seed.js';

export type { SeedExpansion, SeedFileSummary, SeedMatch, SeedReport } from '../model/seed.js';

import type { DuckStore } from '../store/duck-store.js';

/** Options of {@link matchSeeds}. */
export interface MatchSeedsOptions {
  /** Most expansion accounts listed. Default 200. */
  maxExpansion: number;
}

const sql = (value: string | undefined): string =>
  value === undefined ? 'NULL' : `'${value.replaceAll("'", "''")}'`;

/**
 * Match seeds to a case and expand from them.
 * @param store a case after `computeEdgeSignificance` (needs `accounts`, `account_dict`, `traces`, `object_dict`,
 *   `coaction_edges`, `sig_edges`)
 * @param files seed files as read by `readSeeds`
 * @param options see {@link MatchSeedsOptions}
 * @throws {StoreError} when a query fails
 */
export async function matchSeeds(
  store: DuckStore,
  files: readonly { file: string; format: string; counts: SeedCounts; seeds: readonly Seed[] }[],
  options: Partial<MatchSeedsOptions> = {},
): Promise<SeedReport> {
  const maxExpansion = options.maxExpansion ?? 200;
  const seeds = files.flatMap((f) => f.seeds);
  const report: SeedReport = {
    files: files.map((f) => ({ file: f.file, format: f.format, counts: f.counts })),
    seeds: seeds.length,
    matched: [],
    accounts: [],
    expansion: [],
  };
  if (seeds.length === 0) return report;
  await store.run(`CREATE OR REPLACE TEMP TABLE _seeds (idx INTEGER, kind VARCHAR, value VARCHAR, platform VARCHAR,
    handle VARCHAR, account_id VARCHAR, domain VARCHAR)`);
  for (let i = 0; i < seeds.length; i += 1000) {
    const rows = seeds.slice(i, i + 1000).map((s, j) => {
      const handle = s.handle?.replace(/^@/, '').toLowerCase();
      return `(${i + j}, ${sql(s.kind)}, ${sql(s.value)}, ${sql(s.platform?.toLowerCase())}, ${sql(handle)}, ${sql(s.accountId)}, ${sql(s.domain)})`;
    });
    await store.run(`INSERT INTO _seeds VALUES ${rows.join(', ')}`);
  }
  try {
    const matches = await store.all<{ idx: number; key: string }>(`
      SELECT DISTINCT s.idx, d.key FROM _seeds s
      JOIN accounts a ON s.kind = 'account'
        AND (s.platform IS NULL OR lower(a.platform) = s.platform)
        AND ((s.handle IS NOT NULL AND lower(ltrim(a.handle, '@')) = s.handle)
             OR (s.account_id IS NOT NULL AND a.account_id = s.account_id))
      JOIN account_dict d ON d.platform = a.platform AND d.account_id = a.account_id
      UNION
      SELECT DISTINCT s.idx, d.key FROM _seeds s
      JOIN object_dict o ON (s.kind = 'url' AND o.kind = 'url' AND o.value = s.value)
        OR (s.kind = 'domain' AND o.kind = 'domain' AND o.value = coalesce(s.domain, s.value))
      JOIN traces t ON t.object = o.object
      JOIN account_dict d ON d.account = t.account
      ORDER BY 1, 2`);
    const byIdx = new Map<number, string[]>();
    for (const m of matches) byIdx.set(Number(m.idx), [...(byIdx.get(Number(m.idx)) ?? []), String(m.key)]);
    for (const [idx, accounts] of [...byIdx].sort((x, y) => x[0] - y[0])) {
      const seed = seeds[idx]!;
      report.matched.push({
        kind: seed.kind,
        value: seed.value,
        source: seed.source,
        ...(seed.ttp !== undefined ? { ttp: seed.ttp } : {}),
        accounts: [...new Set(accounts)].sort(),
      });
    }
    report.accounts = [...new Set(report.matched.flatMap((m) => m.accounts))].sort();
    if (report.accounts.length === 0) return report;
    await store.run(`CREATE OR REPLACE TEMP TABLE _seed_acc AS
      SELECT account FROM account_dict WHERE key IN (${report.accounts.map(sql).join(', ')})`);
    const rows = await store.all<{ key: string; via: string[]; coactions: bigint; lp: number }>(`
      WITH f AS (
        SELECT s.a, s.b, s.log10_p, c.coactions,
               s.a IN (SELECT account FROM _seed_acc) AS a_seed, s.b IN (SELECT account FROM _seed_acc) AS b_seed
        FROM sig_edges s JOIN coaction_edges c USING (a, b)),
      e AS (
        SELECT CASE WHEN a_seed THEN b ELSE a END AS other, CASE WHEN a_seed THEN a ELSE b END AS seed,
               log10_p, coactions
        FROM f WHERE a_seed <> b_seed)
      SELECT d.key, list(DISTINCT ds.key ORDER BY ds.key) AS via, sum(e.coactions) AS coactions, min(e.log10_p) AS lp
      FROM e JOIN account_dict d ON d.account = e.other JOIN account_dict ds ON ds.account = e.seed
      GROUP BY d.key ORDER BY lp, coactions DESC, d.key LIMIT ${maxExpansion}`);
    report.expansion = rows.map((r) => ({
      key: String(r.key),
      via: [...r.via].map(String).slice(0, 10),
      coactions: Number(r.coactions),
      log10PValue: Number(r.lp),
    }));
    return report;
  } finally {
    await store.run('DROP TABLE IF EXISTS _seeds; DROP TABLE IF EXISTS _seed_acc').catch(() => undefined);
  }
}
