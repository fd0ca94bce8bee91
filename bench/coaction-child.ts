/**
 * Child process of the benchmark: the co-action stage alone (`computeCoactions`) on generated traces, one process
 * per run so its peak RSS is clean. Two generators:
 * - `synthetic`: {@link generateSyntheticTraces}, the same population as the end-to-end CSVs (trending bursts,
 *   planted groups), appended with the DuckDB Appender;
 * - `reference`: `generateBenchTraces` of `src/detect/co-action.bench.ts` (the co-action author's own
 *   micro-benchmark, `realistic` or `dense` profile), loaded at run time so this file does not depend on it.
 *
 * Run: `node --import tsx bench/coaction-child.ts --traces 1e7 --result r.json [--generator synthetic|reference]
 *   [--profile realistic] [--seed 42] [--threads 2] [--db path|:memory:] [--memory-limit 3GB]`
 *
 * @module
 */
import { rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { computeCoactions } from '../src/detect/co-action.js';
import { DuckStore } from '../src/store/duck-store.js';
import { generateSyntheticTraces } from './synthetic-traces.js';

/** The JSON a co-action child writes. */
export interface CoactionChildResult {
  generator: string;
  profile: string | null;
  db: string;
  threads: number;
  memoryLimit: string | null;
  /** Traces in the `traces` table. */
  traces: number;
  tracesByKind: Record<string, number>;
  generateMs: number;
  /** Wall time of `computeCoactions`, ms. */
  coactionMs: number;
  /** Its steps (windows, bounded, traces, pairs, multi, edges, edge_kinds, edge_objects, evidence), ms. */
  steps: Record<string, number>;
  pairs: number;
  edges: number;
  /** Edges passing the default filter (≥ 2 co-actions on ≥ 2 objects). */
  keptEdges: number;
  byKind: Record<string, number>;
  bounded: { objectWindows: number; traces: number; top: { kind: string; object: string; traces: number }[] };
  /** Planted account pairs found as kept edges / all planted same-group pairs. */
  plantedEdges: { found: number; expected: number };
  maxRssMB: number;
  error?: string;
}

interface ReferenceModule {
  generateBenchTraces(
    store: DuckStore,
    opts: { traces: number; seed: number; profile: 'realistic' | 'dense' },
  ): Promise<{ groups: number; firstPlantedAccount: number }>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      traces: { type: 'string', default: '10000000' },
      seed: { type: 'string', default: '42' },
      threads: { type: 'string', default: '2' },
      db: { type: 'string', default: ':memory:' },
      'memory-limit': { type: 'string' },
      generator: { type: 'string', default: 'synthetic' },
      profile: { type: 'string', default: 'realistic' },
      result: { type: 'string' },
    },
  });
  const result = values.result;
  if (!result) throw new Error('bench/coaction-child: expecting --result.');
  const traces = Number(values.traces);
  const seed = Number(values.seed);
  const threads = Number(values.threads);
  const memoryLimit = values['memory-limit'];
  const generator = values.generator === 'reference' ? 'reference' : 'synthetic';
  const profile = values.profile === 'dense' ? 'dense' : 'realistic';
  if (values.db !== ':memory:') {
    await rm(values.db, { force: true });
    await rm(`${values.db}.wal`, { force: true });
  }
  const store = await DuckStore.create(values.db, { threads, ...(memoryLimit ? { memoryLimit } : {}) });
  const report: Partial<CoactionChildResult> = {
    generator,
    profile: generator === 'reference' ? profile : null,
    db: values.db,
    threads,
    memoryLimit: memoryLimit ?? null,
  };
  try {
    let t0 = performance.now();
    let expected = 0;
    let plantedEdgeSql: string;
    if (generator === 'synthetic') {
      const gen = await generateSyntheticTraces(store, { traces, seed });
      const app = await store.appender('account_dict');
      // Group membership rides in account_dict's `platform` column (`g<group>`); `computeCoactions` never reads it.
      gen.groups.forEach((members, g) => {
        expected += (members.length * (members.length - 1)) / 2;
        for (const a of members) {
          app.appendInteger(a);
          app.appendVarchar(`g${g}`);
          app.appendVarchar(String(a));
          app.appendVarchar(`g${g}:${a}`);
          app.endRow();
        }
      });
      app.closeSync();
      report.tracesByKind = gen.tracesByKind;
      plantedEdgeSql = `SELECT count(*) FROM coaction_edges e
        JOIN account_dict x ON x.account = e.a JOIN account_dict y ON y.account = e.b
        WHERE x.platform = y.platform AND e.coactions >= 2 AND e.objects >= 2`;
    } else {
      const path = '../src/detect/co-action.bench.ts';
      const ref = (await import(path)) as ReferenceModule;
      const counts = await ref.generateBenchTraces(store, { traces, seed, profile });
      expected = counts.groups * 190;
      plantedEdgeSql = `SELECT count(*) FROM coaction_edges WHERE a >= ${counts.firstPlantedAccount} AND coactions >= 40`;
      const rows = await store.all<{ kind: string; n: bigint }>(
        'SELECT kind, count(*) AS n FROM traces GROUP BY kind',
      );
      report.tracesByKind = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    }
    if (values.db !== ':memory:') await store.run('CHECKPOINT');
    report.generateMs = Math.round(performance.now() - t0);
    report.traces = await store.scalar('SELECT count(*) FROM traces');

    const steps: Record<string, number> = {};
    t0 = performance.now();
    const stats = await computeCoactions(store, {}, { onStep: (step, ms) => (steps[step] = Math.round(ms)) });
    report.coactionMs = Math.round(performance.now() - t0);
    report.steps = steps;
    report.pairs = stats.pairs;
    report.edges = stats.edges;
    report.byKind = Object.fromEntries(Object.entries(stats.byKind).filter(([, v]) => v > 0));
    report.bounded = {
      objectWindows: stats.bounded.objectWindows,
      traces: stats.bounded.traces,
      top: stats.bounded.top.slice(0, 6),
    };
    report.keptEdges = await store.scalar(
      'SELECT count(*) FROM coaction_edges WHERE coactions >= 2 AND objects >= 2',
    );
    report.plantedEdges = { found: await store.scalar(plantedEdgeSql), expected };
  } catch (cause) {
    report.error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    process.exitCode = 1;
  } finally {
    store.close();
  }
  report.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  await writeFile(result, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  console.log(
    report.error
      ? `coaction-child: ${generator}: failed: ${report.error}`
      : `coaction-child: ${generator}: ${report.traces} traces, co-action ${(report.coactionMs! / 1000).toFixed(2)} s`,
  );
}

await main();
