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
 * The Cyrillic and Greek letters used to disguise Latin text, each with the Latin letter it imitates (lower case:
 * texts are case-folded first). These are the whole-letter homoglyphs of UTS #39's confusables data
 * (https://www.unicode.org/Public/security/latest/confusables.txt) that are also in the `confusables` package's
 * table; the package's table is broader (it also maps `λ`, `γ`, `б`… to Latin shapes), which would fold genuine
 * Greek and Russian words.
 */
const HOMOGLYPHS: ReadonlyMap<string, string> = (() => {
  const pairs: [string, string][] = [
    ['а', 'a'],
    ['с', 'c'],
    ['ԁ', 'd'],
    ['е', 'e'],
    ['һ', 'h'],
    ['і', 'i'],
    ['ј', 'j'],
    ['ӏ', 'l'],
    ['о', 'o'],
    ['р', 'p'],
    ['ԛ', 'q'],
    ['ѕ', 's'],
    ['ԝ', 'w'],
    ['х', 'x'],
    ['у', 'y'],
    ['α', 'a'],
    ['ι', 'i'],
    ['κ', 'k'],
    ['ν', 'v'],
    ['ο', 'o'],
    ['ρ', 'p'],
    ['υ', 'u'],
    ['χ', 'x'],
  ];
  return new Map(pairs.filter(([glyph, latin]) => alphabetMap.get(latin)?.includes(glyph) ?? false));
})();

/** The keys of {@link HOMOGLYPHS}: a Cyrillic or Greek letter outside it is a genuine one. */
const LATIN_LOOKALIKES: ReadonlySet<string> = new Set(HOMOGLYPHS.keys());

/**
 * Whether Latin dominates a text: it has more Latin letters than *genuine* Cyrillic and Greek letters (those that
 * are not look-alikes of a Latin letter, see {@link LATIN_LOOKALIKES}). Look-alikes are not counted for either side:
 * in disguised text they are the disguise.
 */
function latinDominates(text: string): boolean {
  let latin = 0;
  let genuine = 0;
  for (const ch of text) {
    if (ch < '\u0080') {
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) latin++;
      continue;
    }
    const script = scriptOf(ch);
    if (script === 'latin') latin++;
    else if ((script === 'cyrillic' || script === 'greek') && !LATIN_LOOKALIKES.has(ch)) genuine++;
  }
  return latin > genuine;
}

/** Whether every Cyrillic or Greek letter of a word is a look-alike of a Latin letter (and there is one). */
function onlyLookalikes(word: string): boolean {
  let any = false;
  for (const ch of word) {
    const script = scriptOf(ch);
    if (script !== 'cyrillic' && script !== 'greek') continue;
    if (!LATIN_LOOKALIKES.has(ch)) return false;
    any = true;
  }
  return any;
}

/**
 * Fold confusable characters in a text. Two cases:
 * - **Latin dominates the text** (more Latin letters than genuine Cyrillic and Greek ones, look-alikes not counted,
 *   see {@link LATIN_LOOKALIKES}): every word whose Cyrillic or Greek letters are all look-alikes is folded to
 *   Latin, including words spelled entirely in look-alikes (`соrruрt`, `сlоsе`), which a per-word test cannot tell
 *   from Cyrillic. Appending a real Russian word or letter does not stop this (`… nоw ж`, `#выборы`): words with a
 *   genuine Cyrillic or Greek letter are never folded to Latin, and Russian or Greek writing, where genuine letters
 *   dominate, is not transliterated.
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
  // Folding can tip a text towards Latin (a mixed word becomes Latin), so repeat until nothing changes: the key is
  // then the same whether or not it was folded before (idempotent). At most a few rounds.
  let current = text;
  for (let round = 0; round < 4; round++) {
    const next = foldOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function foldOnce(text: string): string {
  if (!GREEK_OR_CYRILLIC.test(text)) return text;
  if (latinDominates(text)) {
    return text.replace(WORD, (word) => (onlyLookalikes(word) ? toLatin(word) : foldConfusableWord(word)));
  }
  return text.replace(WORD, foldConfusableWord);
}

/** Replace each homoglyph of a word by the Latin letter it imitates. */
function toLatin(word: string): string {
  let out = '';
  for (const ch of word) out += HOMOGLYPHS.get(ch) ?? ch;
  return out;
}
