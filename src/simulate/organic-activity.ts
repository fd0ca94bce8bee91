/**
 * Organic posting: originals (word salad, sometimes a news link, hashtags, a mention or an image), shares with
 * preferential attachment to popular accounts and lognormal cascade delays (median 20 min, heavy tail; Zhao et
 * al. 2015, doi:10.1145/2783258.2783401; preferential attachment: Barabási & Albert 1999,
 * doi:10.1126/science.286.5439.509), and replies that form reply chains. Post counts per account are lognormal
 * (most accounts 1–20 posts in two weeks, a few hundreds).
 *
 * @module
 */
import { type PostingClock, samplePostTime, wholeSecond } from './activity-clock.js';
import { type ContentPools, wordSalad } from './content-pools.js';
import type { PostFactory } from './post-factory.js';
import type { OrganicSpec } from './scenario-spec.js';
import type { SimAccount, SimPost } from './sim-post.js';
import { cumulativeOf, type SimRandom } from './sim-random.js';

const MINUTE_MS = 60_000;

/** Share delay: lognormal, median 20 minutes, log-sd 1.3 (a day or more for a few percent). */
export const SHARE_DELAY = Object.freeze({ medianMs: 20 * MINUTE_MS, sigma: 1.3 });
/** Reply delay: lognormal, median 30 minutes, log-sd 1.2. */
export const REPLY_DELAY = Object.freeze({ medianMs: 30 * MINUTE_MS, sigma: 1.2 });
/** Probability that a reply answers an earlier reply (continuing a chain) rather than an original. */
export const REPLY_CHAIN_PROBABILITY = 0.35;
/** Share of organic originals with a news link, hashtags, a mention, an image. */
export const ORIGINAL_MIX = Object.freeze({ url: 0.15, hashtags: 0.2, mention: 0.08, media: 0.05 });

/** How one account posts in the background. */
export interface ActivityPlan {
  account: SimAccount;
  /** Posts over the period (originals + shares + replies). */
  posts: number;
  clock: PostingClock;
  /** Whether the account also shares and replies (else all its posts are originals at its own times). */
  interactions: boolean;
  /** Whether its originals may carry hashtags. */
  hashtags: boolean;
}

/** What the organic generators share. */
export interface ActivityContext {
  rng: SimRandom;
  pools: ContentPools;
  factory: PostFactory;
  organic: OrganicSpec;
  startMs: number;
  endMs: number;
  /** Accounts that can be mentioned, with cumulative popularity weights. */
  mentionable: { accounts: readonly SimAccount[]; weights: Float64Array };
}

/**
 * Posts of one account over the period: lognormal with the spec's median and σ, both scaled by `days / 14`,
 * at least 1 and at most `maxPosts · days / 14`.
 */
export function organicPostCount(rng: SimRandom, organic: OrganicSpec, days: number): number {
  const factor = days / 14;
  const n = Math.round(rng.lognormal(organic.postsMedian * factor, organic.postsSigma));
  return Math.max(1, Math.min(n, Math.round(organic.maxPosts * factor)));
}

/** Popularity weight of an account as a share or mention target: followers^0.8 (softened preference). */
export function popularity(account: SimAccount): number {
  return (account.followers + 1) ** 0.8;
}

/**
 * Organic original content: 6–25 words, and by {@link ORIGINAL_MIX} a news URL, 1–2 hashtags, a mention, an image.
 * Links, tags and mentions also appear in the text, as on the platforms.
 */
export function organicContent(ctx: ActivityContext, withHashtags: boolean) {
  const { rng, pools } = ctx;
  let text = wordSalad(rng, pools, rng.int(6, 25));
  const urls: string[] = [];
  const hashtags: string[] = [];
  const mentions: string[] = [];
  const media: string[] = [];
  if (rng.chance(ORIGINAL_MIX.mention)) {
    const handle = ctx.mentionable.accounts[rng.weighted(ctx.mentionable.weights)]!.handle;
    mentions.push(handle);
    text = `@${handle} ${text}`;
  }
  if (rng.chance(ORIGINAL_MIX.url)) {
    urls.push(pools.urls[rng.weighted(pools.urlWeights)]!);
    text = `${text} ${urls[0]}`;
  }
  if (withHashtags && rng.chance(ORIGINAL_MIX.hashtags)) {
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++) {
      const tag = pools.tags[rng.weighted(pools.tagWeights)]!;
      if (!hashtags.includes(tag)) hashtags.push(tag);
    }
    text = `${text} ${hashtags.map((t) => `#${t}`).join(' ')}`;
  }
  if (rng.chance(ORIGINAL_MIX.media)) media.push(rng.hex64());
  return { text, urls, hashtags, mentions, media };
}

