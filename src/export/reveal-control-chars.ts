/**
 * Makes invisible control characters visible in attacker-written text: C0/C1 controls (except tab and line breaks)
 * and the bidirectional controls U+061C, U+200E/U+200F, U+202A–U+202E and U+2066–U+2069, which can reorder or hide
 * text ("Trojan Source", Boucher & Anderson 2021, arXiv:2111.00169). Each becomes a token such as `⟦U+202E⟧`, so an
 * investigator sees that the account used one and the text cannot disguise itself.
 */

const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Replace invisible controls with visible `⟦U+XXXX⟧` tokens; tab, LF and CR are kept.
 * @example revealControlChars('\u202Eevil\u202C') // '⟦U+202E⟧evil⟦U+202C⟧'
 */
export function revealControlChars(text: string): string {
  return text.replace(CONTROL, (ch) => `⟦U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}
