/**
 * `detect`: the main job end to end — ingest → store → traces → co-action → network → clusters → outputs.
 * Each stage is also exported on its own; this function wires them, times them and writes `run.json`.
 * Methods: co-action within a time window (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732; Righetti &
 * Balluff, CooRTweet; Graham et al. 2024, QUT coordination network toolkit), Louvain communities (Blondel et al.
 * 2008, doi:10.1088/1742-5468/2008/10/P10008). See docs/methods.md.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type CoactionOptionsInput, computeCoactions, resolveCoactionOptions } from '../detect/co-action.js';
import { coortweetDetectGroups, coortweetNetwork } from '../detect/coortweet-compat.js';
import { computeEdgeSignificance } from '../detect/edge-significance.js';
import { ConfigError } from '../errors.js';
import {
  writeCaseOutputs,
  writeCoortweetGroupsCsv,
  writeCoortweetNetworkCsv,
  writeRunJson,
} from '../export/index.js';
import { buildNetwork, type ClusterOptions } from '../graph/index.js';
import { type IngestOptions, resolveIngestOptions } from '../ingest/index.js';
import { readSeeds } from '../ingest/read-seeds.js';
import type { CoordinationNetwork } from '../model/network.js';
import { type ProgressSink, SILENT_PROGRESS } from '../model/progress.js';
import type { RunInfo, StageTiming } from '../model/run-info.js';
import type { CaseScores } from '../model/score.js';
import { scoreCase } from '../score/score-case.js';
import {
  type CaseSignals,
  resolveHashtagSequenceOptions,
  resolveMediaGroupOptions,
  resolveMisspellingOptions,
  resolveNearDupOptions,
} from '../signals/index.js';
import { DuckStore } from '../store/duck-store.js';
import { resolveTraceOptions, type TraceOptions } from '../traces/index.js';
import { chooseWindows } from './choose-windows.js';
import {
  type CaseSignalOptions,
  computeCaseSignals,
  resolveCaseSignalOptions,
} from './compute-case-signals.js';
import { type CorpusTraceOptions, computeCorpusTraces } from './compute-corpus-traces.js';
import { encodeTraces } from './encode-traces.js';
import { ingestFiles } from './ingest-files.js';
import { loadAccountFacts } from './load-accounts.js';
import { EDGE_FILTER_DEFAULTS, type EdgeFilter, loadNetwork, validateEdgeFilter } from './load-network.js';
import { matchSeeds, type SeedReport } from './match-seeds.js';
import { supportSignificantGroups } from './support-significant-groups.js';
import { CHORUS_VERSION } from './version.js';
import { withQueryProgress } from './with-query-progress.js';
import { writeQuarantine } from './write-quarantine.js';

/** Options of {@link detect}. Every field is optional; see {@link DETECT_DEFAULTS}. */
export interface DetectOptions {
  // — input —
  /** Adapter options: forced format, column map, zone for naive times, platform name. */
  ingest: IngestOptions;
  // — traces —
  /** Trace extraction: kinds to extract, minimum text length for copypasta. */
  traces: Partial<TraceOptions>;
  // — co-action —
  /** Windows per kind (seconds), kinds to pair, viral-object bound, evidence per edge. */
  coaction: CoactionOptionsInput;
  /**
   * Seed indicator files (Meta threat-research CSV/TSV as published, STIX 2.1 bundles; `readSeeds`): matched to the
   * case's accounts, URLs and domains and expanded to the accounts that co-acted with them (`matchSeeds`), written as
   * seeds.json and a report section. Unreadable files throw {@link InputError}.
   */
  seeds?: readonly string[];
  /**
   * Use Chorus's estimated window per trace kind (`estimateWindows`) where the data give one at or below
   * `AUTO_WINDOW_MAX_SECONDS` (1 h); other kinds keep their window. Default false: the documented windows are used
   * and the estimates (Chorus's and CooRnet's) are only reported in run.json and the report.
   */
  autoWindow?: boolean;
  // — network —
  /**
   * Which edges to keep. Default: significance under the null model at a false-positive rate of 0.001 with
   * Benjamini–Hochberg control (`{ mode: 'significance', fpr: 0.001, correction: 'bh' }`).
   */
  edgeFilter: EdgeFilter;
  /** Louvain seed and resolution, minimum cluster size. */
  clusters: Partial<ClusterOptions>;
  // — signals —
  /**
   * Options of the signals: the corpus trace kinds (`neardup`, `misspelling`, `hashtagseq`, media grouping; which
   * of them run follows `traces.kinds`) and the account/cluster features (time fingerprints, bursts, account
   * signals, cohorts). Defaults in each module (`NEARDUP_DEFAULTS`, `MISSPELLING_DEFAULTS`, …).
   */
  signals: Partial<SignalOptions>;
  // — peer compatibility —
  /**
   * Also compute a peer tool's own tables. `'coortweet'`: CooRTweet 2.1.3's `detect_groups` pairs and
   * `generate_coordinated_network` edges on the `share` traces with the share window, written as
   * `coortweet_groups.csv` and `coortweet_network.csv`.
   */
  compat?: 'coortweet';
  /** CooRTweet parameters for `compat: 'coortweet'`: `min_participation` (default 2), `edge_weight` (default 0.5). */
  coortweet?: { minParticipation?: number; edgeWeight?: number };
  // — store and output —
  /** Case database path, or `:memory:`. Default: `<out>/case.duckdb` when `out` is set, else `:memory:`. */
  db?: string;
  /** DuckDB worker threads (default: all cores). */
  threads?: number;
  /**
   * DuckDB memory limit, e.g. `'8GB'`. Default `'2GB'`: with the network in the JS heap beside it, 10^7 posts then
   * peak at 3.5 GB RSS (DuckDB's own default, 80 % of RAM, peaked at 4.8 GB); beyond the limit DuckDB spills to
   * temporary files. Raise it on larger machines.
   */
  memoryLimit?: string;
  /** Output directory; when unset nothing is written. */
  out?: string;
  /** Progress sink (default: silent). */
  progress?: ProgressSink;
}

