/**
 * Write text produced piece by piece (one node, one edge, one post at a time) to a file, gathering about 1 MB per
 * write: large outputs never become one string (V8 caps a string near 2^29 characters) and small pieces do not
 * cost a system call each.
 */
import { open } from 'node:fs/promises';

/** Characters gathered before one write (about 1 MB of text). */
export const WRITE_BUFFER_CHARS = 1 << 20;

/**
 * Write `chunks` to `path` (created or truncated), in order, as UTF-8.
 * @param path the file to write
 * @param chunks the text, in pieces of any size
 * @throws {Error} the file-system error (e.g. `EACCES`, `ENOSPC`); the file is closed either way
 * @example await writeChunks('case/network.json', writeNetworkJsonChunks(network));
 */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= WRITE_BUFFER_CHARS) {
        await file.write(buffer, null, 'utf8');
        buffer = '';
      }
    }
    if (buffer !== '') await file.write(buffer, null, 'utf8');
  } finally {
    await file.close();
  }
}
