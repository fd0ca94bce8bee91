import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { computeCoactions } from '../detect/co-action.js';
import { computeEdgeSignificance } from '../detect/edge-significance.js';
import { DuckStore } from '../store/duck-store.js';
import { log10PoissonTail, supportSignificantGroups } from './support-significant-groups.js';

let store: DuckStore;
before(async () => {
  store = await DuckStore.create(':memory:', { threads: 2 });
});
after(() => store.close());

interface T {
  account: number;
  ts: number;
  object: number;
}

async function load(traces: readonly T[]): Promise<void> {
  await store.run('DELETE FROM traces; DELETE FROM object_dict; DELETE FROM account_dict;');
  const rows = traces.map((t, i) => `(${t.account}, ${i}, ${t.ts}, 'share', ${t.object})`);
  await store.run(`INSERT INTO traces VALUES ${rows.join(', ')}`);
  const objects = [...new Set(traces.map((t) => t.object))].map((o) => `(${o}, 'share', 'o${o}')`);
  await store.run(`INSERT INTO object_dict VALUES ${objects.join(', ')}`);
  const accounts = [...new Set(traces.map((t) => t.account))].map(
    (a) => `(${a}, 'x', 'a${String(a).padStart(3, '0')}', 'x:a${String(a).padStart(3, '0')}')`,
  );
  await store.run(`INSERT INTO account_dict VALUES ${accounts.join(', ')}`);
}

/**
 * Background: accounts 100–149 post 8 times each on objects nobody else touches (no co-action).
 * A star: hub 1 co-acts once with each of leaves 2–6, each time on an object only the two touch.
 * A dense group: accounts 10–15 all act on the same 4 objects within 5 s.
 */
function fixture(): T[] {
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
  await load(fixture());
  await computeCoactions(store, { windowSeconds: { default: 60 } });
  await computeEdgeSignificance(store, { fpr: 0.05 });
  const stats = await supportSignificantGroups(store, { fpr: 0.05 });
  assert.equal(stats.groups, 2, 'the star and the dense group are the candidate groups');
  assert.equal(stats.supportedGroups, 1);
  const kept = await store.all<{ a: number; b: number }>(
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
