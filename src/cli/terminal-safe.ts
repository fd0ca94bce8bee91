/**
 * Text for a terminal line that may carry attacker-written parts (reasons quoting post text, file names from a
 * folder the adversary filled): every control character (ANSI escapes included), bidi control, tab and line break
 * becomes a visible `⟦U+XXXX⟧` token, so nothing can move the cursor, clear the screen or forge extra lines.
 */
import { revealControlChars } from '../export/reveal-control-chars.js';

/**
 * Make one line terminal-safe.
 * @example terminalSafe('a\u001b[2Jb\nc') // 'a⟦U+001B⟧[2Jb⟦U+000A⟧c'
 */
export function terminalSafe(text: string): string {
  return revealControlChars(text).replace(
    /[\t\n\r]/g,
    (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`,
  );
}
