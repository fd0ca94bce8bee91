/**
 * Streaming line splitter for JSON lines (https://jsonlines.org): yields each non-blank line with its 1-based
 * line number. Parsing is left to the caller, so that an invalid line becomes one quarantined record.
 */

/** One non-blank line. */
export interface TextLine {
  /** 1-based line number. */
  line: number;
  /** The line without its terminator (`\n` or `\r\n`). */
  text: string;
}

/**
 * Split text chunks into lines, in batches (one batch per chunk). Lines that are empty or only white space are
 * skipped (not records) but counted. A final line without a terminator is returned too.
 * @param chunks decoded text chunks (see `readTextChunks`)
 * @returns an async generator of line batches
 * @example for await (const lines of readJsonLines(readTextChunks('a.jsonl', false))) for (const l of lines) JSON.parse(l.text);
 */
export async function* readJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<TextLine[]> {
  let partial = '';
  let line = 1;
  for await (const chunk of chunks) {
    const text = partial === '' ? chunk : partial + chunk;
    const out: TextLine[] = [];
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (!isBlank(text, start, stop)) out.push({ line, text: text.slice(start, stop) });
      line++;
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    partial = start === 0 ? text : text.slice(start);
    if (out.length > 0) yield out;
  }
  if (partial !== '') {
    const stop = partial.charCodeAt(partial.length - 1) === 13 ? partial.length - 1 : partial.length;
    if (!isBlank(partial, 0, stop)) yield [{ line, text: partial.slice(0, stop) }];
  }
}

function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
