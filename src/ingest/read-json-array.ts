/**
 * Reader for a file holding one JSON array of records (`[ {...}, {...} ]`, as X API v1.1 dumps often are). Small
 * files (up to {@link WHOLE_PARSE_MAX_CHARS}) are parsed at once with `JSON.parse`; larger ones are streamed
 * element by element with stream-json's `StreamArray`, in constant memory.
 */
import StreamArray from 'stream-json/streamers/StreamArray.js';

/** One array element, or the syntax error that ended the array early. */
export type ArrayElement =
  | { record: number; value: unknown }
  | {
      /** 1-based index the next element would have had. */
      record: number;
      /** Parser message: the rest of the file could not be read. */
      error: string;
    };

/** Texts up to this many characters are parsed whole; longer ones are streamed. */
export const WHOLE_PARSE_MAX_CHARS = 64 * 1024 * 1024;

const BATCH = 1024;

/**
 * Read the elements of a JSON array, in batches, numbered from 1.
 *
 * On a syntax error the elements before it are returned as usual and one final `{ record, error }` entry stands
 * for the unreadable rest (in the whole-text path the text is re-read by the streaming parser to recover those
 * elements). When the top-level value is not an array, the whole file is that one error entry.
 *
 * @param chunks decoded text chunks (see `readTextChunks`)
 * @param wholeMaxChars whole-parse threshold in characters; default {@link WHOLE_PARSE_MAX_CHARS}
 * @returns an async generator of element batches
 * @throws {InputError} `INPUT_UNREADABLE` passed through from `chunks` (I/O or gzip failures)
 * @example for await (const batch of readJsonArray(readTextChunks('tweets.json', false))) count += batch.length;
 */
export async function* readJsonArray(
  chunks: AsyncIterable<string>,
  wholeMaxChars = WHOLE_PARSE_MAX_CHARS,
): AsyncGenerator<ArrayElement[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    const held: string[] = [];
    let heldChars = 0;
    let exhausted = false;
    while (heldChars <= wholeMaxChars) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      held.push(next.value);
      heldChars += next.value.length;
    }
    if (exhausted) {
      const text = held.join('');
      let parsed: unknown;
      let ok = true;
      try {
        parsed = JSON.parse(text);
      } catch {
        ok = false;
      }
      if (ok && Array.isArray(parsed)) {
        for (let i = 0; i < parsed.length; i += BATCH) {
          yield parsed.slice(i, i + BATCH).map((value, j) => ({ record: i + j + 1, value }));
        }
        return;
      }
      yield* streamElements(once(text));
      return;
    }
    yield* streamElements(
      (async function* () {
        yield* held;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      })(),
    );
  } finally {
    await iterator.return?.(); // stopping early closes the file
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function* streamElements(text: AsyncIterable<string>): AsyncGenerator<ArrayElement[]> {
  // Elements are collected from 'data' events as the parser emits them, so the ones before a syntax error are kept
  // (an async iterator over the stream would drop buffered elements when the error destroys it).
  const parser = StreamArray.withParser();
  let queue: ArrayElement[] = [];
  let count = 0;
  let failure: Error | undefined;
  parser.on('data', (element: { key: number; value: unknown }) => {
    count++;
    queue.push({ record: element.key + 1, value: element.value });
  });
  const settled = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', (err: Error) => {
      failure ??= err;
      resolve();
    });
  });
  try {
    for await (const chunk of text) {
      if (failure !== undefined) break;
      const flowing = parser.write(chunk);
      if (queue.length > 0) {
        yield queue;
        queue = [];
      }
      if (!flowing && failure === undefined) {
        await new Promise<void>((resolve) => {
          parser.once('drain', resolve);
          parser.once('error', () => resolve());
        });
      }
    }
    if (failure === undefined) parser.end();
    await settled;
    if (queue.length > 0) yield queue;
    if (failure !== undefined) yield [{ record: count + 1, error: `invalid JSON array: ${failure.message}` }];
  } finally {
    parser.destroy();
  }
}
