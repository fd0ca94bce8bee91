/**
 * Benchmark of the account signals (`src/signals/account-signals.ts`): throughput and peak RSS on 10^5 and 10^6
 * seeded synthetic profiles, each size in its own child process so its peak RSS is clean. Per size it times
 * - `accountFlags` on every profile (the accounts CSV);
 * - `accountSignals` on groups of 50 consecutive profiles (typical clusters);
 * - `accountSignals` on all profiles as one group (the worst case: one giant cluster).
 * Then it prints how often `classifyHandle` calls seeded random strings and English words `random`.
 *
 * Run: `node --import tsx bench/account-signals-bench.ts [--sizes 1e5,1e6] [--seed 42] [--json out.json]`
 * Prints markdown tables (`--json` also writes {@link AccountSignalsBenchReport}, as `npm run bench` does). The machine is shared: the load average at start is printed with the numbers.
 *
 * Synthetic population (seeded with `seedrandom`): 80 % organic (word or first_last handles, some with 2–4 digits;
 * creation times uniform over 2008–2024; log-normal follower counts; 5 % renamed), 20 % planted in batches of 25
 * (name + 4–8 digit handles or random strings, created within 2 days, shared image hash and reused display names
 * on half the members, identical follower counts on a third).
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import seedrandom from 'seedrandom';
import wordListPath from 'word-list';

import { type AccountProfile, accountFlags, accountSignals } from '../src/signals/account-signals.js';
import { classifyHandle } from '../src/signals/handle-pattern.js';

const FIRST = [
  'Anna',
  'John',
  'Maria',
  'Wei',
  'Olga',
  'Dmitry',
  'Priya',
  'Carlos',
  'Kwame',
  'Fatima',
  'Hiroshi',
];
const LAST = [
  'Smith',
  'Nguyen',
  'Wang',
  'Ivanov',
  'Garcia',
  'Okonkwo',
  'Patel',
  'Murphy',
  'Schmidt',
  'Dlamini',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'pe',
  'da',
  'ren',
  'tor',
  'lin',
  'mar',
  'son',
];
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2008, 0, 1);
const END_MS = Date.UTC(2024, 0, 1);
const BATCH = 25;

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => pick(rng, [...'0123456789'])).join('');
const chars = (rng: Rng, alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
/** Log-normal count with median e^4 ≈ 55 (Box–Muller). */
const logNormalCount = (rng: Rng): number =>
  Math.floor(Math.exp(4 + 2 * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())));

function organicProfile(rng: Rng, i: number): AccountProfile {
  const word = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => pick(rng, SYLLABLES)).join('');
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  let handle = rng() < 0.7 ? word : `${first}_${last}`.toLowerCase();
  if (rng() < 0.4) handle += digits(rng, 2 + Math.floor(rng() * 3));
  const handles = rng() < 0.05 ? [`${word}_old`, handle] : [handle];
  return {
    key: `x:${i}`,
    platform: 'x',
    accountId: String(i),
    handles,
    displayNames: [`${first} ${last}`],
    createdAtMs: START_MS + Math.floor(rng() * (END_MS - START_MS)),
    followers: logNormalCount(rng),
    following: logNormalCount(rng),
    profileImageHash: chars(rng, HEX, 16),
  };
}

function plantedBatch(rng: Rng, from: number, count: number): AccountProfile[] {
  const startMs = START_MS + Math.floor(rng() * (END_MS - START_MS));
  const image = chars(rng, HEX, 16);
  const randomHandles = rng() < 0.5;
  const out: AccountProfile[] = [];
  for (let k = 0; k < count; k++) {
    const i = from + k;
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const handle = randomHandles
      ? chars(rng, ALNUM, 10 + Math.floor(rng() * 5))
      : `${first}${last}${digits(rng, 4 + Math.floor(rng() * 5))}`;
    const identical = rng() < 1 / 3;
    out.push({
      key: `x:${i}`,
      platform: 'x',
      accountId: String(i),
      handles: [handle],
      displayNames: [rng() < 0.5 ? `${FIRST[0]} ${LAST[0]}` : `${first} ${last}`],
      createdAtMs: startMs + Math.floor(rng() * 2 * DAY_MS),
      followers: identical ? 37 : Math.floor(rng() * 20),
      following: identical ? 210 : 100 + Math.floor(rng() * 900),
      profileImageHash: rng() < 0.5 ? image : chars(rng, HEX, 16),
    });
  }
  return out;
}

/** `n` seeded synthetic profiles: batches of 25, one in five planted. */
export function syntheticProfiles(n: number, seed: number): AccountProfile[] {
  const rng = seedrandom(String(seed));
  const out: AccountProfile[] = [];
  while (out.length < n) {
    const count = Math.min(BATCH, n - out.length);
    if (rng() < 0.2) out.push(...plantedBatch(rng, out.length, count));
    else for (let k = 0; k < count; k++) out.push(organicProfile(rng, out.length));
  }
  return out;
}

/** What a child reports (one size). */
export interface AccountSignalsRun {
  profiles: number;
  generateSeconds: number;
  flagsPerSecond: number;
  groupsOf50PerSecond: number;
  oneGroupPerSecond: number;
  oneGroupReasons: number;
  rssAfterInputMB: number;
  peakRssMB: number;
}

