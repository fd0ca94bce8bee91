/**
 * Reader for a file holding one pretty-printed JSON object whose records are the elements of one top-level array,
 * such as a Telegram Desktop export (`result.json`: `{ "name", "type", "id", "messages": [ … ] }`). The records
 * are streamed with stream-json (`Pick` of the first top-level key among {@link DOCUMENT_RECORD_KEYS}, then
 * `StreamArray`), in constant memory; the rest of the object is skipped.
 */
import Pick from 'stream-json/filters/Pick.js';
import Parser from 'stream-json/Parser.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import type { ArrayElement } from './read-json-array.js';

/** Top-level keys whose array holds the records of a JSON document (Telegram Desktop export: `messages`). */
export const DOCUMENT_RECORD_KEYS: readonly string[] = Object.freeze(['messages']);

/**
 * Name of the non-enumerable property that every object record of a JSON document carries: the document's
 * top-level string, number, boolean and null values that come before the records key (Telegram: `name`, `type`,
 * `id` of the chat). Non-enumerable, so `JSON.stringify` of the record (quarantine `raw`) leaves it out.
 */
export const DOCUMENT_ENVELOPE = '$document';

/**
 * The envelope a JSON-document record carries (see {@link DOCUMENT_ENVELOPE}), or `undefined` for records of
 * other containers.
 * @example documentEnvelope(record)?.id // 1500000001 for a Telegram channel export
 */
export function documentEnvelope(record: unknown): Readonly<Record<string, unknown>> | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const env = (record as Record<string, unknown>)[DOCUMENT_ENVELOPE];
  return env !== null && typeof env === 'object' ? (env as Record<string, unknown>) : undefined;
}

/**
 * Is `headText` the start of a JSON document rather than JSON lines? Either pretty-printed (its first non-blank line
 * is exactly `{`; a JSON line is a whole object on one line, so it never is), or compact (`jq -c` output): its first
 * line opens an object that names one of `keys` as an array (`"messages": [`) before any line break.
 * @param headText the first decoded characters of the file
 * @param keys top-level array keys of the supported documents (default {@link DOCUMENT_RECORD_KEYS})
 * @example looksLikeJsonDocument('{\n "name": "x",\n "messages": [') // true
 * @example looksLikeJsonDocument('{"name":"x","type":"public_channel","messages":[{"id":1') // true
 * @example looksLikeJsonDocument('{"id": 1}\n{"id": 2}\n') // false
 */
export function looksLikeJsonDocument(
  headText: string,
  keys: readonly string[] = DOCUMENT_RECORD_KEYS,
): boolean {
  for (const line of headText.split('\n')) {
    const t = line.replace(/^\uFEFF/, '').trim();
    if (t === '') continue;
    if (t === '{') return true;
    return t.startsWith('{') && keys.some((key) => new RegExp(`"${key}"\\s*:\\s*\\[`).test(t));
  }
  return false;
}

/**
 * Read the elements of the first top-level array among `keys` of a JSON object, in batches, numbered from 1.
 *
 * On a syntax error the elements before it are returned as usual and one final `{ record, error }` entry stands
 * for the unreadable rest. A document without any of `keys` yields nothing; a key whose value is not an array is
 * one error entry. Object records carry the envelope (see {@link DOCUMENT_ENVELOPE}).
 *
 * @param chunks decoded text chunks (see `readTextChunks`)
 * @param keys the record keys, first present wins; default {@link DOCUMENT_RECORD_KEYS}
 * @returns an async generator of element batches
 * @throws {InputError} `INPUT_UNREADABLE` passed through from `chunks` (I/O or gzip failures)
 * @example for await (const batch of readJsonDocument(readTextChunks('result.json', false))) count += batch.length;
 */
export async function* readJsonDocument(
  chunks: AsyncIterable<string>,
  keys: readonly string[] = DOCUMENT_RECORD_KEYS,
): AsyncGenerator<ArrayElement[]> {
  const picker = Parser.make();
  const pick = Pick.make({
    filter: (stack) => stack.length === 1 && typeof stack[0] === 'string' && keys.includes(stack[0]),
    once: true,
  });
  const elements = StreamArray.make();
  const envelope: Record<string, unknown> = {};
  picker.on('data', envelopeCollector(envelope, keys));
  picker.pipe(pick).pipe(elements);
  let queue: ArrayElement[] = [];
  let count = 0;
  let failure: Error | undefined;
  elements.on('data', (element: { key: number; value: unknown }) => {
    count++;
    const value = element.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.defineProperty(value, DOCUMENT_ENVELOPE, { value: envelope, enumerable: false });
    }
    queue.push({ record: count, value });
  });
  const fail = (err: Error): void => {
    failure ??= err;
  };
  picker.on('error', fail);
  pick.on('error', fail);
  const settled = new Promise<void>((resolve) => {
    elements.on('end', resolve);
    elements.on('close', resolve);
    elements.on('error', (err: Error) => {
      fail(err);
      resolve();
    });
    picker.on('error', () => resolve());
  });
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (failure !== undefined) break;
      const next = await iterator.next();
      if (next.done) break;
      const flowing = picker.write(next.value);
      if (queue.length > 0) {
        yield queue;
        queue = [];
      }
      if (!flowing && failure === undefined) {
        await new Promise<void>((resolve) => {
          picker.once('drain', resolve);
          picker.once('error', () => resolve());
        });
      }
    }
    if (failure === undefined) picker.end();
    await settled;
    if (queue.length > 0) yield queue;
    if (failure !== undefined) {
      yield [{ record: count + 1, error: `invalid JSON document: ${failure.message}` }];
    }
  } finally {
    picker.destroy();
    pick.destroy();
    elements.destroy();
    await iterator.return?.();
  }
}

/** A token listener that copies the document's depth-1 scalar values (`"key": value`) into `envelope`, until a key of `stopKeys`. */
function envelopeCollector(
  envelope: Record<string, unknown>,
  stopKeys: readonly string[],
): (token: { name: string; value?: unknown }) => void {
  let depth = 0;
  let key: string | undefined;
  let done = false;
  return (token) => {
    if (done) return;
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        depth++;
        key = undefined;
        return;
      case 'endObject':
      case 'endArray':
        depth--;
        return;
      case 'keyValue':
        if (depth === 1) key = String(token.value);
        if (key !== undefined && stopKeys.includes(key)) done = true;
        return;
      case 'stringValue':
      case 'numberValue':
      case 'trueValue':
      case 'falseValue':
      case 'nullValue':
        if (depth === 1 && key !== undefined && !(key in envelope)) envelope[key] = scalar(token);
        key = undefined;
        return;
    }
  };
}

function scalar(token: { name: string; value?: unknown }): unknown {
  if (token.name === 'numberValue') return Number(token.value);
  if (token.name === 'trueValue') return true;
  if (token.name === 'falseValue') return false;
  if (token.name === 'nullValue') return null;
  return token.value;
}
