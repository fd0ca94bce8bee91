import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import fc from 'fast-check';

import { ConfigError } from '../errors.js';
import type { TraceKind } from '../model/trace.js';
import { DuckStore } from '../store/duck-store.js';
import { type CoactionStats, computeCoactions } from './co-action.js';

// ─── Fixture helpers ──────────────────────────────────────────────────────────────────────────────────────────

interface T {
  account: number;
  rec: number;
  ts: number;
  kind: TraceKind;
  object: number;
}

let store: DuckStore;
before(async () => {
  store = await DuckStore.create(':memory:', { threads: 2 });
});
after(() => store.close());

/** Replace the store's traces and object_dict (object value = `v<object>`). */
async function load(traces: readonly T[]): Promise<void> {
  await store.run('DELETE FROM traces; DELETE FROM object_dict;');
  if (traces.length === 0) return;
  const rows = traces.map((t) => `(${t.account}, ${t.rec}, ${t.ts}, '${t.kind}', ${t.object})`);
  await store.run(`INSERT INTO traces VALUES ${rows.join(', ')}`);
  const objects = new Map(traces.map((t) => [t.object, t.kind]));
  const dict = [...objects].map(([o, k]) => `(${o}, '${k}', 'v${o}')`);
  await store.run(`INSERT INTO object_dict VALUES ${dict.join(', ')}`);
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v);

/** Read a table as plain rows with numbers, sorted by its JSON form (row order is unspecified). */
async function table(name: string): Promise<Row[]> {
  const rows = await store.all(`SELECT * FROM ${name}`);
  const out = rows.map((r) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v;
    return o;
  });
  return sortRows(out);
}

