/**
 * Writes a simulated case: `posts.csv` (a generic CSV that `chorus detect` auto-detects through the column aliases
 * of `src/ingest/field-aliases.ts`; lists space-separated, as `parseList` reads them) or `posts.jsonl` (same
 * fields, lists as JSON arrays, absent values `null`), and `truth.json` (the `GroundTruth` of
 * `src/model/ground-truth.ts`). CSV quoting follows RFC 4180.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ConfigError } from '../errors.js';
import { writeChunks } from '../export/write-chunks.js';
import type { SimAccount, SimPost } from './sim-post.js';
import type { SimulationResult } from './simulate-scenario.js';

/**
 * Columns of `posts.csv`, in order. Each is the first alias of its canonical field (`account_created_at` →
 * `created_at`, the account creation time; `media` → media pHashes; `profile_image` → profile image hash).
 */
export const SIMULATION_COLUMNS = [
  'platform',
  'id',
  'account',
  'ts',
  'kind',
  'parent',
  'parent_account',
  'reply_to',
  'text',
  'urls',
  'hashtags',
  'mentions',
  'media',
  'handle',
  'name',
  'account_created_at',
  'followers',
  'following',
  'profile_image',
] as const;

/** Output formats of {@link writeSimulation}. */
export const SIMULATION_FORMATS = ['csv', 'jsonl'] as const;
/** One of {@link SIMULATION_FORMATS}. */
export type SimulationFormat = (typeof SIMULATION_FORMATS)[number];

type Cell = string | number | string[] | null;

function record(post: SimPost, account: SimAccount): Cell[] {
  return [
    post.platform,
    post.id,
    post.account,
    new Date(post.tsMs).toISOString(),
    post.kind,
    post.parent ?? null,
    post.parentAccount ?? null,
    post.replyTo ?? null,
    post.text === '' ? null : post.text,
    post.urls,
    post.hashtags,
    post.mentions,
    post.media,
    account.handle,
    account.name,
    new Date(account.createdAtMs).toISOString(),
    account.followers,
    account.following,
    account.profileImage === '' ? null : account.profileImage,
  ];
}

/**
 * One CSV cell (RFC 4180): lists joined by a space, `null` empty, quoted when it holds `"`, `,`, CR or LF.
 * @example csvCell('a "b"') // '"a ""b"""'
 */
export function csvCell(value: Cell): string {
  const s = value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function accountLookup(sim: SimulationResult): (post: SimPost) => SimAccount {
  const byKey = new Map(sim.accounts.map((a) => [`${a.platform}:${a.id}`, a]));
  return (post) => {
    const account = byKey.get(`${post.platform}:${post.account}`);
    if (account === undefined)
      throw new Error(`simulate/write: post ${post.id} has no account ${post.account}`);
    return account;
  };
}

/** The posts as CSV lines (header first), each ending in `\n`, one at a time. */
export function* postsCsvLines(sim: SimulationResult): Generator<string> {
  const accountOf = accountLookup(sim);
  yield `${SIMULATION_COLUMNS.join(',')}\n`;
  for (const post of sim.posts) yield `${record(post, accountOf(post)).map(csvCell).join(',')}\n`;
}

/** The posts as JSON lines (one object per post, keys of {@link SIMULATION_COLUMNS}), one at a time. */
export function* postsJsonlLines(sim: SimulationResult): Generator<string> {
  const accountOf = accountLookup(sim);
  for (const post of sim.posts) {
    const cells = record(post, accountOf(post));
    const obj: Record<string, Cell> = {};
    SIMULATION_COLUMNS.forEach((c, i) => {
      obj[c] = cells[i]!;
    });
    yield `${JSON.stringify(obj)}\n`;
  }
}

/**
 * The posts as CSV text: a header of {@link SIMULATION_COLUMNS}, one row per post in the result's order, CRLF-free
 * (`\n` line ends). One string: for large cases use {@link writeSimulation}, which streams.
 */
export function formatPostsCsv(sim: SimulationResult): string {
  return [...postsCsvLines(sim)].join('');
}

/** The posts as JSON lines: one object per post with the keys of {@link SIMULATION_COLUMNS} (one string). */
export function formatPostsJsonl(sim: SimulationResult): string {
  return [...postsJsonlLines(sim)].join('');
}

/**
 * Write a simulated case into `dir` (created when missing; existing files of the same names are replaced).
 * @param dir output directory
 * @param sim the result of `simulateScenario`
 * @param options `format`: `csv` (default) → `posts.csv`; `jsonl` → `posts.jsonl`
 * @returns the paths written
 * @throws {ConfigError} `CONFIG_INVALID` for an unknown format; file-system errors as thrown by `node:fs`
 */
export async function writeSimulation(
  dir: string,
  sim: SimulationResult,
  options: { format?: SimulationFormat } = {},
): Promise<{ postsPath: string; truthPath: string }> {
  const format = options.format ?? 'csv';
  if (!(SIMULATION_FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`simulate/write: invalid \`format\` "${String(format)}". Expecting csv or jsonl.`);
  }
  await mkdir(dir, { recursive: true });
  const postsPath = join(dir, format === 'csv' ? 'posts.csv' : 'posts.jsonl');
  const truthPath = join(dir, 'truth.json');
  await writeChunks(postsPath, format === 'csv' ? postsCsvLines(sim) : postsJsonlLines(sim));
  await writeFile(truthPath, `${JSON.stringify(sim.truth, null, 2)}\n`);
  return { postsPath, truthPath };
}
