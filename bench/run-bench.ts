/**
 * The Chorus benchmark (`npm run bench`): end-to-end `detect` on synthetic exports of several sizes, the co-action
 * stage alone on 10^7 traces and the stand-alone signal benchmarks (`signals-suite.ts`), against the project's
 * targets. Every measured run is a child process
 * (peak RSS from GNU `/usr/bin/time -v` when present, else the child's own `maxRSS`), so one size never inherits
 * another's heap. Data sets are cached by a hash of their parameters under `<out>/data/`.
 *
 * Run: `npm run bench -- [--sizes 1e5,1e6,1e7] [--out bench-out] [--seed 42] [--threads 2] [--memory-limit 3GB]
 *   [--coaction-traces 1e7] [--coaction-generators synthetic,reference] [--coaction-db file|memory] [--gzip]
 *   [--keep-cases] [--signals all|none|neardup,media,misspellings,hashtag-sequences,time-fingerprint,account-signals]
 *   [--signals-scale full|smoke]`
 * Writes `<out>/results.json` and `<out>/results.md` (rewritten after every run, so a partial run still leaves
 * its numbers) and prints the same tables.
 *
 * Targets: co-action on 10^7 traces ≤ 10 s on 2 threads; 10^6 posts end to end ≤ 30 s; peak RSS ≤ 4 GB per run;
 * the near-duplicate targets of issue 3 (see `SIGNAL_TARGETS` in `signals-suite.ts`).
 *
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { CoactionChildResult } from './coaction-child.js';
import type { DetectChildResult } from './detect-child.js';
import {
  type GenerateSyntheticOptions,
  generateSyntheticPosts,
  type SyntheticTruth,
  syntheticCacheKey,
  truthPathFor,
} from './generate-synthetic.js';
import {
  largestChildRssMB,
  parseSignalSelection,
  planSignalBenches,
  renderSignalsMarkdown,
  type SignalBenchResult,
  type SignalReports,
  signalTargetChecks,
} from './signals-suite.js';

// — targets ————————————————————————————————————————————————————————————————————————

/** The project's performance targets. */
export const TARGETS = {
  /** Co-action stage on 10^7 traces, 2 threads, seconds. */
  coaction1e7Seconds: 10,
  /** 10^6 posts end to end (`detect()` wall time), seconds. */
  endToEnd1e6Seconds: 30,
  /** Peak RSS of any run, MB (4 GB). */
  peakRssMB: 4096,
} as const;

// — types ——————————————————————————————————————————————————————————————————————————

/** How a child process went. */
export interface ChildOutcome {
  exitCode: number | null;
  signal: string | null;
  wallSeconds: number;
  /** User + system CPU seconds of the child (GNU time), less sensitive than wall time to a busy machine. */
  cpuSeconds: number | null;
  /** Peak RSS in MB and where it came from. */
  peakRssMB: number | null;
  rssSource: 'time -v' | 'child maxRSS' | 'none';
  loadAvgAtStart: number[];
  /** Code measured: `git` HEAD and the number of changed/untracked files under src/ when the child started. */
  commit: string;
  srcChanges: number;
}

/** One end-to-end size in results.json. */
interface SizeResult {
  posts: number;
  /** 1-based repetition. */
  repeat?: number;
  label: string;
  data: {
    path: string;
    bytes: number;
    cached: boolean;
    generateSeconds: number | null;
    counts: SyntheticTruth['counts'];
  };
  child: ChildOutcome;
  run: DetectChildResult | null;
  /** From the child's timeline file: where it was when it stopped, and the largest JS heap seen. */
  timeline: {
    lastStage: string | null;
    lastSampleS: number | null;
    peakHeapMB: number | null;
    peakRssMB: number | null;
    /** Stage durations from progress start/end events, ms (ingest, traces.encode, co-action, network.load). */
    stageMs: Record<string, number>;
  };
}

/** One co-action-only run in results.json. */
interface CoactionResult {
  generator: string;
  /** 1-based repetition. */
  repeat?: number;
  child: ChildOutcome;
  run: CoactionChildResult | null;
}

/** One line of the targets table. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  status: 'PASS' | 'MISS' | 'n/a';
}

interface BenchResults {
  startedAt: string;
  finishedAt: string | null;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemMB: number;
    freeMemMBAtStart: number;
    node: string;
    platform: string;
    timeV: boolean;
  };
  options: Record<string, unknown>;
  coaction: CoactionResult[];
  sizes: SizeResult[];
  /** The stand-alone signal benchmarks (`--signals`); absent in results.json files from before them. */
  signals: SignalBenchResult[];
  targets: TargetCheck[];
}