function sortRows(rows: Row[]): Row[] {
  return rows
    .map((r) => [JSON.stringify(r), r] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map((x) => x[1]);
}

/** Doubles are compared after rounding to 9 decimals (SQL and JS may sum in different orders). */
function rounded(rows: Row[]): Row[] {
  return sortRows(
    rows.map((r) => {
      const o: Row = {};
      for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v;
      return o;
    }),
  );
}

// ─── Brute-force reference: nested loops over all trace pairs ─────────────────────────────────────────────────

interface Reference {
  pairs: Row[];
  edges: Row[];
  kinds: Row[];
  objects: Row[];
  evidence: Row[];
  stats: Omit<CoactionStats, 'windowSeconds'>;
}

function floorDiv(x: number, y: number): number {
  return Math.floor(x / y);
}

function reference(
  all: readonly T[],
  windowSeconds: Partial<Record<TraceKind, number>>,
  kinds: readonly TraceKind[],
  cap: number,
  evidencePerEdge: number,
): Reference {
  const limit = (k: TraceKind) => Math.round((windowSeconds[k] ?? Number.NaN) * 1000);
  const traces = all.filter((t) => kinds.includes(t.kind));
  // Cells (kind, object, bucket) and the over-full ones.
  const cellOf = (t: T) => `${t.object}|${floorDiv(t.ts, Math.max(1, limit(t.kind)))}`;
  const cellCount = new Map<string, number>();
  for (const t of traces) cellCount.set(cellOf(t), (cellCount.get(cellOf(t)) ?? 0) + 1);
  const full = [...cellCount].filter(([, n]) => n > cap);
  const paired = traces.filter((t) => (cellCount.get(cellOf(t)) ?? 0) <= cap);

  const pairs: Row[] = [];
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      const x = paired[i] as T;
      const y = paired[j] as T;
      if (x.account === y.account || x.object !== y.object) continue;
      const dt = Math.abs(x.ts - y.ts);
      if (dt > limit(x.kind)) continue;
      const [p, q] = x.account < y.account ? [x, y] : [y, x];
      pairs.push({
        a: p.account,
        b: q.account,
        kind: x.kind,
        object: x.object,
        rec_a: p.rec,
        rec_b: q.rec,
        ts_a: p.ts,
        ts_b: q.ts,
        dt_ms: dt,
      });
    }
  }

  const groupBy = (rows: Row[], key: (r: Row) => string) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return [...m.values()];
  };
  const distinct = (rows: Row[], col: string) => new Set(rows.map((r) => r[col])).size;

  const edges: Row[] = [];
  const evidence: Row[] = [];
  for (const g of groupBy(pairs, (r) => `${r.a}|${r.b}`)) {
    const first = g[0] as Row;
    const dts = g.map((r) => num(r.dt_ms)).sort((x, y) => x - y);
    const n = dts.length;
    const median =
      n % 2 === 1 ? (dts[(n - 1) / 2] as number) : ((dts[n / 2 - 1] as number) + (dts[n / 2] as number)) / 2;
    const postsA = distinct(g, 'rec_a');
    const postsB = distinct(g, 'rec_b');
    edges.push({
      a: first.a,
      b: first.b,
      coactions: n,
      objects: distinct(g, 'object'),
      mean_dt_s: dts.reduce((s, d) => s + d, 0) / n / 1000,
      median_dt_s: median / 1000,
      posts_a: postsA,
      posts_b: postsB,
      symmetry: Math.min(postsA, postsB) / Math.max(postsA, postsB),
    });
    const ordered = [...g].sort(
      (x, y) =>
        num(x.dt_ms) - num(y.dt_ms) ||
        num(x.object) - num(y.object) ||
        num(x.rec_a) - num(y.rec_a) ||
        num(x.rec_b) - num(y.rec_b),
    );
    // The first `evidencePerEdge` pairs, plus the first pair of each further kind (rank = position over all kinds).
    const seenKinds = new Set<unknown>();
    const keep: { r: Row; i: number }[] = [];
    ordered.forEach((r, i) => {
      const first = !seenKinds.has(r.kind);
      seenKinds.add(r.kind);
      if (evidencePerEdge > 0 && (i < evidencePerEdge || first)) keep.push({ r, i });
    });
    keep.forEach(({ r, i }) => {
      evidence.push({
        a: r.a,
        b: r.b,
        kind: r.kind,
        object: r.object,
        rec_a: r.rec_a,
        rec_b: r.rec_b,
        dt_ms: r.dt_ms,
        rank: i + 1,
      });
    });
  }
  const edgeKinds = groupBy(pairs, (r) => `${r.a}|${r.b}|${r.kind}`).map((g) => {
    const f = g[0] as Row;
    return { a: f.a, b: f.b, kind: f.kind, coactions: g.length, objects: distinct(g, 'object') };
  });
  const edgeObjects = groupBy(pairs, (r) => `${r.a}|${r.b}|${r.object}`).map((g) => {
    const f = g[0] as Row;
    const minDt = Math.min(...g.map((r) => num(r.dt_ms)));
    return { a: f.a, b: f.b, kind: f.kind, object: f.object, coactions: g.length, min_dt_s: minDt / 1000 };
  });

  const byKind: Record<string, number> = {};
  for (const k of kinds) byKind[k] = 0;
  for (const p of pairs) byKind[p.kind as string] = (byKind[p.kind as string] ?? 0) + 1;
  const kindOf = new Map(all.map((t) => [t.object, t.kind]));
  const largest = new Map<number, number>();
  for (const [cell, n] of full) {
    const object = Number(cell.split('|')[0]);
    largest.set(object, Math.max(largest.get(object) ?? 0, n));
  }
  const top = [...largest]
    .map(([object, n]) => ({ kind: kindOf.get(object) as TraceKind, object: `v${object}`, traces: n }))
    .sort(
      (x, y) =>
        y.traces - x.traces ||
        (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) ||
        (x.object < y.object ? -1 : x.object > y.object ? 1 : 0),
    )
    .slice(0, 20);
  return {
    pairs: sortRows(pairs),
    edges,
    kinds: sortRows(edgeKinds),
    objects: edgeObjects,
    evidence: sortRows(evidence),
    stats: {
      pairs: pairs.length,
      edges: edges.length,
      byKind,
      bounded: {
        maxTracesPerObjectWindow: cap,
        objectWindows: full.length,
        traces: full.reduce((s, [, n]) => s + n, 0),
        top,
      },
    },
  };
}

// ─── Random trace sets ────────────────────────────────────────────────────────────────────────────────────────

const KINDS: readonly TraceKind[] = ['share', 'url', 'hashtag', 'text'];
/** Object o has kind KINDS[o % 4]: ids are unique across kinds, as in the store. */
const kindOfObject = (o: number): TraceKind => KINDS[o % KINDS.length] as TraceKind;

/**
 * Posts of up to 6 accounts on up to 8 objects. Times are multiples of 250 ms (−500 ms … 6 s) plus a jitter of
 * −1, 0 or +1 ms, so with windows of 0, 0.25, 0.5, 1 or 2 s both |Δt| = W and W + 1 ms keep occurring, as do equal
 * times, negative times, and one account acting twice on one object.
 */
