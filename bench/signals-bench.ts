/**
 * Micro-benchmark of three corpus signals on seeded synthetic data: media hash grouping (`groupMediaHashes`),
 * shared misspellings (`findMisspellings`) and daily hashtag sequences (`hashtagSequences`).
 *
 * Usage: `node --import tsx bench/signals-bench.ts [--sizes 1e5,1e6] [--seed 42] [--bk-tree-max 1e5]
 * [--signals media,misspellings,hashtag-sequences] [--json out.json]` (`media-bk-tree`, the same grouping through
 * the BK-tree, is added for sizes up to `--bk-tree-max`; `--json` also writes {@link SignalsBenchReport}, as
 * `npm run bench` does).
 *
 * Each (signal, size) runs in a fresh child process, so the peak RSS (`process.resourceUsage().maxRSS`) belongs to
 * that run alone; it includes the generated input, whose RSS before the call is shown too. Throughput = items ÷
 * wall time of the call (input generation excluded). Prints a markdown table.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

import { englishWords } from '../src/signals/english-words.js';
import { findMisspellings } from '../src/signals/find-misspellings.js';
import { groupMediaHashes, type MediaSearchIndex } from '../src/signals/group-media-hashes.js';
import { type HashtagRow, hashtagSequences } from '../src/signals/hashtag-sequences.js';

type Rng = () => number;

/** One (signal, size) run, measured in its own child process. */
export interface RunResult {
  signal: string;
  items: number;
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  detail: string;
}

/** What `--json` writes: every run and the printed Markdown table. */
export interface SignalsBenchReport {
  seed: string;
  results: RunResult[];
  markdown: string;
}

// — synthetic data —

function hex16(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

function flipBits(hex: string, flips: number, rng: Rng): string {
  const digits = hex.split('').map((d) => Number.parseInt(d, 16));
  for (let f = 0; f < flips; f++) {
    const bit = Math.floor(rng() * 64);
    digits[bit >> 2] = digits[bit >> 2]! ^ (1 << (bit & 3));
  }
  return digits.map((d) => d.toString(16)).join('');
}

/**
 * Media values as posts carry them: 60 % a new unrelated image, 25 % an exact repeat of an earlier value (shares),
 * 10 % a re-encoded copy (1–6 bits flipped) of one of items/1000 campaign images, 5 % non-hash ids.
 */
function mediaItems(items: number, rng: Rng): string[] {
  const bases = Array.from({ length: Math.max(1, Math.floor(items / 1000)) }, () => hex16(rng));
  const out: string[] = [];
  for (let i = 0; i < items; i++) {
    const u = rng();
    if (u < 0.6 || out.length === 0) out.push(hex16(rng));
    else if (u < 0.85) out.push(out[Math.floor(rng() * out.length)]!);
    else if (u < 0.95)
      out.push(flipBits(bases[Math.floor(rng() * bases.length)]!, 1 + Math.floor(rng() * 6), rng));
    else out.push(`id:${Math.floor(rng() * items)}`);
  }
  return out;
}

/**
 * Posts of 8–24 words drawn (Zipf-like) from the English list, by items/20 accounts; 3 % of posts carry one of
 * items/500 typos (a word with one letter dropped), each typo used by a planted team of 2–8 accounts; 40 % carry a
 * token outside the list (a Zipf-popular made-up name, lower-case or capitalised, from 5,000), 10 % a link and 10 %
 * a hashtag, so that most texts need full word segmentation, as real posts do.
 */
function textItems(items: number, rng: Rng): { id: number; accountKey: string; text: string }[] {
  const words = [...englishWords()].filter((w) => w.length >= 3 && w.length <= 10);
  const vocab = Array.from({ length: 20_000 }, () => words[Math.floor(rng() * words.length)]!);
  const zipf = (): string => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * rng() ** 3))]!;
  const accounts = Math.max(2, Math.floor(items / 20));
  const typos = Array.from({ length: Math.max(1, Math.floor(items / 500)) }, () => {
    let w = zipf();
    while (w.length < 7) w = vocab[Math.floor(rng() * vocab.length)]!;
    const cut = 1 + Math.floor(rng() * (w.length - 2));
    const team = Array.from({ length: 2 + Math.floor(rng() * 7) }, () => Math.floor(rng() * accounts));
    return { typo: w.slice(0, cut) + w.slice(cut + 1), team };
  });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const names = Array.from({ length: 5000 }, () =>
    Array.from({ length: 5 + Math.floor(rng() * 5) }, () => letters[Math.floor(rng() * 26)]!).join(''),
  );
  const out: { id: number; accountKey: string; text: string }[] = [];
  for (let id = 1; id <= items; id++) {
    const n = 8 + Math.floor(rng() * 17);
    const parts = Array.from({ length: n }, zipf);
    let account = Math.floor(rng() * accounts);
    const u = rng();
    if (u < 0.03) {
      const t = typos[Math.floor(rng() * typos.length)]!;
      account = t.team[Math.floor(rng() * t.team.length)]!;
      parts[Math.floor(rng() * n)] = t.typo;
    }
    if (rng() < 0.4) {
      const name = names[Math.floor(names.length * rng() ** 2)]!;
      parts[Math.floor(rng() * n)] = rng() < 0.5 ? name : name.charAt(0).toUpperCase() + name.slice(1);
    }
    if (rng() < 0.1) parts.push(`https://t.example/${names[Math.floor(rng() * names.length)]!}`);
    if (rng() < 0.1) parts.push(`#${zipf()}${zipf()}`);
    parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
    out.push({ id, accountKey: `x:${account}`, text: `${parts.join(' ')}.` });
  }
  return out;
}

