import assert from 'node:assert/strict';
import { test } from 'node:test';

import seedrandom from 'seedrandom';
import { useTraceStore } from '../../test/helpers/trace-store.js';
import { ConfigError } from '../errors.js';
import type { TraceKind } from '../model/trace.js';
import { computeCoactions } from './co-action.js';
import { computeEdgeSignificance } from './edge-significance.js';

interface T {
  account: number;
  rec: number;
  ts: number;
  kind: TraceKind;
  object: number;
}

const fixture = useTraceStore();
const load = (traces: readonly T[]): Promise<void> =>
  fixture.load(
    traces.map((t) => ({ ...t, tsMs: t.ts })),
    { dictionaries: true },
  );

interface EdgeRow {
  a: number;
  b: number;
  log10_p: number;
  weight: number;
  expected: number;
  significant: boolean;
}

async function edges(): Promise<EdgeRow[]> {
  const rows = await fixture.store.all(
    'SELECT a, b, log10_p, weight, expected, significant FROM sig_edges ORDER BY a, b',
  );
  return rows.map((r) => ({
    a: Number(r.a),
    b: Number(r.b),
    log10_p: Number(r.log10_p),
    weight: Number(r.weight),
    expected: Number(r.expected),
    significant: Boolean(r.significant),
  }));
}

// Hand-computed case (docs/methods.md §8 walks through the same numbers):
// object 1: accounts 1, 2 at 0 s and 10 s (co-act), account 3 at 10,000 s → n = 3, c = 1, q = 1/3
// object 2: accounts 1, 2 at 100,000 s and 100,005 s → n = 2, q = 1
// object 3: accounts 3, 4 at 0 s and 5 s → n = 2, q = 1
// posts r = {1: 2, 2: 2, 3: 2, 4: 1}, R = 7; A_1 = A_2 = A_3 = 2·(1/3) + 1 = 5/3, A_4 = 1.
// (1,2): k = 2, λ = max(2·(5/3)/5, same) = 2/3 → log p = −λ + 2 ln λ − ln 2 − ln(1 − λ/3) = −1.919430…
// (3,4): k = 1, λ = max(1·(5/3)/5, 2·1/6) = 1/3 → log p = −1/3 + ln(1/3) − ln(1 − 1/6) = −1.249623…
const HAND: T[] = [
  { account: 1, rec: 1, ts: 0, kind: 'share', object: 1 },
  { account: 2, rec: 2, ts: 10_000, kind: 'share', object: 1 },
  { account: 3, rec: 3, ts: 10_000_000, kind: 'share', object: 1 },
  { account: 1, rec: 4, ts: 100_000_000, kind: 'share', object: 2 },
  { account: 2, rec: 5, ts: 100_005_000, kind: 'share', object: 2 },
  { account: 3, rec: 6, ts: 0, kind: 'share', object: 3 },
  { account: 4, rec: 7, ts: 5_000, kind: 'share', object: 3 },
];

test('hand-computed λ, p-values and IDF weights', async () => {
  await load(HAND);
  await computeCoactions(fixture.store, { windowSeconds: { default: 60 } });
  const stats = await computeEdgeSignificance(fixture.store, { fpr: 0.2 });
  assert.equal(stats.tested, 2);
  assert.equal(stats.family, 6, 'C(4, 2) account pairs could have co-acted');
  assert.equal(stats.kinds, 1);
  const [e12, e34] = await edges();
  assert.deepEqual([e12?.a, e12?.b, e34?.a, e34?.b], [1, 2, 3, 4]);
  assert.ok(Math.abs(e12!.expected - 2 / 3) < 1e-12);
  assert.ok(Math.abs(e34!.expected - 1 / 3) < 1e-12);
  const ln10 = Math.log(10);
  assert.ok(Math.abs(e12!.log10_p - -1.91943 / ln10) < 1e-5, String(e12!.log10_p * ln10));
  assert.ok(Math.abs(e34!.log10_p - -1.249623 / ln10) < 1e-5, String(e34!.log10_p * ln10));
  // The bound is never below the exact Poisson tail: 1 − e^{−λ}(1 + λ) = 0.14430 and 1 − e^{−1/3} = 0.28347.
  assert.ok(10 ** e12!.log10_p >= 0.1443);
  assert.ok(10 ** e34!.log10_p >= 0.28347);
  // idf = ln(1 + 4 / n): objects 1 (n = 3) and 2 (n = 2) for (1,2), object 3 (n = 2) for (3,4).
  assert.ok(Math.abs(e12!.weight - (Math.log(1 + 4 / 3) + Math.log(3))) < 1e-12);
  assert.ok(Math.abs(e34!.weight - Math.log(3)) < 1e-12);
  // BH at 0.2 over m = 6: p(1) = 0.1467 > 0.2/6 and p(2) = 0.2866 > 0.4/6 → nothing kept.
  assert.equal(stats.significant, 0);
  assert.equal(stats.log10Threshold, null);
});