const postsArb = fc.array(
  fc.record({
    account: fc.integer({ min: 0, max: 5 }),
    ts: fc.tuple(fc.integer({ min: -2, max: 24 }), fc.constantFrom(-1, 0, 0, 1)).map(([k, j]) => k * 250 + j),
    objects: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
  }),
  { maxLength: 30 },
);
const windowArb = fc.constantFrom(0, 0.25, 0.5, 1, 2);
const windowsArb = fc.record({ share: windowArb, url: windowArb, hashtag: windowArb, text: windowArb });
const kindsArb = fc.oneof(fc.constant(KINDS), fc.subarray([...KINDS], { minLength: 1 }));

function tracesOf(posts: { account: number; ts: number; objects: number[] }[]): T[] {
  return posts.flatMap((p, rec) =>
    p.objects.map((object) => ({
      account: p.account,
      rec: rec + 1,
      ts: p.ts,
      kind: kindOfObject(object),
      object,
    })),
  );
}

async function checkAgainstReference(
  traces: T[],
  windowSeconds: Record<string, number>,
  kinds: readonly TraceKind[],
  cap: number,
  evidencePerEdge: number,
): Promise<void> {
  await load(traces);
  const stats = await computeCoactions(store, {
    windowSeconds: { default: 60, ...windowSeconds },
    kinds,
    maxTracesPerObjectWindow: cap,
    evidencePerEdge,
  });
  const ref = reference(traces, windowSeconds, kinds, cap, evidencePerEdge);
  assert.deepEqual(await table('coaction_pairs'), ref.pairs);
  assert.deepEqual(rounded(await table('coaction_edges')), rounded(ref.edges));
  assert.deepEqual(await table('coaction_edge_kinds'), ref.kinds);
  assert.deepEqual(rounded(await table('coaction_edge_objects')), rounded(ref.objects));
  assert.deepEqual(await table('coaction_evidence'), ref.evidence);
  const { windowSeconds: used, ...rest } = stats;
  assert.deepEqual(rest, ref.stats);
  for (const [kind, w] of Object.entries(windowSeconds)) assert.equal(used[kind as TraceKind], w);
}

// ─── Properties ───────────────────────────────────────────────────────────────────────────────────────────────

test('computeCoactions equals the brute-force reference (property, seeded, 100 runs)', async () => {
  await fc.assert(
    fc.asyncProperty(postsArb, windowsArb, kindsArb, fc.integer({ min: 0, max: 3 }), (posts, w, kinds, ev) =>
      checkAgainstReference(tracesOf(posts), w, kinds, 1000, ev),
    ),
    { seed: 1234, numRuns: 100 },
  );
});

test('computeCoactions with a tiny cap equals the reference that skips over-full cells (property, seeded)', async () => {
  await fc.assert(
    fc.asyncProperty(postsArb, windowsArb, fc.integer({ min: 2, max: 4 }), (posts, w, cap) =>
      checkAgainstReference(tracesOf(posts), w, KINDS, cap, 3),
    ),
    { seed: 99, numRuns: 100 },
  );
});

// ─── Hand-computed cases ──────────────────────────────────────────────────────────────────────────────────────

