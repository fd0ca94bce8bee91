/**
 * Stream a text file as decoded string chunks: gzip decompressed on the fly, the encoding chosen by its byte-order
 * mark (UTF-8 by default, UTF-16 LE/BE when marked), the BOM removed. Constant memory.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';

import { InputError } from '../errors.js';

/** Raw read size per chunk, in bytes. */
export const READ_CHUNK_BYTES = 1 << 16;

/**
 * Read `path` as text.
 *
 * Invalid UTF-8 sequences become U+FFFD (they surface later as odd characters, never as a crash). Stopping the
 * iteration early closes the file.
 *
 * @param path file path
 * @param gzip decompress with gunzip (RFC 1952; concatenated members are read in turn)
 * @param counter when given, its `bytesRead` follows the raw bytes read from the file (for progress bars)
 * @returns an async generator of string chunks (about {@link READ_CHUNK_BYTES} each; the last may be short)
 * @throws {InputError} `INPUT_UNREADABLE` when reading or decompressing fails (corrupt or truncated gzip,
 *   I/O error)
 * @example for await (const chunk of readTextChunks('a.csv.gz', true)) total += chunk.length;
 */
export async function* readTextChunks(
  path: string,
  gzip: boolean,
  counter?: { bytesRead: number },
): AsyncGenerator<string> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const source = gzip
    ? pipeline(file, createGunzip({ chunkSize: READ_CHUNK_BYTES }), () => {
        // errors surface through the iteration of the gunzip stream
      })
    : file;
  let decoder: TextDecoder | undefined;
  try {
    for await (const buf of source as AsyncIterable<Buffer>) {
      if (counter !== undefined) counter.bytesRead = file.bytesRead;
      if (decoder === undefined) decoder = new TextDecoder(encodingOf(buf));
      const text = decoder.decode(buf, { stream: true });
      if (text !== '') yield text;
    }
    if (decoder !== undefined) {
      const tail = decoder.decode();
      if (tail !== '') yield tail;
    }
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const what = gzip ? 'decompress' : 'read';
    throw new InputError(
      'INPUT_UNREADABLE',
      path,
      `ingest: cannot ${what} "${path}": ${(cause as Error).message}`,
      {
        cause,
      },
    );
  } finally {
    file.destroy();
    if (source !== file) source.destroy();
  }
}

/** Encoding by byte-order mark: UTF-16 LE `ff fe`, UTF-16 BE `fe ff`, else UTF-8 (whose BOM TextDecoder drops). */
function encodingOf(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
