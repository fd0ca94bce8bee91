/**
 * Expected posts for adapter tests: a builder that fills the list fields with `[]`, the platform and the source
 * file, so each expectation names only what the record sets.
 */
import type { Post } from '../../src/model/post.js';

/** The fields an expectation must name; the rest default (lists empty, platform and file from the builder). */
export type PostExpectation = Omit<
  Post,
  'platform' | 'urls' | 'hashtags' | 'mentions' | 'mediaHashes' | 'source'
> &
  Partial<Post>;

/**
 * A builder of expected posts of one file.
 * @param platform platform name the adapter sets
 * @param file the fixture path, as the reader reports it
 * @example const post = expectedPost('bluesky', FILE); post(1, { postId: 'x', accountId: 'a', tsMs: 0, kind: 'post' })
 */
export function expectedPost(platform: string, file: string): (record: number, o: PostExpectation) => Post {
  return (record, o) => ({
    platform,
    urls: [],
    hashtags: [],
    mentions: [],
    mediaHashes: [],
    ...o,
    source: { file, record },
  });
}
