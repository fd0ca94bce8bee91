/**
 * Read a post kind from a `kind` cell, accepting the platforms' own words for the same acts.
 */
import type { PostKind } from '../model/post.js';

/** Accepted words (lower case) per kind. */
export const POST_KIND_SYNONYMS: Readonly<Record<PostKind, readonly string[]>> = Object.freeze({
  post: ['post', 'original', 'tweet', 'status', 'message', 'original_post'],
  share: [
    'share',
    'retweet',
    'retweeted',
    'repost',
    'reshare',
    'rt',
    'forward',
    'forwarded',
    'shared',
    'boost',
    'reblog',
  ],
  reply: ['reply', 'replied_to', 'response'],
  quote: ['quote', 'quoted', 'quote_tweet', 'quotetweet'],
  comment: ['comment'],
});

const LOOKUP = new Map<string, PostKind>();
for (const [kind, words] of Object.entries(POST_KIND_SYNONYMS) as [PostKind, readonly string[]][]) {
  for (const w of words) LOOKUP.set(w, kind);
}

/**
 * Map a kind word to a {@link PostKind} (case-insensitive, trimmed, `-`/space read as `_`).
 * @returns the kind, or `undefined` when the word is not one of {@link POST_KIND_SYNONYMS}
 * @example parsePostKind('Retweet') // 'share'
 */
export function parsePostKind(word: string): PostKind | undefined {
  return LOOKUP.get(
    word
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
}
