/**
 * The signal benchmarks as part of `npm run bench` (`--signals all|none|<names>`): which stand-alone bench script
 * runs for which selected signal, the issue-3 targets checked against their JSON reports, and the "Signals"
 * section of `results.md`. `run-bench.ts` runs each script as one child process (under GNU `time -v`); every
 * script runs each size in children of its own, so a script's peak RSS is that of its largest size.
 *
 * Scripts and the signals they cover (each with its own default sizes and seed, so `npm run bench` numbers match a
 * stand-alone run):
 * - `neardup` → `neardup-bench.ts`: quality on 10^4 texts against the all-pairs exact-Jaccard baseline (timed),
 *   throughput on 10^5 and 10^6 texts;
 * - `media`, `misspellings`, `hashtag-sequences` → one `signals-bench.ts` run with those signals, 10^5 and 10^6 items;
 * - `time-fingerprint` → `time-fingerprint-bench.ts`, 10^4 and 10^5 accounts;
 * - `account-signals` → `account-signals-bench.ts`, 10^5 and 10^6 profiles.
 *
 * Targets (issue 3): near-duplicate recall ≥ 0.95 of the true pairs at Jaccard ≥ 0.7, precision ≥ 0.99 (verified
 * evidence pairs), ≥ 1,000,000 texts/min; and the comparison with all-pairs Jaccard on 10^4 texts.
 *
 * @module
 */
import type { AccountSignalsBenchReport } from './account-signals-bench.js';
import type { NeardupBenchReport } from './neardup-bench.js';
import type { ChildOutcome, TargetCheck } from './run-bench.js';
import type { SignalsBenchReport } from './signals-bench.js';
import type { TimeFingerprintBenchReport } from './time-fingerprint-bench.js';

/** Signal names accepted by `--signals` (besides `all` and `none`). */
export const SIGNAL_NAMES = [
  'neardup',
  'media',
  'misspellings',
  'hashtag-sequences',
  'time-fingerprint',
  'account-signals',
] as const;

/** One name of {@link SIGNAL_NAMES}. */
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** Issue-3 targets of the near-duplicate signal. */
export const SIGNAL_TARGETS = {
  /** Share of the true pairs (exact Jaccard ≥ 0.7) placed in one group. */
  neardupRecall: 0.95,
  /** Share of the verified evidence pairs with exact Jaccard ≥ 0.7. */
  neardupPrecision: 0.99,
  /** Texts per minute, single thread. */
  neardupTextsPerMinute: 1_000_000,
} as const;

/** The JSON report of each bench script, by bench id. */
export interface SignalReports {
  neardup: NeardupBenchReport;
  corpus: SignalsBenchReport;
  'time-fingerprint': TimeFingerprintBenchReport;
  'account-signals': AccountSignalsBenchReport;
}

/** One bench script to run: its id, file (under bench/) and arguments (without `--json`). */
export interface SignalBenchPlan {
  bench: keyof SignalReports;
  script: string;
  args: string[];
}

/** One bench script's run in results.json. */
export type SignalBenchResult = {
  [K in keyof SignalReports]: {
    bench: K;
    script: string;
    args: string[];
    child: ChildOutcome;
    /** The script's `--json` report; null when it failed before writing it. */
    report: SignalReports[K] | null;
  };
}[keyof SignalReports];

const TITLES: Record<keyof SignalReports, string> = {
  neardup: 'Near-duplicate texts (`findNearDuplicates`)',
  corpus: 'Media pHash groups, shared misspellings, hashtag sequences',
  'time-fingerprint': 'Time fingerprints (`createTimeFingerprinter`)',
  'account-signals': 'Account signals (`accountFlags`, `accountSignals`, `classifyHandle`)',
};

/**
 * Parse `--signals`: `all` (default), `none` (also `''` and `0`) or a comma list of {@link SIGNAL_NAMES}.
 * @throws {Error} naming the unknown entry
 */
export function parseSignalSelection(text: string): SignalName[] {
  const t = text.trim().toLowerCase();
  if (t === 'all') return [...SIGNAL_NAMES];
  if (t === 'none' || t === '' || t === '0') return [];
  const names = t.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(SIGNAL_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `bench: invalid --signals entry "${name}". Expecting all, none or a list of ${SIGNAL_NAMES.join(', ')}.`,
      );
    }
  }
  return SIGNAL_NAMES.filter((n) => names.includes(n));
}

