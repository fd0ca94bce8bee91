/**
 * CSV text from rows, through papaparse's `unparse` (RFC 4180 quoting, CRLF line ends), with every string cell
 * neutralised against formula injection first (see `neutralizeCsvCell`). Control characters other than tab, LF and
 * CR (NUL, BEL, ESC, DEL…) are replaced with U+FFFD first: R's `read.csv` stops at an embedded NUL and terminals
 * act on escape sequences.
 */
import Papa from 'papaparse';

import { type CsvCell, neutralizeCsvCell } from './neutralize-csv-cell.js';

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Write a header row and data rows as CSV.
 * @param columns header names, in order (written as given: they are ours, not data)
 * @param rows one array of cells per row, same order as `columns`; `null`/`undefined` become empty cells, numbers
 *   are written with `String(number)` (never prefixed), strings are cleaned of control characters and neutralised
 * @returns CSV text with CRLF line ends and a final CRLF (just the header line when there are no rows)
 * @example toCsv(['a', 'b'], [['=x', 1]]) // "a,b\r\n'=x,1\r\n"
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) =>
    row.map((cell) =>
      neutralizeCsvCell(typeof cell === 'string' ? cell.replace(CONTROL_CHARS, '\uFFFD') : cell),
    ),
  );
  const text = Papa.unparse(
    { fields: [...columns], data },
    { header: true, newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  // Papa ends the text after the last row, but after the header when there is no row: one CRLF either way.
  return rows.length === 0 ? `${text.replace(/\r\n$/, '')}\r\n` : `${text}\r\n`;
}
