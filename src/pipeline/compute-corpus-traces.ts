/**
 * Signals stage, part 1: trace kinds that need the whole corpus rather than one post (DESIGN.md §4). Runs after
 * ingest and exact de-duplication, before encoding, and appends to `traces_raw` so the new kinds flow through the
 * same co-action, network and evidence model as the per-post kinds:
 * - `neardup`: near-duplicate text groups (MinHash + LSH, Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of
 *   Massive Datasets* ch. 3), see `findNearDuplicates`;
 * - `misspelling`: shared rare misspellings, see `findMisspellings`;
 * - `hashtagseq`: an account's ordered hashtag sequence of one UTC day (Pacheco et al. 2021,
 *   doi:10.1609/icwsm.v15i1.18075, case 3), see `hashtagSequences`;
 * - `media`: local image files hashed with pHash (Zauner 2010) and every 64-bit pHash replaced by its group of
 *   hashes within a Hamming radius (BK-tree, Burkhard & Keller 1973), see `groupMediaHashes`.
 */
import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

import type { CorpusSignalStats } from '../model/run-info.js';
import type { TraceKind } from '../model/trace.js';
import {
  computeImagePhashOfBytes,
  createMisspellingFinder,
  findNearDuplicates,
  groupMediaHashes,
  type HashtagSequenceOptions,
  hashtagSequences,
  type MediaGroupOptions,
  type MisspellingOptions,
  type MisspellingResult,
  type NearDupOptions,
} from '../signals/index.js';
import type { DuckStore } from '../store/duck-store.js';
import { normalizeHashtag } from '../traces/normalize-hashtag.js';
import { normalizeText } from '../traces/normalize-text.js';

/** Options of {@link computeCorpusTraces}; each part partial over its module's defaults. */
export interface CorpusTraceOptions {
  /** Trace kinds wanted; corpus kinds not listed are skipped. */
  kinds: readonly TraceKind[];
  neardup: Partial<NearDupOptions>;
  misspelling: Partial<MisspellingOptions>;
  hashtagSeq: Partial<HashtagSequenceOptions>;
  media: Partial<MediaGroupOptions>;
  /** Largest local image file hashed, in bytes (default 32 MiB); bigger files are skipped with a warning. */
  maxImageBytes?: number;
}

/** What {@link computeCorpusTraces} did, for run.json. */
export type CorpusTraceStats = CorpusSignalStats;

const MAX_WARNINGS = 20;
const DEFAULT_MAX_IMAGE_BYTES = 32 * 1024 * 1024;

/**
 * Compute the corpus trace kinds listed in `options.kinds` and append them to `traces_raw`; regroup `media`
 * values by perceptual hash.
 * @param store an open case store with `posts` and `traces_raw` filled
 * @param options see {@link CorpusTraceOptions}
 * @returns counts per signal
 * @throws {ConfigError} when a signal option is invalid; {@link StoreError} when a query fails. A local image
 *   that cannot be read is not an error: it keeps its file reference as an exact object and is listed in
 *   `media.warnings`.
 */
export async function computeCorpusTraces(
  store: DuckStore,
  options: CorpusTraceOptions,
): Promise<CorpusTraceStats> {
  const want = new Set(options.kinds);
  const stats: CorpusTraceStats = {};
  // One scan of the texts feeds both text signals.
  const finder = want.has('misspelling') ? createMisspellingFinder(options.misspelling) : null;
  if (want.has('neardup')) {
    stats.neardup = await nearDuplicateTraces(store, options.neardup, (post) => finder?.add(post));
  } else if (finder !== null) {
    for await (const post of postTexts(store)) finder.add(post);
  }
  if (finder !== null) stats.misspelling = await misspellingTraces(store, finder.result());
  if (want.has('hashtagseq')) stats.hashtagseq = await hashtagSequenceTraces(store, options.hashtagSeq);
  if (want.has('media')) {
    stats.media = await regroupMedia(store, options.media, options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES);
  }
  return stats;
}

/** Stream the posts' texts (not shares: their text is the parent's) in record order. */
async function* postTexts(
  store: DuckStore,
): AsyncGenerator<{ id: number; accountKey: string; text: string }> {
  const sql = `SELECT rec, platform || ':' || account_id AS key, text FROM posts
    WHERE kind <> 'share' AND text IS NOT NULL AND text <> '' ORDER BY rec`;
  for await (const chunk of store.rows<{ rec: bigint; key: string; text: string }>(sql)) {
    for (const row of chunk) yield { id: Number(row.rec), accountKey: row.key, text: row.text };
  }
}

