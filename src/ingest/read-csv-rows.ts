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
 * A row whose quoted field never closes before `maxRowChars` characters or the end of the input is returned once
 * with `error` set, and reading resumes after it (what follows a cut-off row is read as new rows).
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

  const parse = (text: string, final: boolean): CsvRow[] => {
    const result = parser!.parse(text, 0, !final) as {
      data: string[][];
      errors: { row?: number; message: string }[];
      meta: { cursor: number };
    };
    const rowErrors = new Map<number, string>();
    for (const e of result.errors)
      if (e.row !== undefined && !rowErrors.has(e.row)) rowErrors.set(e.row, e.message);
    const out: CsvRow[] = [];
    const rows = result.data;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!;
      let breaks = 0;
      let blank = true;
      for (let f = 0; f < fields.length; f++) {
        const value = fields[f]!;
        if (value.length === 0) continue;
        blank = false;
        let at = value.indexOf(newlineChar);
        while (at !== -1) {
          breaks++;
          at = value.indexOf(newlineChar, at + 1);
        }
      }
      const error = rowErrors.get(i);
      if (!blank || error !== undefined) {
        const row: CsvRow = { line, fields };
        if (error !== undefined) row.error = `malformed CSV row: ${error}`;
        out.push(row);
      }
      line += 1 + breaks;
    }
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
