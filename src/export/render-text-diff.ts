/**
 * Side-by-side display of two near-duplicate texts (e.g. the least similar evidence pair of a `neardup` group),
 * with the differences marked. Word-level diff (`diffWordsWithSpace` of the `diff` package, Myers 1986, "An O(ND)
 * difference algorithm and its variations", doi:10.1007/BF01840446), refined to characters where a word was only
 * retyped, so that a one-letter typo marks one letter and a swapped or appended word marks the word. The texts are
 * adversary-written: every piece is escaped (`escape-html`) and invisible control characters are shown as
 * `⟦U+XXXX⟧` tokens (`revealControlChars`), so a bidi override cannot disguise the display.
 *
 * @module
 */
import { type ChangeObject, diffChars, diffWordsWithSpace } from 'diff';
import escapeHtml from 'escape-html';

import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';
import { revealControlChars } from './reveal-control-chars.js';
import { truncateText } from './truncate-text.js';

/** Options of {@link renderTextDiffHtml}. */
export interface TextDiffOptions {
  /**
   * Longest text shown, in code points (integer ≥ 2); longer inputs are cut and end with `…` before diffing.
   * Default 2,000: longer than any tweet or typical post, and it bounds the diff's work (O(N·D)) and the page size.
   */
  maxChars: number;
}

/** Defaults of {@link TextDiffOptions}: `maxChars` 2,000. */
export const TEXT_DIFF_DEFAULTS: Readonly<TextDiffOptions> = Object.freeze({ maxChars: 2000 });

type Change = ChangeObject<string>;

/** Text of a side: unchanged pieces plain, this side's own pieces wrapped in `tag`. */
interface Side {
  html: string;
}

function put(side: Side, value: string, tag?: 'del' | 'ins'): void {
  const text = escapeHtml(value);
  side.html += tag === undefined ? text : `<${tag}>${text}</${tag}>`;
}

/** Characters the two versions share, by a character diff. */
function commonLength(changes: readonly Change[]): number {
  return changes.reduce((sum, c) => (c.added || c.removed ? sum : sum + c.value.length), 0);
}

/**
 * Mark a replaced stretch: by characters when at least half of the longer version is shared (a typo), otherwise
 * as whole words.
 */
function putReplacement(a: Side, b: Side, removed: string, added: string): void {
  const chars = diffChars(removed, added);
  if (commonLength(chars) * 2 < Math.max(removed.length, added.length)) {
    put(a, removed, 'del');
    put(b, added, 'ins');
    return;
  }
  for (const c of chars) {
    if (!c.added) put(a, c.value, c.removed ? 'del' : undefined);
    if (!c.removed) put(b, c.value, c.added ? 'ins' : undefined);
  }
}

/**
 * Render two texts side by side with their differences marked.
 *
 * Output shape: `<div class="text-diff"><div class="diff-a">…</div><div class="diff-b">…</div></div>`. In
 * `diff-a`, text that only `a` has is in `<del>`; in `diff-b`, text that only `b` has is in `<ins>`; shared text is
 * plain. All text is HTML-escaped; control characters are revealed; no attributes carry input.
 *
 * @param a the first text (e.g. the group's representative)
 * @param b the second text
 * @param options `[options.maxChars=2000]` code points kept per text (the rest becomes `…`)
 * @returns the HTML fragment
 * @throws {ConfigError} `CONFIG_INVALID` when `maxChars` is not an integer ≥ 2
 * @example
 * renderTextDiffHtml('the election', 'the electon')
 * // '<div class="text-diff"><div class="diff-a">the elect<del>i</del>on</div><div class="diff-b">the electon</div></div>'
 */
export function renderTextDiffHtml(
  a: string,
  b: string,
  options: OptionsInput<TextDiffOptions> = {},
): string {
  const { maxChars } = { ...TEXT_DIFF_DEFAULTS, ...definedFields(options) } as TextDiffOptions;
  if (!Number.isSafeInteger(maxChars) || maxChars < 2) {
    throw new ConfigError(
      `export/render-text-diff: invalid \`maxChars\` (${String(maxChars)}). Expecting an integer ≥ 2.`,
    );
  }
  const left = revealControlChars(truncateText(a, maxChars));
  const right = revealControlChars(truncateText(b, maxChars));
  const changes = diffWordsWithSpace(left, right);
  const sideA: Side = { html: '' };
  const sideB: Side = { html: '' };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      putReplacement(sideA, sideB, c.value, next.value);
      i++;
    } else if (c.removed) put(sideA, c.value, 'del');
    else if (c.added) put(sideB, c.value, 'ins');
    else {
      put(sideA, c.value);
      put(sideB, c.value);
    }
  }
  return `<div class="text-diff"><div class="diff-a">${sideA.html}</div><div class="diff-b">${sideB.html}</div></div>`;
}