/** Defaults of {@link DetectOptions}. */
export const DETECT_DEFAULTS: DetectOptions = {
  memoryLimit: '2GB',
  ingest: {},
  traces: {},
  coaction: {},
  edgeFilter: EDGE_FILTER_DEFAULTS,
  clusters: {},
  signals: {},
};

/** Options of the signals stages, see {@link DetectOptions.signals}. */
export interface SignalOptions extends Omit<CorpusTraceOptions, 'kinds'> {
  /** Account and cluster features. */
  features: Partial<CaseSignalOptions>;
}

/** Merge partial options over {@link DETECT_DEFAULTS} (one level deep). */
export function resolveDetectOptions(options: Partial<DetectOptions> = {}): DetectOptions {
  return {
    ...DETECT_DEFAULTS,
    ...options,
    ingest: { ...DETECT_DEFAULTS.ingest, ...options.ingest },
    traces: { ...DETECT_DEFAULTS.traces, ...options.traces },
    coaction: { ...DETECT_DEFAULTS.coaction, ...options.coaction },
    clusters: { ...DETECT_DEFAULTS.clusters, ...options.clusters },
    signals: { ...DETECT_DEFAULTS.signals, ...options.signals },
    edgeFilter: options.edgeFilter ?? DETECT_DEFAULTS.edgeFilter,
  };
}

/**
 * Check cross-field invariants of resolved options.
 * @throws {ConfigError} naming the field and what was expected
 */
export function validateDetectOptions(options: DetectOptions): void {
  resolveIngestOptions(options.ingest);
  validateEdgeFilter(options.edgeFilter);
  resolveCoactionOptions(options.coaction);
  validateSignalOptions(options.signals);
  if (
    options.memoryLimit !== undefined &&
    !/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(options.memoryLimit)
  ) {
    throw new ConfigError(
      `detect: invalid \`memoryLimit\` (${options.memoryLimit}). Expecting a size such as 512MB, 2GB or 8GiB.`,
    );
  }
  if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1)) {
    throw new ConfigError(`detect: invalid \`threads\` (${options.threads}). Expecting an integer ≥ 1.`);
  }
}

/**
 * Check the signal options before any work starts (each module's own `resolve…` throws naming the field).
 * @throws {ConfigError} when a signal option is invalid
 */