// — helpers ————————————————————————————————————————————————————————————————————————

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TIME_BIN = '/usr/bin/time';

/** `1e5` → 100000; `250k` and `2m` also accepted. */
function parseCount(text: string): number {
  const t = text.trim().toLowerCase();
  const m = /^([\d.e+]+)([km]?)$/.exec(t);
  const n = m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`bench: invalid count "${text}". Expecting e.g. 1e6 or 250k.`);
  return Math.round(n);
}

/** 100000 → `1e5`, 250000 → `2.5e5`. */
function countLabel(n: number): string {
  const e = Math.floor(Math.log10(n));
  const m = n / 10 ** e;
  return `${Number(m.toFixed(2))}e${e}`;
}

const fmtS = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
const fmtInt = (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
function fmtRate(rows: number | undefined, ms: number | undefined): string {
  if (rows === undefined || ms === undefined) return '—';
  if (ms <= 0) return '∞';
  const r = (rows * 1000) / ms;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : `${(r / 1e3).toFixed(0)} k/s`;
}

/** HEAD commit and uncommitted changes under src/ (other engineers share the checkout; runs must say what ran). */
function codeVersion(): { commit: string; srcChanges: number } {
  const cwd = join(HERE, '..');
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd, encoding: 'utf8' });
    return { commit, srcChanges: status.split('\n').filter((l) => l.trim() !== '').length };
  } catch {
    return { commit: 'unknown', srcChanges: -1 };
  }
}

/** Whether GNU time with `-v` works here. */
async function hasTimeV(): Promise<boolean> {
  if (!existsSync(TIME_BIN)) return false;
  const outcome = await new Promise<number | null>((resolve) => {
    const p = spawn(TIME_BIN, ['-v', 'true'], { stdio: 'ignore' });
    p.on('error', () => resolve(null));
    p.on('exit', (code) => resolve(code));
  });
  return outcome === 0;
}