/** `full`: each script's default sizes (the documented numbers); `smoke`: tiny sizes, to check the wiring fast. */
export type SignalScale = 'full' | 'smoke';

const SMOKE_ARGS: Record<keyof SignalReports, string[]> = {
  neardup: ['--quality', '2000', '--sizes', '1e4'],
  corpus: ['--sizes', '1e4'],
  'time-fingerprint': ['--sizes', '1e3'],
  'account-signals': ['--sizes', '1e4'],
};

/**
 * The bench scripts that cover `selected`, in a fixed order.
 * @param scale `full` (default sizes of each script) or `smoke` (tiny sizes; targets are still checked)
 */
export function planSignalBenches(
  selected: readonly SignalName[],
  scale: SignalScale = 'full',
): SignalBenchPlan[] {
  const plans: SignalBenchPlan[] = [];
  const add = (bench: keyof SignalReports, script: string, args: string[] = []): void => {
    plans.push({ bench, script, args: [...args, ...(scale === 'smoke' ? SMOKE_ARGS[bench] : [])] });
  };
  if (selected.includes('neardup')) add('neardup', 'neardup-bench.ts');
  const corpus = selected.filter((n) => n === 'media' || n === 'misspellings' || n === 'hashtag-sequences');
  if (corpus.length > 0) add('corpus', 'signals-bench.ts', ['--signals', corpus.join(',')]);
  if (selected.includes('time-fingerprint')) add('time-fingerprint', 'time-fingerprint-bench.ts');
  if (selected.includes('account-signals')) add('account-signals', 'account-signals-bench.ts');
  return plans;
}

/**
 * Largest peak RSS (MB) any per-size child reported in a bench's JSON; the fallback when GNU `time -v` is missing.
 * @returns undefined when the report has no per-size peak
 */
