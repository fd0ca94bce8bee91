/**
 * Entities found in a post's own text, for exports that carry only the text (a plain CSV with a `text` column):
 * http(s) links, `#hashtags` and `@mentions`, in the order they appear. Platform exports that list their entities
 * (X API, IO archive) keep the platform's lists instead. Patterns follow the common shape of Twitter's
 * twitter-text rules (a tag or mention starts after a non-word character; a tag needs a letter) without its full
 * TLD table: only explicit `http://` / `https://` links are taken.
 */

/** Links, hashtags (without `#`) and mentions (without `@`) found in a text. */
export interface TextEntities {
  urls: string[];
  hashtags: string[];
  mentions: string[];
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’…]+$/u;
const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const MENTION_PATTERN = /(?<![\p{L}\p{N}_.@/])[@＠]([A-Za-z0-9_]{1,30})(?![A-Za-z0-9_@])/gu;

/**
 * Find links, hashtags and mentions in `text`. Trailing punctuation is cut from links; hashtags need at least one
 * letter (`#1` is not a tag); mentions are 1–30 letters, digits or `_` (X's handle rule), not inside an e-mail.
 * @example entitiesFromText('Vote! #Elections2024 via @bob https://x.example/a?b=1.')
 * // { urls: ['https://x.example/a?b=1'], hashtags: ['Elections2024'], mentions: ['bob'] }
 */
export function entitiesFromText(text: string): TextEntities {
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (url.length > 'https://'.length) urls.push(url);
  }
  const withoutUrls = text.replace(URL_PATTERN, ' ');
  const hashtags = [...withoutUrls.matchAll(HASHTAG_PATTERN)].map((m) => m[1]!);
  const mentions = [...withoutUrls.matchAll(MENTION_PATTERN)].map((m) => m[1]!);
  return { urls, hashtags, mentions };
}