/** Run `node --import tsx <script> args` as a child, measuring wall time and peak RSS. */
async function runChild(
  script: string,
  args: string[],
  timeFile: string,
  useTime: boolean,
  heapMB?: number,
): Promise<Omit<ChildOutcome, 'peakRssMB' | 'rssSource'> & { timePeakMB: number | null }> {
  const heap = heapMB === undefined ? [] : [`--max-old-space-size=${heapMB}`];
  const nodeArgs = [...heap, '--import', 'tsx', join(HERE, script), ...args];
  const [cmd, argv] = useTime
    ? [TIME_BIN, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const loadAvgAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const version = codeVersion();
  const t0 = performance.now();
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve, reject) => {
      const child = spawn(cmd, argv as string[], { stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (c, s) => resolve({ code: c, signal: s }));
    },
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  let timePeakMB: number | null = null;
  let cpuSeconds: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const text = await readFile(timeFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
    if (m) timePeakMB = Math.round(Number(m[1]) / 1024);
    const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
    const sys = /System time \(seconds\):\s*([\d.]+)/.exec(text);
    if (user && sys) cpuSeconds = Number((Number(user[1]) + Number(sys[1])).toFixed(2));
  }
  return {
    exitCode: code,
    signal,
    wallSeconds: Number(wallSeconds.toFixed(2)),
    cpuSeconds,
    loadAvgAtStart,
    ...version,
    timePeakMB,
  };
}

/** Summarise a detect child's `<result>.timeline.jsonl` (progress events and 2-second memory samples). */
async function readTimeline(resultPath: string, caseDir: string): Promise<SizeResult['timeline']> {
  let text = '';
  try {
    text = await readFile(`${resultPath}.timeline.jsonl`, 'utf8');
  } catch {
    return { lastStage: null, lastSampleS: null, peakHeapMB: null, peakRssMB: null, stageMs: {} };
  }
  const stageName = (event: string) =>
    event.startsWith('ingest')
      ? 'ingest'
      : event === 'encode traces'
        ? 'traces.encode'
        : event === 'load network'
          ? 'network.load'
          : event;
  const stageMs: Record<string, number> = {};
  let openStage: { name: string; s: number } | null = null;
  let lastStage: string | null = null;
  let lastSampleS: number | null = null;
  let peakHeapMB = 0;
  let peakRssMB = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const e = JSON.parse(line) as { s: number; event: string; rssMB: number; heapMB: number };
    lastSampleS = e.s;
    peakHeapMB = Math.max(peakHeapMB, e.heapMB);
    peakRssMB = Math.max(peakRssMB, e.rssMB);
    if (e.event.startsWith('start ')) {
      lastStage = e.event.slice(6);
      openStage = { name: stageName(lastStage), s: e.s };
    } else if (e.event === 'end' && lastStage !== null && !lastStage.endsWith(' (ended)')) {
      lastStage += ' (ended)';
      if (openStage) stageMs[openStage.name] = Math.round((e.s - openStage.s) * 1000);
      openStage = null;
    } else if (e.event === 'detect done') lastStage = 'done';
  }
  // The outputs stage writes quarantine.jsonl first; no progress event marks it.
  if (lastStage !== 'done' && existsSync(join(caseDir, 'quarantine.jsonl'))) lastStage = 'outputs';
  return { lastStage, lastSampleS, peakHeapMB, peakRssMB, stageMs };
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function outcome(raw: Awaited<ReturnType<typeof runChild>>, childMaxRss: number | undefined): ChildOutcome {
  const { timePeakMB, ...rest } = raw;
  if (timePeakMB !== null) return { ...rest, peakRssMB: timePeakMB, rssSource: 'time -v' };
  if (childMaxRss !== undefined) return { ...rest, peakRssMB: childMaxRss, rssSource: 'child maxRSS' };
  return { ...rest, peakRssMB: null, rssSource: 'none' };
}

// — data ———————————————————————————————————————————————————————————————————————————

/** Generate (or reuse) the data set of one size. */
async function ensureData(
  dir: string,
  options: Omit<GenerateSyntheticOptions, 'out'>,
): Promise<{ path: string; truth: SyntheticTruth; cached: boolean; seconds: number | null }> {
  const key = syntheticCacheKey(options);
  const base = join(dir, `synthetic-${countLabel(options.posts)}-s${options.seed}-${key}.csv`);
  const path = options.gzip ? `${base}.gz` : base;
  const truthPath = truthPathFor(path);
  if (existsSync(path) && existsSync(truthPath)) {
    const truth = await readJson<SyntheticTruth>(truthPath);
    if (truth && truth.counts.posts === options.posts && truth.params.seed === options.seed) {
      return { path, truth, cached: true, seconds: null };
    }
  }
  console.log(`bench: generating ${fmtInt(options.posts)} posts → ${path}`);
  const r = await generateSyntheticPosts({ ...options, out: path, truthOut: truthPath });
  console.log(
    `bench: generated ${fmtInt(r.rows)} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s`,
  );
  return { path, truth: r.truth, cached: false, seconds: Number(r.seconds.toFixed(2)) };
}

// — report —————————————————————————————————————————————————————————————————————————

/** `1e6`, or `1e6 #2` for a repetition. */
function runLabel(s: SizeResult): string {
  return s.repeat !== undefined && s.repeat > 1 ? `${s.label} #${s.repeat}` : s.label;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

function stage(run: DetectChildResult | null, name: string) {
  return run?.timings?.find((t) => t.stage === name);
}

function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const co = results.coaction.filter((c) => c.run && !c.run.error && c.run.traces >= 0.99e7);
  if (co.length === 0) {
    checks.push({
      name: 'co-action on 10^7 traces',
      target: `≤ ${TARGETS.coaction1e7Seconds} s`,
      measured: 'not run',
      status: 'n/a',
    });
  }
  // One check per generator: the median over repetitions (min–max shown), robust to a busy shared machine.
  const byGen = new Map<string, CoactionResult[]>();
  for (const c of co) {
    const key = `${c.generator}${c.run!.profile ? `/${c.run!.profile}` : ''}`;
    byGen.set(key, [...(byGen.get(key) ?? []), c]);
  }
  for (const [key, runs] of byGen) {
    const secs = runs.map((c) => c.run!.coactionMs / 1000).sort((a, b) => a - b);
    const median =
      secs.length % 2
        ? secs[(secs.length - 1) / 2]!
        : (secs[secs.length / 2 - 1]! + secs[secs.length / 2]!) / 2;
    const spread =
      secs.length > 1 ? ` (median of ${secs.length}: ${secs.map((x) => x.toFixed(2)).join(', ')})` : '';
    checks.push({
      name: `co-action on ${fmtInt(runs[0]!.run!.traces)} traces (${key})`,
      target: `≤ ${TARGETS.coaction1e7Seconds} s`,
      measured: `${median.toFixed(2)} s${spread}`,
      status: median <= TARGETS.coaction1e7Seconds ? 'PASS' : 'MISS',
    });
  }
  const big = results.sizes.find((s) => s.posts >= 1e7);
  const bigCo = stage(big?.run ?? null, 'co-action');
  if (big?.run && bigCo && !big.run.error) {
    const traces = Number(big.run.totals.traces ?? 0);
    const s = bigCo.ms / 1000;
    checks.push({
      name: `co-action stage inside detect at ${big.label} posts (${fmtInt(traces)} traces)`,
      target: `≤ ${TARGETS.coaction1e7Seconds} s per 10^7 traces`,
      measured: `${s.toFixed(2)} s (${((s * 1e7) / Math.max(1, traces)).toFixed(2)} s per 10^7)`,
      status: (s * 1e7) / Math.max(1, traces) <= TARGETS.coaction1e7Seconds ? 'PASS' : 'MISS',
    });
  }
  const m = results.sizes.filter((s) => s.posts === 1e6);
  if (m.length === 0) {
    checks.push({
      name: '10^6 posts end to end',
      target: `≤ ${TARGETS.endToEnd1e6Seconds} s`,
      measured: 'not run',
      status: 'n/a',
    });
  } else {
    const failed = m.find((s) => !s.run || s.run.error);
    const secs = m.filter((s) => s.run && !s.run.error).map((s) => s.run!.detectMs / 1000);
    const med = median(secs);
    const spread =
      secs.length > 1 ? ` (median of ${secs.length}: ${secs.map((x) => x.toFixed(2)).join(', ')})` : '';
    checks.push({
      name: '10^6 posts end to end (detect wall time)',
      target: `≤ ${TARGETS.endToEnd1e6Seconds} s`,
      measured: failed
        ? `failed (${failed.run?.error?.split('\n')[0] ?? `exit ${failed.child.exitCode}`})`
        : `${med!.toFixed(2)} s${spread}`,
      status: !failed && med !== null && med <= TARGETS.endToEnd1e6Seconds ? 'PASS' : 'MISS',
    });
  }
  // Peak RSS: each size, and the largest over the repetitions of each co-action generator.
  const coRss = new Map<string, number | null>();
  for (const c of results.coaction) {
    const prev = coRss.get(c.generator);
    const rss = c.child.peakRssMB;
    coRss.set(
      c.generator,
      prev === undefined ? rss : rss === null || prev === null ? null : Math.max(prev, rss),
    );
  }
  const sizeRss = new Map<string, number | null>();
  for (const s of results.sizes) {
    const prev = sizeRss.get(s.label);
    const rss = s.child.peakRssMB;
    sizeRss.set(
      s.label,
      prev === undefined ? rss : rss === null || prev === null ? null : Math.max(prev, rss),
    );
  }
  const all = [
    ...[...sizeRss].map(([label, rss]) => ({ name: `${label} posts`, rss })),
    ...[...coRss].map(([g, rss]) => ({ name: `co-action alone, ${g} (max over runs)`, rss })),
  ];
  for (const r of all) {
    checks.push({
      name: `peak RSS, ${r.name}`,
      target: `≤ ${TARGETS.peakRssMB} MB`,
      measured: r.rss === null ? 'unknown' : `${fmtInt(r.rss)} MB`,
      status: r.rss === null ? 'n/a' : r.rss <= TARGETS.peakRssMB ? 'PASS' : 'MISS',
    });
  }
  checks.push(...signalTargetChecks(results.signals, TARGETS.peakRssMB));
  return checks;
}

/** `abc1234` or `abc1234+3` (3 uncommitted files under src/). */
function codeOf(child: ChildOutcome): string {
  if (child.commit === undefined) return '?';
  return child.srcChanges > 0 ? `${child.commit}+${child.srcChanges}` : child.commit;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What the signals stages did inside each detect run (`run.signals`, traces by kind, stage seconds). */
function detectSignalsLines(sizes: readonly SizeResult[]): string[] {
  const ok = sizes.filter((s) => s.run && !s.run.error);
  if (ok.length === 0) return [];
  return [
    'Signals inside detect (`run.signals`; traces = rows appended to `traces_raw`, kept per kind after encoding in the last column).',
    '',
    table(
      [
        'posts',
        'signals.corpus s',
        'signals.features s (accounts)',
        'neardup: texts / eligible / groups / grouped posts / traces',
        'misspelling: tokens / traces',
        'hashtagseq: sequences / traces',
        'media: hashes / groups / regrouped',
        'encoded traces: neardup / misspelling / hashtagseq / media',
      ],
      ok.map((s) => {
        const r = s.run!;
        const g = r.signals ?? {};
        const byKind = (r.totals.tracesByKind ?? {}) as Record<string, number>;
        const feat = stage(r, 'signals.features');
        const nd = g.neardup;
        return [
          runLabel(s),
          fmtS(stage(r, 'signals.corpus')?.ms),
          `${fmtS(feat?.ms)} (${fmtInt(feat?.rows)})`,
          nd
            ? [nd.texts, nd.eligible, nd.groups, nd.groupedPosts, nd.traces].map((x) => fmtInt(x)).join(' / ')
            : 'off',
          g.misspelling ? `${fmtInt(g.misspelling.tokens)} / ${fmtInt(g.misspelling.traces)}` : 'off',
          g.hashtagseq ? `${fmtInt(g.hashtagseq.sequences)} / ${fmtInt(g.hashtagseq.traces)}` : 'off',
          g.media
            ? `${fmtInt(g.media.hashes)} / ${fmtInt(g.media.groups)} / ${fmtInt(g.media.regrouped)}`
            : 'off',
          ['neardup', 'misspelling', 'hashtagseq', 'media'].map((k) => fmtInt(byKind[k] ?? 0)).join(' / '),
        ];
      }),
    ),
    '',
  ];
}

/** The Markdown report (also printed). */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const out: string[] = [
    '# Chorus benchmark',
    '',
    `Started ${results.startedAt}; ${m.cpus} CPUs (${m.cpuModel}), ${fmtInt(m.totalMemMB)} MB RAM (${fmtInt(m.freeMemMBAtStart)} MB available at start), Node ${m.node}, ${m.platform}. DuckDB threads: ${String(results.options.threads)}; memory limit: ${String(results.options.memoryLimit ?? 'DuckDB default')}. Peak RSS: ${m.timeV ? 'GNU time -v (whole child process)' : 'child process maxRSS'}.`,
    '',
    ...(results.options.mergedFrom
      ? [
          `Merged with the earlier results of the run started ${String(results.options.mergedFrom)} (sizes/generators not re-run).`,
          '',
        ]
      : []),
    '## Targets',
    '',
    table(
      ['check', 'target', 'measured', 'status'],
      results.targets.map((t) => [t.name, t.target, t.measured, `**${t.status}**`]),
    ),
    '',
  ];
  if (results.sizes.length > 0) {
    out.push(
      '## End to end: `detect([csv], { out, threads })`',
      '',
      "Seconds per stage, with throughput (posts/s for ingest; traces/s for encode and co-action). `traces.extract` is part of `ingest`. `signals.corpus` = near-duplicate, misspelling, hashtag-sequence and media traces (`computeCorpusTraces`, after ingest); `signals.features` = cluster/account signal features (`computeCaseSignals`, after clusters). End to end = wall time of the `detect()` call (of the child process when detect failed). `~` = from the child's progress timeline (the run failed before `run.timings` existed).",
      '',
      table(
        [
          'posts',
          'ingest',
          'extract',
          'signals.corpus',
          'encode',
          'co-action',
          'network.load',
          'clusters',
          'signals.features',
          'outputs',
          'end to end',
          'child CPU s',
          'peak RSS MB',
          'load avg',
          'code',
        ],
        results.sizes.map((s) => {
          const r = s.run;
          if (!r || r.error) {
            const where = s.timeline?.lastStage
              ? ` in ${s.timeline.lastStage} (last memory sample at ${s.timeline.lastSampleS} s: JS heap ${s.timeline.peakHeapMB} MB so far)`
              : '';
            const why =
              (r?.error?.split('\n')[0] ??
                `exit ${s.child.exitCode}${s.child.signal ? ` (${s.child.signal})` : ''}`) + where;
            const tl = (stage: string) => {
              const ms = s.timeline?.stageMs?.[stage];
              return ms === undefined ? '' : `~${fmtS(ms)}`;
            };
            return [
              runLabel(s),
              `FAILED: ${why}${tl('ingest') ? ` — ingest ${tl('ingest')}` : ''}`,
              '',
              '',
              tl('traces.encode'),
              tl('co-action'),
              tl('network.load'),
              '',
              '',
              '',
              r ? fmtS(r.detectMs) : fmtS(s.child.wallSeconds * 1000),
              s.child.cpuSeconds === null || s.child.cpuSeconds === undefined
                ? '—'
                : s.child.cpuSeconds.toFixed(1),
              fmtInt(s.child.peakRssMB ?? undefined),
              s.child.loadAvgAtStart.join(' '),
              codeOf(s.child),
            ];
          }
          const traces = Number(r.totals.traces ?? 0);
          const ing = stage(r, 'ingest');
          const enc = stage(r, 'traces.encode');
          const co = stage(r, 'co-action');
          return [
            runLabel(s),
            `${fmtS(ing?.ms)} (${fmtRate(ing?.rows, ing?.ms)})`,
            fmtS(stage(r, 'traces.extract')?.ms),
            fmtS(stage(r, 'signals.corpus')?.ms),
            `${fmtS(enc?.ms)} (${fmtRate(enc?.rows, enc?.ms)})`,
            `${fmtS(co?.ms)} (${fmtRate(traces, co?.ms)})`,
            fmtS(stage(r, 'network.load')?.ms),
            fmtS(stage(r, 'clusters')?.ms),
            fmtS(stage(r, 'signals.features')?.ms),
            fmtS(stage(r, 'outputs')?.ms),
            `**${fmtS(r.detectMs)}**`,
            s.child.cpuSeconds === null || s.child.cpuSeconds === undefined
              ? '—'
              : s.child.cpuSeconds.toFixed(1),
            fmtInt(s.child.peakRssMB ?? undefined),
            s.child.loadAvgAtStart.join(' '),
            codeOf(s.child),
          ];
        }),
      ),
      '',
      'Counts and quality. Recall = planted accounts in clusters whose majority is planted ÷ planted accounts. Groups: exact (whole group in one planted cluster) / ≥ 90 % recovered / total.',
      '',
      table(
        [
          'posts',
          'CSV MB',
          'accounts',
          'traces',
          'pairs',
          'candidate edges',
          'kept edges',
          'bounded cells (traces)',
          'clusters',
          'clustered accounts',
          'planted accounts',
          'recall',
          'organic clustered',
          'groups',
        ],
        results.sizes.map((s) => {
          const r = s.run;
          const e = r && !r.error ? r.evaluation : null;
          const t = r && !r.error ? r.totals : {};
          return [
            runLabel(s),
            (s.data.bytes / 1e6).toFixed(0),
            fmtInt(t.accounts as number | undefined),
            fmtInt(t.traces as number | undefined),
            fmtInt(t.coactionPairs as number | undefined),
            fmtInt(t.candidateEdges as number | undefined),
            fmtInt(t.edges as number | undefined),
            r && !r.error ? `${fmtInt(r.bounded.objectWindows)} (${fmtInt(r.bounded.traces)})` : '—',
            fmtInt(t.clusters as number | undefined),
            fmtInt(t.clusteredAccounts as number | undefined),
            fmtInt(s.data.counts.plantedAccounts),
            e ? e.recall.toFixed(3) : '—',
            e
              ? `${fmtInt(e.organicClustered)} (${fmtInt(e.organicInPlantedClusters)} in planted clusters)`
              : '—',
            e ? `${e.groupsExact} / ${e.groupsRecovered} / ${e.groups}` : '—',
          ];
        }),
      ),
      '',
      ...detectSignalsLines(results.sizes),
    );
  }
  if (results.coaction.length > 0) {
    out.push(
      '## Co-action stage alone (`computeCoactions`, traces generated straight into the store)',
      '',
      table(
        [
          'generator',
          'db',
          'traces',
          'generate s',
          'co-action s',
          'traces/s',
          'pairs',
          'edges',
          'kept edges',
          'planted edges',
          'bounded cells',
          'peak RSS MB',
          'load avg',
          'code',
        ],
        results.coaction.map((c) => {
          const r = c.run;
          if (!r || r.error)
            return [
              c.generator,
              r?.db ?? '—',
              `FAILED: ${r?.error ?? `exit ${c.child.exitCode}`}`,
              '',
              '',
              '',
              '',
              '',
              '',
              '',
              '',
              fmtInt(c.child.peakRssMB ?? undefined),
              c.child.loadAvgAtStart.join(' '),
              codeOf(c.child),
            ];
          return [
            `${c.generator}${r.profile ? `/${r.profile}` : ''}`,
            r.db === ':memory:' ? 'memory' : 'file',
            fmtInt(r.traces),
            fmtS(r.generateMs),
            `**${fmtS(r.coactionMs)}**`,
            fmtRate(r.traces, r.coactionMs),
            fmtInt(r.pairs),
            fmtInt(r.edges),
            fmtInt(r.keptEdges),
            `${fmtInt(r.plantedEdges.found)} / ${fmtInt(r.plantedEdges.expected)}`,
            `${fmtInt(r.bounded.objectWindows)} (${fmtInt(r.bounded.traces)} traces)`,
            fmtInt(c.child.peakRssMB ?? undefined),
            c.child.loadAvgAtStart.join(' '),
            codeOf(c.child),
          ];
        }),
      ),
      '',
      'Co-action steps (seconds):',
      '',
    );
    const steps = [...new Set(results.coaction.flatMap((c) => Object.keys(c.run?.steps ?? {})))];
    out.push(
      table(
        ['generator', ...steps],
        results.coaction
          .filter((c) => c.run?.steps)
          .map((c) => [
            `${c.generator}${c.run!.profile ? `/${c.run!.profile}` : ''}`,
            ...steps.map((s) => fmtS(c.run!.steps[s])),
          ]),
      ),
      '',
    );
  }
  out.push(...renderSignalsMarkdown(results.signals));
  return out.join('\n');
}

// — main ———————————————————————————————————————————————————————————————————————————

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1e5,1e6,1e7' },
      out: { type: 'string', default: 'bench-out' },
      seed: { type: 'string', default: '42' },
      threads: { type: 'string', default: '2' },
      'memory-limit': { type: 'string' },
      'coaction-traces': { type: 'string', default: '1e7' },
      'coaction-generators': { type: 'string', default: 'synthetic,reference' },
      'coaction-db': { type: 'string', default: 'file' },
      gzip: { type: 'boolean', default: false },
      'keep-cases': { type: 'boolean', default: false },
      'heap-mb': { type: 'string' },
      'coaction-repeat': { type: 'string', default: '1' },
      repeat: { type: 'string', default: '1' },
      merge: { type: 'boolean', default: false },
      signals: { type: 'string', default: 'all' },
      'signals-scale': { type: 'string', default: 'full' },
    },
  });
  const sizes = values.sizes === '' || values.sizes === '0' ? [] : values.sizes.split(',').map(parseCount);
  const seed = Number(values.seed);
  const threads = Number(values.threads);
  const memoryLimit = values['memory-limit'];
  const coTraces = values['coaction-traces'] === '0' ? 0 : parseCount(values['coaction-traces']);
  const coGenerators = values['coaction-generators']
    .split(',')
    .filter((g) => g === 'synthetic' || g === 'reference');
  const signalScale = values['signals-scale'];
  if (signalScale !== 'full' && signalScale !== 'smoke') {
    throw new Error(`bench: invalid --signals-scale "${signalScale}". Expecting full or smoke.`);
  }
  const signalPlans = planSignalBenches(parseSignalSelection(values.signals), signalScale);
  const outDir = values.out;
  await mkdir(join(outDir, 'data'), { recursive: true });
  const timeV = await hasTimeV();

  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: null,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemMB: Math.round(os.totalmem() / 2 ** 20),
      freeMemMBAtStart: Math.round(os.freemem() / 2 ** 20),
      node: process.versions.node,
      platform: `${os.platform()} ${os.release()}`,
      timeV,
    },
    options: {
      sizes,
      seed,
      threads,
      memoryLimit: memoryLimit ?? null,
      coactionTraces: coTraces,
      coGenerators,
      coactionDb: values['coaction-db'],
      coactionRepeat: Number(values['coaction-repeat']),
      repeat: Number(values.repeat),
      gzip: values.gzip,
      nodeHeapMB: values['heap-mb'] === undefined ? 'Node default' : Number(values['heap-mb']),
      merge: values.merge,
      signals: signalPlans.map((p) => `${p.script}${p.args.length > 0 ? ` ${p.args.join(' ')}` : ''}`),
    },
    coaction: [],
    sizes: [],
    signals: [],
    targets: [],
  };
  if (values.merge) {
    // Keep earlier runs of sizes/generators not run this time (e.g. add 1e7 to an earlier 1e5,1e6 run).
    const prior = await readJson<BenchResults>(join(outDir, 'results.json'));
    if (prior) {
      results.sizes = prior.sizes.filter((s) => !sizes.includes(s.posts));
      results.coaction =
        coTraces > 0
          ? prior.coaction.filter((c) => !(coGenerators as string[]).includes(c.generator))
          : prior.coaction;
      const rerun = new Set(signalPlans.map((p) => p.bench));
      results.signals = (prior.signals ?? []).filter((r) => !rerun.has(r.bench));
      results.options.mergedFrom = prior.startedAt;
    }
  }
  const save = async () => {
    results.sizes.sort((a, b) => a.posts - b.posts || (a.repeat ?? 1) - (b.repeat ?? 1));
    results.targets = checkTargets(results);
    const md = renderMarkdown(results);
    await writeFile(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    await writeFile(join(outDir, 'results.md'), `${md}\n`, 'utf8');
    return md;
  };
  const extra = memoryLimit !== undefined ? ['--memory-limit', memoryLimit] : [];
  const heapMB = values['heap-mb'] === undefined ? undefined : Number(values['heap-mb']);

  // Co-action alone first: quick, and the headline target.
  if (coTraces > 0) {
    const dir = join(outDir, 'coaction');
    await mkdir(dir, { recursive: true });
    const repeat = Math.max(1, Number(values['coaction-repeat']) || 1);
    for (let rep = 0; rep < repeat; rep++)
      for (const generator of coGenerators) {
        const resultPath = join(dir, `${generator}-${countLabel(coTraces)}-r${rep + 1}.json`);
        const db = values['coaction-db'] === 'memory' ? ':memory:' : join(dir, `${generator}.duckdb`);
        await rm(resultPath, { force: true });
        console.log(
          `\nbench: co-action alone, ${generator}, ${fmtInt(coTraces)} traces (run ${rep + 1}/${repeat})`,
        );
        const raw = await runChild(
          'coaction-child.ts',
          [
            '--traces',
            String(coTraces),
            '--seed',
            String(seed),
            '--threads',
            String(threads),
            '--db',
            db,
            '--generator',
            generator,
            '--result',
            resultPath,
            ...extra,
          ],
          join(dir, `${generator}-${countLabel(coTraces)}-r${rep + 1}.time.txt`),
          timeV,
        );
        const run = await readJson<CoactionChildResult>(resultPath);
        results.coaction.push({ generator, repeat: rep + 1, child: outcome(raw, run?.maxRssMB), run });
        if (db !== ':memory:') {
          await rm(db, { force: true });
          await rm(`${db}.wal`, { force: true });
        }
        await save();
      }
  }

  // The stand-alone signal benchmarks: one child per script (each runs its sizes in children of its own).
  if (signalPlans.length > 0) {
    const dir = join(outDir, 'signals');
    await mkdir(dir, { recursive: true });
    for (const plan of signalPlans) {
      const jsonPath = join(dir, `${plan.bench}.json`);
      await rm(jsonPath, { force: true });
      console.log(`\nbench: signals, ${plan.script} ${plan.args.join(' ')}`);
      const raw = await runChild(
        plan.script,
        [...plan.args, '--json', jsonPath],
        join(dir, `${plan.bench}.time.txt`),
        timeV,
      );
      const report = await readJson<SignalReports[typeof plan.bench]>(jsonPath);
      const child = outcome(raw, largestChildRssMB(plan, report));
      results.signals.push({ ...plan, child, report } as SignalBenchResult);
      await save();
    }
  }

  const sizeRepeat = Math.max(1, Number(values.repeat) || 1);
  for (const posts of sizes)
    for (let rep = 0; rep < sizeRepeat; rep++) {
      const label = countLabel(posts);
      const runName = sizeRepeat > 1 ? `${label}-r${rep + 1}` : label;
      const data = await ensureData(join(outDir, 'data'), { posts, seed, gzip: values.gzip });
      const caseDir = join(outDir, 'runs', runName);
      await rm(caseDir, { recursive: true, force: true });
      await mkdir(caseDir, { recursive: true });
      const resultPath = join(outDir, 'runs', `${runName}.json`);
      await rm(resultPath, { force: true });
      console.log(
        `\nbench: detect on ${fmtInt(posts)} posts (${data.cached ? 'cached data' : 'fresh data'}; run ${rep + 1}/${sizeRepeat})`,
      );
      const raw = await runChild(
        'detect-child.ts',
        [
          '--input',
          data.path,
          '--truth',
          truthPathFor(data.path),
          '--out',
          caseDir,
          '--result',
          resultPath,
          '--threads',
          String(threads),
          ...extra,
        ],
        join(outDir, 'runs', `${runName}.time.txt`),
        timeV,
        heapMB,
      );
      const run = await readJson<DetectChildResult>(resultPath);
      results.sizes.push({
        posts,
        repeat: rep + 1,
        label,
        data: {
          path: data.path,
          bytes: (await stat(data.path)).size,
          cached: data.cached,
          generateSeconds: data.seconds,
          counts: data.truth.counts,
        },
        child: outcome(raw, run?.maxRssMB),
        run,
        timeline: await readTimeline(resultPath, caseDir),
      });
      if (!values['keep-cases']) {
        await rm(join(caseDir, 'case.duckdb'), { force: true });
        await rm(join(caseDir, 'case.duckdb.wal'), { force: true });
      }
      await save();
    }

  results.finishedAt = new Date().toISOString();
  const md = await save();
  console.log(`\n${md}`);
  console.log(`bench: results in ${join(outDir, 'results.md')} and results.json`);
}

await main();
