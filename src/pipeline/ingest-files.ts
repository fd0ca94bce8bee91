/**
 * Ingest stage of the pipeline: read every input file through its adapter, append accepted posts, accounts,
 * quarantined records and the posts' traces to the case store in bulk (DuckDB Appender, never row-by-row
 * INSERTs), then drop exact duplicate records in one set-oriented pass. Counts reconcile per file:
 * `read = accepted + quarantined + duplicates`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import { CibError } from '../errors.js';
import { type IngestOptions, openInput } from '../ingest/index.js';
import type { Account } from '../model/account.js';
import type { Post } from '../model/post.js';
import { type ProgressSink, SILENT_PROGRESS } from '../model/progress.js';
import type { QuarantineEntry } from '../model/quarantine.js';
import type { RunInput } from '../model/run-info.js';
import type { DuckStore } from '../store/duck-store.js';
import { extractTraces, type TraceOptions } from '../traces/index.js';

/** What {@link ingestFiles} returns. */
export interface IngestFilesResult {
  /** One entry per input path, in the given order, with reconciled counts. */
  inputs: RunInput[];
  /** Milliseconds spent extracting traces (inside the ingest loop). */
  traceExtractMs: number;
  /** Trace rows appended (before duplicate removal). */
  tracesAppended: number;
}

/** Plain words for the file-system errors a user meets. */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of the path is not a directory',
  ELOOP: 'too many symbolic links',
};

/** SHA-256 (hex) and size of a file, streamed. */
async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Read `paths` into the store's `posts`, `accounts`, `quarantine`, `traces_raw` and `files` tables, then remove exact
 * duplicate records (same content as an earlier record of the run; metrics and source location ignored; NULLs
 * compare equal) together with their traces. A file that cannot be opened or recognised is recorded with its `error` and the others still run.
 *
 * @param store an open case store (tables created)
 * @param paths input files, read in this order; `file_idx` is the position
 * @param options `ingest`: adapter options (format, map, tz, platform); `traces`: trace extraction options
 * @param progress progress sink (rows per file)
 * @returns per-file counts and trace extraction time
 * @throws {StoreError} when the store fails (disk full, locked); bad records never throw
 */
