/**
 * Unicode case folding for matching keys (hashtags, handles, texts). JavaScript has no `String.prototype.casefold`,
 * so this approximates Unicode full case folding (CaseFolding.txt, status C + F) by lower → upper → lower:
 * `ß`, `ẞ` → `ss`; `ŉ` → `ʼn`; Cherokee and Georgian round-trip to one form. Sigma differs from CaseFolding.txt
 * but stays consistent: lower-casing applies the Final_Sigma rule, so `ΟΔΟΣ`, `οδος` and `οδοσ` all become `οδος`. One deliberate
 * exception: the Turkish dotless `ı` is kept (upper-casing would turn it into `I` and then `i`, merging two letters
 * that full case folding keeps apart).
 *
 * @module
 */

/** Runs of text without a dotless ı (U+0131), which must not go through upper-casing. */
const NOT_DOTLESS_I = /[^\u0131]+/g;
/** ASCII-only text: plain lower-casing is already its full case folding. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Fold the case of `text` for caseless matching.
 * @param text any string (NFKC-normalize before and after when building a key; see `normalizeText`)
 * @returns the case-folded string; may be longer than `text` (`ß` → `ss`)
 * @example foldCase('STRAẞE') // 'strasse'
 */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.toLowerCase().replace(NOT_DOTLESS_I, (run) => run.toUpperCase().toLowerCase());
}
