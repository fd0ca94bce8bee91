/**
 * Tests of the CooRTweet 2.1.3 compatibility layer against CooRTweet's own output on its sample data
 * (test/fixtures/coortweet: russian_coord_tweets + the oracle produced by CooRTweet 2.1.3, see SOURCE.md there),
 * against hand-computed small cases, and against a literal transcription of the R code on random inputs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

import { CibError } from '../errors.js';
import { DuckStore } from '../store/duck-store.js';
import {
  type CoortweetEdge,
  type CoortweetPair,
  coortweetDetectGroups,
  coortweetNetwork,
} from './coortweet-compat.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/coortweet/', import.meta.url));
/** The input itself ships once, in data/coortweet (also the demo's input). */
const DATA = fileURLToPath(new URL('../../data/coortweet/', import.meta.url));

// ------------------------------------------------------------------------------------------------------------
// Loading: CooRTweet rows → the case tables (posts, account_dict, object_dict, traces), platform 'twitter'.

/**
 * Fill the case tables of `store` from a table `raw(rn, object_id, account_id, content_id, ts_ms)`: one post and
 * one `share` trace per row, `rec` = `rn` (input order), parent = `object_id`, accounts and objects numbered in
 * sorted key order as the pipeline does.
 */
async function fillFromRaw(store: DuckStore): Promise<void> {
  await store.run(`INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind,
                     parent_post_id)
                   SELECT rn, 0, rn + 2, 'twitter',
                          content_id, account_id, ts_ms, 'share', object_id
                   FROM raw`);
  await store.run(`INSERT INTO account_dict
                   SELECT (row_number() OVER (ORDER BY key) - 1)::INTEGER, 'twitter', account_id, key
                   FROM (SELECT DISTINCT account_id, 'twitter:' || account_id AS key FROM raw)`);
  await store.run(`INSERT INTO object_dict
                   SELECT (row_number() OVER (ORDER BY value) - 1)::INTEGER, 'share', value
                   FROM (SELECT DISTINCT 'twitter:' || object_id AS value FROM raw)`);
  await store.run(`INSERT INTO traces
                   SELECT ad.account, p.rec, p.ts_ms, 'share', od.object
                   FROM posts p
                   JOIN account_dict ad ON ad.key = 'twitter:' || p.account_id
                   JOIN object_dict od ON od.kind = 'share' AND od.value = 'twitter:' || p.parent_post_id`);
  await store.run('DROP TABLE raw');
}

/** A store holding russian_coord_tweets.csv.gz, read with DuckDB's CSV reader (input order kept as `rec`). */
async function russianStore(): Promise<DuckStore> {
  const store = await DuckStore.create(':memory:');
  await store.run(`CREATE TEMP TABLE csv AS
                   SELECT * FROM read_csv('${DATA}russian_coord_tweets.csv.gz', header = true,
                     columns = {'object_id': 'VARCHAR', 'account_id': 'VARCHAR', 'content_id': 'VARCHAR',
                                'timestamp_share': 'BIGINT'})`);
  // A table keeps insertion (file) order in its rowid.
  await store.run(`CREATE TEMP TABLE raw AS
                   SELECT rowid AS rn, object_id, account_id, content_id, timestamp_share * 1000 AS ts_ms FROM csv`);
  await store.run('DROP TABLE csv');
  await fillFromRaw(store);
  return store;
}

/** A row of CooRTweet's input table, with the time in milliseconds. */
interface InputRow {
  object: string;
  account: string;
  content: string;
  tsMs: number;
}

/** A store holding `rows` (in this order). */
async function storeOf(rows: readonly InputRow[]): Promise<DuckStore> {
  const store = await DuckStore.create(':memory:');
  await store.run(
    'CREATE TEMP TABLE raw (rn BIGINT, object_id VARCHAR, account_id VARCHAR, content_id VARCHAR, ts_ms BIGINT)',
  );
  const appender = await store.appender('raw');
  rows.forEach((r, i) => {
    appender.appendBigInt(BigInt(i));
    appender.appendVarchar(r.object);
    appender.appendVarchar(r.account);
    appender.appendVarchar(r.content);
    appender.appendBigInt(BigInt(r.tsMs));
    appender.endRow();
  });
  appender.closeSync();
  await fillFromRaw(store);
  return store;
}

