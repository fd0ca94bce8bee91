/**
 * Text keys for co-tweet / copypasta traces: the same message posted by several accounts is one object even when
 * retweet prefixes, links, mentions, case, width forms or spacing differ. Exact-text co-tweeting follows Keller et
 * al. 2020 (doi:10.1080/10584609.2019.1661888) and the QUT toolkit's `co_tweet` network (Graham et al. 2024,
 * which also strips URLs and mentions before comparing); DESIGN.md §4 lists the normalization steps.
 * Confusable-character folding (UTS #39 skeletons) is not done here; see the note on {@link normalizeText}.
 *
 * @module
 */
import { foldCase } from './fold-case.js';
import { stripInvisible } from './invisible-chars.js';

/** One or more leading retweet prefixes `RT @handle:` (colon optional), any case. */
const RT_PREFIX = /^(?:\s*rt\s+@[\p{L}\p{N}_]+:?)+\s*/iu;
/**
 * Links: with a scheme, starting `www.`, or Twitter's `pic.twitter.com/…` media links, up to the next white space.
 * (No `u` flag on purpose: it makes this scan about ten times slower, and `\b` / `\S` need no Unicode here.)
 */
const URLS = /\b(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/gi;
/** `@handle` not preceded by a letter, digit, `_` or `@` (so e-mail addresses stay). */
const MENTIONS = /(^|[^\p{L}\p{N}_@])@[\p{L}\p{N}_]+/gu;
/**
 * White space to collapse: a run of two or more, or a single white-space character other than the plain space
 * (the characters of `\s`). Same result as `/\s+/g → ' '`, without rewriting every single space.
 */
const SPACE = /\s{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Normalize a post text to its matching key.
 *
 * Steps: NFKC; drop invisible characters (see `stripInvisible`); remove leading `RT @x:` prefixes (repeated ones
 * too); remove links (`http(s)://…`, `www.…`, `pic.twitter.com/…`) and `@mentions` (after NFKC, so `＠x` too);
 * case-fold ({@link foldCase}); NFKC again; collapse white space to one space; trim.
 *
 * Not done: confusable folding (Cyrillic `а` for Latin `a`). The `confusables` package was tried and rejected: it
 * transliterates whole Cyrillic words to Latin look-alikes and deletes Indic and Arabic combining marks, which
 * merges different texts in those scripts. A UTS #39 skeleton restricted to mixed-script words is the planned fix.
 *
 * @param text the post text as read
 * @returns the key; may be empty (a post of only links and mentions)
 * @example normalizeText('RT @bob: Hello   WORLD https://t.co/x @amy') // 'hello world'
 */
export function normalizeText(text: string): string {
  let cleaned = stripInvisible(text.normalize('NFKC')).replace(RT_PREFIX, '').replace(URLS, ' ');
  if (cleaned.includes('@')) cleaned = cleaned.replace(MENTIONS, '$1 ');
  return foldCase(cleaned).normalize('NFKC').replace(SPACE, ' ').trim();
}
