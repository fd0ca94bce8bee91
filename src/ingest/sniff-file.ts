/**
 * First look at an input file: does it exist, how big is it, is it gzip-compressed, is it Parquet. Decided by
 * magic bytes, never by the file name.
 */
import { open, stat } from 'node:fs/promises';

import { InputError } from '../errors.js';

/** What {@link sniffFile} found. */
export interface FileSniff {
  /** File size in bytes (compressed size for gzip). */
  bytes: number;
  /** Starts with the gzip magic `1f 8b` (RFC 1952 §2.3.1). */
  gzip: boolean;
  /** Starts with the Parquet magic `PAR1`. */
  parquet: boolean;
}

/**
 * Check that `path` is a readable regular file and read its magic bytes.
 * @param path file path as given
 * @returns size and container hints
 * @throws {InputError} `INPUT_UNREADABLE` when the file is missing, not a regular file, or cannot be read
 * @example await sniffFile('posts.csv.gz') // { bytes: 1234, gzip: true, parquet: false }
 */
export async function sniffFile(path: string): Promise<FileSniff> {
  let bytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    bytes = info.size;
  } catch (cause) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `ingest: cannot read "${path}": ${(cause as Error).message}`,
      { cause },
    );
  }
  const head = Buffer.alloc(4);
  let got = 0;
  try {
    const handle = await open(path, 'r');
    try {
      got = (await handle.read(head, 0, 4, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `ingest: cannot read "${path}": ${(cause as Error).message}`,
      { cause },
    );
  }
  return {
    bytes,
    gzip: got >= 2 && head[0] === 0x1f && head[1] === 0x8b,
    parquet: got === 4 && head.toString('latin1') === 'PAR1',
  };
}