// ------------------------------------------------------------------------------------------------------------
// Oracle files

async function readCsv(file: string, columns: Record<string, string>): Promise<Record<string, unknown>[]> {
  const store = await DuckStore.create(':memory:');
  try {
    const spec = Object.entries(columns)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(', ');
    return await store.all(
      `SELECT * FROM read_csv('${FIXTURES}${file}', header = true, columns = {${spec}})`,
    );
  } finally {
    store.close();
  }
}

async function oraclePairs(windowSeconds: number): Promise<CoortweetPair[]> {
  const rows = await readCsv(`russian_detect_groups_w${windowSeconds}.csv.gz`, {
    object_id: 'VARCHAR',
    content_id: 'VARCHAR',
    content_id_y: 'VARCHAR',
    time_delta: 'DOUBLE',
    account_id: 'VARCHAR',
    account_id_y: 'VARCHAR',
  });
  return rows.map((r) => ({
    objectId: r.object_id as string,
    contentId: r.content_id as string,
    contentIdY: r.content_id_y as string,
    timeDelta: r.time_delta as number,
    accountId: r.account_id as string,
    accountIdY: r.account_id_y as string,
  }));
}

async function oracleNetwork(windowSeconds: number): Promise<CoortweetEdge[]> {
  const rows = await readCsv(`russian_network_w${windowSeconds}_full.csv.gz`, {
    account_a: 'VARCHAR',
    account_b: 'VARCHAR',
    weight: 'BIGINT',
    avg_time_delta: 'DOUBLE',
    n_content_id: 'BIGINT',
    n_content_id_y: 'BIGINT',
    edge_symmetry_score: 'DOUBLE',
    weight_threshold: 'INTEGER',
  });
  return rows.map((r) => ({
    accountA: r.account_a as string,
    accountB: r.account_b as string,
    weight: Number(r.weight),
    avgTimeDelta: r.avg_time_delta as number,
    nContentId: Number(r.n_content_id),
    nContentIdY: Number(r.n_content_id_y),
    edgeSymmetryScore: r.edge_symmetry_score as number,
    weightThreshold: r.weight_threshold as 0 | 1,
  }));
}

const pairKey = (p: CoortweetPair): string =>
  [p.objectId, p.contentId, p.contentIdY, p.timeDelta, p.accountId, p.accountIdY].join('|');

/** Compare pair lists as multisets of rows (exact, Δt included). */
function assertSamePairs(actual: readonly CoortweetPair[], expected: readonly CoortweetPair[]): void {
  assert.deepEqual(actual.map(pairKey).sort(), expected.map(pairKey).sort());
}

