import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { useTraceStore } from '../../test/helpers/trace-store.js';
import { ConfigError } from '../errors.js';
import type { TraceKind } from '../model/trace.js';
import { estimateWindows, type WindowEstimate } from './estimate-windows.js';

interface T {
  account: number;
  tsMs: number;
  kind: TraceKind;
  object: number;
}

const fixture = useTraceStore();
/** Replace the store's traces; `rec` is the position in `traces`. */
const load = (traces: readonly T[]): Promise<void> => fixture.load(traces);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

// ─── Hand-computed case ───────────────────────────────────────────────────────────────────────────────────────

const [A, B, C, D] = [1, 2, 3, 4];
const s = (sec: number) => sec * 1000;
/**
 * Object 1: A 0 s, B 10 s, A 12 s, C 100 s. Nearest other-account trace: A0 → B (10), B10 → A12 (2),
 *   A12 → B10 (2), C100 → A12 (88). m: A 4 − 2 = 2, B 3, C 3.
 * Object 2: A 50 s, A 55 s: one account, not eligible.
 * Object 3: B 1000 s, C 1000 s, D 1030 s: g 0, 0, 30; m 2 each.
 * Object 4: D 3600 s alone: not eligible, but it sets T = 3600 − 0 = 3600 s.
 * Eligible: 7 traces, g = [10, 2, 2, 88, 0, 0, 30]; m = 2 for 5 traces, m = 3 for 2.
 * O(1) = 2, O(10) = 5, O(60) = 6.
 * E(w) = 5·(1 − (1 − x)²) + 2·(1 − (1 − x)³) = 16x − 11x² + 2x³ with x = 2w/3600.
 * X(1) ≈ 1.9911, X(10) ≈ 4.9115, X(60) ≈ 5.4788: 0.9·max = 4.931 → W = 60; 0.8·max = 4.383 → W = 10.
 */
const HAND: T[] = [
  { account: A, tsMs: s(0), kind: 'share', object: 1 },
  { account: B, tsMs: s(10), kind: 'share', object: 1 },
  { account: A, tsMs: s(12), kind: 'share', object: 1 },
  { account: C, tsMs: s(100), kind: 'share', object: 1 },
  { account: A, tsMs: s(50), kind: 'share', object: 2 },
  { account: A, tsMs: s(55), kind: 'share', object: 2 },
  { account: C, tsMs: s(1000), kind: 'share', object: 3 },
  { account: B, tsMs: s(1000), kind: 'share', object: 3 },
  { account: D, tsMs: s(1030), kind: 'share', object: 3 },
  { account: D, tsMs: s(3600), kind: 'share', object: 4 },
];
const handE = (w: number) => {
  const x = (2 * w) / 3600;
  return 16 * x - 11 * x ** 2 + 2 * x ** 3;
};
const GRID = [1, 10, 60, 7200];

function assertCurves(got: WindowEstimate): void {
  assert.equal(got.kind, 'share');
  assert.equal(got.traces, 7);
  assert.deepEqual(got.grid, [1, 10, 60]); // 7200 > T is cut
  assert.deepEqual(got.observed, [2, 5, 6]);
  for (const [i, e] of got.expected.entries()) {
    assert.ok(close(e, handE(got.grid[i] as number)), `E(${got.grid[i]}) = ${e}`);
  }
}

test('hand case: O and E by hand; plain rule (minExcessZ 0) gives W = 60 at coverage 0.9, 10 at 0.8', async () => {
  await load(HAND);
  const [at90] = await estimateWindows(fixture.store, {
    kinds: ['share'],
    grid: GRID,
    minTraces: 5,
    minExcessZ: 0,
  });
  assertCurves(at90 as WindowEstimate);
  assert.equal(at90?.status, 'ok');
  assert.equal(at90?.seconds, 60);
  const [at80] = await estimateWindows(fixture.store, {
    kinds: ['share'],
    grid: GRID,
    minTraces: 5,
    minExcessZ: 0,
    coverage: 0.8,
  });
  assert.equal(at80?.seconds, 10);
});

