/**
 * Synthetic benchmark data: `generateSyntheticPosts` streams the {@link SyntheticModel} population to a generic
 * CSV that Chorus auto-detects (`id, account, ts, text, urls, hashtags, mentions, parent, parent_account`; a row
 * with a `parent` is a retweet), optionally gzip-compressed, and writes a ground-truth JSON of the planted
 * accounts next to it. Deterministic: one seed and one set of options give byte-identical files.
 *
 * Run alone: `node --import tsx bench/generate-synthetic.ts --posts 1e6 --seed 42 --out bench-out/data/s.csv`
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

import {
  createRng,
  hash32,
  type PlantedGroup,
  resolveSyntheticOptions,
  type SyntheticCounts,
  SyntheticModel,
  type SyntheticModelOptions,
  type SynthPost,
  TEXT_NONE,
  TEXT_TEMPLATE,
  type TrendingObject,
} from './synthetic-model.js';

/** Version of the file layout; part of the cache key. Bump when the rendering changes. */
export const SYNTHETIC_FORMAT_VERSION = 1;

/** Options of {@link generateSyntheticPosts}: model options plus where and how to write. */
export interface GenerateSyntheticOptions extends Partial<SyntheticModelOptions> {
  /** Posts to write (integer ≥ 10,000). */
  posts: number;
  /** Seed of every random choice. */
  seed: number;
  /** CSV path; `.gz` is added when `gzip` is set and the path lacks it. */
  out: string;
  /** Ground-truth JSON path (default: the CSV path with `.truth.json` instead of `.csv[.gz]`). */
  truthOut?: string;
  /** Gzip the CSV (level 1: fast; default false). */
  gzip?: boolean;
}

/** Ground truth written next to the CSV. */
export interface SyntheticTruth {
  format: 'chorus-bench-synthetic';
  version: number;
  /** Resolved model options (the cache key is derived from these, the version and `gzip`). */
  params: SyntheticModelOptions & { gzip: boolean };
  counts: SyntheticCounts;
  /** Platform the generic CSV yields (no platform column → `unknown`). */
  platform: string;
  /** Account ids (as in the CSV `account` column) of every planted account. */
  plantedAccountIds: string[];
  groups: { id: number; accountIds: string[]; events: number; eventsByKind: PlantedGroup['eventsByKind'] }[];
  trending: (Omit<TrendingObject, 'index'> & { value: string; burstStartUtc: string })[];
}

/** What {@link generateSyntheticPosts} returns. */
export interface GenerateSyntheticResult {
  path: string;
  truthPath: string;
  bytes: number;
  rows: number;
  seconds: number;
  truth: SyntheticTruth;
}

const HEADER = 'id,account,ts,text,urls,hashtags,mentions,parent,parent_account\n';
const POST_ID_BASE = 1_000_000_000_000;
const PARENT_ID_BASE = 900_000_000_000;
const ACCOUNT_ID_BASE = 10_000_000;
const CHUNK_ROWS = 8192;

/** A deterministic vocabulary of pronounceable pseudo-words (unique). */
export function makeVocabulary(size = 4096, seed = 7): string[] {
  const onset = [
    'b',
    'c',
    'd',
    'f',
    'g',
    'h',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'w',
    'z',
    'st',
    'tr',
    'br',
  ];
  const nucleus = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const coda = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'rk'];
  const rng = createRng(seed, 99);
  const pick = (xs: readonly string[]) => xs[Math.floor(rng() * xs.length)]!;
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(rng() * 3);
    let w = '';
    for (let i = 0; i < syllables; i++)
      w += pick(onset) + pick(nucleus) + (i === syllables - 1 ? pick(coda) : '');
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** Turns numeric {@link SynthPost}s into the strings of the CSV (and of the traces' canonical values). */
export class SyntheticRenderer {
  private readonly vocab = makeVocabulary();
  private readonly rng: () => number;
  private readonly templates = new Map<number, string>();

  constructor(private readonly model: SyntheticModel) {
    this.rng = createRng(model.options.seed, 3);
  }

  /** Public account id of an account index. */
  accountId(account: number): string {
    return String(ACCOUNT_ID_BASE + this.model.accountNumber(account));
  }

  /** Hashtag text (without `#`) of a hashtag index. */
  hashtag(index: number): string {
    const c = this.model.counts;
    const trendingFirst = c.hashtags - c.groups - this.model.options.trendingHashtags;
    const campaignFirst = c.hashtags - c.groups;
    const v = this.vocab;
    if (index >= campaignFirst) {
      const h = hash32(index, this.model.options.seed);
      return `${v[h % v.length]}${v[(h >>> 12) % v.length]}${2024 + (index % 3)}`;
    }
    if (index >= trendingFirst) return `breaking${v[index % v.length]}`;
    return index < v.length ? v[index]! : `${v[index % v.length]}${Math.floor(index / v.length)}`;
  }

  /** Host name of a domain index. */
  domain(index: number): string {
    const o = this.model.options;
    const v = this.vocab;
    if (index >= o.domains + o.trendingUrls) return `daily-truth-${index - o.domains - o.trendingUrls}.net`;
    if (index >= o.domains) return `bignews${index - o.domains}.com`;
    return `${v[index % v.length]}${index >= v.length ? Math.floor(index / v.length) : ''}-news.com`;
  }

  /** URL of a URL index (without tracking parameters). */
  url(index: number): string {
    const d = this.domain(this.model.domainOf(index));
    const section = this.vocab[hash32(index, 11) % 64]!;
    return `https://www.${d}/${section}/${index.toString(36)}`;
  }

  /** Copypasta text of a template id (`group × 3 + variant`). */
  template(id: number): string {
    let t = this.templates.get(id);
    if (t === undefined) {
      const rng = createRng(this.model.options.seed, 1000 + id);
      const words = Array.from(
        { length: 8 + Math.floor(rng() * 6) },
        () => this.vocab[Math.floor(rng() * this.vocab.length)]!,
      );
      t = `Wake up, people! ${words.join(' ')}. They don't want you to see "this" — share before it's deleted!!`;
      this.templates.set(id, t);
    }
    return t;
  }

  /** A fresh organic text: 6–14 words. */
  organicText(): string {
    const rng = this.rng;
    const v = this.vocab;
    const n = 6 + Math.floor(rng() * 9);
    let s = v[Math.floor(rng() * v.length)]!;
    for (let i = 1; i < n; i++) s += ` ${v[Math.floor(rng() * v.length)]!}`;
    return s;
  }

  /** One CSV line (with the trailing newline). */
  line(p: SynthPost): string {
    let text = '';
    if (p.textKind === TEXT_TEMPLATE) text = `"${this.template(p.template).replaceAll('"', '""')}"`;
    else if (p.textKind !== TEXT_NONE) text = this.organicText();
    const url =
      p.url < 0 ? '' : this.url(p.url) + (p.tracking ? '?utm_source=twitter&utm_medium=social' : '');
    const tags =
      p.tag0 < 0 ? '' : p.tag1 < 0 ? this.hashtag(p.tag0) : `${this.hashtag(p.tag0)} ${this.hashtag(p.tag1)}`;
    const mention = p.mention < 0 ? '' : `@user${this.model.accountNumber(p.mention)}`;
    const parent = p.parent < 0 ? '' : String(PARENT_ID_BASE + p.parent);
    const parentAccount = p.parent < 0 ? '' : this.accountId(this.model.parentAccount(p.parent));
    return `${POST_ID_BASE + p.rec},${this.accountId(p.account)},${new Date(p.tsMs).toISOString()},${text},${url},${tags},${mention},${parent},${parentAccount}\n`;
  }
}

/** The cache key of a data set: a short hash of the resolved options, `gzip` and the format version. */
export function syntheticCacheKey(options: Omit<GenerateSyntheticOptions, 'out' | 'truthOut'>): string {
  const { gzip = false, ...model } = options;
  const params = { ...resolveSyntheticOptions(model), gzip, version: SYNTHETIC_FORMAT_VERSION };
  return createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 10);
}

