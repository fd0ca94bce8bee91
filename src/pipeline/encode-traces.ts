/**
 * Encoding stage: dictionary-encode accounts and objects to dense integers and build the `traces` table the
 * co-action self-join reads (DESIGN.md §2, §5). Numbering follows sorted keys, so ids are stable across identical
 * runs and `a < b` on account ids equals `a < b` on account keys.
 */
import type { DuckStore } from '../store/duck-store.js';

/** Counts after encoding. */
export interface EncodeResult {
  accounts: number;
  objects: number;
  traces: number;
  /** Traces per kind. */
  tracesByKind: Record<string, number>;
}

/**
 * Fill `account_dict`, `object_dict` and `traces` from `posts` and `traces_raw` (set-oriented SQL).
 * @throws {StoreError} when a query fails
 */
export async function encodeTraces(store: DuckStore): Promise<EncodeResult> {
  await store.run('DELETE FROM account_dict; DELETE FROM object_dict; DELETE FROM traces;');
  await store.run(`INSERT INTO account_dict
    SELECT (row_number() OVER (ORDER BY key) - 1)::INTEGER, platform, account_id, key
    FROM (SELECT DISTINCT platform, account_id, platform || ':' || account_id AS key FROM posts)`);
  await store.run(`INSERT INTO object_dict
    SELECT (row_number() OVER (ORDER BY kind, value) - 1)::INTEGER, kind, value
    FROM (SELECT DISTINCT kind, value FROM traces_raw)`);
  await store.run(`INSERT INTO traces
    SELECT d.account, t.rec, p.ts_ms, t.kind, o.object
    FROM traces_raw t
    JOIN posts p ON p.rec = t.rec
    JOIN account_dict d ON d.platform = p.platform AND d.account_id = p.account_id
    JOIN object_dict o ON o.kind = t.kind AND o.value = t.value
    ORDER BY t.rec, t.kind, o.object`);
  const byKind = await store.all<{ kind: string; n: bigint }>(
    'SELECT kind, count(*) AS n FROM traces GROUP BY kind ORDER BY kind',
  );
  const tracesByKind: Record<string, number> = {};
  let traces = 0;
  for (const row of byKind) {
    tracesByKind[row.kind] = Number(row.n);
    traces += Number(row.n);
  }
  return {
    accounts: await store.scalar('SELECT count(*) FROM account_dict'),
    objects: await store.scalar('SELECT count(*) FROM object_dict'),
    traces,
    tracesByKind,
  };
}
