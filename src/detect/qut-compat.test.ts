/**
 * Tests of the QUT Coordination Network Toolkit compatibility layer: the toolkit's co-retweet test vector
 * (test/fixtures/qut/coretweet_test_input.csv) with the node counts recorded in test/fixtures/qut/SOURCE.md,
 * hand-computed directed weights, and a literal transcription of the toolkit's SQL on random inputs and on
 * examples/sample_data.csv.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

import { CibError } from '../errors.js';
import { DuckStore } from '../store/duck-store.js';
import { type QutEdge, qutCoretweetNetwork } from './qut-compat.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/qut/', import.meta.url));

// ------------------------------------------------------------------------------------------------------------
// Loading: the toolkit's CSV format → the case tables, platform 'twitter'; reposts become `share` traces.

/**
 * Fill the case tables from `raw(rn, message_id, user_id, repost_id, ts_ms)`: one post per row (`rec` = `rn`),
 * one `share` trace per row with a `repost_id` (object `twitter:<repost_id>`).
 */
async function fillFromRaw(store: DuckStore): Promise<void> {
  await store.run(`INSERT INTO posts (rec, file_idx, record, platform, post_id, account_id, ts_ms, kind,
                     parent_post_id)
                   SELECT rn, 0, rn + 2, 'twitter',
                          message_id, user_id, ts_ms, CASE WHEN repost_id IS NULL THEN 'post' ELSE 'share' END,
                          repost_id
                   FROM raw`);
  await store.run(`INSERT INTO account_dict
                   SELECT (row_number() OVER (ORDER BY key) - 1)::INTEGER, 'twitter', user_id, key
                   FROM (SELECT DISTINCT user_id, 'twitter:' || user_id AS key FROM raw)`);
  await store.run(`INSERT INTO object_dict
                   SELECT (row_number() OVER (ORDER BY value) - 1)::INTEGER, 'share', value
                   FROM (SELECT DISTINCT 'twitter:' || repost_id AS value FROM raw WHERE repost_id IS NOT NULL)`);
  await store.run(`INSERT INTO traces
                   SELECT ad.account, p.rec, p.ts_ms, 'share', od.object
                   FROM posts p
                   JOIN account_dict ad ON ad.key = 'twitter:' || p.account_id
                   JOIN object_dict od ON od.kind = 'share' AND od.value = 'twitter:' || p.parent_post_id`);
  await store.run('DROP TABLE raw');
}

/** A store holding one of the toolkit's CSV files (header skipped, BOM and CRLF handled by DuckDB's reader). */
async function csvStore(file: string): Promise<DuckStore> {
  const store = await DuckStore.create(':memory:');
  await store.run(`CREATE TEMP TABLE csv AS
                   SELECT * FROM read_csv('${FIXTURES}${file}', header = true,
                     columns = {'message_id': 'VARCHAR', 'user_id': 'VARCHAR', 'username': 'VARCHAR',
                                'repost_id': 'VARCHAR', 'reply_id': 'VARCHAR', 'message': 'VARCHAR',
                                'timestamp': 'DOUBLE', 'urls': 'VARCHAR'})`);
  await store.run(`CREATE TEMP TABLE raw AS
                   SELECT rowid AS rn, message_id, user_id, nullif(repost_id, '') AS repost_id,
                          round(timestamp * 1000)::BIGINT AS ts_ms
                   FROM csv`);
  await store.run('DROP TABLE csv');
  await fillFromRaw(store);
  return store;
}

/** A message in the toolkit's format (time in milliseconds). */
interface Message {
  message: string;
  user: string;
  repost: string;
  tsMs: number;
}

async function storeOf(messages: readonly Message[]): Promise<DuckStore> {
  const store = await DuckStore.create(':memory:');
  await store.run(
    'CREATE TEMP TABLE raw (rn BIGINT, message_id VARCHAR, user_id VARCHAR, repost_id VARCHAR, ts_ms BIGINT)',
  );
  const appender = await store.appender('raw');
  messages.forEach((m, i) => {
    appender.appendBigInt(BigInt(i));
    appender.appendVarchar(m.message);
    appender.appendVarchar(m.user);
    appender.appendVarchar(m.repost);
    appender.appendBigInt(BigInt(m.tsMs));
    appender.endRow();
  });
  appender.closeSync();
  await fillFromRaw(store);
  return store;
}

/**
 * A literal transcription of the toolkit: `insert or ignore` on message_id, then
 * `e_1 JOIN e_2 ON repost AND e_2.t BETWEEN e_1.t − W AND e_1.t + W GROUP BY users HAVING count(DISTINCT
 * e_1.message_id) >= min`, then the loop filter of `load_networkx_graph`. `distinctMessages` adds the
 * `e_1.message_id != e_2.message_id` condition (our default semantics for self-loops).
 */