export function largestChildRssMB(plan: SignalBenchPlan, report: unknown): number | undefined {
  if (report === null || typeof report !== 'object') return undefined;
  let peaks: number[] = [];
  if (plan.bench === 'neardup') {
    const r = report as NeardupBenchReport;
    peaks = r.throughput.flatMap((t) => [t.peakRssMb, t.streamedPeakRssMb]);
  } else if (plan.bench === 'corpus') peaks = (report as SignalsBenchReport).results.map((r) => r.peakRssMb);
  else if (plan.bench === 'time-fingerprint') {
    peaks = (report as TimeFingerprintBenchReport).rows.map((r) => r.maxRssMB);
  } else {
    peaks = (report as AccountSignalsBenchReport).rows.flatMap((r) =>
      'peakRssMB' in r ? [r.peakRssMB] : [],
    );
  }
  return peaks.length === 0 ? undefined : Math.round(Math.max(...peaks));
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (hit: number, all: number): number => (all === 0 ? Number.NaN : hit / all);
const status = (ok: boolean): TargetCheck['status'] => (ok ? 'PASS' : 'MISS');

/** Target checks of the near-duplicate report (quality, throughput, all-pairs comparison). */
function neardupChecks(r: SignalBenchResult & { bench: 'neardup' }): TargetCheck[] {
  const report = r.report;
  if (!report) {
    const why = `failed (exit ${String(r.child.exitCode)}${r.child.signal ? `, ${r.child.signal}` : ''})`;
    return [{ name: 'near-duplicate benchmark', target: 'runs', measured: why, status: 'MISS' }];
  }
  const checks: TargetCheck[] = [];
  const q = report.quality;
  if (q) {
    const recall = ratio(q.text.hit, q.text.truth);
    const verified = ratio(q.verified.correct, q.verified.checked);
    const group = ratio(q.text.hit, q.text.grouped);
    const purity = ratio(q.family.hit, q.family.grouped);
    const at = `${fmt(q.texts)} texts, J ≥ ${report.threshold}`;
    checks.push(
      {
        name: `near-dup recall, text pairs (${at})`,
        target: `≥ ${SIGNAL_TARGETS.neardupRecall}`,
        measured: `${recall.toFixed(4)} (${fmt(q.text.hit)} / ${fmt(q.text.truth)})`,
        status: status(recall >= SIGNAL_TARGETS.neardupRecall),
      },
      {
        name: `near-dup precision, verified evidence pairs (${at})`,
        target: `≥ ${SIGNAL_TARGETS.neardupPrecision}`,
        measured: `${verified.toFixed(4)} (${fmt(q.verified.correct)} / ${fmt(q.verified.checked)}); beside it: group-pair ${group.toFixed(4)}, family purity ${purity.toFixed(4)}`,
        status: status(verified >= SIGNAL_TARGETS.neardupPrecision),
      },
      {
        name: `near-dup vs all-pairs exact Jaccard (${fmt(q.texts)} texts, ${fmt(q.allPairsComparisons)} pairs)`,
        target: 'time both; faster than the baseline',
        measured: `${fmt(q.oursMs / 1000, 2)} s vs ${fmt(q.allPairsMs / 1000, 2)} s (${fmt(q.allPairsMs / Math.max(1, q.oursMs), 0)}×)`,
        status: status(q.oursMs < q.allPairsMs),
      },
    );
  }
  const largest = [...report.throughput].sort((a, b) => b.texts - a.texts)[0];
  if (largest) {
    const perMin = (largest.texts / largest.runMs) * 60_000;
    checks.push({
      name: `near-dup throughput, ${fmt(largest.texts)} texts (single thread)`,
      target: `≥ ${fmt(SIGNAL_TARGETS.neardupTextsPerMinute)} texts/min`,
      measured: `${fmt(perMin)} texts/min (${fmt(largest.runMs / 1000, 1)} s)`,
      status: status(perMin >= SIGNAL_TARGETS.neardupTextsPerMinute),
    });
  }
  return checks;
}

/**
 * Target checks of the signal benchmarks: the near-duplicate targets, plus peak RSS ≤ `peakRssMB` of every bench
 * script (its largest child).
 */
export function signalTargetChecks(results: readonly SignalBenchResult[], peakRssMB: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results) if (r.bench === 'neardup') checks.push(...neardupChecks(r));
  for (const r of results) {
    const rss = r.child.peakRssMB;
    checks.push({
      name: `peak RSS, signals: ${r.script} (largest child)`,
      target: `≤ ${peakRssMB} MB`,
      measured: rss === null ? 'unknown' : `${fmt(rss)} MB`,
      status: rss === null ? 'n/a' : status(rss <= peakRssMB),
    });
  }
  return checks;
}

/** Demote the Markdown headings of a bench's own output by `levels`. */
function demote(markdown: string, levels: number): string {
  return markdown.replace(/^(#+) /gm, (_, hashes: string) => `${hashes}${'#'.repeat(levels)} `);
}

/** The "Signals" section of results.md (empty when no signal bench ran). */
export function renderSignalsMarkdown(results: readonly SignalBenchResult[]): string[] {
  if (results.length === 0) return [];
  const out: string[] = [
    '## Signals (stand-alone benchmarks)',
    '',
    'Each script ran as one child process (GNU `time -v` over it, so its peak RSS is that of its largest per-size child, input generation included); the tables are the scripts’ own output. Seeds are the scripts’ defaults.',
    '',
    '| script | args | wall s | child CPU s | peak RSS MB | load avg | code |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => {
      const c = r.child;
      const code = c.srcChanges > 0 ? `${c.commit}+${c.srcChanges}` : c.commit;
      const failed = r.report ? '' : ` (FAILED: exit ${String(c.exitCode)})`;
      return `| ${r.script}${failed} | ${r.args.join(' ') || '(defaults)'} | ${c.wallSeconds.toFixed(1)} | ${c.cpuSeconds?.toFixed(1) ?? '—'} | ${c.peakRssMB === null ? '—' : fmt(c.peakRssMB)} | ${c.loadAvgAtStart.join(' ')} | ${code} |`;
    }),
    '',
  ];
  for (const r of results) {
    out.push(`### ${TITLES[r.bench]}: \`bench/${r.script}\``, '');
    out.push(r.report ? demote(r.report.markdown.trim(), 2) : 'No report (the script failed).', '');
  }
  return out;
}
