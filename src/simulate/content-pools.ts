/**
 * Shared content of the organic background: a vocabulary for word-salad texts, a hashtag pool and a pool of news
 * URLs on many domains, each drawn by a Zipf law (word frequencies: Zipf 1949; URL and hashtag popularity on
 * Twitter: Kwak et al. 2010, doi:10.1145/1772690.1772751). Words come from the English word list of
 * `englishWords()` (sindresorhus/word-list), so organic texts carry no misspellings; with ≈ 10,000 words and 6–25
 * words per text, two organic texts practically never share enough character shingles to be near-duplicates.
 *
 * @module
 */
import { englishWords } from '../signals/english-words.js';
import { type SimRandom, zipfCumulative } from './sim-random.js';

/** The pools, with their Zipf cumulative weights. */
export interface ContentPools {
  /** Vocabulary, most frequent first. */
  words: readonly string[];
  wordWeights: Float64Array;
  /** Hashtags (without `#`), most popular first. */
  tags: readonly string[];
  tagWeights: Float64Array;
  /** News article URLs, most shared first. */
  urls: readonly string[];
  urlWeights: Float64Array;
  /** News domains (registrable), most popular first. */
  domains: readonly string[];
}

/** Sizes of the pools. */
export const POOL_SIZES = Object.freeze({ words: 10_000, tags: 800, domains: 150, urls: 3000 });

const DOMAIN_SUFFIXES = [
  'news',
  'times',
  'post',
  'daily',
  'herald',
  'journal',
  'report',
  'wire',
  'today',
  '',
];
const TLDS = ['com', 'com', 'com', 'net', 'org', 'co.uk', 'com.au', 'de', 'fr', 'in', 'ca', 'ie'];

/**
 * Build the pools from a seeded random source (the same seed gives the same pools).
 * @param rng the pools' own random stream
 * @returns the pools
 */
export function buildContentPools(rng: SimRandom): ContentPools {
  const candidates: string[] = [];
  for (const w of englishWords()) if (w.length >= 3 && w.length <= 9) candidates.push(w);
  candidates.sort();
  const words = rng.sample(candidates, POOL_SIZES.words);
  const tagSet = new Set<string>();
  while (tagSet.size < POOL_SIZES.tags) {
    tagSet.add(rng.chance(0.6) ? rng.pick(words) : `${rng.pick(words)}${rng.pick(words)}`);
  }
  const domainSet = new Set<string>();
  while (domainSet.size < POOL_SIZES.domains) {
    domainSet.add(`${rng.pick(words)}${rng.pick(DOMAIN_SUFFIXES)}.${rng.pick(TLDS)}`);
  }
  const domains = [...domainSet];
  const domainWeights = zipfCumulative(domains.length, 1);
  const urls: string[] = [];
  for (let i = 0; i < POOL_SIZES.urls; i++) {
    const domain = domains[rng.weighted(domainWeights)]!;
    urls.push(`https://www.${domain}/2024/${slug(rng, words)}-${rng.int(10_000, 99_999)}`);
  }
  return {
    words,
    wordWeights: zipfCumulative(words.length, 0.9),
    tags: [...tagSet],
    tagWeights: zipfCumulative(POOL_SIZES.tags, 1),
    urls,
    urlWeights: zipfCumulative(urls.length, 1),
    domains,
  };
}

/** An article slug of 3–6 words joined by `-`. */
export function slug(rng: SimRandom, words: readonly string[]): string {
  const n = rng.int(3, 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(words));
  return parts.join('-');
}

/**
 * Word salad: `n` words drawn from the vocabulary by its Zipf weights, joined by spaces.
 * @example wordSalad(rng, pools, 3) // e.g. 'harbour tallow insist'
 */
export function wordSalad(rng: SimRandom, pools: ContentPools, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pools.words[rng.weighted(pools.wordWeights)]!);
  return out.join(' ');
}
