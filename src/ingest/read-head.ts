/**
 * Read the beginning of a text file (decompressed, decoded) for format detection.
 */
import { readTextChunks } from './read-text-chunks.js';

/** What {@link readHead} read. */
export interface TextHead {
  /** The first characters of the file (whole chunks, so possibly more than asked for). */
  text: string;
  /** The whole file was read. */
  complete: boolean;
}

/** Most characters {@link readHead} reads, whatever `enough` says. */
export const HEAD_MAX_CHARS = 64 * 1024 * 1024;

/**
 * Read chunks until `enough(text)` holds, the file ends, or {@link HEAD_MAX_CHARS} characters are read.
 * @param path file path
 * @param gzip the file is gzip-compressed
 * @param enough stop condition on the text read so far
 * @returns the head
 * @throws {InputError} `INPUT_UNREADABLE` when reading or decompressing fails
 * @example await readHead('a.csv', false, (t) => t.includes('\n'))
 */
export async function readHead(
  path: string,
  gzip: boolean,
  enough: (text: string) => boolean,
): Promise<TextHead> {
  let text = '';
  for await (const chunk of readTextChunks(path, gzip)) {
    text += chunk;
    if (enough(text) || text.length >= HEAD_MAX_CHARS) return { text, complete: false };
  }
  return { text, complete: true };
}