async function appendTraces(
  store: DuckStore,
  kind: TraceKind,
  rows: Iterable<{ rec: number; value: string }>,
): Promise<number> {
  const app = await store.appender('traces_raw');
  let n = 0;
  for (const row of rows) {
    app.appendBigInt(BigInt(row.rec));
    app.appendVarchar(kind);
    app.appendVarchar(row.value);
    app.endRow();
    n++;
  }
  app.closeSync();
  return n;
}

async function nearDuplicateTraces(
  store: DuckStore,
  options: Partial<NearDupOptions>,
  alsoSee: (post: { id: number; accountKey: string; text: string }) => void,
): Promise<NonNullable<CorpusTraceStats['neardup']>> {
  const result = await findNearDuplicates(
    (async function* () {
      for await (const post of postTexts(store)) {
        alsoSee(post);
        yield { id: post.id, text: post.text };
      }
    })(),
    options,
  );
  // A group whose members are all exact copies (same `text` key) is already one `text` object: only groups with
  // at least two different exact-text keys become `neardup` objects, so exact copypasta is not counted twice.
  // (Copies differing only by look-alike letters have different exact keys and one near-duplicate key.)
  const keys = await exactTextKeys(
    store,
    result.groups.flatMap((g) => g.members),
  );
  const rows: { rec: number; value: string }[] = [];
  let groups = 0;
  for (const group of result.groups) {
    if (new Set(group.members.map((id) => keys.get(id))).size < 2) continue;
    groups++;
    // The object names its group and shows the start of its most-posted text, so tables and reports are readable.
    const value = `${group.id} ${snippet(keys.get(group.representativeId) ?? '')}`;
    for (const id of group.members) rows.push({ rec: id, value });
  }
  const traces = await appendTraces(store, 'neardup', rows);
  return {
    texts: result.stats.texts,
    eligible: result.stats.eligible,
    short: result.stats.short,
    groups,
    groupedPosts: rows.length,
    traces,
  };
}

/** Characters of the representative text kept in a `neardup` object value. */
const SNIPPET_CODE_POINTS = 60;

/** The first {@link SNIPPET_CODE_POINTS} code points of a text, with `…` when cut. */
function snippet(text: string): string {
  const points = [...text];
  return points.length <= SNIPPET_CODE_POINTS ? text : `${points.slice(0, SNIPPET_CODE_POINTS).join('')}…`;
}

/** The exact-text key (`normalizeText`) of each of the given posts. */
async function exactTextKeys(store: DuckStore, recs: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (recs.length === 0) return out;
  await store.run('CREATE OR REPLACE TEMP TABLE wanted_recs (rec BIGINT)');
  const app = await store.appender('wanted_recs');
  for (const rec of recs) {
    app.appendBigInt(BigInt(rec));
    app.endRow();
  }
  app.closeSync();
  const sql = 'SELECT p.rec, p.text FROM posts p JOIN wanted_recs w ON w.rec = p.rec ORDER BY p.rec';
  for await (const chunk of store.rows<{ rec: bigint; text: string }>(sql)) {
    for (const row of chunk) out.set(Number(row.rec), normalizeText(String(row.text)));
  }
  await store.run('DROP TABLE wanted_recs');
  return out;
}

async function misspellingTraces(
  store: DuckStore,
  found: MisspellingResult,
): Promise<NonNullable<CorpusTraceStats['misspelling']>> {
  // The object is the misspelling with its likely correction (`goverment→government`): the correction is a
  // function of the token, so the object is still one per misspelling, and tables say what was meant.
  const rows = found.traces.map((t) => ({ rec: t.id, value: `${t.token}→${t.correction}` }));
  const traces = await appendTraces(store, 'misspelling', rows);
  return { tokens: new Set(rows.map((r) => r.value)).size, traces };
}

async function hashtagSequenceTraces(
  store: DuckStore,
  options: Partial<HashtagSequenceOptions>,
): Promise<NonNullable<CorpusTraceStats['hashtagseq']>> {
  const sql = `SELECT rec, platform || ':' || account_id AS key, ts_ms, hashtags FROM posts
    WHERE kind <> 'share' AND hashtags IS NOT NULL AND hashtags <> '[]'
    ORDER BY key, ts_ms, rec`;
  // One account at a time (rows come grouped by account), so memory holds one account's tagged posts.
  type Row = { rec: number; accountKey: string; tsMs: number; hashtags: string[] };
  const sequences: { rec: number; value: string }[] = [];
  let account: Row[] = [];
  const flush = (): void => {
    for (const s of hashtagSequences(account, options)) sequences.push({ rec: s.rec, value: s.sequence });
    account = [];
  };
  for await (const chunk of store.rows<{ rec: bigint; key: string; ts_ms: bigint; hashtags: string }>(sql)) {
    for (const row of chunk) {
      const tags: string[] = [];
      for (const raw of JSON.parse(String(row.hashtags)) as unknown[]) {
        const tag = typeof raw === 'string' ? normalizeHashtag(raw) : null;
        if (tag !== null && tag !== '') tags.push(tag);
      }
      if (tags.length === 0) continue;
      if (account.length > 0 && account[0]!.accountKey !== row.key) flush();
      account.push({ rec: Number(row.rec), accountKey: row.key, tsMs: Number(row.ts_ms), hashtags: tags });
    }
  }
  flush();
  const traces = await appendTraces(store, 'hashtagseq', sequences);
  return { sequences: sequences.length, traces };
}