function referenceNetwork(
  messages: readonly Message[],
  windowSeconds: number,
  minEdgeWeight: number,
  selfLoops: boolean,
  distinctMessages: boolean,
): QutEdge[] {
  const seen = new Set<string>();
  const edge: Message[] = [];
  for (const m of messages) {
    if (seen.has(m.message)) continue; // insert or ignore: the first row of a message id wins
    seen.add(m.message);
    edge.push(m);
  }
  const weights = new Map<string, Set<string>>();
  for (const e1 of edge) {
    for (const e2 of edge) {
      if (e1.repost !== e2.repost || Math.abs(e1.tsMs - e2.tsMs) > windowSeconds * 1000) continue;
      if (distinctMessages && e1.message === e2.message) continue;
      const key = `${e1.user}\u0000${e2.user}`;
      const set = weights.get(key) ?? new Set<string>();
      set.add(e1.message);
      weights.set(key, set);
    }
  }
  return [...weights.entries()]
    .map(([key, set]) => {
      const [source, target] = key.split('\u0000') as [string, string];
      return { source, target, weight: set.size };
    })
    .filter((e) => e.weight >= minEdgeWeight && (selfLoops || e.source !== e.target))
    .sort((a, b) =>
      a.source < b.source
        ? -1
        : a.source > b.source
          ? 1
          : a.target < b.target
            ? -1
            : a.target > b.target
              ? 1
              : 0,
    );
}

// ------------------------------------------------------------------------------------------------------------

describe('qutCoretweetNetwork on the toolkit test vector (coretweet_test_input.csv)', () => {
  // (time window s, min edge weight, self-loops) → nodes, from test/fixtures/qut/SOURCE.md.
  const expected: [number, number, boolean, number][] = [
    [1, 1, false, 2],
    [1, 1, true, 3],
    [1, 2, false, 0],
    [1, 2, true, 1],
    [60, 1, false, 6],
    [60, 1, true, 7],
  ];

  test('node counts match SOURCE.md for all six settings', async () => {
    const store = await csvStore('coretweet_test_input.csv');
    try {
      assert.equal(await store.scalar('SELECT count(*) FROM traces'), 15);
      for (const [windowSeconds, minEdgeWeight, selfLoops, nodes] of expected) {
        const net = await qutCoretweetNetwork(store, { windowSeconds, minEdgeWeight, selfLoops });
        assert.equal(net.nodes.length, nodes, `(${windowSeconds}, ${minEdgeWeight}, ${selfLoops})`);
      }
    } finally {
      store.close();
    }
  });

  test('hand-computed edges: directed weights count distinct messages of the source', async () => {
    const store = await csvStore('coretweet_test_input.csv');
    try {
      // W = 60: rtid0 uid0@0,@1 – uid1@59 (uid0→uid1: both of uid0's messages = 2; uid1→uid0: 1);
      // rtid1 uid2@60 – uid3@70; rtid2 uid2@70 – uid3@131 is 61 s (out); rtid3 uid4@30 – uid5@89 (59 s) and
      // rtid4 uid4@40 – uid5@41 → 2 each way; rtid6 uid11@42 – uid12@300 (out).
      const w60 = await qutCoretweetNetwork(store, { windowSeconds: 60 });
      assert.deepEqual(w60, {
        nodes: ['uid0', 'uid1', 'uid2', 'uid3', 'uid4', 'uid5'],
        edges: [
          { source: 'uid0', target: 'uid1', weight: 2 },
          { source: 'uid1', target: 'uid0', weight: 1 },
          { source: 'uid2', target: 'uid3', weight: 1 },
          { source: 'uid3', target: 'uid2', weight: 1 },
          { source: 'uid4', target: 'uid5', weight: 2 },
          { source: 'uid5', target: 'uid4', weight: 2 },
        ],
      });
      // min weight 2 applies per direction: uid1→uid0 and the uid2/uid3 pair drop out.
      const w60m2 = await qutCoretweetNetwork(store, { windowSeconds: 60, minEdgeWeight: 2 });
      assert.deepEqual(
        w60m2.edges.map((e) => `${e.source}>${e.target}`),
        ['uid0>uid1', 'uid4>uid5', 'uid5>uid4'],
      );
      assert.deepEqual(w60m2.nodes, ['uid0', 'uid1', 'uid4', 'uid5']);
      // W = 1 with loops: uid0's two retweets of rtid0 (0 s and 1 s) make a loop of weight 2; uid4↔uid5 on rtid4.
      const w1 = await qutCoretweetNetwork(store, { windowSeconds: 1, selfLoops: true });
      assert.deepEqual(w1.edges, [
        { source: 'uid0', target: 'uid0', weight: 2 },
        { source: 'uid4', target: 'uid5', weight: 1 },
        { source: 'uid5', target: 'uid4', weight: 1 },
      ]);
    } finally {
      store.close();
    }
  });

  test('upstreamSelfPairs reproduces the upstream SQL: every retweet pairs with itself (loops only)', async () => {
    const store = await csvStore('coretweet_test_input.csv');
    try {
      // Every one of the 9 accounts retweets something, so each gets a loop; loop weight = its retweet count
      // (uid0, uid2, uid3, uid4, uid5, uid10: 2; uid1, uid11, uid12: 1).
      const settings: [number, number, boolean, number][] = [
        [1, 1, false, 2],
        [1, 1, true, 9],
        [1, 2, false, 0],
        [1, 2, true, 6],
        [60, 1, false, 6],
        [60, 1, true, 9],
      ];
      for (const [windowSeconds, minEdgeWeight, selfLoops, nodes] of settings) {
        const net = await qutCoretweetNetwork(store, {
          windowSeconds,
          minEdgeWeight,
          selfLoops,
          upstreamSelfPairs: true,
        });
        assert.equal(net.nodes.length, nodes, `(${windowSeconds}, ${minEdgeWeight}, ${selfLoops})`);
      }
      const loops = await qutCoretweetNetwork(store, {
        windowSeconds: 1,
        selfLoops: true,
        upstreamSelfPairs: true,
      });
      assert.deepEqual(
        loops.edges.filter((e) => e.source === e.target).map((e) => `${e.source}:${e.weight}`),
        ['uid0:2', 'uid1:1', 'uid10:2', 'uid11:1', 'uid12:1', 'uid2:2', 'uid3:2', 'uid4:2', 'uid5:2'],
      );
    } finally {
      store.close();
    }
  });
});