function validateSignalOptions(signals: Partial<SignalOptions>): void {
  resolveNearDupOptions(signals.neardup ?? {});
  resolveMisspellingOptions(signals.misspelling ?? {});
  resolveHashtagSequenceOptions(signals.hashtagSeq ?? {});
  resolveMediaGroupOptions(signals.media ?? {});
  resolveCaseSignalOptions(signals.features ?? {});
}

/** What {@link detect} returns. */
export interface DetectResult {
  run: RunInfo;
  network: CoordinationNetwork;
  /** Cluster signals, account summaries and cohorts (time fingerprints, account signals). */
  signals: CaseSignals;
  /** Scores with reasons and DISARM / kill-chain ids per cluster and clustered account. */
  scores: CaseScores;
  /** Seeds matched and expanded, when `seeds` were given. */
  seeds?: SeedReport;
  /** Files written (empty when `out` is unset). */
  outputs: string[];
}

/**
 * Run the main job on `inputs` (file paths; `.gz` read transparently; formats auto-detected).
 *
 * @param inputs input file paths (already glob-expanded)
 * @param options see {@link DetectOptions}; defaults in {@link DETECT_DEFAULTS}
 * @returns run.json content, the coordination network, and the files written
 * @throws {ConfigError} for invalid options or an output directory that cannot be created; {@link StoreError}
 *   when the case database fails. Bad records never
 *   throw (they are quarantined) and an unreadable file only marks its `inputs[i].error`.
 * @example
 * const { network, run } = await detect(['tweets.jsonl.gz'], { out: 'case-42', coaction: { windowSeconds: { share: 10 } } });
 * console.log(run.totals.clusters, network.clusters[0]?.accounts);
 */
