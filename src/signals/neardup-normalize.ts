/**
 * The key text that near-duplicate detection shingles: the exact-text key of the `text` trace (`normalizeText`,
 * following Keller et al. 2020, doi:10.1080/10584609.2019.1661888, and the QUT toolkit's `co_tweet`) with
 * confusable characters folded in mixed-script words (UTS #39 mixed-script rule; see `foldConfusables`).
 *
 * @module
 */
import { normalizeText } from '../traces/normalize-text.js';
import { foldConfusables } from './fold-confusables.js';

/**
 * Normalize a post text for near-duplicate matching.
 *
 * Steps: {@link normalizeText} (NFKC, invisible characters dropped, leading `RT @x:` prefixes, links and
 * `@mentions` removed, case-folded, white space collapsed, trimmed), then {@link foldConfusables} (homoglyphs in
 * words that mix Latin with Cyrillic or Greek letters folded to the word's majority script).
 *
 * @param text the post text as read (adversary-written; never interpreted)
 * @returns the key; may be empty
 * @example
 * normalizeForNearDup('RT @bob: Еlection ЅTOLEN https://t.co/x') // 'election stolen'
 */
export function normalizeForNearDup(text: string): string {
  return foldConfusables(normalizeText(text));
}