/** What `--json` writes: one row per size (null when its child failed), the classifier rates and the Markdown. */
export interface AccountSignalsBenchReport {
  seed: number;
  loadAvg: number[];
  rows: (AccountSignalsRun | { profiles: number; error: string })[];
  /** [input kind, length (0 = words), share classified `random`]. */
  classifier: Array<[string, number, number]>;
  markdown: string;
}

const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

function runChild(n: number, seed: number): AccountSignalsRun {
  let t0 = performance.now();
  const profiles = syntheticProfiles(n, seed);
  const generateSeconds = (performance.now() - t0) / 1000;
  const rssAfterInputMB = maxRssMB();

  t0 = performance.now();
  let flagged = 0;
  for (const p of profiles) if (accountFlags(p).handlePattern === 'name-digits') flagged++;
  const flagsSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  let reasons = 0;
  for (let i = 0; i < profiles.length; i += 50)
    reasons += accountSignals(profiles.slice(i, i + 50)).reasons.length;
  const groupsSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const one = accountSignals(profiles);
  const oneSeconds = (performance.now() - t0) / 1000;
  if (flagged < 0 || reasons < 0) throw new Error('unreachable'); // keeps the loops from being optimised away

  return {
    profiles: n,
    generateSeconds,
    flagsPerSecond: n / flagsSeconds,
    groupsOf50PerSecond: n / groupsSeconds,
    oneGroupPerSecond: n / oneSeconds,
    oneGroupReasons: one.reasons.length,
    rssAfterInputMB,
    peakRssMB: maxRssMB(),
  };
}

/** Share of `random` among seeded strings and English words (the handle classifier's sanity check). */
function classifierRates(seed: number): Array<[string, number, number]> {
  const rng = seedrandom(`rates-${seed}`);
  const rate = (make: () => string, n = 5000): number => {
    let hits = 0;
    for (let i = 0; i < n; i++) if (classifyHandle(make()).pattern === 'random') hits++;
    return hits / n;
  };
  const words = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);
  const mid = words.filter((w) => w.length >= 3 && w.length <= 8);
  const long = words.filter((w) => w.length >= 8);
  const rows: Array<[string, number, number]> = [];
  for (const [name, alphabet] of [
    ['a–z', 'abcdefghijklmnopqrstuvwxyz'],
    ['a–z 0–9', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['A–Z a–z 0–9', ALNUM],
    ['hex', HEX],
  ] as const) {
    rows.push([`random ${name}, 8 chars`, 8, rate(() => chars(rng, alphabet, 8))]);
    rows.push([`random ${name}, 12 chars`, 12, rate(() => chars(rng, alphabet, 12))]);
  }
  rows.push(['English words ≥ 8 letters', 0, rate(() => pick(rng, long), 2000)]);
  rows.push(['two English words', 0, rate(() => pick(rng, mid) + pick(rng, mid))]);
  rows.push([
    'English word + 2–4 digits',
    0,
    rate(() => pick(rng, mid) + digits(rng, 2 + Math.floor(rng() * 3))),
  ]);
  return rows;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      n: { type: 'string' },
      sizes: { type: 'string', default: '1e5,1e6' },
      seed: { type: 'string', default: '42' },
      json: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  if (values.child) {
    process.stdout.write(`${JSON.stringify(runChild(Number(values.n), seed))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const loadAvg = os.loadavg().map((l) => Number(l.toFixed(1)));
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  log(`Account signals, seed ${seed}, ${os.cpus().length} CPUs, load ${loadAvg.join(' / ')}\n`);
  log(
    '| profiles | accountFlags (acc/s) | accountSignals, groups of 50 (acc/s) | accountSignals, one group (acc/s) | RSS after input (MB) | peak RSS (MB) |',
  );
  log('|---:|---:|---:|---:|---:|---:|');
  const rows: AccountSignalsBenchReport['rows'] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        self,
        '--child',
        '--n',
        String(size),
        '--seed',
        String(seed),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) {
      const error = (child.stderr || String(child.signal)).trim().split('\n').pop() ?? 'failed';
      rows.push({ profiles: size, error });
      log(`| ${size} | failed: ${error} |`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as AccountSignalsRun;
    rows.push(r);
    const f = (x: number): string => Math.round(x).toLocaleString('en-US');
    log(
      `| ${f(r.profiles)} | ${f(r.flagsPerSecond)} | ${f(r.groupsOf50PerSecond)} | ${f(r.oneGroupPerSecond)} | ${f(r.rssAfterInputMB)} | ${f(r.peakRssMB)} |`,
    );
  }
  log('\nHandle classifier: share called `random` (5,000 seeded strings per row; 2,000 for single words)\n');
  log('| input | share `random` |');
  log('|---|---:|');
  const classifier = classifierRates(seed);
  for (const [name, , share] of classifier) log(`| ${name} | ${(share * 100).toFixed(1)} % |`);
  if (values.json !== undefined) {
    const report: AccountSignalsBenchReport = { seed, loadAvg, rows, classifier, markdown: lines.join('\n') };
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  }
}

main();
