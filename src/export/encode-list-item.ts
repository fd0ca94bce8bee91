/**
 * Items of list-valued table cells (`a;b;c`, `kind|object|…; …`), escaped so the separators stay unambiguous.
 */

/**
 * Backslash-escape `\`, `|` and `;` in one item of a list cell.
 * @example encodeListItem('a|b;c') // 'a\\|b\\;c'
 */
export function encodeListItem(value: string): string {
  return value.replace(/[\\|;]/g, (ch) => `\\${ch}`);
}
