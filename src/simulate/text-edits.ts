/**
 * Text edits of planted content: character typos of copypasta copies (Spamouflage's copies carry stray typos:
 * Meta Adversarial Threat Report Q2 2023; DISARM T0084.001 "use copypasta") and word-level paraphrases (word swap,
 * inserted or dropped word, synonym) that stay near-duplicates of their template under character 5-shingle Jaccard
 * similarity (Broder 1997, doi:10.1109/SEQUEN.1997.666900), the measure of `src/signals/find-near-duplicates.ts`.
 *
 * @module
 */
import type { SimRandom } from './sim-random.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The set of character k-shingles of a text after lower-casing and collapsing white space; a text shorter than
 * k is its own single shingle.
 * @example [...shingleSet('abcdef', 5)] // ['abcde', 'bcdef']
 */
export function shingleSet(text: string, k = 5): Set<string> {
  const s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const out = new Set<string>();
  if (s.length <= k) {
    out.add(s);
    return out;
  }
  for (let i = 0; i + k <= s.length; i++) out.add(s.slice(i, i + k));
  return out;
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (1 for two empty sets).
 * @example jaccard(new Set([1, 2]), new Set([2, 3])) // 1/3
 */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Apply `edits` character typos to letters of `text`: substitute a letter, drop it, double it or swap it with the
 * next one. The result always differs from the input when the text has two or more letters.
 * @example typoEdit('government', rng, 1) // e.g. 'goverment'
 */
export function typoEdit(text: string, rng: SimRandom, edits: number): string {
  let out = text;
  for (let attempt = 0; attempt < 10; attempt++) {
    out = text;
    for (let e = 0; e < edits; e++) out = oneTypo(out, rng);
    if (out !== text) return out;
  }
  return out;
}

function oneTypo(text: string, rng: SimRandom): string {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (/[a-z]/i.test(text[i]!)) positions.push(i);
  if (positions.length < 2) return text;
  const i = rng.pick(positions.slice(0, -1));
  const c = text[i]!;
  switch (rng.int(0, 3)) {
    case 0:
      return text.slice(0, i) + rng.pick([...LETTERS]) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text.slice(i + 1);
    case 2:
      return text.slice(0, i) + c + c + text.slice(i + 1);
    default:
      return text.slice(0, i) + text[i + 1] + c + text.slice(i + 2);
  }
}

/** Word lists of the paraphrase edits. */
export interface ParaphraseVocabulary {
  /** word → replacements. */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** Words that can be inserted anywhere (adverbs, interjections). */
  fillers: readonly string[];
}

/**
 * One to two word-level edits of a template: swap two adjacent words, insert a filler word, drop a word (texts of
 * more than 8 words), or replace a word by a synonym.
 */
export function paraphraseEdit(template: string, rng: SimRandom, vocabulary: ParaphraseVocabulary): string {
  const words = template.split(' ');
  const edits = rng.int(1, 2);
  for (let e = 0; e < edits; e++) {
    const op = rng.int(0, 3);
    const i = rng.int(0, words.length - 2);
    if (op === 0) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    else if (op === 1) words.splice(rng.int(1, words.length - 1), 0, rng.pick(vocabulary.fillers));
    else if (op === 2 && words.length > 8) words.splice(i, 1);
    else {
      const candidates = words
        .map((w, j) => [w.toLowerCase(), j] as const)
        .filter(([w]) => w in vocabulary.synonyms);
      if (candidates.length === 0)
        words.splice(rng.int(1, words.length - 1), 0, rng.pick(vocabulary.fillers));
      else {
        const [w, j] = rng.pick(candidates);
        words[j] = rng.pick(vocabulary.synonyms[w]!);
      }
    }
  }
  return words.join(' ');
}

/** Similarity bounds of {@link makeParaphrases}. */
export const PARAPHRASE_BOUNDS = Object.freeze({ minTemplateJaccard: 0.75, minPairJaccard: 0.7 });

/**
 * Up to `count` distinct paraphrases of a template, each at character-5-shingle Jaccard ≥ 0.75 from the template,
 * ≥ 0.7 from every other paraphrase returned, and never equal to the template or to each other. Gives up after
 * `50 · count` attempts (then fewer are returned).
 */
export function makeParaphrases(
  template: string,
  count: number,
  rng: SimRandom,
  vocabulary: ParaphraseVocabulary,
): string[] {
  const base = shingleSet(template);
  const out: string[] = [];
  const sets: Set<string>[] = [];
  const seen = new Set<string>([template.toLowerCase()]);
  for (let attempt = 0; attempt < 50 * count && out.length < count; attempt++) {
    const text = paraphraseEdit(template, rng, vocabulary);
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    const set = shingleSet(text);
    if (jaccard(set, base) < PARAPHRASE_BOUNDS.minTemplateJaccard) continue;
    if (sets.some((s) => jaccard(s, set) < PARAPHRASE_BOUNDS.minPairJaccard)) continue;
    seen.add(key);
    out.push(text);
    sets.push(set);
  }
  return out;
}
