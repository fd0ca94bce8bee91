/**
 * The English word list used to tell misspellings from words: the `word-list` package (sindresorhus/word-list 4.x,
 * MIT; from github.com/atebits/Words `en.txt`), 274,136 lower-case a–z words including inflected forms
 * ("governments", "realised"), British and American spellings, and many rare Scrabble-style words ("aa", "zzz").
 * No proper names except those that are also common words ("paris", "trump"), no diacritics, no apostrophes.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

import { InputError } from '../errors.js';

let cached: ReadonlySet<string> | null = null;

/**
 * The English word list as a set of lower-case a–z words. Read from disk on the first call (~274k words, tens of
 * milliseconds, ~20 MB of heap) and cached for the life of the process.
 * @returns the same read-only set on every call
 * @throws {InputError} `INPUT_UNREADABLE` naming the list's file when it cannot be read (a broken installation)
 * @example englishWords().has('government') // true
 */
export function englishWords(): ReadonlySet<string> {
  if (cached !== null) return cached;
  let text: string;
  try {
    text = readFileSync(wordListPath, 'utf8');
  } catch (cause) {
    throw new InputError(
      'INPUT_UNREADABLE',
      wordListPath,
      `${wordListPath}: cannot read the English word list.`,
      {
        cause,
      },
    );
  }
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word !== '') words.add(word);
  }
  cached = words;
  return cached;
}
