/**
 * Mention keys for co-mention traces: accounts that mention the same target within a window (a co-mention network,
 * as in Pacheco et al. 2021, doi:10.1609/icwsm.v15i1.18075). Handles are caseless on the large platforms, and the
 * same handle on two platforms is two different accounts, so the key is `platform:handle`, lower-cased.
 *
 * @module
 */
import { foldCase } from './fold-case.js';
import { stripInvisible } from './invisible-chars.js';

/** Leading at signs after NFKC (which maps the full-width `＠` U+FF20 and small `﹫` U+FE6B to `@`). */
const LEADING_ATS = /^@+/;

/**
 * Normalize a mention to its matching key `platform:handle`.
 * @param platform the platform of the post (the mentioned account is on the same platform)
 * @param handle the mentioned handle, with or without `@`
 * @returns `platform:handle`, NFKC-normalized, without invisible characters, case-folded; null when the handle is
 *   empty
 * @example normalizeMention('Twitter', '@BoB') // 'twitter:bob'
 */
export function normalizeMention(platform: string, handle: string): string | null {
  const name = stripInvisible(handle.normalize('NFKC')).trim().replace(LEADING_ATS, '').trim();
  if (name === '') return null;
  return foldCase(`${platform.trim()}:${name}`).normalize('NFKC');
}