test('hand case: too few traces; the noise guard picks w* = 10 (default 4 sd) or finds no excess (5 sd)', async () => {
  await load(HAND);
  const [few] = await estimateWindows(fixture.store, { kinds: ['share'], grid: GRID, minTraces: 8 });
  assertCurves(few as WindowEstimate);
  assert.equal(few?.status, 'too-few');
  assert.equal(few?.seconds, null);
  // sd(w) = √(2·Σ n·P·(1 − P) + 1), P = 1 − (1 − x)^m:
  //   w = 1: Var ≈ 0.00887, sd ≈ 1.0088, X − 4 sd ≈ −2.04;  w = 10: Var ≈ 0.08745, sd ≈ 1.0839, X − 4 sd ≈ 0.576;
  //   w = 60: Var ≈ 0.4810, sd ≈ 1.4007, X − 4 sd ≈ −0.12.  → w* = 10, target 0.9·4.9115 ≈ 4.42 → W = 10.
  const [guarded] = await estimateWindows(fixture.store, { kinds: ['share'], grid: GRID, minTraces: 5 });
  assertCurves(guarded as WindowEstimate);
  assert.equal(guarded?.status, 'ok');
  assert.equal(guarded?.seconds, 10);
  // At 5 sd no grid value clears the bar (w = 10: 4.9115 − 5.42 < 0).
  const [strict] = await estimateWindows(fixture.store, {
    kinds: ['share'],
    grid: GRID,
    minTraces: 5,
    minExcessZ: 5,
  });
  assert.equal(strict?.status, 'no-excess');
  assert.equal(strict?.seconds, null);
});

test('kinds without traces: too-few, T = 1 s so the grid is [1]; output follows the order of kinds', async () => {
  await load(HAND);
  const got = await estimateWindows(fixture.store, { kinds: ['url', 'share'], minTraces: 1, minExcessZ: 0 });
  assert.deepEqual(
    got.map((e) => e.kind),
    ['url', 'share'],
  );
  assert.deepEqual(got[0], {
    kind: 'url',
    seconds: null,
    status: 'too-few',
    traces: 0,
    observed: [0],
    expected: [0],
    grid: [1],
  });
  // Default grid cut to T = 3600 s: 1 … 3600 (17 values).
  assert.equal(got[1]?.grid.length, 17);
  assert.equal(got[1]?.grid.at(-1), 3600);
});

test('invalid options throw ConfigError naming the field', async () => {
  await assert.rejects(estimateWindows(fixture.store, { kinds: [] }), ConfigError);
  await assert.rejects(estimateWindows(fixture.store, { kinds: ['share', 'share'] }), /`kinds`/);
  await assert.rejects(estimateWindows(fixture.store, { grid: [10, 5] }), /`grid\[1\]`/);
  await assert.rejects(estimateWindows(fixture.store, { grid: [0.0001] }), /`grid\[0\]`/);
  await assert.rejects(estimateWindows(fixture.store, { coverage: 0 }), /`coverage`/);
  await assert.rejects(estimateWindows(fixture.store, { minTraces: 1.5 }), /`minTraces`/);
  await assert.rejects(estimateWindows(fixture.store, { minExcessZ: -1 }), /`minExcessZ`/);
});

// ─── Property: equals a brute-force reference (nested loops) ──────────────────────────────────────────────────

function reference(all: readonly T[], kind: TraceKind, grid: readonly number[], coverage: number) {
  const traces = all.filter((t) => t.kind === kind);
  const times = traces.map((t) => t.tsMs);
  const spanSeconds = traces.length === 0 ? 1 : Math.max(1, (Math.max(...times) - Math.min(...times)) / 1000);
  const eligible: { g: number; m: number }[] = [];
  for (const t of traces) {
    const others = traces.filter((u) => u.object === t.object && u.account !== t.account);
    if (others.length === 0) continue;
    eligible.push({ g: Math.min(...others.map((u) => Math.abs(u.tsMs - t.tsMs))) / 1000, m: others.length });
  }
  const kept = grid.filter((w) => w <= spanSeconds);
  const observed = kept.map((w) => eligible.filter((e) => e.g <= w).length);
  const expected = kept.map((w) =>
    eligible.reduce((sum, e) => sum + 1 - (1 - Math.min(1, (2 * w) / spanSeconds)) ** e.m, 0),
  );
  const excess = observed.map((o, i) => o - (expected[i] as number));
  const max = Math.max(0, ...excess);
  const seconds = max > 0 ? (kept[excess.findIndex((x) => x >= coverage * max)] as number) : null;
  return { traces: eligible.length, grid: kept, observed, expected, seconds };
}

const tracesArb = fc.array(
  fc.record({
    account: fc.integer({ min: 0, max: 4 }),
    tsMs: fc
      .tuple(fc.integer({ min: 0, max: 90 }), fc.constantFrom(0, 0, 0, 1, 499))
      .map(([k, j]) => k * 1000 + j),
    kind: fc.constantFrom<TraceKind>('share', 'share', 'url'),
    object: fc.integer({ min: 0, max: 5 }),
  }),
  { maxLength: 60 },
);
const PROP_GRID = [0.5, 1, 2, 5, 10, 20, 45, 90];

