/**
 * Child process of the benchmark: run `detect([input], { out, threads })` once, score the clusters against the
 * ground truth and write a JSON result. One process per size, so the peak RSS belongs to that size alone.
 *
 * Run: `node --import tsx bench/detect-child.ts --input f.csv --truth f.truth.json --out dir --result r.json
 *   [--threads 2] [--memory-limit 3GB]`
 *
 * @module
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import type { ProgressSink } from '../src/model/progress.js';
import type { CorpusSignalStats } from '../src/model/run-info.js';
import { detect } from '../src/pipeline/detect.js';
import type { ClusterEvaluation } from './evaluate-clusters.js';
import { evaluateClusters } from './evaluate-clusters.js';
import type { SyntheticTruth } from './generate-synthetic.js';

/** The JSON a detect child writes. */
export interface DetectChildResult {
  input: string;
  /** Set when `detect` threw; then only `detectMs` and `maxRssMB` are meaningful. */
  error?: string;
  threads: number;
  memoryLimit: string | null;
  /** Wall time of the `detect()` call, ms. */
  detectMs: number;
  /** Per stage (including `signals.corpus` and `signals.features`): ms and the stage's row count. */
  timings: { stage: string; ms: number; rows: number }[];
  /** What the corpus signals stage did (`run.signals`); absent in results from before the signals stage. */
  signals?: CorpusSignalStats;
  totals: Record<string, unknown>;
  bounded: { objectWindows: number; traces: number; top: { kind: string; object: string; traces: number }[] };
  evaluation: ClusterEvaluation;
  /** `process.resourceUsage().maxRSS` of this process, MB. */
  maxRssMB: number;
  /** Largest clusters: size and planted members. */
  topClusters: { id: string; size: number; planted: number }[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      truth: { type: 'string' },
      out: { type: 'string' },
      result: { type: 'string' },
      threads: { type: 'string', default: '2' },
      'memory-limit': { type: 'string' },
    },
  });
  const { input, truth: truthPath, out, result } = values;
  if (!input || !truthPath || !out || !result) {
    throw new Error('bench/detect-child: expecting --input, --truth, --out and --result.');
  }
  const threads = Number(values.threads);
  const memoryLimit = values['memory-limit'];
  const truth = JSON.parse(await readFile(truthPath, 'utf8')) as SyntheticTruth;

  // Timeline: progress events and a memory sample every 2 s, appended synchronously so it survives a crash
  // (an out-of-memory abort loses the result JSON but not this file).
  const timelinePath = `${result}.timeline.jsonl`;
  writeFileSync(timelinePath, '');
  const t0 = performance.now();
  const mark = (event: string) => {
    const m = process.memoryUsage();
    const line = {
      s: Number(((performance.now() - t0) / 1000).toFixed(1)),
      event,
      rssMB: Math.round(m.rss / 2 ** 20),
      heapMB: Math.round(m.heapUsed / 2 ** 20),
      externalMB: Math.round(m.external / 2 ** 20),
    };
    appendFileSync(timelinePath, `${JSON.stringify(line)}\n`);
  };
  const sampler = setInterval(() => mark('sample'), 2000);
  sampler.unref();
  const progress: ProgressSink = {
    start: (stage) => mark(`start ${stage}`),
    update() {},
    end: () => mark('end'),
  };

  let detected: Awaited<ReturnType<typeof detect>>;
  try {
    detected = await detect([input], {
      out,
      threads,
      progress,
      ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    });
  } catch (cause) {
    // Report the failure as data; the parent prints it in the table.
    const error =
      cause instanceof Error ? `${cause.name}: ${cause.message}\n${cause.stack ?? ''}` : String(cause);
    await writeFile(
      result,
      `${JSON.stringify({ input, threads, memoryLimit: memoryLimit ?? null, detectMs: Math.round(performance.now() - t0), error, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`,
      'utf8',
    );
    console.error(`detect-child: ${input}: detect failed: ${error}`);
    process.exitCode = 1;
    return;
  }
  const { run, network } = detected;
  const detectMs = Math.round(performance.now() - t0);
  mark('detect done');
  clearInterval(sampler);

  const planted = new Set(truth.plantedAccountIds);
  const idOfKey = new Map(network.accounts.map((a) => [a.key, a.accountId]));
  const report: DetectChildResult = {
    input,
    threads,
    memoryLimit: memoryLimit ?? null,
    detectMs,
    timings: run.timings,
    ...(run.signals !== undefined ? { signals: run.signals } : {}),
    totals: { ...run.totals },
    bounded: {
      objectWindows: run.bounded.objectWindows,
      traces: run.bounded.traces,
      top: run.bounded.top.slice(0, 8),
    },
    evaluation: evaluateClusters(network, truth),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    topClusters: network.clusters.slice(0, 10).map((c) => ({
      id: c.id,
      size: c.size,
      planted: c.accounts.filter((k) => planted.has(idOfKey.get(k) ?? '')).length,
    })),
  };
  await writeFile(result, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  console.log(
    `detect-child: ${input}: ${(detectMs / 1000).toFixed(1)} s, ${run.totals.clusters} clusters, recall ${report.evaluation.recall.toFixed(3)}`,
  );
}

await main();
