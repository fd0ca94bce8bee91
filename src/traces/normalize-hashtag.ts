/**
 * Hashtag keys for co-hashtag traces: `#Trump`, `#TRUMP`, `＃ｔｒｕｍｐ` and `trump` are one object. Co-hashtag
 * networks follow Pacheco et al. 2021 (doi:10.1609/icwsm.v15i1.18075) and CooRTweet's `get_cohashtag`
 * (Righetti & Balluff).
 *
 * @module
 */
import { foldCase } from './fold-case.js';
import { stripInvisible } from './invisible-chars.js';

/** Leading hash signs after NFKC (which maps the full-width `＃` U+FF03 and small `﹟` U+FE5F to `#`). */
const LEADING_HASHES = /^#+/;

/**
 * Normalize a hashtag to its matching key.
 *
 * Steps: NFKC (full-width and compatibility forms → plain), drop invisible characters (see `stripInvisible`), trim,
 * strip leading `#` (also `＃`, via NFKC), case-fold ({@link foldCase}), NFKC again (folding can denormalize),
 * trim.
 *
 * @param tag a hashtag with or without its `#`
 * @returns the key, or null when nothing is left
 * @example normalizeHashtag('#ＴＲＵＭＰ') // 'trump'
 */
export function normalizeHashtag(tag: string): string | null {
  const stripped = stripInvisible(tag.normalize('NFKC')).trim().replace(LEADING_HASHES, '');
  const key = foldCase(stripped).normalize('NFKC').trim();
  return key === '' ? null : key;
}