test('corrections: BH keeps both at 0.9, Bonferroni and per-edge keep the stronger one only', async () => {
  await load(HAND);
  await computeCoactions(fixture.store, { windowSeconds: { default: 60 } });
  // m = 6: BH rank 2 needs p ≤ 2·0.9/6 = 0.3 (0.2866 passes); Bonferroni needs p ≤ 0.9/6 = 0.15 (only 0.1467).
  assert.equal((await computeEdgeSignificance(fixture.store, { fpr: 0.9 })).significant, 2);
  const bonferroni = await computeEdgeSignificance(fixture.store, { fpr: 0.9, correction: 'bonferroni' });
  assert.equal(bonferroni.significant, 1);
  assert.deepEqual(
    (await edges()).filter((e) => e.significant).map((e) => [e.a, e.b]),
    [[1, 2]],
  );
  assert.equal(
    (await computeEdgeSignificance(fixture.store, { fpr: 0.2, correction: 'none' })).significant,
    1,
  );
});

test('options are validated', async () => {
  await assert.rejects(computeEdgeSignificance(fixture.store, { fpr: 0 }), ConfigError);
  await assert.rejects(computeEdgeSignificance(fixture.store, { fpr: 1.5 }), ConfigError);
  await assert.rejects(
    computeEdgeSignificance(fixture.store, { correction: 'holm' as unknown as 'bh' }),
    ConfigError,
  );
});

