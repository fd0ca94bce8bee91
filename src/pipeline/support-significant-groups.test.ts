import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTraceStore } from '../../test/helpers/trace-store.js';
import { computeCoactions } from '../detect/co-action.js';
import { computeEdgeSignificance } from '../detect/edge-significance.js';
import { log10PoissonTail, supportSignificantGroups } from './support-significant-groups.js';

interface T {
  account: number;
  ts: number;
  object: number;
}

const fixture = useTraceStore();
const load = (traces: readonly T[]): Promise<void> =>
  fixture.load(
    traces.map((t) => ({ account: t.account, tsMs: t.ts, kind: 'share' as const, object: t.object })),
    { dictionaries: true },
  );

/**
 * Background: accounts 100–149 post 8 times each on objects nobody else touches (no co-action).
 * A star: hub 1 co-acts once with each of leaves 2–6, each time on an object only the two touch.
 * A dense group: accounts 10–15 all act on the same 4 objects within 5 s.
 */
function plantedTraces(): T[] {
  const traces: T[] = [];
  let object = 1000;
  for (let a = 100; a < 150; a++)
    for (let i = 0; i < 8; i++) traces.push({ account: a, ts: (a * 8 + i) * 3_600_000, object: object++ });
  for (let leaf = 2; leaf <= 6; leaf++) {
    traces.push(
      { account: 1, ts: leaf * 7_200_000, object: leaf },
      { account: leaf, ts: leaf * 7_200_000 + 1000, object: leaf },
    );
  }
  for (let o = 0; o < 4; o++)
    for (let a = 10; a <= 15; a++)
      traces.push({ account: a, ts: o * 86_400_000 + (a - 10) * 1000, object: 50 + o });
  return traces;
}

test('a dense group is supported; a star of single co-actions is not (its spanning tree is all it has)', async () => {
  await load(plantedTraces());
  await computeCoactions(fixture.store, { windowSeconds: { default: 60 } });
  await computeEdgeSignificance(fixture.store, { fpr: 0.05 });
  const stats = await supportSignificantGroups(fixture.store, { fpr: 0.05 });
  assert.equal(stats.groups, 2, 'the star and the dense group are the candidate groups');
  assert.equal(stats.supportedGroups, 1);
  const kept = await fixture.store.all<{ a: number; b: number }>(
    'SELECT a, b FROM sig_edges WHERE significant ORDER BY a, b',
  );
  assert.equal(kept.length, 15, 'all C(6, 2) pairs of the dense group');
  assert.ok(kept.every((e) => e.a >= 10 && e.b <= 15));
});

test('log10PoissonTail is the first-term upper bound', () => {
  // P(X ≥ 3 | λ = 0.1) = 1 − e^−0.1 (1 + 0.1 + 0.005) = 1.5465e-4; the bound e^−0.1 0.1³/3! / (1 − 0.1/4) = 1.5458e-4·1.0256…
  const exact = 1 - Math.exp(-0.1) * (1 + 0.1 + 0.005);
  const bound = 10 ** log10PoissonTail(3, 0.1);
  assert.ok(bound >= exact && bound <= exact * 1.03, `${bound} vs ${exact}`);
  assert.equal(log10PoissonTail(0, 0.1), 0);
  assert.equal(log10PoissonTail(2, 5), 0);
});
