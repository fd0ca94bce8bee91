/**
 * Organic viral objects, the classic false positives of co-action detection: news bursts (a fresh article link and
 * its hashtag posted or shared by hundreds to thousands of accounts within minutes of publication) and viral
 * hashtags (a tag used by thousands of posts over a few hours). Pacheco et al. 2021 (doi:10.1609/icwsm.v15i1.18075)
 * and Giglietto et al. 2020 (doi:10.1080/1369118X.2020.1739732) both warn that popular objects co-shared
 * organically within short windows are what fools naive detectors; CooRnet handles them with a per-link window.
 *
 * @module
 */
import { wholeSecond } from './activity-clock.js';
import { slug, wordSalad } from './content-pools.js';
import type { ActivityContext } from './organic-activity.js';
import type { SimAccount, SimPost } from './sim-post.js';
import { zipfCumulative } from './sim-random.js';

/** Burst size as a share of the platform's organic accounts: log-uniform in [0.01, 0.1]. */
export const BURST_ACCOUNT_SHARE = Object.freeze({ min: 0.01, max: 0.1 });
/** Mean delay of a burst's posts after publication, minutes: uniform in [2, 10] per burst (delays exponential). */
export const BURST_MEAN_DELAY_MINUTES = Object.freeze({ min: 2, max: 10 });
/** Posts of a viral hashtag as a share of the platform's organic accounts: log-uniform in [0.05, 0.15]. */
export const VIRAL_POST_SHARE = Object.freeze({ min: 0.05, max: 0.15 });
/** Duration of a viral hashtag, hours: uniform in [3, 10]. */
export const VIRAL_HOURS = Object.freeze({ min: 3, max: 10 });

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Organic accounts of one platform, as viral objects need them. */
export interface PlatformCrowd {
  platform: string;
  accounts: readonly SimAccount[];
}

/** A fresh hashtag not in the pool (two vocabulary words). */
function freshTag(ctx: ActivityContext, taken: Set<string>): string {
  for (;;) {
    const tag = `${ctx.rng.pick(ctx.pools.words)}${ctx.rng.pick(ctx.pools.words)}`;
    if (!taken.has(tag)) {
      taken.add(tag);
      return tag;
    }
  }
}

/**
 * Post `count` news bursts. Each: a crowd (platform drawn by `crowdWeights`), a publication time at least 6 h inside
 * the period, a fresh URL on a pool news domain and a fresh hashtag; the most-followed participant posts first,
 * the others follow after exponential delays (mean per burst from {@link BURST_MEAN_DELAY_MINUTES}), half sharing
 * the first post and half posting the link themselves (70 % of them with the tag).
 * @param taken hashtags already in use (fresh ones are added)
 */
export function postNewsBursts(
  ctx: ActivityContext,
  crowds: readonly PlatformCrowd[],
  crowdWeights: Float64Array,
  count: number,
  taken: Set<string>,
): void {
  const { rng, pools, factory } = ctx;
  for (let b = 0; b < count; b++) {
    const crowd = crowds[rng.weighted(crowdWeights)]!;
    const n = Math.min(
      crowd.accounts.length,
      Math.max(
        20,
        Math.round(crowd.accounts.length * rng.logUniform(BURST_ACCOUNT_SHARE.min, BURST_ACCOUNT_SHARE.max)),
      ),
    );
    const t0 = wholeSecond(rng.uniform(ctx.startMs + 6 * HOUR_MS, ctx.endMs - 6 * HOUR_MS));
    const meanMs = rng.uniform(BURST_MEAN_DELAY_MINUTES.min, BURST_MEAN_DELAY_MINUTES.max) * MINUTE_MS;
    const domain = pools.domains[rng.weighted(zipfCumulative(pools.domains.length, 1))]!;
    const url = `https://www.${domain}/2024/${slug(rng, pools.words)}-${rng.int(100_000, 999_999)}`;
    const tag = freshTag(ctx, taken);
    const participants = rng.sample(crowd.accounts, n);
    participants.sort((x, y) => y.followers - x.followers);
    const headline = (): string => `${wordSalad(rng, pools, rng.int(5, 12))} ${url}`;
    const first = factory.original(participants[0]!, t0, {
      text: `${headline()} #${tag}`,
      urls: [url],
      hashtags: [tag],
    });
    for (const account of participants.slice(1)) {
      const ts = Math.min(wholeSecond(t0 + 1000 + rng.exponential(meanMs)), ctx.endMs - 1000);
      if (rng.chance(0.5)) factory.share(account, ts, first);
      else {
        const withTag = rng.chance(0.7);
        factory.original(account, ts, {
          text: withTag ? `${headline()} #${tag}` : headline(),
          urls: [url],
          hashtags: withTag ? [tag] : [],
        });
      }
    }
  }
}

/**
 * Post `count` viral hashtags. Each: a crowd, a fresh tag, a start time and a duration ({@link VIRAL_HOURS}), and
 * a number of posts ({@link VIRAL_POST_SHARE} of the crowd) by accounts drawn with replacement, front-loaded in
 * time (offset = duration · u^1.5); 80 % originals with the tag, 20 % shares of an earlier post of the tag.
 * @param taken hashtags already in use (fresh ones are added)
 */
export function postViralHashtags(
  ctx: ActivityContext,
  crowds: readonly PlatformCrowd[],
  crowdWeights: Float64Array,
  count: number,
  taken: Set<string>,
): void {
  const { rng, pools, factory } = ctx;
  for (let v = 0; v < count; v++) {
    const crowd = crowds[rng.weighted(crowdWeights)]!;
    const tag = freshTag(ctx, taken);
    const durationMs = rng.uniform(VIRAL_HOURS.min, VIRAL_HOURS.max) * HOUR_MS;
    const t0 = wholeSecond(rng.uniform(ctx.startMs, ctx.endMs - durationMs - HOUR_MS));
    const n = Math.max(
      20,
      Math.round(crowd.accounts.length * rng.logUniform(VIRAL_POST_SHARE.min, VIRAL_POST_SHARE.max)),
    );
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(wholeSecond(t0 + durationMs * rng.float() ** 1.5));
    times.sort((a, b) => a - b);
    const posted: SimPost[] = [];
    for (const ts of times) {
      const account = rng.pick(crowd.accounts);
      const parent = posted.length > 0 && rng.chance(0.2) ? rng.pick(posted) : undefined;
      if (parent !== undefined && parent.account !== account.id && parent.tsMs < ts) {
        factory.share(account, ts, parent);
        continue;
      }
      const extra = rng.chance(0.3) ? pools.tags[rng.weighted(pools.tagWeights)]! : undefined;
      const hashtags = extra === undefined || extra === tag ? [tag] : [tag, extra];
      posted.push(
        factory.original(account, ts, {
          text: `${wordSalad(rng, pools, rng.int(5, 18))} ${hashtags.map((t) => `#${t}`).join(' ')}`,
          hashtags,
        }),
      );
    }
  }
}