/** Brute-force reference of the null model, from the traces alone. */
function reference(traces: readonly T[], windowMs: number): Map<string, { lp: number; lam: number }> {
  const byKindObject = new Map<string, T[]>();
  for (const t of traces) {
    const key = `${t.kind}|${t.object}`;
    byKindObject.set(key, [...(byKindObject.get(key) ?? []), t]);
  }
  // co-acting pairs per object, and per edge per kind the objects
  const q = new Map<number, number>();
  const n = new Map<number, number>();
  const edgeKindObjects = new Map<string, Set<number>>();
  const pairPosts = new Map<string, { a: number[]; b: number[] }>();
  for (const list of byKindObject.values()) {
    const object = list[0]!.object;
    const accounts = [...new Set(list.map((t) => t.account))];
    n.set(object, accounts.length);
    const pairs = new Set<string>();
    for (const x of list)
      for (const y of list) {
        if (x.account >= y.account || Math.abs(x.ts - y.ts) > windowMs) continue;
        pairs.add(`${x.account},${y.account}`);
        const pp = pairPosts.get(`${x.account},${y.account}`) ?? { a: [], b: [] };
        pp.a.push(x.rec);
        pp.b.push(y.rec);
        pairPosts.set(`${x.account},${y.account}`, pp);
        const key = `${x.account},${y.account},${x.kind}`;
        edgeKindObjects.set(key, (edgeKindObjects.get(key) ?? new Set()).add(object));
      }
    const nn = accounts.length;
    q.set(object, nn >= 2 ? pairs.size / ((nn * (nn - 1)) / 2) : 0);
  }
  const kinds = new Set([...edgeKindObjects.keys()].map((k) => k.split(',')[2]!));
  const posts = new Map<number, Set<number>>();
  for (const t of traces) posts.set(t.account, (posts.get(t.account) ?? new Set()).add(t.rec));
  const r = (account: string) => posts.get(Number(account))!.size;
  const R = [...posts.values()].reduce((sum, set) => sum + set.size, 0);
  const s = new Map<string, number>();
  const seen = new Set<string>();
  for (const t of traces) {
    if (!kinds.has(t.kind)) continue;
    const key = `${t.account}|${t.object}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ak = `${t.account}|${t.kind}`;
    s.set(ak, (s.get(ak) ?? 0) + (n.get(t.object)! - 1) * q.get(t.object)!);
  }
  const lnTail = (k: number, lam: number): number => {
    if (k <= 0) return 0;
    let lnFact = 0;
    for (let i = 2; i <= k; i++) lnFact += Math.log(i);
    return lam < k + 1 ? Math.min(0, -lam + k * Math.log(lam) - lnFact - Math.log(1 - lam / (k + 1))) : 0;
  };
  const lambda = (a: string, b: string, kind: string) =>
    Math.max(
      (r(b) * (s.get(`${a}|${kind}`) ?? 0)) / Math.max(1, R - r(a)),
      (r(a) * (s.get(`${b}|${kind}`) ?? 0)) / Math.max(1, R - r(b)),
    );
  // share and url are each their own family here (share, link): one test per family plus the sum, × 3.
  const families = [...kinds].sort();
  const edges = new Set([...edgeKindObjects.keys()].map((key) => key.split(',').slice(0, 2).join(',')));
  const out = new Map<string, { lp: number; lam: number }>();
  for (const edge of edges) {
    const [a, b] = edge.split(',') as [string, string];
    let best = 0;
    let kSum = 0;
    let lamSum = 0;
    for (const kind of families) {
      const k = edgeKindObjects.get(`${a},${b},${kind}`)?.size ?? 0;
      const lam = lambda(a, b, kind);
      best = Math.min(best, lnTail(k, lam));
      kSum += k;
      lamSum += lam;
    }
    // The summed count is at most the distinct posts of either account in the edge's co-actions.
    const postsA = new Set(pairPosts.get(edge)?.a);
    const postsB = new Set(pairPosts.get(edge)?.b);
    best = Math.min(best, lnTail(Math.min(kSum, postsA.size, postsB.size), lamSum));
    const tests = families.length <= 1 ? 1 : families.length + 1;
    out.set(edge, { lp: Math.min(0, best + Math.log(tests)), lam: lamSum });
  }
  return out;
}

test('matches a brute-force reference of the null model on random traces', async () => {
  for (const seed of ['a', 'b', 'c']) {
    const rng = seedrandom(seed);
    const traces: T[] = [];
    let rec = 0;
    for (let i = 0; i < 400; i++) {
      const kind: TraceKind = rng() < 0.6 ? 'share' : 'url';
      const object = Math.floor(rng() * 40) + (kind === 'url' ? 1000 : 0);
      traces.push({
        account: Math.floor(rng() * 30),
        rec: rec++,
        ts: Math.floor(rng() * 3_600_000),
        kind,
        object,
      });
    }
    // A planted group: accounts 100–104 hit 6 objects within 5 s of each other.
    for (let j = 0; j < 6; j++)
      for (let a = 100; a < 105; a++)
        traces.push({
          account: a,
          rec: rec++,
          ts: j * 600_000 + (a - 100) * 1000,
          kind: 'share',
          object: 500 + j,
        });
    await load(traces);
    await computeCoactions(fixture.store, { windowSeconds: { default: 60 } });
    const stats = await computeEdgeSignificance(fixture.store, { fpr: 0.001 });
    const ref = reference(traces, 60_000);
    const got = await edges();
    assert.equal(got.length, ref.size, `seed ${seed}: edge count`);
    for (const e of got) {
      const r = ref.get(`${e.a},${e.b}`);
      assert.ok(r !== undefined, `seed ${seed}: unexpected edge ${e.a},${e.b}`);
      assert.ok(Math.abs(e.log10_p * Math.log(10) - r.lp) < 1e-6, `seed ${seed}: p of ${e.a},${e.b}`);
    }
    // The planted pairs are the strongest and all significant; no random pair is.
    const kept = got.filter((e) => e.significant).map((e) => `${e.a},${e.b}`);
    assert.equal(kept.length, 10, `seed ${seed}: kept ${kept.join(' ')}`);
    assert.ok(kept.every((k) => k.split(',').every((x) => Number(x) >= 100)));
    assert.equal(stats.significant, 10);
  }
});

test('one post carrying several objects counts as one act', async () => {
  // Accounts 1 and 2 each post once, 5 s apart, with the same three hashtags: 3 objects, 1 post each → k = 1.
  const traces: T[] = [1, 2, 3].flatMap((o) => [
    { account: 1, rec: 1, ts: 0, kind: 'hashtag' as const, object: o },
    { account: 2, rec: 2, ts: 5_000, kind: 'hashtag' as const, object: o },
  ]);
  await load(traces);
  await computeCoactions(fixture.store, { windowSeconds: { default: 60 } });
  await computeEdgeSignificance(fixture.store);
  const [row] = await fixture.store.all('SELECT k FROM sig_edge_kinds');
  assert.equal(Number(row?.k), 1);
});
