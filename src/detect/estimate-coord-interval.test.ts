import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';
import { useTraceStore } from '../../test/helpers/trace-store.js';
import { ConfigError } from '../errors.js';
import { quantileType7 } from '../graph/quantile-type7.js';
import type { TraceKind } from '../model/trace.js';
import { type CoordInterval, estimateCoordInterval } from './estimate-coord-interval.js';

interface T {
  account: number;
  tsMs: number;
  kind: TraceKind;
  object: number;
}

const fixture = useTraceStore();
const load = (traces: readonly T[]): Promise<void> => fixture.load(traces);

// ─── Brute-force reference: CooRnet's R code, line by line, on plain arrays ──────────────────────────────────

function reference(all: readonly T[], kind: TraceKind, q: number, p: number): CoordInterval {
  const shares = all.filter((t) => t.kind === kind);
  // URLs <- subset(table(expanded), ct_shares > 1)
  const byObject = new Map<number, T[]>();
  for (const t of shares) byObject.set(t.object, [...(byObject.get(t.object) ?? []), t]);
  const urls = [...byObject].filter(([, list]) => list.length > 1);
  // ranked_shares: rank(date, ties.method = "first") — stable sort keeps input order among ties.
  const ranked = urls.flatMap(([object, list]) => {
    const sorted = [...list].sort((a, b) => a.tsMs - b.tsMs);
    const first = Math.min(...list.map((t) => t.tsMs));
    return sorted.map((t, i) => ({
      object,
      rank: i + 1,
      sec: (t.tsMs - first) / 1000,
      perc: (i + 1) / list.length,
    }));
  });
  // rank_2 and its q-quantile
  const rank2 = ranked.filter((r) => r.rank === 2);
  const cut = quantileType7(
    rank2.map((r) => r.sec),
    q,
  );
  const quick = new Set(rank2.filter((r) => r.sec <= cut).map((r) => r.object));
  // ranked_shares_sub: perc_of_shares > p, min per URL
  const sub = new Map<number, number>();
  for (const r of ranked) {
    if (!quick.has(r.object) || !(r.perc > p)) continue;
    sub.set(r.object, Math.min(sub.get(r.object) ?? Number.POSITIVE_INFINITY, r.sec));
  }
  const value = quantileType7([...sub.values()], p);
  const seconds = Number.isNaN(value) ? null : value === 0 ? 1 : value;
  return { kind, seconds, objects: urls.length, shares: ranked.length, quickestObjects: sub.size };
}

// ─── Hand-computed example ────────────────────────────────────────────────────────────────────────────────────

/**
 * Objects (seconds): A 0, 2, 10, 20 · B 0, 4, 6 · C 0, 60 · D 100, 100, 130 · E 7 (one share, dropped).
 * rank-2 times: A 2, B 4, C 60, D 0 → sorted [0, 2, 4, 60].
 * Minimum time past p = 0.5 of the shares: A 10 (rank 3 of 4), B 4 (rank 2 of 3), C 60, D 0 (rank 2 of 3).
 */
const HAND: T[] = [
  ...[0, 2, 10, 20].map((s, i) => ({ account: i + 1, tsMs: s * 1000, kind: 'url' as const, object: 1 })),
  ...[0, 4, 6].map((s, i) => ({ account: i + 1, tsMs: s * 1000, kind: 'url' as const, object: 2 })),
  ...[60, 0].map((s, i) => ({ account: i + 1, tsMs: s * 1000, kind: 'url' as const, object: 3 })),
  ...[100, 130, 100].map((s, i) => ({ account: i + 1, tsMs: s * 1000, kind: 'url' as const, object: 4 })),
  { account: 1, tsMs: 7000, kind: 'url', object: 5 },
  { account: 1, tsMs: 1000, kind: 'share', object: 6 },
  { account: 2, tsMs: 1001, kind: 'share', object: 6 },
];

