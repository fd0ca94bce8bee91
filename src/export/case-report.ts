/**
 * The input of every export writer: what a run did (`run.json`) and what it found (the coordination network).
 */
import type { CoordinationNetwork } from '../model/network.js';
import type { RunInfo } from '../model/run-info.js';
import type { CaseScores } from '../model/score.js';
import type { SeedReport } from '../model/seed.js';

import type { CaseSignals } from '../signals/case-signals.js';

/**
 * A case as the exporters see it. Everything in `network` that came from the data (texts, handles, names, URLs,
 * object values, file names, ids) is attacker-written: writers escape or neutralise it for their format.
 */
export interface CaseReport {
  /** Run record: inputs, options, versions, counts (src/model/run-info.ts). */
  run: RunInfo;
  /** Accounts, kept edges with evidence, clusters (src/model/network.ts). */
  network: CoordinationNetwork;
  /** Signal findings per cluster, account and cohort (src/signals/case-signals.ts); absent in older cases. */
  signals?: CaseSignals;
  /** Scores with reasons and TTP ids per cluster and account (src/model/score.ts); absent in older cases. */
  scores?: CaseScores;
  /** Seeds matched and expanded (`matchSeeds`), when the run had seed files. */
  seeds?: SeedReport;
}
