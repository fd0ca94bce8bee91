/**
 * Invisible characters that change a string's code points but not how it reads: zero-width space (U+200B), zero-width
 * non-joiner/joiner (U+200C/U+200D), left-to-right/right-to-left marks (U+200E/U+200F), bidi embeddings and
 * isolates (U+202A–U+202E, U+2066–U+2069), word joiner and invisible operators (U+2060–U+2064), soft hyphen
 * (U+00AD) and the byte-order mark (U+FEFF). Copy-pasted campaign texts and hashtags carry them, by accident or to
 * evade exact matching, so matching keys drop them.
 *
 * @module
 */

/** Global regular expression matching one invisible character (see the module header). */
export const INVISIBLE_CHARS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Remove invisible characters.
 * @param text any string
 * @returns `text` without the characters of {@link INVISIBLE_CHARS}
 * @example stripInvisible('tr\u200Bump') // 'trump'
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARS, '');
}
