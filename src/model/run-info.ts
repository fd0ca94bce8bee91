/**
 * `run.json`: what a run read, with which options and versions, how many records went where, and how long each
 * stage took. Counts reconcile per input: `read = accepted + quarantined + duplicates`.
 */
import type { TraceKind } from './trace.js';

/** One input file of a run. */
export interface RunInput {
  /** Path as given. */
  path: string;
  /** SHA-256 of the file bytes (hex), or null when unreadable. */
  sha256: string | null;
  bytes: number;
  /** Detected or forced format name, or null when unreadable/unknown. */
  format: string | null;
  /** Records read (post-level records: a line, a row, or one tweet of a twarc2 page). */
  read: number;
  accepted: number;
  quarantined: number;
  /** Exact duplicate records dropped (same content as an earlier record of the run). */
  duplicates: number;
  /** Quarantined records by `field code` (e.g. `ts invalid_value`), for a quick look before quarantine.jsonl. */
  quarantinedBy: Record<string, number>;
  /** How timestamps were interpreted: rule name → number of records (e.g. `epoch-seconds`, `iso8601-offset`). */
  timeRules: Record<string, number>;
  /**
   * Values present in accepted records but unusable and dropped, `field: reason` → count (e.g. an account creation
   * date that is not a time, a negative follower count). Absent when there were none.
   */
  ignoredValues?: Record<string, number>;
  /** Why the whole file failed, when it did (the other files still run). */
  error?: string;
}

/** Wall time and rows of one pipeline stage. */
export interface StageTiming {
  stage: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** Rows the stage produced (posts, traces, pairs, edges…). */
  rows: number;
}

/** Object-windows whose fan-in exceeded the bound and were not paired (see DESIGN.md §4 "Viral objects"). */
export interface BoundedObjects {
  /** The cap: most traces one (kind, object, window bucket) may hold before it is bounded. */
  maxTracesPerObjectWindow: number;
  /** How many (kind, object, bucket) cells were bounded. */
  objectWindows: number;
  /** Traces in bounded cells (not paired, still counted in per-account activity). */
  traces: number;
  /** Largest bounded objects: kind, canonical value, traces in its largest bucket. */
  top: { kind: TraceKind; object: string; traces: number }[];
}

/** Totals of a run. */
export interface RunTotals {
  read: number;
  accepted: number;
  quarantined: number;
  duplicates: number;
  /** Distinct posts (platform, post id) accepted. */
  posts: number;
  /** Distinct accounts with at least one post. */
  accounts: number;
  traces: number;
  tracesByKind: Partial<Record<TraceKind, number>>;
  /** Co-action pairs found (before edge filters). */
  coactionPairs: number;
  /** Account pairs with at least one co-action (before edge filters). */
  candidateEdges: number;
  /** Edges kept after filters. */
  edges: number;
  clusters: number;
  clusteredAccounts: number;
}

/** The whole of `run.json`. Everything but `startedAt`, `finishedAt` and `timings` is deterministic. */
export interface RunInfo {
  chorusVersion: string;
  duckdbVersion: string;
  nodeVersion: string;
  startedAt: string;
  finishedAt: string;
  /** Resolved options (after defaults). */
  options: Record<string, unknown>;
  /** Which rule turns naive timestamps into UTC (e.g. `naive times read as UTC`). */
  timeZoneRule: string;
  inputs: RunInput[];
  totals: RunTotals;
  bounded: BoundedObjects;
  timings: StageTiming[];
  /** What the corpus signals found (near-duplicate groups, misspellings, hashtag sequences, media groups). */
  signals?: CorpusSignalStats;
  /** The null-model test of the candidate edges (`computeEdgeSignificance`). */
  significance?: SignificanceSummary;
  /** Per trace kind: the window used, Chorus's estimate and CooRnet's `estimate_coord_interval`. */
  windows?: WindowReport[];
}

/** Summary of the edge significance test, see `computeEdgeSignificance` (docs/methods.md §8). */
export interface SignificanceSummary {
  /** Whether the edge filter kept edges by significance (`false`: p-values shown, another filter applied). */
  applied: boolean;
  /** Level α (the stated false-positive rate). */
  fpr: number;
  /** Multiple-testing correction: `bh`, `bonferroni` or `none`. */
  correction: string;
  /** Candidate edges tested (account pairs with at least one co-action). */
  tested: number;
  /** Multiple-testing family: account pairs that could have co-acted, M(M − 1)/2. */
  family: number;
  /** Edges significant after the correction. */
  significant: number;
  /** Trace kinds with co-actions. */
  kinds: number;
  /** Trace families among them (the edge p-value is the smallest of F + 1 tests times F + 1). */
  families: number;
  /** log10 of the largest p-value kept, or null. */
  log10Threshold: number | null;
  /** log10 of the smallest edge p-value (how close the strongest edge came), or null without candidates. */
  log10Strongest: number | null;
  /** log10 of the p-value the strongest edge needed (α/m; α with correction `none`). */
  log10Needed: number;
  /**
   * Group support (significance mode): candidate edges (p ≤ α uncorrected), candidate groups tested, groups
   * supported, and edges kept because their group was supported (`supportSignificantGroups`).
   */
  groups?: { candidateEdges: number; tested: number; supported: number; edgesAdded: number };
}

/** The co-action window of one trace kind and how it was chosen. */
export interface WindowReport {
  kind: string;
  /** Window used for pairing, seconds. */
  usedSeconds: number;
  /** Where it came from: the documented default, the `--window` option, or the automatic estimate. */
  source: 'default' | 'option' | 'auto';
  /** Chorus's excess-synchrony estimate (seconds), null when the data gave none. */
  estimateSeconds: number | null;
  /** Why there is no estimate (`too-few`, `no-excess`) or `ok`. */
  estimateStatus: string;
  /** CooRnet's `estimate_coord_interval(q = 0.1, p = 0.5)` on this kind's traces (seconds), null when undefined. */
  coornetSeconds: number | null;
}

/** Counts of the corpus signals stage (`computeCorpusTraces`); a kind not computed is absent. */
export interface CorpusSignalStats {
  /** Posts with text read, eligible (long enough), too short, near-duplicate groups with ≥ 2 different texts. */
  neardup?: {
    texts: number;
    eligible: number;
    short: number;
    groups: number;
    groupedPosts: number;
    traces: number;
  };
  /** Distinct shared misspellings and their traces. */
  misspelling?: { tokens: number; traces: number };
  /** Account-days with a long enough hashtag sequence. */
  hashtagseq?: { sequences: number; traces: number };
  /** Distinct media values, local files (hashed), pHash groups, values regrouped, unreadable files. */
  media?: {
    hashes: number;
    files: number;
    filesHashed: number;
    groups: number;
    regrouped: number;
    warnings: string[];
  };
}