test('computeCoactions: three accounts, W = 10 s, hand-computed pairs, edges, kinds, objects, evidence', async () => {
  // Object 1 (share): A@0, B@10 000, C@10 001, A@20 000. Object 2 (url): A@0, B@5 000.
  // A–B @0/@10 000: Δ = 10 000 ms = W → pair (inclusive). A–C @0/@10 001: Δ = 10 001 > W → no pair.
  // B–C: Δ = 1. A@20 000–B: Δ = 10 000 → pair. A@20 000–C: Δ = 9 999 → pair. A@0–A@20 000: same account.
  await load([
    { account: 0, rec: 1, ts: 0, kind: 'share', object: 1 },
    { account: 1, rec: 2, ts: 10_000, kind: 'share', object: 1 },
    { account: 2, rec: 3, ts: 10_001, kind: 'share', object: 1 },
    { account: 0, rec: 4, ts: 20_000, kind: 'share', object: 1 },
    { account: 0, rec: 5, ts: 0, kind: 'url', object: 2 },
    { account: 1, rec: 6, ts: 5_000, kind: 'url', object: 2 },
  ]);
  const stats = await computeCoactions(store, { windowSeconds: { default: 10 } });
  assert.deepEqual(await table('coaction_pairs'), [
    { a: 0, b: 1, kind: 'share', object: 1, rec_a: 1, rec_b: 2, ts_a: 0, ts_b: 10_000, dt_ms: 10_000 },
    { a: 0, b: 1, kind: 'share', object: 1, rec_a: 4, rec_b: 2, ts_a: 20_000, ts_b: 10_000, dt_ms: 10_000 },
    { a: 0, b: 1, kind: 'url', object: 2, rec_a: 5, rec_b: 6, ts_a: 0, ts_b: 5_000, dt_ms: 5_000 },
    { a: 0, b: 2, kind: 'share', object: 1, rec_a: 4, rec_b: 3, ts_a: 20_000, ts_b: 10_001, dt_ms: 9_999 },
    { a: 1, b: 2, kind: 'share', object: 1, rec_a: 2, rec_b: 3, ts_a: 10_000, ts_b: 10_001, dt_ms: 1 },
  ]);
  // Edge A–B: Δt = 10, 10, 5 s → mean 25/3 s, median 10 s; A's posts {1, 4, 5}, B's {2, 6} → symmetry 2/3.
  assert.deepEqual(rounded(await table('coaction_edges')), [
    {
      a: 0,
      b: 1,
      coactions: 3,
      objects: 2,
      mean_dt_s: 8.333333333,
      median_dt_s: 10,
      posts_a: 3,
      posts_b: 2,
      symmetry: 0.666666667,
    },
    {
      a: 0,
      b: 2,
      coactions: 1,
      objects: 1,
      mean_dt_s: 9.999,
      median_dt_s: 9.999,
      posts_a: 1,
      posts_b: 1,
      symmetry: 1,
    },
    {
      a: 1,
      b: 2,
      coactions: 1,
      objects: 1,
      mean_dt_s: 0.001,
      median_dt_s: 0.001,
      posts_a: 1,
      posts_b: 1,
      symmetry: 1,
    },
  ]);
  assert.deepEqual(await table('coaction_edge_kinds'), [
    { a: 0, b: 1, kind: 'share', coactions: 2, objects: 1 },
    { a: 0, b: 1, kind: 'url', coactions: 1, objects: 1 },
    { a: 0, b: 2, kind: 'share', coactions: 1, objects: 1 },
    { a: 1, b: 2, kind: 'share', coactions: 1, objects: 1 },
  ]);
  assert.deepEqual(await table('coaction_edge_objects'), [
    { a: 0, b: 1, kind: 'share', object: 1, coactions: 2, min_dt_s: 10 },
    { a: 0, b: 1, kind: 'url', object: 2, coactions: 1, min_dt_s: 5 },
    { a: 0, b: 2, kind: 'share', object: 1, coactions: 1, min_dt_s: 9.999 },
    { a: 1, b: 2, kind: 'share', object: 1, coactions: 1, min_dt_s: 0.001 },
  ]);
  // Evidence of A–B: Δt 5 s first, then the two 10 s pairs by rec_a (1 before 4).
  assert.deepEqual(await table('coaction_evidence'), [
    { a: 0, b: 1, kind: 'share', object: 1, rec_a: 1, rec_b: 2, dt_ms: 10_000, rank: 2 },
    { a: 0, b: 1, kind: 'share', object: 1, rec_a: 4, rec_b: 2, dt_ms: 10_000, rank: 3 },
    { a: 0, b: 1, kind: 'url', object: 2, rec_a: 5, rec_b: 6, dt_ms: 5_000, rank: 1 },
    { a: 0, b: 2, kind: 'share', object: 1, rec_a: 4, rec_b: 3, dt_ms: 9_999, rank: 1 },
    { a: 1, b: 2, kind: 'share', object: 1, rec_a: 2, rec_b: 3, dt_ms: 1, rank: 1 },
  ]);
  assert.equal(stats.pairs, 5);
  assert.equal(stats.edges, 3);
  assert.equal(stats.byKind.share, 4);
  assert.equal(stats.byKind.url, 1);
  assert.equal(stats.byKind.hashtag, 0);
  assert.deepEqual(stats.bounded, { maxTracesPerObjectWindow: 1000, objectWindows: 0, traces: 0, top: [] });
  assert.equal(stats.windowSeconds.share, 10);
  assert.equal(stats.windowSeconds.text, 10);
});

