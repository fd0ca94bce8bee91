/**
 * Markdown escaping for attacker-written values in tables and list items (CommonMark 0.31 §2.4 backslash escapes;
 * GFM tables §4.10 for `\|`; GFM autolinks §6.9). The goal is that a value renders as the literal text it is: no
 * table breakage, no code spans, no raw HTML, no emphasis or links, and no autolinked URL (we never hand the reader
 * a clickable attacker link).
 */
import { revealControlChars } from './reveal-control-chars.js';

/**
 * Escape a value for a Markdown table cell or inline text:
 * - line breaks and tabs → a space (a cell must stay on one line);
 * - control characters and bidirectional controls (U+202A–202E, U+2066–2069, LRM/RLM/ALM, which Markdown cannot
 *   isolate and which can disguise text, "Trojan Source" style) → a visible token such as `⟦U+202E⟧`;
 * - `&` → `&amp;` and `<` → `&lt;`, `>` → `&gt;` (no raw HTML, no entity tricks);
 * - backslash-escape `` \ ` * _ [ ] | ~ ``, and `:` and `@` (breaks `http://` and e-mail autolinks);
 * - backslash-escape a `.` between a letter or digit and a letter (`evil\.example`, `www\.x`), which breaks `www.`
 *   autolinks and the bare-domain "fuzzy" links of linkify-style renderers while leaving `3.5` and prose alone.
 * @example escapeMarkdownCell('a|b `c` <d>') // 'a\\|b \\`c\\` &lt;d&gt;'
 */
export function escapeMarkdownCell(value: string): string {
  return revealControlChars(value.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '))
    .replace(/[\\`*_[\]|~:@&<>]/g, (ch) =>
      ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`,
    )
    .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})/gu, '\\.');
}