/**
 * Tagged posts over 30 days by items/20 organic accounts (1–3 Zipf-popular tags from 5,000) plus planted teams of 5
 * accounts that post the same 6-post, 6-tag sequence on the same day (10 % of rows); sorted by (account, tsMs, rec)
 * as the precondition requires.
 */
function hashtagItems(items: number, rng: Rng): HashtagRow[] {
  const tags = Array.from({ length: 5000 }, (_, i) => `tag${i}`);
  const pick = (): string => tags[Math.floor(tags.length * rng() ** 2)]!;
  const t0 = Date.UTC(2024, 0, 1);
  const rows: HashtagRow[] = [];
  let rec = 0;
  const organic = Math.floor(items * 0.9);
  const accounts = Math.max(1, Math.floor(items / 20));
  for (let i = 0; i < organic; i++) {
    const hashtags = Array.from({ length: 1 + Math.floor(rng() * 3) }, pick);
    const tsMs = t0 + Math.floor(rng() * 30 * 86_400_000);
    rows.push({ rec: rec++, accountKey: `x:o${Math.floor(rng() * accounts)}`, tsMs, hashtags });
  }
  for (let team = 0; rows.length < items; team++) {
    const day = t0 + Math.floor(rng() * 30) * 86_400_000;
    const sequence = Array.from({ length: 6 }, (_, k) => `camp${team}_${k}`);
    for (let member = 0; member < 5; member++) {
      for (let k = 0; k < 6 && rows.length < items; k++) {
        const tsMs = day + k * 3_600_000 + member * 1000;
        rows.push({ rec: rec++, accountKey: `x:c${team}_${member}`, tsMs, hashtags: [sequence[k]!] });
      }
    }
  }
  return rows.sort((a, b) =>
    a.accountKey < b.accountKey ? -1 : a.accountKey > b.accountKey ? 1 : a.tsMs - b.tsMs || a.rec - b.rec,
  );
}

// — one run (child process) —

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function runChild(signal: string, items: number, seed: string): RunResult {
  const rng = seedrandom(`${seed}:${signal.startsWith('media') ? 'media' : signal}:${items}`);
  let call: () => string;
  if (signal.startsWith('media')) {
    const index: MediaSearchIndex = signal === 'media-bk-tree' ? 'bk-tree' : 'multi-index';
    const values = mediaItems(items, rng);
    call = () => {
      const s = groupMediaHashes(values, { searchIndex: index }).stats;
      return `${s.hashes} distinct hashes, ${s.groups} groups (largest ${s.largestGroup}), ${s.distanceChecks} distance checks`;
    };
  } else if (signal === 'misspellings') {
    const posts = textItems(items, rng);
    englishWords(); // load the list outside the timed call (it is cached per process)
    call = () => {
      const s = findMisspellings(posts).stats;
      return `${s.tokens} tokens, ${s.unknown} unknown, ${s.misspellings} misspellings, ${s.tooManyAccounts} too common`;
    };
  } else {
    const rows = hashtagItems(items, rng);
    call = () => {
      const seqs = hashtagSequences(rows);
      return `${seqs.length} sequences, ${new Set(seqs.map((s) => s.sequence)).size} distinct`;
    };
  }
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const detail = call();
  const seconds = (performance.now() - start) / 1000;
  return {
    signal,
    items,
    seconds,
    rssBeforeMb: mb(rssBefore),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    detail,
  };
}

// — driver —

function argValue(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : fallback;
}

function main(): void {
  const args = process.argv.slice(2);
  const seed = argValue(args, '--seed', '42');
  if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(runChild(args[1]!, Number(args[2]), seed)));
    return;
  }
  const sizes = argValue(args, '--sizes', '1e5,1e6').split(',').map(Number);
  const bkTreeMax = Number(argValue(args, '--bk-tree-max', '1e5'));
  const wanted = argValue(args, '--signals', 'media,misspellings,hashtag-sequences').split(',');
  const self = fileURLToPath(import.meta.url);
  const results: RunResult[] = [];
  for (const items of sizes) {
    const signals = [...wanted];
    if (items <= bkTreeMax && wanted.includes('media')) signals.splice(1, 0, 'media-bk-tree');
    for (const signal of signals) {
      const child = spawnSync(
        process.execPath,
        [
          '--max-old-space-size=8192',
          '--import',
          'tsx',
          self,
          '--child',
          signal,
          String(items),
          '--seed',
          seed,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) {
        process.stderr.write(child.stderr);
        throw new Error(`${signal} at ${items} failed (exit ${String(child.status)})`);
      }
      const result = JSON.parse(child.stdout) as RunResult;
      results.push(result);
      process.stderr.write(`${signal} ${items}: ${result.seconds.toFixed(2)} s\n`);
    }
  }
  const lines = [
    '| signal | items | time (s) | items/s | RSS before call (MB) | peak RSS (MB) | result |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.signal} | ${r.items.toExponential(0)} | ${r.seconds.toFixed(2)} | ${Math.round(r.items / r.seconds).toLocaleString('en-US')} | ${r.rssBeforeMb} | ${r.peakRssMb} | ${r.detail} |`,
    ),
  ];
  const markdown = lines.join('\n');
  process.stdout.write(`${markdown}\n`);
  const json = argValue(args, '--json', '');
  if (json !== '') {
    const report: SignalsBenchReport = { seed, results, markdown };
    writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  }
}

main();