test('computeCoactions: per-kind windows, W = 0 pairs only equal times, kinds filter', async () => {
  // hashtag (object 3), W = 0: A@1 000 and B@1 000 pair; C@1 001 does not.
  // text (object 4), W = 300 s: A@0 and B@300 000 pair (Δ = W); C@300 001 pairs with B only.
  await load([
    { account: 0, rec: 1, ts: 1_000, kind: 'hashtag', object: 3 },
    { account: 1, rec: 2, ts: 1_000, kind: 'hashtag', object: 3 },
    { account: 2, rec: 3, ts: 1_001, kind: 'hashtag', object: 3 },
    { account: 0, rec: 4, ts: 0, kind: 'text', object: 4 },
    { account: 1, rec: 5, ts: 300_000, kind: 'text', object: 4 },
    { account: 2, rec: 6, ts: 300_001, kind: 'text', object: 4 },
  ]);
  let stats = await computeCoactions(store, { windowSeconds: { hashtag: 0 } });
  assert.equal(stats.windowSeconds.text, 300);
  assert.deepEqual(
    (await table('coaction_pairs')).map((p) => [p.a, p.b, p.kind, p.dt_ms]),
    [
      [0, 1, 'hashtag', 0],
      [0, 1, 'text', 300_000],
      [1, 2, 'text', 1],
    ],
  );
  assert.deepEqual(stats.byKind.hashtag, 1);
  // Only hashtags: the text traces are ignored, and the tables of the previous run are replaced.
  stats = await computeCoactions(store, { windowSeconds: { hashtag: 0 }, kinds: ['hashtag'] });
  assert.equal(stats.pairs, 1);
  assert.deepEqual(stats.byKind, { hashtag: 1 });
  assert.equal((await table('coaction_edges')).length, 1);
});

test('computeCoactions: an over-full cell is not paired, is counted, and reported with its value', async () => {
  // hashtag object 7, W = 60 s, cap 2: bucket 0 holds 3 traces (0, 1, 2 s) → bounded, none paired.
  // Account 3 @61 s (bucket 1) is within 60 s of the bucket-0 traces but they are bounded → no pair.
  // url object 8: 2 traces in one bucket (= cap) → paired normally.
  await load([
    { account: 0, rec: 1, ts: 0, kind: 'hashtag', object: 7 },
    { account: 1, rec: 2, ts: 1_000, kind: 'hashtag', object: 7 },
    { account: 2, rec: 3, ts: 2_000, kind: 'hashtag', object: 7 },
    { account: 3, rec: 4, ts: 61_000, kind: 'hashtag', object: 7 },
    { account: 0, rec: 5, ts: 0, kind: 'url', object: 8 },
    { account: 1, rec: 6, ts: 30_000, kind: 'url', object: 8 },
  ]);
  const stats = await computeCoactions(store, {
    windowSeconds: { default: 60 },
    maxTracesPerObjectWindow: 2,
  });
  assert.equal(stats.pairs, 1);
  assert.deepEqual(stats.byKind.url, 1);
  assert.deepEqual(stats.bounded, {
    maxTracesPerObjectWindow: 2,
    objectWindows: 1,
    traces: 3,
    top: [{ kind: 'hashtag', object: 'v7', traces: 3 }],
  });
});

test('computeCoactions: an empty traces table gives empty tables and zero stats', async () => {
  await load([]);
  const stats = await computeCoactions(store);
  assert.equal(stats.pairs, 0);
  assert.equal(stats.edges, 0);
  assert.equal(stats.bounded.objectWindows, 0);
  for (const t of [
    'coaction_pairs',
    'coaction_edges',
    'coaction_edge_kinds',
    'coaction_edge_objects',
    'coaction_evidence',
  ]) {
    assert.deepEqual(await table(t), []);
  }
  const cols = await store.all<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'coaction_edges' ORDER BY ordinal_position",
  );
  assert.deepEqual(
    cols.map((c) => `${c.column_name} ${c.data_type}`),
    [
      'a INTEGER',
      'b INTEGER',
      'coactions BIGINT',
      'objects BIGINT',
      'mean_dt_s DOUBLE',
      'median_dt_s DOUBLE',
      'posts_a BIGINT',
      'posts_b BIGINT',
      'symmetry DOUBLE',
    ],
  );
});

test('computeCoactions: invalid options throw ConfigError before touching the store', async () => {
  await assert.rejects(
    computeCoactions(store, { windowSeconds: { share: -1 } }),
    (e: unknown) => e instanceof ConfigError && e.code === 'CONFIG_INVALID',
  );
});