for (const seed of [7, 8, 9]) {
  test(`estimateWindows equals the brute-force reference with minExcessZ 0 (property, seed ${seed}, 60 runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(tracesArb, fc.constantFrom(0.5, 0.9, 1), async (traces, coverage) => {
        await load(traces);
        const got = await estimateWindows(fixture.store, {
          kinds: ['share', 'url'],
          grid: PROP_GRID,
          coverage,
          minTraces: 1,
          minExcessZ: 0,
        });
        for (const [i, kind] of (['share', 'url'] as const).entries()) {
          const want = reference(traces, kind, PROP_GRID, coverage);
          const e = got[i] as WindowEstimate;
          assert.equal(e.kind, kind);
          assert.equal(e.traces, want.traces);
          assert.deepEqual(e.grid, want.grid);
          assert.deepEqual(e.observed, want.observed);
          for (const [j, x] of e.expected.entries()) assert.ok(close(x, want.expected[j] as number));
          if (want.traces === 0) assert.equal(e.status, 'too-few');
          else assert.equal(e.seconds, want.seconds);
        }
      }),
      { seed, numRuns: 60 },
    );
  });
}

// ─── Planted coordination on a chance background ──────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

/**
 * Background: 10,000 traces by 400 accounts on 2,000 objects, uniform over 14 days. Planted (unless `none`):
 * 10 accounts on 30 objects of their own, at a random start each; `relay`: one after the other, 10–20 s apart
 * (each trace's nearest other is 10–20 s away); `burst`: all 10 within 20 s (nearest other ≈ 2 s away).
 */
function scenario(seed: string, planted: 'relay' | 'burst' | 'none'): T[] {
  const rng = seedrandom(seed);
  const out: T[] = [];
  for (let i = 0; i < 10_000; i++) {
    const account = Math.floor(rng() * 400);
    const tsMs = Math.floor(rng() * 14 * DAY_MS);
    out.push({ account, tsMs, kind: 'share', object: Math.floor(rng() * 2000) });
  }
  if (planted === 'none') return out;
  for (let o = 0; o < 30; o++) {
    let tsMs = Math.floor(rng() * 13 * DAY_MS);
    for (let a = 0; a < 10; a++) {
      const at = planted === 'relay' ? tsMs : tsMs + Math.floor(rng() * 20_000);
      out.push({ account: 1000 + a, tsMs: at, kind: 'share', object: 100_000 + o });
      if (planted === 'relay') tsMs += 10_000 + Math.floor(rng() * 10_000);
    }
  }
  return out;
}

const SEEDS = ['windows-a', 'windows-b', 'windows-c'];

test('planted relay (10–20 s apart) on a 14-day background: W between 20 and 60 s', async () => {
  for (const seed of SEEDS) {
    await load(scenario(seed, 'relay'));
    const [e] = await estimateWindows(fixture.store, { kinds: ['share'] });
    assert.equal(e?.status, 'ok', seed);
    assert.ok((e?.seconds ?? 0) >= 20 && (e?.seconds ?? 0) <= 60, `${seed}: W = ${e?.seconds}`);
  }
});

test('planted burst (10 accounts within 20 s): W is the nearest-neighbour scale, at most 20 s', async () => {
  for (const seed of SEEDS) {
    await load(scenario(seed, 'burst'));
    const [e] = await estimateWindows(fixture.store, { kinds: ['share'] });
    assert.equal(e?.status, 'ok', seed);
    assert.ok((e?.seconds ?? 0) >= 1 && (e?.seconds ?? 0) <= 20, `${seed}: W = ${e?.seconds}`);
  }
});

test('background only: no-excess at the default guard; the plain rule (minExcessZ 0) fits noise', async () => {
  let plainOk = 0;
  for (const seed of SEEDS) {
    await load(scenario(seed, 'none'));
    const [e] = await estimateWindows(fixture.store, { kinds: ['share'] });
    assert.equal(e?.status, 'no-excess', seed);
    assert.equal(e?.seconds, null);
    const [plain] = await estimateWindows(fixture.store, { kinds: ['share'], minExcessZ: 0 });
    if (plain?.status === 'ok') plainOk++;
  }
  // What the guard is for: without it, chance alone yields a window on most backgrounds.
  assert.ok(plainOk >= 2, `plain rule found a window on ${plainOk} of 3 backgrounds`);
});

test('deterministic: same result twice and whatever the insertion order and rec numbering', async () => {
  const traces = scenario('windows-d', 'relay');
  await load(traces);
  const first = await estimateWindows(fixture.store, { kinds: ['share', 'url'] });
  const again = await estimateWindows(fixture.store, { kinds: ['share', 'url'] });
  const rng = seedrandom('shuffle');
  const shuffled = traces
    .map((t) => ({ t, k: rng() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.t);
  await load(shuffled);
  const reordered = await estimateWindows(fixture.store, { kinds: ['share', 'url'] });
  assert.deepEqual(again, first);
  assert.deepEqual(reordered, first);
});