test('hand example, q = 0.5: quickest A and D, median of [0, 10] = 5 s', async () => {
  await load(HAND);
  // q-quantile of [0, 2, 4, 60] at 0.5: j = 2.5 → 0.5·2 + 0.5·4 = 3 → A (2) and D (0) are the quickest.
  const got = await estimateCoordInterval(fixture.store, { kind: 'url', q: 0.5 });
  assert.deepEqual(got, { kind: 'url', seconds: 5, objects: 4, shares: 12, quickestObjects: 2 });
});

test('hand example, defaults: only D is quickest, its 0 s becomes 1 s ("0 secs" → "1 secs")', async () => {
  await load(HAND);
  // j = 1 + 3·0.1 = 1.3 → 0.7·0 + 0.3·2 = 0.6 → only D (0); median of [0] = 0 → 1.
  const got = await estimateCoordInterval(fixture.store, { kind: 'url' });
  assert.deepEqual(got, { kind: 'url', seconds: 1, objects: 4, shares: 12, quickestObjects: 1 });
});

test('hand example, q = 1, p = 0.75: every object quick, type-7 interpolation in the final quantile', async () => {
  await load(HAND);
  // perc > 0.75: A rank 4 (20), B rank 3 (6), C rank 2 (60), D rank 3 (30) → [6, 20, 30, 60];
  // j = 1 + 3·0.75 = 3.25 → 0.75·30 + 0.25·60 = 37.5.
  const got = await estimateCoordInterval(fixture.store, { kind: 'url', q: 1, p: 0.75 });
  assert.deepEqual(got, { kind: 'url', seconds: 37.5, objects: 4, shares: 12, quickestObjects: 4 });
});

test('p = 1 and an empty kind give null (R: "NA secs"); other kinds are ignored', async () => {
  await load(HAND);
  assert.equal((await estimateCoordInterval(fixture.store, { kind: 'url', p: 1 })).seconds, null);
  assert.deepEqual(await estimateCoordInterval(fixture.store, { kind: 'hashtag' }), {
    kind: 'hashtag',
    seconds: null,
    objects: 0,
    shares: 0,
    quickestObjects: 0,
  });
  // share: one object, times 1.000 and 1.001 s → rank-2 time 0.001 s, the median of [0.001].
  assert.equal((await estimateCoordInterval(fixture.store, { kind: 'share' })).seconds, 0.001);
});

test('invalid options throw ConfigError naming the field', async () => {
  await assert.rejects(estimateCoordInterval(fixture.store, { kind: 'url', q: 1.5 }), ConfigError);
  await assert.rejects(estimateCoordInterval(fixture.store, { kind: 'url', p: -0.1 }), /`p`/);
  await assert.rejects(estimateCoordInterval(fixture.store, { kind: 'url', q: Number.NaN }), /`q`/);
  await assert.rejects(estimateCoordInterval(fixture.store, { kind: 'nope' as TraceKind }), /`kind`/);
});

// ─── Property: equals the reference on seeded random data ─────────────────────────────────────────────────────

const tracesArb = fc.array(
  fc.record({
    account: fc.integer({ min: 0, max: 6 }),
    // Coarse seconds (many ties) plus some milliseconds.
    tsMs: fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 0, 0, 250, 1))
      .map(([s, ms]) => s * 1000 + ms),
    kind: fc.constantFrom<TraceKind>('url', 'url', 'url', 'share'),
    object: fc.integer({ min: 0, max: 12 }),
  }),
  { maxLength: 80 },
);
const probArb = fc.oneof(fc.constantFrom(0, 0.1, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));

for (const seed of [1, 2, 3]) {
  test(`estimateCoordInterval equals the brute-force R reference (property, seed ${seed}, 60 runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(tracesArb, probArb, probArb, async (traces, q, p) => {
        await load(traces);
        for (const kind of ['url', 'share'] as const) {
          assert.deepEqual(
            await estimateCoordInterval(fixture.store, { kind, q, p }),
            reference(traces, kind, q, p),
          );
        }
      }),
      { seed, numRuns: 60 },
    );
  });
}
