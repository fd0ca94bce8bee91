/**
 * Makes simulated posts with Twitter-style snowflake ids (milliseconds since the Twitter epoch in the high bits,
 * 22 random low bits; Twitter Engineering, "Announcing Snowflake", 2010): unique per case, ordered by time, and
 * silent about who posted. Shares copy what X exports put on a retweet: `RT @author: text` and the original's
 * links, hashtags, mentions and media.
 *
 * @module
 */
import type { PlantTag, SimAccount, SimPost } from './sim-post.js';
import type { SimRandom } from './sim-random.js';

/** Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z. */
export const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657;

/** Content of an original post or a reply. */
export interface PostContent {
  text: string;
  urls?: string[];
  hashtags?: string[];
  mentions?: string[];
  media?: string[];
}

/** Collects the posts of a case. */
export class PostFactory {
  /** Every post made so far, in creation order. */
  readonly posts: SimPost[] = [];
  private readonly ids = new Set<string>();

  /**
   * @param rng the ids' random stream
   * @param handleOf the handle of a post's author (for `RT @handle:` texts)
   */
  constructor(
    private readonly rng: SimRandom,
    private readonly handleOf: (post: SimPost) => string,
  ) {}

  private newId(tsMs: number): string {
    const high = BigInt(Math.max(0, tsMs - SNOWFLAKE_EPOCH_MS)) << 22n;
    for (;;) {
      const id = (high | BigInt(this.rng.int(0, 0x3fffff))).toString();
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private push(post: SimPost, planted: PlantTag | undefined): SimPost {
    if (planted !== undefined) post.planted = planted;
    this.posts.push(post);
    return post;
  }

  /** An original post by `account` at `tsMs` (whole seconds). */
  original(account: SimAccount, tsMs: number, content: PostContent, planted?: PlantTag): SimPost {
    return this.push(
      {
        platform: account.platform,
        id: this.newId(tsMs),
        account: account.id,
        tsMs,
        kind: 'post',
        text: content.text,
        urls: content.urls ?? [],
        hashtags: content.hashtags ?? [],
        mentions: content.mentions ?? [],
        media: content.media ?? [],
      },
      planted,
    );
  }

  /** A share (retweet) of `parent` by `account` at `tsMs`; same platform as the parent. */
  share(account: SimAccount, tsMs: number, parent: SimPost, planted?: PlantTag): SimPost {
    return this.push(
      {
        platform: parent.platform,
        id: this.newId(tsMs),
        account: account.id,
        tsMs,
        kind: 'share',
        parent: parent.id,
        parentAccount: parent.account,
        text: `RT @${this.handleOf(parent)}: ${parent.text}`,
        urls: parent.urls.slice(),
        hashtags: parent.hashtags.slice(),
        mentions: parent.mentions.slice(),
        media: parent.media.slice(),
      },
      planted,
    );
  }

  /** A reply to `parent` by `account` at `tsMs`; the text starts with `@author` and mentions the author. */
  reply(account: SimAccount, tsMs: number, parent: SimPost, text: string): SimPost {
    const handle = this.handleOf(parent);
    return this.push(
      {
        platform: parent.platform,
        id: this.newId(tsMs),
        account: account.id,
        tsMs,
        kind: 'reply',
        replyTo: parent.id,
        parentAccount: parent.account,
        text: `@${handle} ${text}`,
        urls: [],
        hashtags: [],
        mentions: [handle],
        media: [],
      },
      undefined,
    );
  }
}
