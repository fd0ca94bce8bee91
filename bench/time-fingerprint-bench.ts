/**
 * Benchmark of the time fingerprints (`src/signals/time-fingerprint.ts`): `createTimeFingerprinter()` over 10^4 and
 * 10^5 synthetic accounts with ~50 posts each (uniform 30–70) spread over 2024. Each size runs in its own child
 * process, so peak RSS (the child's `process.resourceUsage().maxRSS`, data generation included) is not inherited
 * from another size. Throughput counts the fingerprinting only (histogram, office-hours fit over 31 offsets × 2
 * lunch variants, holiday gaps for CN, RU, IR, US), not the data generation.
 *
 * Population (seeded): 20 % office-hours operators (Mon–Fri 09:00–12:00 and 13:30–18:00 local at UTC+8, +3, +3:30
 * or −5), 80 % organic accounts (every day, activity ∝ 1 + 0.7·cos(2π(h − 20)/24) local, at a random whole-hour
 * offset). The table also reports how many operators were found (worksOfficeHours and the right offset) and how many
 * organic accounts were flagged as keeping office hours.
 *
 * Run: `node --import tsx bench/time-fingerprint-bench.ts [--sizes 1e4,1e5] [--seed 42] [--json out.json]`; prints a
 * markdown table (`--json` also writes {@link TimeFingerprintBenchReport}, as `npm run bench` does).
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import seedrandom from 'seedrandom';

import { createTimeFingerprinter } from '../src/signals/time-fingerprint.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const YEAR_START_MS = Date.UTC(2024, 0, 1); // a Monday
const OPERATOR_OFFSETS_MINUTES = [480, 180, 210, -300];

/** One child's measurement. */
export interface TimeFingerprintRun {
  accounts: number;
  posts: number;
  fingerprintMs: number;
  maxRssMB: number;
  operators: number;
  operatorsFound: number;
  organic: number;
  organicFlagged: number;
}

/** What `--json` writes: one row per size and the printed Markdown. */
export interface TimeFingerprintBenchReport {
  seed: number;
  rows: TimeFingerprintRun[];
  markdown: string;
}

/** Seeded accounts: post times plus the truth (operator offset, or null for organic). */
function generateAccounts(
  count: number,
  seed: number,
): Array<{ tsMs: number[]; offsetMinutes: number | null }> {
  const rng = seedrandom(`time-fingerprint-bench:${seed}`);
  const accounts: Array<{ tsMs: number[]; offsetMinutes: number | null }> = [];
  for (let a = 0; a < count; a++) {
    const n = 30 + Math.floor(rng() * 41);
    const operator = rng() < 0.2;
    const offsetMinutes = operator
      ? OPERATOR_OFFSETS_MINUTES[Math.floor(rng() * OPERATOR_OFFSETS_MINUTES.length)]!
      : (Math.floor(rng() * 25) - 12) * 60;
    const tsMs: number[] = [];
    while (tsMs.length < n) {
      const day = Math.floor(rng() * 366);
      let hour: number;
      if (operator) {
        if (day % 7 >= 5) continue;
        const u = rng() * 7.5;
        hour = u < 3 ? 9 + u : 13.5 + (u - 3);
      } else {
        hour = rng() * 24;
        // Rejection sampling of the diurnal rhythm (peak 20:00 local).
        if (rng() * 1.7 > 1 + 0.7 * Math.cos((2 * Math.PI * (hour - 20)) / 24)) continue;
      }
      tsMs.push(Math.floor(YEAR_START_MS + day * DAY_MS + hour * HOUR_MS - offsetMinutes * 60_000));
    }
    accounts.push({ tsMs, offsetMinutes: operator ? offsetMinutes : null });
  }
  return accounts;
}

function runChild(count: number, seed: number): TimeFingerprintRun {
  const accounts = generateAccounts(count, seed);
  const fingerprint = createTimeFingerprinter();
  let operatorsFound = 0;
  let organicFlagged = 0;
  let operators = 0;
  let posts = 0;
  const start = performance.now();
  for (const account of accounts) {
    const fp = fingerprint(account.tsMs);
    posts += fp.posts;
    if (account.offsetMinutes === null) {
      if (fp.schedule.worksOfficeHours) organicFlagged++;
    } else {
      operators++;
      if (fp.schedule.worksOfficeHours && fp.schedule.offsetMinutes === account.offsetMinutes)
        operatorsFound++;
    }
  }
  const fingerprintMs = performance.now() - start;
  return {
    accounts: count,
    posts,
    fingerprintMs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    operators,
    operatorsFound,
    organic: count - operators,
    organicFlagged,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1e4,1e5' },
      seed: { type: 'string', default: '42' },
      child: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  if (values.child !== undefined) {
    process.stdout.write(`${JSON.stringify(runChild(Number(values.child), seed))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const results: TimeFingerprintRun[] = [];
  const rows: string[] = [
    '| accounts | posts | fingerprint s | accounts/s | peak RSS MB | operators found | organic flagged |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of values.sizes.split(',').map(Number)) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', self, '--child', String(size), '--seed', String(seed)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`child for ${size} accounts failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as TimeFingerprintRun;
    results.push(r);
    const seconds = r.fingerprintMs / 1000;
    rows.push(
      `| ${r.accounts} | ${r.posts} | ${seconds.toFixed(2)} | ${Math.round(r.accounts / seconds)} | ${r.maxRssMB.toFixed(0)} | ${r.operatorsFound}/${r.operators} | ${r.organicFlagged}/${r.organic} |`,
    );
  }
  const load = os.loadavg()[0]!.toFixed(2);
  const markdown = `Time fingerprints (seed ${seed}; ${os.cpus().length} CPUs, Node ${process.version}, load ${load})\n\n${rows.join('\n')}`;
  process.stdout.write(`${markdown}\n`);
  if (values.json !== undefined) {
    const report: TimeFingerprintBenchReport = { seed, rows: results, markdown };
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  }
}

main();
