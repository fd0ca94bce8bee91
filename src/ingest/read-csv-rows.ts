/**
 * Streaming CSV reader on top of papaparse's core `Parser` (RFC 4180 quoting: `"` quotes, `""` escapes, quoted
 * fields may span lines), fed chunk by chunk so memory stays constant. Tracks the 1-based physical line where each
 * row starts, which papaparse does not report: a row starts one line after the previous row's start plus the line
 * breaks inside its quoted fields.
 */
import Papa from 'papaparse';

/** One CSV row as read. */
export interface CsvRow {
  /** 1-based physical line number where the row starts. */
  line: number;
  /** Field values, unquoted, untrimmed. */
  fields: string[];
  /** Why the row is malformed (unterminated or stray quotes), when it is. */
  error?: string;
}

/** Delimiter and line break of a CSV file. */
export interface CsvDialect {
  /** Field delimiter: `,`, tab, `;` or `|`. */
  delimiter: string;
  /** Row terminator. */
  newline: '\n' | '\r\n' | '\r';
}

/** Longest row (in characters) the reader buffers while looking for its end; a longer row is cut off as malformed. */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * Read CSV rows in batches.
 *
 * The dialect is detected from the start of the text unless given: the line break is the first `\r\n`, `\n` or
 * `\r`; the delimiter is whichever of `,`, tab, `;`, `|` occurs most often (outside quotes) in the first non-blank
 * line, `,` on a tie or when none occurs. Blank rows (no characters, or only empty fields such as `,,,`) are
 * skipped: they are not records, but their lines are counted. The header is an ordinary row here.
 *
 * A malformed row (a stray or unclosed quote) that swallowed line breaks is resynchronised: its first line comes back
 * with `error` set and the lines it swallowed are read again as rows of their own, so one bad quote costs one record,
 * not the rest of the file. A row whose quoted field never closes before `maxRowChars` characters is cut off there
 * and reading resumes after it.
 *
 * @param chunks decoded text chunks (see `readTextChunks`)
 * @param dialect force the delimiter and/or line break; default: detect
 * @param maxRowChars longest row buffered; default {@link MAX_ROW_CHARS}
 * @returns an async generator of row batches (one batch per input chunk, possibly empty batches skipped)
 * @example for await (const rows of readCsvRows(readTextChunks('a.csv', false))) for (const r of rows) use(r);
 */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  dialect: Partial<CsvDialect> = {},
  maxRowChars = MAX_ROW_CHARS,
): AsyncGenerator<CsvRow[]> {
  let parser: Papa.Parser | undefined;
  let newlineChar = '\n';
  let partial = '';
  let line = 1;

  let delimiter = ',';
  let newline: CsvDialect['newline'] = '\n';

  /** Rows of one parse result, starting at physical line `first`; malformed multi-line rows are re-split. */
  const collect = (
    rows: string[][],
    errors: readonly { row?: number | undefined; message: string }[],
    first: number,
  ): { out: CsvRow[]; lines: number } => {
    const rowErrors = new Map<number, string>();
    for (const e of errors) if (e.row !== undefined && !rowErrors.has(e.row)) rowErrors.set(e.row, e.message);
    const out: CsvRow[] = [];
    let at = first;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!;
      let breaks = 0;
      let blank = true;
      for (let f = 0; f < fields.length; f++) {
        const value = fields[f]!;
        if (value.length === 0) continue;
        blank = false;
        let k = value.indexOf(newlineChar);
        while (k !== -1) {
          breaks++;
          k = value.indexOf(newlineChar, k + 1);
        }
      }
      const error = rowErrors.get(i);
      if (error !== undefined && breaks > 0) {
        // A stray or unclosed quote swallowed the line breaks after it. Resynchronise: only the row's first line
        // is malformed; the lines it swallowed are read again as rows of their own.
        const raw = fields.join(delimiter);
        const cut = raw.indexOf(newlineChar);
        const head = raw.slice(0, cut).replace(/\r$/, '');
        out.push({ line: at, fields: head.split(delimiter), error: `malformed CSV row: ${error}` });
        let rest = raw.slice(cut + 1);
        // The swallowing field ended at a closing quote that the parser consumed: put it back on the last line.
        const lastLine = rest.slice(rest.lastIndexOf(newlineChar) + 1);
        if ((lastLine.split('"').length - 1) % 2 === 1) rest += '"';
        const again = Papa.parse<string[]>(rest, { delimiter, newline, quoteChar: '"' });
        for (const row of collect(again.data, again.errors, at + 1).out) out.push(row);
      } else if (!blank || error !== undefined) {
        const row: CsvRow = { line: at, fields };
        if (error !== undefined) row.error = `malformed CSV row: ${error}`;
        out.push(row);
      }
      at += 1 + breaks;
    }
    return { out, lines: at - first };
  };

  const parse = (text: string, final: boolean): CsvRow[] => {
    const result = parser!.parse(text, 0, !final) as {
      data: string[][];
      errors: { row?: number; message: string }[];
      meta: { cursor: number };
    };
    const { out, lines } = collect(result.data, result.errors, line);
    line += lines;
    partial = final ? '' : text.slice(result.meta.cursor);
    return out;
  };

  for await (const chunk of chunks) {
    let text = partial + chunk;
    if (parser === undefined) {
      const detected = detectDialect(text);
      if (detected === undefined) {
        partial = text; // no complete first line yet
        continue;
      }
      const resolved = { ...detected, ...dialect };
      newlineChar = resolved.newline === '\r' ? '\r' : '\n';
      delimiter = resolved.delimiter;
      newline = resolved.newline;
      parser = new Papa.Parser({ delimiter: resolved.delimiter, newline: resolved.newline, quoteChar: '"' });
    }
    let rows = parse(text, false);
    if (partial.length > maxRowChars) {
      // Cut off the runaway row: it comes back with an error. It ended mid-line, so the next row starts on the
      // line where the cut fell, not on the next one.
      text = partial;
      rows = rows.concat(parse(text, true));
      line -= 1;
    }
    if (rows.length > 0) yield rows;
  }
  if (parser === undefined) {
    if (partial.trim() === '') return;
    const detected = detectDialect(partial, true)!;
    const resolved = { ...detected, ...dialect };
    newlineChar = resolved.newline === '\r' ? '\r' : '\n';
    delimiter = resolved.delimiter;
    newline = resolved.newline;
    parser = new Papa.Parser({ delimiter: resolved.delimiter, newline: resolved.newline, quoteChar: '"' });
  }
  if (partial !== '') {
    const rows = parse(partial, true);
    if (rows.length > 0) yield rows;
  }
}