/** Default truth path: `x.csv` / `x.csv.gz` → `x.truth.json`. */
export function truthPathFor(csvPath: string): string {
  return `${csvPath.replace(/\.csv(\.gz)?$/, '')}.truth.json`;
}

/**
 * Generate a synthetic social-media export with planted coordination and write it as a generic CSV, plus a
 * ground-truth JSON. Streams to disk (constant memory); writes to a temporary name and renames at the end, so a
 * file at `out` is always complete.
 *
 * @param options `posts`, `seed`, `out`, `[gzip=false]`, `[truthOut]`, and any {@link SyntheticModelOptions}
 * @returns paths, bytes, rows, seconds and the ground truth
 * @throws {RangeError} for invalid model options
 * @example
 * const { path, truth } = await generateSyntheticPosts({ posts: 100_000, seed: 42, out: 'bench-out/s.csv' });
 */
export async function generateSyntheticPosts(
  options: GenerateSyntheticOptions,
): Promise<GenerateSyntheticResult> {
  const started = performance.now();
  const { out, truthOut, gzip = false, ...modelInput } = options;
  const path = gzip && !out.endsWith('.gz') ? `${out}.gz` : out;
  const truthPath = truthOut ?? truthPathFor(path);
  const model = new SyntheticModel(modelInput);
  const render = new SyntheticRenderer(model);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;

  let rows = 0;
  async function* chunks(): AsyncGenerator<string> {
    yield HEADER;
    let buf: string[] = [];
    for (let p = model.next(); p !== null; p = model.next()) {
      buf.push(render.line(p));
      rows++;
      if (buf.length >= CHUNK_ROWS) {
        yield buf.join('');
        buf = [];
      }
    }
    if (buf.length > 0) yield buf.join('');
  }
  const source = Readable.from(chunks(), { objectMode: false });
  const sink = createWriteStream(tmp);
  if (gzip) await pipeline(source, createGzip({ level: 1 }), sink);
  else await pipeline(source, sink);
  await rename(tmp, path);

  const truth: SyntheticTruth = {
    format: 'chorus-bench-synthetic',
    version: SYNTHETIC_FORMAT_VERSION,
    params: { ...model.options, gzip },
    counts: model.counts,
    platform: 'unknown',
    plantedAccountIds: model.groups.flatMap((g) => g.accounts.map((a) => render.accountId(a))),
    groups: model.groups.map((g) => ({
      id: g.id,
      accountIds: g.accounts.map((a) => render.accountId(a)),
      events: g.events,
      eventsByKind: g.eventsByKind,
    })),
    trending: model.trending.map(({ index, ...t }) => ({
      ...t,
      value: t.kind === 'hashtag' ? render.hashtag(index) : render.url(index),
      burstStartUtc: new Date(t.burstStartMs).toISOString(),
    })),
  };
  await writeFile(truthPath, `${JSON.stringify(truth, null, 1)}\n`, 'utf8');
  const bytes = (await stat(path)).size;
  return { path, truthPath, bytes, rows, seconds: (performance.now() - started) / 1000, truth };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'bench-out/data/synthetic.csv' },
      gzip: { type: 'boolean', default: false },
    },
  });
  const result = await generateSyntheticPosts({
    posts: Number(values.posts),
    seed: Number(values.seed),
    out: values.out,
    gzip: values.gzip,
  });
  const { truth, ...rest } = result;
  console.log(JSON.stringify({ ...rest, counts: truth.counts, trending: truth.trending }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
