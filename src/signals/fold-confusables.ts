/**
 * Confusable (homoglyph) folding for near-duplicate keys, restricted to mixed-script words. Spoofed copypasta swaps
 * letters for look-alikes from another script ("еlection" with Cyrillic `е`) so that exact and shingle matching
 * miss it. UTS #39 (Unicode Security Mechanisms, https://www.unicode.org/reports/tr39/) treats a *mixed-script*
 * string as the suspicious case; we fold only such words, using the look-alike table of the `confusables` package
 * (https://github.com/gc/confusables). Applied to whole texts that package turns whole Cyrillic words into Latin
 * look-alikes ("выборы" → "bы6opы") and deletes Indic and Arabic combining marks, merging different texts in those
 * scripts; single-script words are therefore left untouched.
 *
 * @module
 */
import { alphabetMap, remove } from 'confusables';

import { foldCase } from '../traces/fold-case.js';

/** A run of letters, marks and digits: what counts as one word here. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Any Greek or Cyrillic code point (including extensions); a fast pre-check before looking at words. */
const GREEK_OR_CYRILLIC = /[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]/;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const GREEK_LETTER = /\p{Script=Greek}/u;

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

function scriptOf(ch: string): Script {
  if (LATIN_LETTER.test(ch)) return 'latin';
  if (CYRILLIC_LETTER.test(ch)) return 'cyrillic';
  if (GREEK_LETTER.test(ch)) return 'greek';
  return 'other';
}

/**
 * For each lower-case ASCII letter, its look-alike in the basic lower-case block of `script` according to the
 * `confusables` table (`alphabetMap`): the candidate with the lowest code point in the block (Cyrillic
 * U+0430–U+045F, Greek U+03B1–U+03C9), e.g. `a` → `а`, `e` → `е`, `o` → `о` / `ο`, `p` → `р` / `ρ`.
 */
function lookAlikeTable(lo: number, hi: number): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (let c = 0x61; c <= 0x7a; c++) {
    const latin = String.fromCharCode(c);
    let best = -1;
    for (const alt of alphabetMap.get(latin) ?? []) {
      const cp = alt.codePointAt(0)!;
      if (alt.length === 1 && cp >= lo && cp <= hi && (best < 0 || cp < best)) best = cp;
    }
    if (best >= 0) table.set(latin, String.fromCodePoint(best));
  }
  return table;
}

const TO_CYRILLIC = lookAlikeTable(0x0430, 0x045f);
const TO_GREEK = lookAlikeTable(0x03b1, 0x03c9);

/** Letter counts of a word by script. */
function countScripts(word: string): Record<Script, number> {
  const counts: Record<Script, number> = { latin: 0, cyrillic: 0, greek: 0, other: 0 };
  for (const ch of word) counts[scriptOf(ch)]++;
  return counts;
}

/**
 * Fold one word if it mixes Latin letters with Cyrillic or Greek ones; otherwise return it unchanged.
 *
 * - Latin letters are the majority (or tie): `confusables.remove` maps every look-alike to its Latin/ASCII base
 *   (and drops the word's combining marks), then the result is case-folded (`remove` can return capitals).
 * - Cyrillic (or Greek) letters are the majority: each Latin letter is replaced by its look-alike in that script
 *   from the same `confusables` table (see the module header); letters without one stay.
 *
 * @param word a case-folded word (letters, marks, digits)
 * @returns the folded word
 * @example
 * foldConfusableWord('еlection') // 'election' (Cyrillic е)
 * foldConfusableWord('выбoры') // 'выборы' (Latin o)
 * foldConfusableWord('выборы') // 'выборы' (single script: unchanged)
 */
export function foldConfusableWord(word: string): string {
  const counts = countScripts(word);
  const foreign = Math.max(counts.cyrillic, counts.greek);
  if (counts.latin === 0 || foreign === 0) return word;
  if (counts.latin >= foreign) return foldCase(remove(word));
  const table = counts.cyrillic >= counts.greek ? TO_CYRILLIC : TO_GREEK;
  let out = '';
  for (const ch of word) out += table.get(ch) ?? ch;
  return out;
}

/**
 * Every Cyrillic or Greek character the `confusables` table lists as a look-alike of a Latin letter (any case):
 * `а е о р с у х і ѕ ј ο ρ ν …`. A Cyrillic or Greek letter outside this set (`п и б д ж л ш`, `λ π ω`) only occurs in
 * genuine Cyrillic or Greek writing.
 */
const LATIN_LOOKALIKES: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const [key, alternatives] of alphabetMap) {
    if (!/^[A-Za-z]$/.test(key)) continue;
    for (const alt of alternatives) {
      if ([...alt].length === 1 && (CYRILLIC_LETTER.test(alt) || GREEK_LETTER.test(alt))) set.add(alt);
    }
  }
  return set;
})();

/**
 * Whether a text is Latin writing disguised with look-alikes: it has Latin letters, and every Cyrillic or Greek
 * letter in it is a look-alike of a Latin one (no genuine Cyrillic or Greek letter anywhere).
 */
function isDisguisedLatin(text: string): boolean {
  let latin = false;
  for (const ch of text) {
    if (ch < '\u0080') {
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) latin = true;
      continue;
    }
    const script = scriptOf(ch);
    if (script === 'latin') latin = true;
    else if ((script === 'cyrillic' || script === 'greek') && !LATIN_LOOKALIKES.has(ch)) return false;
  }
  return latin;
}

/**
 * Fold confusable characters in a text. Two cases:
 * - **Latin writing disguised with look-alikes** (Latin letters present, and every Cyrillic or Greek letter is a
 *   look-alike of a Latin one, see {@link LATIN_LOOKALIKES}): every word holding a look-alike is folded to Latin,
 *   including words spelled entirely in look-alikes (`соrruрt`, `сlоsе`), which a per-word test cannot tell from
 *   Cyrillic. A text with even one genuine Cyrillic or Greek letter never takes this path, so Russian and Greek
 *   writing is not transliterated.
 * - Otherwise only *mixed-script words* are folded (Latin together with Cyrillic or Greek in one word), towards the
 *   word's majority script (see {@link foldConfusableWord}); every other word is kept as is.
 * Texts without any Greek or Cyrillic code point are returned unchanged without scanning words.
 *
 * @param text a text already normalized by `normalizeText` (case-folded, NFKC)
 * @returns the folded text
 * @example
 * foldConfusables('еlection ѕtolen') // 'election stolen' (Cyrillic е and ѕ)
 * foldConfusables('thе еlесtіоn wаs stоlеn') // 'the election was stolen' (every swappable letter Cyrillic)
 * foldConfusables('выборы украдены') // unchanged
 */
export function foldConfusables(text: string): string {
  if (!GREEK_OR_CYRILLIC.test(text)) return text;
  if (isDisguisedLatin(text)) {
    return text.replace(WORD, (word) => (GREEK_OR_CYRILLIC.test(word) ? foldCase(remove(word)) : word));
  }
  return text.replace(WORD, foldConfusableWord);
}