/**
 * Detect the dialect from the start of a CSV text (see {@link readCsvRows}).
 * @param text the first characters of the file
 * @param final `text` is the whole file (no line break needed)
 * @returns the dialect, or `undefined` when `text` holds no complete non-blank line yet and is not final
 * @example detectDialect('a;b;c\r\n1;2;3\r\n') // { delimiter: ';', newline: '\r\n' }
 */
export function detectDialect(text: string, final = false): CsvDialect | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  let newline: CsvDialect['newline'];
  if (lf === -1 && cr === -1) {
    if (!final) return undefined;
    newline = '\n';
  } else if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr === text.length - 1 && !final) return undefined; // a \r\n may be split across chunks
    newline = text[cr + 1] === '\n' ? '\r\n' : '\r';
  } else newline = '\n';
  let start = 0;
  let firstLine = '';
  for (;;) {
    const end = text.indexOf(newline, start);
    if (end === -1) {
      if (!final) return undefined;
      firstLine = text.slice(start);
      break;
    }
    firstLine = text.slice(start, end);
    if (firstLine.trim() !== '') break;
    start = end + newline.length;
  }
  return { delimiter: guessDelimiter(firstLine), newline };
}

function guessDelimiter(line: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (DELIMITER_CANDIDATES as readonly string[]).includes(c))
      counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITER_CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Re-encode a row as one CSV line (RFC 4180 quoting where needed), for raw excerpts of quarantined rows.
 * @example formatCsvRow(['a', 'b,c'], ',') // 'a,"b,c"'
 */
export function formatCsvRow(fields: readonly string[], delimiter: string): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i > 0) out += delimiter;
    out +=
      f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r')
        ? `"${f.replaceAll('"', '""')}"`
        : f;
  }
  return out;
}