export async function ingestFiles(
  store: DuckStore,
  paths: readonly string[],
  options: { ingest?: IngestOptions; traces?: Partial<TraceOptions> } = {},
  progress: ProgressSink = SILENT_PROGRESS,
): Promise<IngestFilesResult> {
  const posts = await store.appender('posts');
  const accounts = await store.appender('accounts');
  const quarantine = await store.appender('quarantine');
  const traces = await store.appender('traces_raw');
  const inputs: RunInput[] = [];
  let rec = 0;
  let accountSeq = 0;
  let traceExtractMs = 0;
  let tracesAppended = 0;

  const appendQuarantine = (fileIdx: number, entry: QuarantineEntry) => {
    quarantine.appendInteger(fileIdx);
    quarantine.appendVarchar(entry.file);
    quarantine.appendBigInt(BigInt(entry.record));
    quarantine.appendVarchar(entry.field);
    quarantine.appendVarchar(entry.code);
    quarantine.appendVarchar(entry.reason);
    quarantine.appendVarchar(entry.raw);
    quarantine.endRow();
  };
  const optVarchar = (value: string | undefined, app: typeof posts) => {
    if (value === undefined) app.appendNull();
    else app.appendVarchar(value);
  };
  const optNumber = (value: number | undefined, app: typeof posts) => {
    if (value === undefined) app.appendNull();
    else app.appendDouble(value);
  };
  const appendAccount = (fileIdx: number, account: Account) => {
    accounts.appendVarchar(account.platform);
    accounts.appendVarchar(account.accountId);
    optVarchar(account.handle, accounts);
    optVarchar(account.displayName, accounts);
    if (account.createdAtMs === undefined) accounts.appendNull();
    else accounts.appendBigInt(BigInt(account.createdAtMs));
    optNumber(account.followers, accounts);
    optNumber(account.following, accounts);
    optVarchar(account.bio, accounts);
    optVarchar(account.profileImageHash, accounts);
    optVarchar(account.label, accounts);
    accounts.appendInteger(fileIdx);
    accounts.appendBigInt(BigInt(accountSeq++));
    accounts.endRow();
  };
  const appendPost = (fileIdx: number, post: Post) => {
    const id = BigInt(rec);
    posts.appendBigInt(id);
    posts.appendInteger(fileIdx);
    posts.appendBigInt(BigInt(post.source.record));
    posts.appendVarchar(post.platform);
    posts.appendVarchar(post.postId);
    posts.appendVarchar(post.accountId);
    posts.appendBigInt(BigInt(post.tsMs));
    posts.appendVarchar(post.kind);
    optVarchar(post.text, posts);
    optVarchar(post.lang, posts);
    posts.appendVarchar(JSON.stringify(post.urls));
    posts.appendVarchar(JSON.stringify(post.hashtags));
    posts.appendVarchar(JSON.stringify(post.mentions));
    posts.appendVarchar(JSON.stringify(post.mediaHashes));
    optVarchar(post.parentPostId, posts);
    optVarchar(post.parentAccountId, posts);
    posts.appendVarchar(JSON.stringify(post.objects ?? []));
    optVarchar(post.metrics === undefined ? undefined : JSON.stringify(post.metrics), posts);
    posts.endRow();

    const t0 = performance.now();
    const drafts = extractTraces(post, options.traces);
    traceExtractMs += performance.now() - t0;
    for (const draft of drafts) {
      traces.appendBigInt(id);
      traces.appendVarchar(draft.kind);
      traces.appendVarchar(draft.object);
      traces.endRow();
    }
    tracesAppended += drafts.length;
    rec++;
  };

  for (const [fileIdx, path] of paths.entries()) {
    const input: RunInput = {
      path,
      sha256: null,
      bytes: 0,
      format: null,
      read: 0,
      accepted: 0,
      quarantined: 0,
      duplicates: 0,
      quarantinedBy: {},
      timeRules: {},
    };
    inputs.push(input);
    try {
      const st = await stat(path);
      if (!st.isFile())
        throw Object.assign(new Error('not a regular file'), {
          code: st.isDirectory() ? 'EISDIR' : undefined,
        });
      const digest = await fileDigest(path);
      input.sha256 = digest.sha256;
      input.bytes = digest.bytes;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const why = code === undefined ? (cause as Error).message : (FS_REASONS[code] ?? code);
      input.error = `cannot read "${path}": ${why}`;
      continue;
    }
    try {
      const reader = await openInput(path, options.ingest);
      input.format = reader.format;
      progress.start(`ingest ${path}`, reader.format === 'parquet' ? undefined : input.bytes);
      let pending = 0;
      for await (const item of reader.items()) {
        if (item.type === 'post') {
          appendPost(fileIdx, item.post);
          input.read++;
          input.accepted++;
        } else if (item.type === 'quarantine') {
          appendQuarantine(fileIdx, item.entry);
          input.read++;
          input.quarantined++;
          const why = `${item.entry.field || '(record)'} ${item.entry.code}`;
          input.quarantinedBy[why] = (input.quarantinedBy[why] ?? 0) + 1;
        } else {
          appendAccount(fileIdx, item.account);
        }
        if (++pending >= 8192) {
          progress.update(reader.bytesRead(), input.read);
          pending = 0;
        }
      }
      progress.update(input.bytes, input.read);
      input.timeRules = reader.timeRules();
      const ignored = reader.ignoredValues();
      if (Object.keys(ignored).length > 0) input.ignoredValues = ignored;
    } catch (cause) {
      if (!(cause instanceof CibError)) throw cause;
      input.error = cause.message;
    } finally {
      progress.end();
    }
  }
  for (const app of [posts, accounts, quarantine, traces]) app.closeSync();

  // Exact duplicates: every record after the first with the same content (all post columns but the record's
  // location and metrics). Only (platform, post_id) keys seen more than once can hold one, so the window runs on
  // those rows alone.
  await store.run(`CREATE OR REPLACE TEMP TABLE dup_recs AS
    WITH repeated AS (SELECT platform, post_id FROM posts GROUP BY platform, post_id HAVING count(*) > 1)
    SELECT rec, file_idx FROM (
      SELECT p.rec, p.file_idx, row_number() OVER (
          PARTITION BY p.platform, p.post_id, p.account_id, p.ts_ms, p.kind, p.text, p.lang, p.urls::VARCHAR,
            p.hashtags::VARCHAR, p.mentions::VARCHAR, p.media_hashes::VARCHAR, p.parent_post_id,
            p.parent_account_id, p.objects::VARCHAR
          ORDER BY p.rec) AS rn
      FROM posts p JOIN repeated USING (platform, post_id))
    WHERE rn > 1`);
  const dupCounts = await store.all<{ file_idx: number; n: bigint }>(
    'SELECT file_idx, count(*) AS n FROM dup_recs GROUP BY file_idx',
  );
  for (const row of dupCounts) {
    const input = inputs[row.file_idx];
    if (!input) continue;
    input.duplicates = Number(row.n);
    input.accepted -= input.duplicates;
  }
  if (dupCounts.length > 0) {
    await store.run('DELETE FROM posts WHERE rec IN (SELECT rec FROM dup_recs)');
    await store.run('DELETE FROM traces_raw WHERE rec IN (SELECT rec FROM dup_recs)');
  }
  await store.run('DROP TABLE dup_recs');

  const files = await store.appender('files');
  for (const [fileIdx, input] of inputs.entries()) {
    files.appendInteger(fileIdx);
    files.appendVarchar(input.path);
    optVarchar(input.sha256 ?? undefined, files);
    files.appendBigInt(BigInt(input.bytes));
    optVarchar(input.format ?? undefined, files);
    files.appendBigInt(BigInt(input.read));
    files.appendBigInt(BigInt(input.accepted));
    files.appendBigInt(BigInt(input.quarantined));
    files.appendBigInt(BigInt(input.duplicates));
    optVarchar(input.error, files);
    files.appendVarchar(JSON.stringify(input.timeRules));
    files.endRow();
  }
  files.closeSync();
  return { inputs, traceExtractMs, tracesAppended };
}