export async function detect(
  inputs: readonly string[],
  options: Partial<DetectOptions> = {},
): Promise<DetectResult> {
  if (!Array.isArray(inputs) || inputs.some((input) => typeof input !== 'string')) {
    throw new ConfigError('detect: invalid `inputs`. Expecting an array of file paths.');
  }
  const opts = resolveDetectOptions(options ?? {});
  validateDetectOptions(opts);
  const progress = opts.progress ?? SILENT_PROGRESS;
  const startedAt = new Date().toISOString();
  // Seed files are read before any work, so a bad one fails fast.
  const seedFiles =
    opts.seeds === undefined || opts.seeds.length === 0
      ? null
      : await Promise.all(
          opts.seeds.map(async (file) => {
            const read = await readSeeds(file).catch((cause: unknown) => {
              throw new ConfigError(`--seeds: ${(cause as Error).message}`, { cause });
            });
            return { file, format: read.format, counts: read.rows, seeds: read.seeds };
          }),
        );

  if (opts.out !== undefined) {
    try {
      await mkdir(opts.out, { recursive: true });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      throw new ConfigError(`detect: cannot create the output directory "${opts.out}" (${code}).`, { cause });
    }
  }
  const dbPath = opts.db ?? (opts.out !== undefined ? join(opts.out, 'case.duckdb') : ':memory:');
  const store = await DuckStore.create(dbPath, {
    ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
    ...(opts.memoryLimit !== undefined ? { memoryLimit: opts.memoryLimit } : {}),
  });
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, rows: (value: T) => number, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    timings.push({ stage, ms: Math.round(performance.now() - t0), rows: rows(value) });
    return value;
  };
  try {
    await store.reset();
    const ingested = await timed(
      'ingest',
      (r) => r.inputs.reduce((sum, input) => sum + input.read, 0),
      () => ingestFiles(store, inputs, { ingest: opts.ingest, traces: opts.traces }, progress),
    );
    timings.push({
      stage: 'traces.extract',
      ms: Math.round(ingested.traceExtractMs),
      rows: ingested.tracesAppended,
    });
    const traceKinds = resolveTraceOptions(opts.traces).kinds;
    const corpusSignals = await timed(
      'signals.corpus',
      (r) =>
        (r.neardup?.traces ?? 0) +
        (r.misspelling?.traces ?? 0) +
        (r.hashtagseq?.traces ?? 0) +
        (r.media?.regrouped ?? 0),
      () =>
        computeCorpusTraces(store, {
          kinds: traceKinds,
          neardup: opts.signals.neardup ?? {},
          misspelling: opts.signals.misspelling ?? {},
          hashtagSeq: opts.signals.hashtagSeq ?? {},
          media: opts.signals.media ?? {},
          ...(opts.signals.maxImageBytes !== undefined ? { maxImageBytes: opts.signals.maxImageBytes } : {}),
        }),
    );
    const encoded = await timed(
      'traces.encode',
      (r) => r.traces,
      () => withQueryProgress(store, progress, 'encode traces', () => encodeTraces(store)),
    );
    const windows = await timed(
      'windows',
      (w) => w.reports.length,
      () =>
        withQueryProgress(store, progress, 'estimate windows', () =>
          chooseWindows(store, opts.coaction, encoded.tracesByKind, opts.autoWindow === true),
        ),
    );
    const coaction = await timed(
      'co-action',
      (r) => r.pairs,
      () =>
        withQueryProgress(store, progress, 'co-action', () =>
          computeCoactions(store, { ...opts.coaction, windowSeconds: windows.windowSeconds }),
        ),
    );
    const significance = await timed(
      'significance',
      (r) => r.tested,
      () =>
        withQueryProgress(store, progress, 'significance', () =>
          computeEdgeSignificance(store, opts.edgeFilter.mode === 'significance' ? opts.edgeFilter : {}),
        ),
    );
    const groups =
      opts.edgeFilter.mode === 'significance'
        ? await timed(
            'significance.groups',
            (g) => g.groups,
            () =>
              supportSignificantGroups(store, {
                fpr: (opts.edgeFilter as { fpr: number }).fpr,
                seed: opts.clusters.seed ?? 42,
              }),
          )
        : null;
    const seeds =
      seedFiles === null
        ? undefined
        : await timed(
            'seeds',
            (r) => r.matched.length,
            () => matchSeeds(store, seedFiles),
          );
    const loaded = await timed(
      'network.load',
      (r) => r.edges.length,
      () => withQueryProgress(store, progress, 'load network', () => loadNetwork(store, opts.edgeFilter)),
    );
    const keys = [...new Set(loaded.edges.flatMap((e) => [e.a, e.b]))].sort();
    const facts = await loadAccountFacts(store, keys);
    const network = await timed(
      'clusters',
      (n) => n.clusters.length,
      async () => buildNetwork(loaded.edges, loaded.edgeObjects, facts, opts.clusters),
    );
    const signals = await timed(
      'signals.features',
      (s) => s.accounts.length,
      () => computeCaseSignals(store, network, opts.signals.features ?? {}),
    );
    const scores = await timed(
      'scores',
      (s) => s.clusters.length + s.accounts.length,
      async () =>
        scoreCase(network, signals, {
          windowSeconds: coaction.windowSeconds,
          log10Needed: significance.log10Needed,
        }),
    );

    const totals = {
      read: 0,
      accepted: 0,
      quarantined: 0,
      duplicates: 0,
      posts: await store.scalar('SELECT count(*) FROM (SELECT DISTINCT platform, post_id FROM posts)'),
      accounts: encoded.accounts,
      traces: encoded.traces,
      tracesByKind: encoded.tracesByKind,
      coactionPairs: coaction.pairs,
      candidateEdges: loaded.candidateEdges,
      edges: loaded.edges.length,
      clusters: network.clusters.length,
      clusteredAccounts: network.clusters.reduce((sum, c) => sum + c.size, 0),
    };
    for (const input of ingested.inputs) {
      totals.read += input.read;
      totals.accepted += input.accepted;
      totals.quarantined += input.quarantined;
      totals.duplicates += input.duplicates;
    }
    const run: RunInfo = {
      chorusVersion: CHORUS_VERSION,
      duckdbVersion: String((await store.all('SELECT version() AS v'))[0]?.v ?? ''),
      nodeVersion: process.versions.node,
      startedAt,
      finishedAt: '',
      options: {
        ingest: opts.ingest,
        traces: opts.traces,
        coaction: { ...resolveCoactionOptions(opts.coaction), windowSeconds: coaction.windowSeconds },
        ...(opts.autoWindow === true ? { autoWindow: true } : {}),
        edgeFilter:
          loaded.weightThreshold === null
            ? opts.edgeFilter
            : { ...opts.edgeFilter, weightThreshold: loaded.weightThreshold },
        clusters: opts.clusters,
        signals: opts.signals,
        ...(opts.compat !== undefined ? { compat: opts.compat, coortweet: opts.coortweet ?? {} } : {}),
        db: dbPath === ':memory:' ? ':memory:' : opts.db === undefined ? 'case.duckdb' : opts.db,
        ...(opts.memoryLimit !== undefined ? { memoryLimit: opts.memoryLimit } : {}),
        ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      },
      timeZoneRule:
        opts.ingest.tz === undefined
          ? 'naive timestamps (no zone or offset) are read as UTC'
          : `naive timestamps (no zone or offset) are read in ${opts.ingest.tz}`,
      inputs: ingested.inputs,
      totals,
      bounded: coaction.bounded,
      timings,
      signals: corpusSignals,
      windows: windows.reports,
      significance: {
        ...significance,
        applied: opts.edgeFilter.mode === 'significance',
        ...(groups === null
          ? {}
          : {
              groups: {
                candidateEdges: groups.candidateEdges,
                tested: groups.groups,
                supported: groups.supportedGroups,
                edgesAdded: groups.edgesAdded,
              },
            }),
      },
    };

    // Files beyond CASE_OUTPUT_FILES: CooRTweet's own tables (--compat) and seeds.json (--seeds).
    const extraFiles: { name: string; text: string }[] = [];
    if (opts.compat === 'coortweet') {
      const windowSeconds = coaction.windowSeconds.share;
      const pairs = await timed(
        'compat.coortweet',
        (p) => p.length,
        () =>
          coortweetDetectGroups(store, {
            windowSeconds,
            ...(opts.coortweet?.minParticipation !== undefined
              ? { minParticipation: opts.coortweet.minParticipation }
              : {}),
          }),
      );
      const coortweetEdges = coortweetNetwork(pairs, {
        ...(opts.coortweet?.edgeWeight !== undefined ? { edgeWeight: opts.coortweet.edgeWeight } : {}),
      });
      extraFiles.push(
        { name: 'coortweet_groups.csv', text: writeCoortweetGroupsCsv(pairs) },
        { name: 'coortweet_network.csv', text: writeCoortweetNetworkCsv(coortweetEdges) },
      );
    }

    const outputs: string[] = [];
    if (opts.out !== undefined) {
      const out = opts.out;
      // A reused output folder must not keep a previous run's compatibility tables.
      if (opts.compat !== 'coortweet') {
        for (const name of ['coortweet_groups.csv', 'coortweet_network.csv'])
          await rm(join(out, name), { force: true });
      }
      const t0 = performance.now();
      const quarantinePath = join(out, 'quarantine.jsonl');
      await writeQuarantine(store, quarantinePath);
      if (seeds !== undefined)
        extraFiles.push({ name: 'seeds.json', text: `${JSON.stringify(seeds, null, 2)}\n` });
      else await rm(join(out, 'seeds.json'), { force: true });
      for (const file of extraFiles) {
        const path = join(out, file.name);
        await writeFile(path, file.text, 'utf8');
        outputs.push(path);
      }
      outputs.unshift(
        ...(await writeCaseOutputs(out, {
          run,
          network,
          signals,
          scores,
          ...(seeds !== undefined ? { seeds } : {}),
        })),
      );
      outputs.push(quarantinePath);
      timings.push({ stage: 'outputs', ms: Math.round(performance.now() - t0), rows: outputs.length });
    }
    run.finishedAt = new Date().toISOString();
    await store.run('INSERT INTO runs VALUES ($1, $2, $3, $4)', [
      run.startedAt,
      run.finishedAt,
      run.chorusVersion,
      JSON.stringify(run),
    ]);
    // run.json last, so it carries the output stage's timing and the finish time.
    if (opts.out !== undefined) await writeFile(join(opts.out, 'run.json'), writeRunJson(run), 'utf8');
    return { run, network, signals, scores, outputs, ...(seeds !== undefined ? { seeds } : {}) };
  } finally {
    store.close();
  }
}