/**
 * Originals of every plan at the account's own times: all its posts when it has no interactions, else the share
 * `1 − shareFraction − replyFraction` (at least one).
 * @returns the originals made, in plan order
 */
export function postOriginals(ctx: ActivityContext, plans: readonly ActivityPlan[]): SimPost[] {
  const { organic } = ctx;
  const out: SimPost[] = [];
  const originalShare = 1 - organic.shareFraction - organic.replyFraction;
  for (const plan of plans) {
    const n = plan.interactions ? Math.max(1, Math.round(plan.posts * originalShare)) : plan.posts;
    for (let i = 0; i < n; i++) {
      const ts = samplePostTime(ctx.rng, plan.clock, ctx.startMs, ctx.endMs);
      out.push(ctx.factory.original(plan.account, ts, organicContent(ctx, plan.hashtags)));
    }
  }
  return out;
}

/**
 * Shares and replies of the plans with interactions. A share picks its parent among the originals of its platform
 * with probability ∝ {@link popularity} of the parent's author and comes {@link SHARE_DELAY} after it; a reply
 * answers an earlier reply with {@link REPLY_CHAIN_PROBABILITY}, else an original picked the same way, after
 * {@link REPLY_DELAY}. Parents whose delay would leave the period are drawn again (5 tries, then the post is
 * skipped). Nobody shares or answers their own post.
 * @param originals candidate parents (any platform)
 * @param accountOf author of a post
 */
export function postInteractions(
  ctx: ActivityContext,
  plans: readonly ActivityPlan[],
  originals: readonly SimPost[],
  accountOf: (post: SimPost) => SimAccount,
): void {
  const byPlatform = new Map<string, { posts: SimPost[]; weights: Float64Array; replies: SimPost[] }>();
  const grouped = new Map<string, SimPost[]>();
  for (const p of originals) {
    const list = grouped.get(p.platform);
    if (list === undefined) grouped.set(p.platform, [p]);
    else list.push(p);
  }
  for (const [platform, posts] of grouped) {
    byPlatform.set(platform, {
      posts,
      weights: cumulativeOf(posts.map((p) => popularity(accountOf(p)))),
      replies: [],
    });
  }
  const { rng, organic } = ctx;
  const replyShare = organic.replyFraction / Math.max(1e-9, organic.shareFraction + organic.replyFraction);
  for (const plan of plans) {
    if (!plan.interactions) continue;
    const pool = byPlatform.get(plan.account.platform);
    if (pool === undefined) continue;
    const n = Math.round(plan.posts * (organic.shareFraction + organic.replyFraction));
    for (let i = 0; i < n; i++) {
      if (rng.chance(replyShare)) addReply(ctx, plan.account, pool);
      else addShare(ctx, plan.account, pool);
    }
  }
}

function addShare(
  ctx: ActivityContext,
  account: SimAccount,
  pool: { posts: SimPost[]; weights: Float64Array },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const parent = pool.posts[ctx.rng.weighted(pool.weights)]!;
    if (parent.account === account.id) continue;
    const ts = wholeSecond(parent.tsMs + 1000 + ctx.rng.lognormal(SHARE_DELAY.medianMs, SHARE_DELAY.sigma));
    if (ts >= ctx.endMs) continue;
    ctx.factory.share(account, ts, parent);
    return;
  }
}

function addReply(
  ctx: ActivityContext,
  account: SimAccount,
  pool: { posts: SimPost[]; weights: Float64Array; replies: SimPost[] },
) {
  const { rng } = ctx;
  for (let attempt = 0; attempt < 5; attempt++) {
    const chain = pool.replies.length > 0 && rng.chance(REPLY_CHAIN_PROBABILITY);
    const parent = chain ? rng.pick(pool.replies) : pool.posts[rng.weighted(pool.weights)]!;
    if (parent.account === account.id) continue;
    const ts = wholeSecond(parent.tsMs + 1000 + rng.lognormal(REPLY_DELAY.medianMs, REPLY_DELAY.sigma));
    if (ts >= ctx.endMs) continue;
    pool.replies.push(ctx.factory.reply(account, ts, parent, wordSalad(rng, ctx.pools, rng.int(4, 15))));
    return;
  }
}