describe('qutCoretweetNetwork semantics', () => {
  test('agrees with a literal transcription of the toolkit SQL on sample_data.csv', async () => {
    const store = await csvStore('sample_data.csv');
    try {
      const rows = await store.all<{
        post_id: string;
        account_id: string;
        parent_post_id: string;
        ts_ms: bigint;
      }>(`SELECT post_id, account_id, parent_post_id, ts_ms FROM posts WHERE kind = 'share' ORDER BY rec`);
      assert.ok(rows.length > 0);
      const messages = rows.map((r) => ({
        message: r.post_id,
        user: r.account_id,
        repost: r.parent_post_id,
        tsMs: Number(r.ts_ms),
      }));
      for (const windowSeconds of [0, 0.001, 1]) {
        for (const selfLoops of [false, true]) {
          const net = await qutCoretweetNetwork(store, { windowSeconds, selfLoops });
          assert.deepEqual(net.edges, referenceNetwork(messages, windowSeconds, 1, selfLoops, true));
        }
      }
    } finally {
      store.close();
    }
  });

  test('agrees with the transcription on random inputs (both self-pair modes)', async () => {
    const message = fc.record({
      message: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'),
      user: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      repost: fc.constantFrom('r1', 'r2', 'r3'),
      tsMs: fc.integer({ min: 0, max: 30 }).map((sec) => sec * 1000),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { maxLength: 14 }),
        fc.constantFrom(0, 1, 5, 10),
        fc.constantFrom(1, 2, 3),
        fc.boolean(),
        fc.boolean(),
        async (messages, windowSeconds, minEdgeWeight, selfLoops, upstreamSelfPairs) => {
          const store = await storeOf(messages);
          try {
            const net = await qutCoretweetNetwork(store, {
              windowSeconds,
              minEdgeWeight,
              selfLoops,
              upstreamSelfPairs,
            });
            const want = referenceNetwork(
              messages,
              windowSeconds,
              minEdgeWeight,
              selfLoops,
              !upstreamSelfPairs,
            );
            assert.deepEqual(net.edges, want);
            assert.deepEqual(net.nodes, [...new Set(want.flatMap((e) => [e.source, e.target]))].sort());
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 80, seed: 20200101 },
    );
  });

  test('invalid options throw ConfigError (CONFIG_INVALID)', async () => {
    const store = await DuckStore.create(':memory:');
    try {
      for (const bad of [
        { windowSeconds: -1 },
        { windowSeconds: Number.POSITIVE_INFINITY },
        { windowSeconds: 1, minEdgeWeight: 0.5 },
      ]) {
        await assert.rejects(
          qutCoretweetNetwork(store, bad),
          (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
        );
      }
    } finally {
      store.close();
    }
  });
});
