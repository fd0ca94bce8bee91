/**
 * One benchmark run: `chorus simulate` a scenario, `chorus detect` it, `chorus evaluate` the clusters against the
 * planted truth — the loop behind `npm run eval` (bench/run-eval.ts) and the regression test. The posts go through
 * a real CSV file, so the ingest path is the one an investigator uses. Benchmark design: docs/methods.md §11.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { evaluateDetection } from '../evaluate/evaluate-detection.js';
import type { Evaluation } from '../evaluate/evaluation.js';
import type { RunInfo } from '../model/run-info.js';
import type { ScenarioSpec } from '../simulate/scenario-spec.js';
import { simulateScenario } from '../simulate/simulate-scenario.js';
import { writeSimulation } from '../simulate/write-simulation.js';
import { type DetectOptions, detect } from './detect.js';

/** One detector configuration of a benchmark run. */
export interface EvaluationMode {
  /** Label in tables, e.g. `chorus` or `percentile 0.5`. */
  name: string;
  /** Options passed to `detect` (no `out`: nothing is written). */
  options: Partial<DetectOptions>;
}

/** The result of one scenario under one mode. */
export interface ScenarioEvaluation {
  scenario: string;
  mode: string;
  evaluation: Evaluation;
  /** Posts in the scenario. */
  posts: number;
  /** run.json of the detection (totals, significance, windows). */
  run: RunInfo;
  /** Wall-clock seconds of `detect`. */
  detectSeconds: number;
}

/**
 * Simulate `scenario` once and evaluate it under each mode.
 * @param scenario a standard scenario name or a spec
 * @param modes detector configurations (at least one)
 * @param options `seed`/`scale` overrides of the scenario; `threads` for DuckDB
 * @returns one result per mode, in the order given
 * @throws {ConfigError} for an unknown scenario or invalid options
 * @example
 * const [r] = await evaluateScenario('mixed-small', [{ name: 'chorus', options: {} }]);
 * r.evaluation.account.precision;
 */
export async function evaluateScenario(
  scenario: ScenarioSpec | string,
  modes: readonly EvaluationMode[],
  options: { seed?: number; scale?: number; threads?: number } = {},
): Promise<ScenarioEvaluation[]> {
  const sim = simulateScenario(scenario, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
  });
  const dir = await mkdtemp(join(tmpdir(), 'chorus-eval-'));
  try {
    const { postsPath } = await writeSimulation(dir, sim, { format: 'csv' });
    const results: ScenarioEvaluation[] = [];
    for (const mode of modes) {
      const t0 = performance.now();
      const result = await detect([postsPath], {
        ...mode.options,
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
      });
      const detectSeconds = (performance.now() - t0) / 1000;
      const clusters = result.network.clusters.map((c) => ({ id: c.id, accounts: c.accounts }));
      results.push({
        scenario: sim.truth.scenario,
        mode: mode.name,
        evaluation: evaluateDetection(sim.truth, clusters),
        posts: sim.posts.length,
        run: result.run,
        detectSeconds,
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
