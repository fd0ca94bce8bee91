/**
 * The two ways the HTML report writes text (DESIGN.md §7): our own values escaped, and attacker-written values
 * escaped with invisible controls made visible (`revealControlChars`) and wrapped in `<bdi>` so a right-to-left
 * override cannot spill over the rest of the line.
 */
import escapeHtml from 'escape-html';

import { revealControlChars } from './reveal-control-chars.js';

/**
 * Escape a value we produced (numbers, ids, labels) for HTML text or an attribute.
 * @example escapeText('a < b') // 'a &lt; b'
 */
export function escapeText(value: string | number): string {
  return escapeHtml(String(value));
}

/**
 * Escape attacker-written text for HTML: controls shown as `⟦U+XXXX⟧`, then escaped, then isolated in `<bdi>`.
 * @example isolateUserText('\u202Eevil<b>') // '<bdi>⟦U+202E⟧evil&lt;b&gt;</bdi>'
 */
export function isolateUserText(value: string): string {
  return `<bdi>${escapeHtml(revealControlChars(value))}</bdi>`;
}
