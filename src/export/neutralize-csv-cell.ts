/**
 * CSV formula-injection neutralisation (OWASP "CSV Injection"; CWE-1236): a spreadsheet evaluates a cell whose
 * text starts with `=`, `+`, `-` or `@` (and, via DDE tricks, tab or carriage return) as a formula. Prefixing a
 * single quote makes Excel, LibreOffice and Google Sheets show it as text. Numbers are left as numbers, so numeric
 * columns stay numeric in R/pandas.
 * Also covered (beyond the OWASP list): line feed and NUL (OWASP ASVS 1.2.10 adds NUL) and the full-width forms
 * `＝ ＋ － ＠`, which some spreadsheet locales normalise to their ASCII counterparts.
 * papaparse's own `escapeFormulae` is not used: its pattern `/^[=+\-@\t\r].*$/` fails on multi-line cells.
 */

/** First characters that make a spreadsheet treat a cell as a formula. */
export const CSV_FORMULA_TRIGGERS: readonly string[] = Object.freeze([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\u0000',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
]);

/** A CSV cell value before quoting. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Neutralise one cell: a string starting with a formula trigger gets a leading `'`; everything else (numbers,
 * booleans, empty values, other strings) is returned unchanged. Quoting is left to the CSV writer.
 * @example neutralizeCsvCell('=1+1') // "'=1+1"
 * @example neutralizeCsvCell(-3) // -3
 */
export function neutralizeCsvCell(value: CsvCell): CsvCell {
  if (typeof value !== 'string' || value.length === 0) return value;
  return CSV_FORMULA_TRIGGERS.includes(value[0]!) ? `'${value}` : value;
}