async function regroupMedia(
  store: DuckStore,
  options: Partial<MediaGroupOptions>,
  maxImageBytes: number,
): Promise<NonNullable<CorpusTraceStats['media']>> {
  const values = (
    await store.all<{ value: string }>(
      "SELECT DISTINCT value FROM traces_raw WHERE kind = 'media' ORDER BY value",
    )
  ).map((r) => String(r.value));
  const folders: string[] = [];
  for (const row of await store.all<{ path: string }>('SELECT path FROM files')) {
    try {
      folders.push(await realpath(dirname(resolve(String(row.path)))));
    } catch {
      // An input folder that no longer exists allows nothing.
    }
  }
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  // Local image files → their pHash; the hash then groups like any hash given in the data.
  const hashOf = new Map<string, string>();
  let files = 0;
  let filesHashed = 0;
  for (const value of values) {
    if (!value.startsWith('file:')) continue;
    files++;
    const path = value.slice('file:'.length);
    const read = await readLocalImage(path, folders, maxImageBytes);
    if ('refused' in read) {
      warn(`${path}: ${read.refused}`);
      continue;
    }
    try {
      // Prefixed: a hash we computed is a pHash even when it looks like an id (few bits set, zero runs).
      hashOf.set(value, `phash:${await computeImagePhashOfBytes(read.data, path)}`);
      filesHashed++;
    } catch (cause) {
      warn(`${path}: ${(cause as Error).message}`);
    }
  }
  const hashes = values.map((v) => hashOf.get(v) ?? v);
  const grouping = groupMediaHashes(hashes, options);
  const mapping: { value: string; group: string }[] = [];
  for (const value of values) {
    const group = grouping.groupOf.get(hashOf.get(value) ?? value);
    if (group !== undefined && group !== value) mapping.push({ value, group });
  }
  if (mapping.length > 0) {
    await store.run('CREATE OR REPLACE TEMP TABLE media_map (value VARCHAR, grp VARCHAR)');
    const app = await store.appender('media_map');
    for (const m of mapping) {
      app.appendVarchar(m.value);
      app.appendVarchar(m.group);
      app.endRow();
    }
    app.closeSync();
    await store.run(`UPDATE traces_raw SET value = m.grp FROM media_map m
      WHERE traces_raw.kind = 'media' AND traces_raw.value = m.value`);
    // Two images of one post in the same group are one trace.
    await store.run(`CREATE OR REPLACE TABLE traces_raw AS
      SELECT DISTINCT rec, kind, value FROM traces_raw ORDER BY rec, kind, value`);
    await store.run('DROP TABLE media_map');
  }
  return {
    hashes: values.length,
    files,
    filesHashed,
    groups: grouping.groups.length,
    regrouped: mapping.length,
    warnings,
  };
}

/**
 * Read a local image named by the data, or say why not. Paths come from the data, which the adversary may have
 * written, so: every link in the path is resolved first (`realpath`) and the real file must lie inside the real
 * folder of an input file; it is then opened without following a final link (`O_NOFOLLOW`), and the open file
 * itself must be a regular file (no device, pipe or folder) of at most `maxBytes`.
 */
async function readLocalImage(
  path: string,
  folders: readonly string[],
  maxBytes: number,
): Promise<{ data: Buffer } | { refused: string }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (cause) {
    return { refused: `cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const inside = folders.some((folder) => {
    const rel = relative(folder, real);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  });
  if (!inside) return { refused: 'not inside the folder of an input file (links resolved); not opened' };
  let handle: FileHandle | undefined;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { refused: 'not a regular file; not opened' };
    if (info.size > maxBytes) return { refused: `larger than ${maxBytes} bytes; not opened` };
    return { data: await handle.readFile() };
  } catch (cause) {
    return { refused: `cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle?.close();
  }
}