/** |a − b| ≤ 1e-9·max(1, |b|): the oracle's CSV carries R's 15 significant digits. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function assertSameNetwork(actual: readonly CoortweetEdge[], expected: readonly CoortweetEdge[]): void {
  assert.equal(actual.length, expected.length);
  const byKey = new Map(expected.map((e) => [`${e.accountA}|${e.accountB}`, e]));
  for (const edge of actual) {
    const want = byKey.get(`${edge.accountA}|${edge.accountB}`);
    assert.ok(want, `unexpected edge ${edge.accountA} – ${edge.accountB}`);
    const { avgTimeDelta, edgeSymmetryScore, ...ints } = edge;
    const { avgTimeDelta: wantAvg, edgeSymmetryScore: wantSym, ...wantInts } = want;
    assert.deepEqual(ints, wantInts);
    assert.ok(close(avgTimeDelta, wantAvg), `avg_time_delta ${avgTimeDelta} ≠ ${wantAvg} (${edge.accountA})`);
    assert.ok(close(edgeSymmetryScore, wantSym), `edge_symmetry_score ${edgeSymmetryScore} ≠ ${wantSym}`);
  }
}

// ------------------------------------------------------------------------------------------------------------
// A literal transcription of CooRTweet 2.1.3's do_detect_groups (R/detect_groups.R), for differential tests.

function referenceDetectGroups(
  input: readonly InputRow[],
  windowSeconds: number,
  minParticipation: number,
): CoortweetPair[] {
  // x[, if (.N >= min_participation) .SD, by = account_id]: groups in order of first appearance.
  const byAccount = new Map<string, InputRow[]>();
  for (const row of input) {
    const list = byAccount.get(row.account) ?? [];
    list.push(row);
    byAccount.set(row.account, list);
  }
  const x = [...byAccount.values()].filter((rows) => rows.length >= minParticipation).flat();
  // x[, calc_group_combinations(.SD), by = object_id]: group[group, on = .(id < id)], delta = x.ts − i.ts.
  const byObject = new Map<string, InputRow[]>();
  for (const row of x) {
    const list = byObject.get(row.object) ?? [];
    list.push(row);
    byObject.set(row.object, list);
  }
  let result: { object: string; c: string; cy: string; dt: number; a: string; ay: string }[] = [];
  for (const [object, group] of byObject) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const dt = group[i]!.tsMs - group[j]!.tsMs;
        if (Math.abs(dt) <= windowSeconds * 1000) {
          result.push({
            object,
            c: group[i]!.content,
            cy: group[j]!.content,
            dt,
            a: group[i]!.account,
            ay: group[j]!.account,
          });
        }
      }
    }
  }
  // do_remove_loops
  result = result.filter((r) => r.object !== r.c && r.object !== r.cy && r.c !== r.cy && r.a !== r.ay);
  // filter_min_participation
  if (minParticipation >= 1) {
    const contents = new Set(result.flatMap((r) => [r.c, r.cy]));
    const perAccount = new Map<string, string[]>();
    for (const row of x) {
      if (!contents.has(row.content)) continue;
      const list = perAccount.get(row.account) ?? [];
      list.push(row.content);
      perAccount.set(row.account, list);
    }
    const kept = new Set([...perAccount.values()].filter((l) => l.length >= minParticipation).flat());
    result = result.filter((r) => kept.has(r.c) || kept.has(r.cy));
  }
  // swap rows with positive time_delta, then abs
  return result.map((r) =>
    r.dt > 0
      ? {
          objectId: r.object,
          contentId: r.cy,
          contentIdY: r.c,
          timeDelta: r.dt / 1000,
          accountId: r.ay,
          accountIdY: r.a,
        }
      : {
          objectId: r.object,
          contentId: r.c,
          contentIdY: r.cy,
          timeDelta: -r.dt / 1000,
          accountId: r.a,
          accountIdY: r.ay,
        },
  );
}

// ------------------------------------------------------------------------------------------------------------

describe('coortweetDetectGroups + coortweetNetwork on russian_coord_tweets (CooRTweet 2.1.3 oracle)', () => {
  const cases = [
    { windowSeconds: 10, pairs: 447, edges: 442, above: 4 },
    { windowSeconds: 60, pairs: 3791, edges: 3721, above: 60 },
  ];
  for (const c of cases) {
    test(`W = ${c.windowSeconds} s: ${c.pairs} pairs, ${c.edges} edges, ${c.above} above threshold`, async () => {
      const store = await russianStore();
      try {
        assert.equal(await store.scalar('SELECT count(*) FROM traces'), 35125);
        assert.equal(await store.scalar('SELECT count(*) FROM account_dict'), 9509);
        assert.equal(await store.scalar('SELECT count(*) FROM object_dict'), 7285);
        // The reader kept file order (ties in orientation depend on it): first and last data lines.
        assert.equal(
          await store.scalar(`SELECT rec FROM posts WHERE post_id = '114e22f1b2b648528277b76f0b0224e7'`),
          0,
        );
        const pairs = await coortweetDetectGroups(store, { windowSeconds: c.windowSeconds });
        const expectedPairs = await oraclePairs(c.windowSeconds);
        assert.equal(expectedPairs.length, c.pairs);
        assert.equal(pairs.length, c.pairs);
        assertSamePairs(pairs, expectedPairs);

        const edges = coortweetNetwork(pairs, { edgeWeight: 0.5 });
        const expectedEdges = await oracleNetwork(c.windowSeconds);
        assert.equal(expectedEdges.length, c.edges);
        assertSameNetwork(edges, expectedEdges);
        assert.equal(edges.filter((e) => e.weightThreshold === 1).length, c.above);
      } finally {
        store.close();
      }
    });
  }

  test('equal-time pairs are oriented by first appearance of the account, as in the oracle', async () => {
    const store = await russianStore();
    try {
      const ties = (await coortweetDetectGroups(store, { windowSeconds: 10 })).filter(
        (p) => p.timeDelta === 0,
      );
      const expected = (await oraclePairs(10)).filter((p) => p.timeDelta === 0);
      assert.equal(expected.length, 15);
      assertSamePairs(ties, expected);
      // In 10 of the 15 the first account has the larger id and in 5 its share is the later row of the file, so
      // neither id order nor row order alone fits; first appearance of the account does.
      assert.equal(ties.filter((p) => p.accountId > p.accountIdY).length, 10);
    } finally {
      store.close();
    }
  });
});

describe('coortweetDetectGroups semantics (hand-computed cases)', () => {
  const s = (sec: number): number => sec * 1000;

  test('window is inclusive and sliding across bucket edges; the earlier share comes first', async () => {
    // W = 10 s. o1: A@5, B@15 (Δ = 10, inclusive), C@15.001 (Δ to A 10.001 > W, to B 0.001).
    // Buckets are 10 s wide: A is in bucket 0, B and C in bucket 1, so A–B crosses a bucket edge.
    // min_participation = 1 so that the filters keep every account (they are tested below).
    const rows: InputRow[] = [
      { object: 'o1', account: 'B', content: 'b1', tsMs: s(15) },
      { object: 'o1', account: 'A', content: 'a1', tsMs: s(5) },
      { object: 'o1', account: 'C', content: 'c1', tsMs: s(15) + 1 },
    ];
    const store = await storeOf(rows);
    try {
      const pairs = await coortweetDetectGroups(store, { windowSeconds: 10, minParticipation: 1 });
      assert.deepEqual(pairs, [
        { objectId: 'o1', contentId: 'a1', contentIdY: 'b1', timeDelta: 10, accountId: 'A', accountIdY: 'B' },
        {
          objectId: 'o1',
          contentId: 'b1',
          contentIdY: 'c1',
          timeDelta: 0.001,
          accountId: 'B',
          accountIdY: 'C',
        },
      ]);
    } finally {
      store.close();
    }
  });

  test('equal times: the account that appears first in the input is account_id, whatever its id', async () => {
    const rows: InputRow[] = [
      { object: 'o9', account: 'Z', content: 'z0', tsMs: s(500) }, // Z appears first overall
      { object: 'o1', account: 'A', content: 'a1', tsMs: s(100) }, // A's o1 row comes before Z's o1 row
      { object: 'o1', account: 'Z', content: 'z1', tsMs: s(100) },
      { object: 'o8', account: 'A', content: 'a0', tsMs: s(900) },
    ];
    const store = await storeOf(rows);
    try {
      const pairs = await coortweetDetectGroups(store, { windowSeconds: 0, minParticipation: 1 });
      assert.deepEqual(pairs, [
        { objectId: 'o1', contentId: 'z1', contentIdY: 'a1', timeDelta: 0, accountId: 'Z', accountIdY: 'A' },
      ]);
    } finally {
      store.close();
    }
  });

  test('loops: same account, same content and object == content are not pairs', async () => {
    const rows: InputRow[] = [
      { object: 'o1', account: 'A', content: 'a1', tsMs: s(0) },
      { object: 'o1', account: 'A', content: 'a2', tsMs: s(1) }, // same account: loop
      { object: 'o1', account: 'B', content: 'o1', tsMs: s(2) }, // content == object: loop
      { object: 'o1', account: 'C', content: 'a1', tsMs: s(3) }, // same content as A's: loop
      { object: 'o2', account: 'B', content: 'b2', tsMs: s(100) },
      { object: 'o2', account: 'C', content: 'c2', tsMs: s(100) },
    ];
    const store = await storeOf(rows);
    try {
      const pairs = await coortweetDetectGroups(store, { windowSeconds: 10, minParticipation: 0 });
      // o1: A–A, B(o1), C(a1)–A(a1) removed; A(a2)–C(a1) remains. o2: B–C (tie: B appears first).
      assert.deepEqual(pairs, [
        { objectId: 'o1', contentId: 'a2', contentIdY: 'a1', timeDelta: 2, accountId: 'A', accountIdY: 'C' },
        { objectId: 'o2', contentId: 'b2', contentIdY: 'c2', timeDelta: 0, accountId: 'B', accountIdY: 'C' },
      ]);
    } finally {
      store.close();
    }
  });

  test('min_participation: pre-filter on all rows, post-filter keeps a pair when EITHER side qualifies', async () => {
    // W = 5, min_participation = 2.
    // A: 2 rows (o1, o2) both paired → qualifies after pairing.
    // B: 2 rows (o1, o3); only o1 is paired → 1 row in C → does not qualify, but its pair with A survives via A.
    // D: 2 rows (o3, o4); D–B on o3 is 20 s apart (no pair); D–E on o4 paired once; E has 2 rows but only o4
    //    paired → neither D nor E qualifies → the D–E pair is dropped by the post-filter.
    // F: 1 row → removed by the pre-filter, so A–F on o2 never forms.
    const rows: InputRow[] = [
      { object: 'o1', account: 'A', content: 'a1', tsMs: s(0) },
      { object: 'o1', account: 'B', content: 'b1', tsMs: s(3) },
      { object: 'o2', account: 'A', content: 'a2', tsMs: s(100) },
      { object: 'o2', account: 'F', content: 'f1', tsMs: s(101) },
      { object: 'o2', account: 'C', content: 'c1', tsMs: s(104) },
      { object: 'o2', account: 'C', content: 'c2', tsMs: s(500) },
      { object: 'o3', account: 'B', content: 'b2', tsMs: s(200) },
      { object: 'o3', account: 'D', content: 'd1', tsMs: s(220) },
      { object: 'o4', account: 'D', content: 'd2', tsMs: s(300) },
      { object: 'o4', account: 'E', content: 'e1', tsMs: s(301) },
      { object: 'o5', account: 'E', content: 'e2', tsMs: s(900) },
    ];
    const store = await storeOf(rows);
    try {
      const pairs = await coortweetDetectGroups(store, { windowSeconds: 5 });
      // Before the post-filter: A–B (o1), A–C (o2, c1), D–E (o4). C has c1 paired only (c2 is 400 s later).
      // Qualifying: A (a1, a2). Kept: A–B via a1, A–C via a2; D–E dropped.
      assert.deepEqual(pairs, [
        { objectId: 'o1', contentId: 'a1', contentIdY: 'b1', timeDelta: 3, accountId: 'A', accountIdY: 'B' },
        { objectId: 'o2', contentId: 'a2', contentIdY: 'c1', timeDelta: 4, accountId: 'A', accountIdY: 'C' },
      ]);
      // Without filters, F's pair and D–E come back.
      const all = await coortweetDetectGroups(store, { windowSeconds: 5, minParticipation: 0 });
      assert.equal(all.length, 5); // A–B, A–F, A–C, F–C (o2: 101 → 104), D–E; none on o3 (20 s) or o5
      assert.ok(all.some((p) => p.accountId === 'D' && p.accountIdY === 'E'));
    } finally {
      store.close();
    }
  });

  test('only traces of the requested kind are used, and objects keep ids that are not platform-prefixed', async () => {
    const store = await storeOf([
      { object: 'o1', account: 'A', content: 'a1', tsMs: s(0) },
      { object: 'o1', account: 'B', content: 'b1', tsMs: s(1) },
    ]);
    try {
      await store.run(`INSERT INTO object_dict VALUES (100, 'url', 'https://example.org/x')`);
      await store.run(`INSERT INTO traces SELECT account, rec, ts_ms, 'url', 100 FROM traces`);
      const url = await coortweetDetectGroups(store, { windowSeconds: 5, minParticipation: 1, kind: 'url' });
      assert.deepEqual(
        url.map((p) => p.objectId),
        ['https://example.org/x'],
      );
      const share = await coortweetDetectGroups(store, { windowSeconds: 5, minParticipation: 1 });
      assert.deepEqual(
        share.map((p) => p.objectId),
        ['o1'],
      );
    } finally {
      store.close();
    }
  });

  test('invalid options throw ConfigError (CONFIG_INVALID) before touching the store', async () => {
    const store = await DuckStore.create(':memory:');
    try {
      for (const bad of [
        { windowSeconds: -1 },
        { windowSeconds: Number.NaN },
        { windowSeconds: 10, minParticipation: 1.5 },
      ]) {
        await assert.rejects(
          coortweetDetectGroups(store, bad),
          (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
        );
      }
      assert.throws(
        () => coortweetNetwork([], { edgeWeight: 1.5 }),
        (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
      );
    } finally {
      store.close();
    }
  });

  test('agrees with a literal transcription of the R code on random inputs (ties, loops, windows)', async () => {
    const row = fc.record({
      object: fc.constantFrom('o1', 'o2', 'o3', 'c1'),
      account: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      content: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'o1'),
      tsMs: fc.integer({ min: 0, max: 40 }).map((sec) => sec * 1000),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 0, maxLength: 14 }),
        fc.constantFrom(0, 1, 5, 10),
        fc.constantFrom(0, 1, 2, 3),
        async (rows, windowSeconds, minParticipation) => {
          const store = await storeOf(rows);
          try {
            const actual = await coortweetDetectGroups(store, { windowSeconds, minParticipation });
            assertSamePairs(actual, referenceDetectGroups(rows, windowSeconds, minParticipation));
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 80, seed: 20240611 },
    );
  });
});

describe('coortweetNetwork semantics (hand-computed cases)', () => {
  const pair = (
    accountId: string,
    accountIdY: string,
    contentId: string,
    contentIdY: string,
    timeDelta: number,
  ): CoortweetPair => ({
    objectId: 'o',
    contentId,
    contentIdY,
    timeDelta,
    accountId,
    accountIdY,
  });

  test('accounts are ordered as strings but the content columns are not swapped with them', () => {
    // Edge {A, B}: pairs (B→A: b1, a1, 2 s), (A→B: a2, b1, 4 s), (A→B: a3, b1, 6 s).
    // content_id column: {b1, a2, a3} = 3; content_id_y column: {a1, b1} = 2 → symmetry 2/3.
    // Edge {C, D}: one pair. Weights [3, 1]: median (type 7) = 2 → {A, B} above (3 > 2), {C, D} not.
    const edges = coortweetNetwork([
      pair('B', 'A', 'b1', 'a1', 2),
      pair('A', 'B', 'a2', 'b1', 4),
      pair('A', 'B', 'a3', 'b1', 6),
      pair('D', 'C', 'd1', 'c1', 1),
    ]);
    assert.deepEqual(edges, [
      {
        accountA: 'A',
        accountB: 'B',
        weight: 3,
        avgTimeDelta: 4,
        nContentId: 3,
        nContentIdY: 2,
        edgeSymmetryScore: 2 / 3,
        weightThreshold: 1,
      },
      {
        accountA: 'C',
        accountB: 'D',
        weight: 1,
        avgTimeDelta: 1,
        nContentId: 1,
        nContentIdY: 1,
        edgeSymmetryScore: 1,
        weightThreshold: 0,
      },
    ]);
  });

  test('the threshold is strict (>): weights equal to the quantile are not above it', () => {
    // Weights [1, 1, 1]: the quantile is 1 at any probability; nothing is above it.
    const edges = coortweetNetwork(
      [pair('A', 'B', 'a', 'b', 1), pair('A', 'C', 'a', 'c', 1), pair('B', 'C', 'b', 'c', 1)],
      {
        edgeWeight: 0.9,
      },
    );
    assert.deepEqual(
      edges.map((e) => e.weightThreshold),
      [0, 0, 0],
    );
    assert.deepEqual(coortweetNetwork([]), []);
  });

  test('properties: weight sums to the pair count; symmetry in (0, 1]; raising edgeWeight never adds flags', () => {
    const arbPair = fc.record({
      objectId: fc.constant('o'),
      contentId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
      contentIdY: fc.constantFrom('c5', 'c6', 'c7'),
      timeDelta: fc.integer({ min: 0, max: 60 }),
      accountId: fc.constantFrom('A', 'B', 'C', 'D'),
      accountIdY: fc.constantFrom('A', 'B', 'C', 'D'),
    });
    fc.assert(
      fc.property(
        fc.array(arbPair, { maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, p) => {
          const edges = coortweetNetwork(pairs, { edgeWeight: p });
          assert.equal(
            edges.reduce((sum, e) => sum + e.weight, 0),
            pairs.length,
          );
          for (const e of edges) {
            assert.ok(e.accountA <= e.accountB);
            assert.ok(e.edgeSymmetryScore > 0 && e.edgeSymmetryScore <= 1);
          }
          const stricter = coortweetNetwork(pairs, { edgeWeight: Math.min(1, p + 0.25) });
          stricter.forEach((e, i) => {
            assert.ok(e.weightThreshold <= edges[i]!.weightThreshold);
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
