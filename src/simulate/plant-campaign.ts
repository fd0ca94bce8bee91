/**
 * Planted campaigns: member accounts with their background timelines, and the campaign's actions, each a trigger
 * time at which members co-act with one of the campaign's co-action tactics (participation p, delay uniform in
 * [0, jitter]). Tactics follow Meta's Spamouflage takedowns (Adversarial Threat Report Q2 2023) and DISARM
 * (T0049.003 automated reposting, T0084.001 copypasta, T0119.002 cross-platform posting, T0150.001 newly created
 * assets); the hashtag sequence follows case study 3 of Pacheco et al. 2021 (doi:10.1609/icwsm.v15i1.18075), the
 * image reuse CooRnet's coordinated image sharing (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732).
 *
 * @module
 */
import type { Tactic } from '../model/ground-truth.js';
import type { AccountFactory } from './account-factory.js';
import { ORGANIC_UTC_OFFSETS } from './account-factory.js';
import { samplePostTime, wholeSecond } from './activity-clock.js';
import { CAMPAIGN_PARAPHRASE_VOCABULARY, campaignSlogan, freshCampaignSentence } from './campaign-texts.js';
import { type ContentPools, slug, wordSalad } from './content-pools.js';
import { COACTION_TACTICS, tacticJitterSeconds } from './difficulty-presets.js';
import type { ActivityPlan } from './organic-activity.js';
import type { PostFactory } from './post-factory.js';
import type { ResolvedCampaign } from './scenario-spec.js';
import {
  type Interval,
  isInShiftHours,
  SHIFT_SCHEDULE,
  sampleInIntervals,
  sampleStratified,
  shiftIntervals,
} from './shift-schedule.js';
import type { PlantTag, SimAccount, SimPost } from './sim-post.js';
import type { SimRandom } from './sim-random.js';
import { makeParaphrases, typoEdit } from './text-edits.js';

/** Platforms of a `multi-platform` campaign. */
export const MULTI_PLATFORMS: readonly string[] = Object.freeze(['twitter', 'facebook', 'telegram']);
/** Share of copypasta copies that carry 1–2 character typos. */
export const COPYPASTA_TYPO_SHARE = 0.3;
/** Share of co-retweet actions (single-platform campaigns) that amplify an organic post instead of their source. */
export const ORGANIC_SOURCE_SHARE = 0.3;
/** Hashtags in a daily sequence (Pacheco et al. 2021 keep days with ≥ 5 distinct tags and ≥ 5 tagged posts). */
export const SEQUENCE_LENGTH = Object.freeze({ min: 5, max: 6 });

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What planting needs from the case. */
export interface CampaignContext {
  /** The campaign's own random stream. */
  rng: SimRandom;
  pools: ContentPools;
  factory: PostFactory;
  accounts: AccountFactory;
  startMs: number;
  endMs: number;
  /** Platform of single-platform campaigns (the largest organic platform). */
  mainPlatform: string;
  /** Campaign sentences already used in the case. */
  usedTexts: Set<string>;
  /** Hashtags already used in the case. */
  usedTags: Set<string>;
}

/** A campaign's members, ready for its actions. */
export interface CampaignMembers {
  campaign: ResolvedCampaign;
  members: SimAccount[];
  /** Background plans of the members (posted with the organic background). */
  plans: ActivityPlan[];
  /** Operators' UTC offset, hours. */
  utcOffsetHours: number;
}

function has(c: ResolvedCampaign, t: Tactic): boolean {
  return c.tactics.includes(t);
}

/** Campaign posts a member makes per action on average (a hashtag-sequence day is several posts). */
function postsPerAction(c: ResolvedCampaign): number {
  const coactions = c.tactics.filter((t) => COACTION_TACTICS.includes(t));
  const perTactic = coactions.map((t) => (t === 'hashtag-sequence' ? 5.5 : 1));
  return perTactic.reduce((a, b) => a + b, 0) / perTactic.length;
}

/**
 * Create a campaign's members and their background plans.
 *
 * Members: `multi-platform` spreads them round-robin over {@link MULTI_PLATFORMS}, else all on `mainPlatform`;
 * `batch-accounts` makes batch profiles created within two days, 7–90 days before the period (two copied profile
 * images); otherwise organic-looking profiles. Operators work in UTC+8 under `shift-schedule`, else in a zone of
 * `ORGANIC_UTC_OFFSETS`.
 *
 * Background per member: `part-organic` → as many organic-style posts (with shares and replies, at organic times)
 * as its expected campaign posts, so they are about half its posts; else lognormal with median
 * `backgroundPostsMedian` (σ 0.8). Under `shift-schedule` (without `part-organic`) the background is originals in
 * the shift only. Under `hashtag-sequence` background originals carry no hashtags (they would break the sequence).
 */
export function createCampaignMembers(campaign: ResolvedCampaign, ctx: CampaignContext): CampaignMembers {
  const { rng } = ctx;
  const shift = has(campaign, 'shift-schedule');
  const partOrganic = has(campaign, 'part-organic');
  const utcOffsetHours = shift ? SHIFT_SCHEDULE.utcOffsetHours : rng.pick(ORGANIC_UTC_OFFSETS);
  const platforms = has(campaign, 'multi-platform')
    ? rng.shuffle(MULTI_PLATFORMS.slice())
    : [ctx.mainPlatform];
  const batch = {
    firstCreatedMs: wholeSecond(ctx.startMs - rng.int(7, 90) * DAY_MS - rng.float() * DAY_MS),
    spanMs: 2 * DAY_MS - 1000,
    sharedImages: [rng.hex64(), rng.hex64()],
  };
  const members: SimAccount[] = [];
  for (let i = 0; i < campaign.accounts; i++) {
    const platform = platforms[i % platforms.length]!;
    members.push(
      has(campaign, 'batch-accounts')
        ? ctx.accounts.batch(platform, campaign.id, utcOffsetHours, batch)
        : ctx.accounts.organic(platform, campaign.id, utcOffsetHours),
    );
  }
  const expected = Math.max(
    1,
    Math.round(campaign.actions * campaign.participation * postsPerAction(campaign)),
  );
  const plans: ActivityPlan[] = members.map((account) => ({
    account,
    posts: partOrganic
      ? Math.max(1, Math.round(expected * rng.uniform(0.7, 1.3)))
      : Math.max(
          campaign.backgroundPostsMedian > 0 ? 1 : 0,
          Math.round(rng.lognormal(campaign.backgroundPostsMedian, 0.8)),
        ),
    clock: { utcOffsetHours, rhythm: shift && !partOrganic ? 'shift' : 'organic' },
    interactions: partOrganic || !shift,
    hashtags: !has(campaign, 'hashtag-sequence'),
  }));
  return { campaign, members, plans, utcOffsetHours };
}

/** Per-action state shared by the tactic functions. */
interface Action {
  tag: PlantTag;
  /** Participating members per platform. */
  groups: SimAccount[][];
  jitterMs: number;
}

/**
 * Post the campaign's actions. Action i uses the campaign's co-action tactic i mod m (m co-action tactics).
 * Triggers fall on active days (60–100 % of the period's days; weekdays only under `shift-schedule`), at the
 * operators' organic times or, under `shift-schedule`, uniformly inside the shift with room for the jitter, so
 * every planted post stays inside the shift. Each member joins an action with probability `participation`
 * (at least two per platform group when the group has two). A `multi-platform` action repeats the same content on
 * every platform.
 * @param organicOriginals organic originals sorted by time (candidates for amplification by `co-retweet`)
 */
export function postCampaignActions(
  planted: CampaignMembers,
  ctx: CampaignContext,
  organicOriginals: readonly SimPost[],
): void {
  const { campaign } = planted;
  const { rng } = ctx;
  const coactions = campaign.tactics.filter((t) => COACTION_TACTICS.includes(t));
  const shift = has(campaign, 'shift-schedule');
  const platforms = [...new Set(planted.members.map((m) => m.platform))];
  const byPlatform = platforms.map((p) => planted.members.filter((m) => m.platform === p));
  const days = Math.ceil((ctx.endMs - ctx.startMs) / DAY_MS);
  const activeDays = chooseActiveDays(rng, ctx.startMs, days, shift);
  const sequenceDays = rng.shuffle(activeDays.slice());
  const campaignTags = Array.from({ length: 8 }, () => freshTag(rng, ctx.pools, ctx.usedTags));
  const domains = Array.from({ length: rng.int(2, 3) }, () => campaignDomain(rng, ctx.pools));
  for (let i = 0; i < campaign.actions; i++) {
    const tactic = coactions[i % coactions.length]!;
    const jitterMs = tacticJitterSeconds(tactic, campaign) * 1000;
    const groups = byPlatform.map((group) => participants(rng, group, campaign.participation));
    if (tactic === 'hashtag-sequence') {
      const day = sequenceDays.pop();
      if (day === undefined) continue;
      postSequence(ctx, { tag: tagOf(campaign, tactic, i, 0), groups, jitterMs }, day, shift, campaignTags);
      continue;
    }
    const trigger = triggerTime(rng, ctx, activeDays, planted.utcOffsetHours, shift, jitterMs + 1000);
    if (trigger === undefined) continue;
    const action: Action = { tag: tagOf(campaign, tactic, i, trigger), groups, jitterMs };
    if (tactic === 'co-retweet') postCoRetweet(ctx, action, byPlatform, organicOriginals, shift);
    else if (tactic === 'link-flood') postLinkFlood(ctx, action, domains);
    else if (tactic === 'copypasta') postCopypasta(ctx, action);
    else if (tactic === 'paraphrase') postParaphrase(ctx, action);
    else postImageReuse(ctx, action);
  }
}

function tagOf(c: ResolvedCampaign, tactic: Tactic, action: number, triggerMs: number): PlantTag {
  return { campaign: c.id, tactic, action, triggerMs };
}

/** Each member with probability p; at least two when the group has two (topped up at random). */
function participants(rng: SimRandom, group: readonly SimAccount[], p: number): SimAccount[] {
  const chosen = group.filter(() => rng.chance(p));
  const want = Math.min(2, group.length);
  if (chosen.length >= want) return chosen;
  const rest = rng.shuffle(group.filter((m) => !chosen.includes(m)));
  return [...chosen, ...rest.slice(0, want - chosen.length)];
}

/** Active day starts (UTC midnights): 60–100 % of the days, Monday–Friday (UTC+8) only under the shift. */
function chooseActiveDays(rng: SimRandom, startMs: number, days: number, shift: boolean): number[] {
  const all: number[] = [];
  for (let d = 0; d < days; d++) {
    const dayMs = startMs + d * DAY_MS;
    if (!shift || shiftIntervals(dayMs, dayMs + DAY_MS, 0).length > 0) all.push(dayMs);
  }
  const n = Math.max(1, Math.round(all.length * rng.uniform(0.6, 1)));
  return rng.sample(all, n).sort((a, b) => a - b);
}

/** A trigger on an active day with `marginMs` of room before the period (or shift segment) ends. */
function triggerTime(
  rng: SimRandom,
  ctx: CampaignContext,
  activeDays: readonly number[],
  utcOffsetHours: number,
  shift: boolean,
  marginMs: number,
): number | undefined {
  for (let attempt = 0; attempt < 50; attempt++) {
    const day = rng.pick(activeDays);
    const to = Math.min(day + DAY_MS, ctx.endMs - marginMs);
    if (to <= day) continue;
    if (shift) {
      const t = sampleInIntervals(rng, shiftIntervals(day, day + DAY_MS, marginMs));
      if (t !== undefined && t + marginMs < ctx.endMs) return t;
      continue;
    }
    return samplePostTime(rng, { utcOffsetHours, rhythm: 'organic' }, day, to);
  }
  return undefined;
}

function delayed(rng: SimRandom, action: Action): number {
  return wholeSecond(action.tag.triggerMs + 1000 + rng.float() * action.jitterMs);
}

/** Co-retweet: a source post (a member's, or an organic one) shared by the other participants within the jitter. */
function postCoRetweet(
  ctx: CampaignContext,
  action: Action,
  byPlatform: readonly SimAccount[][],
  organicOriginals: readonly SimPost[],
  shift: boolean,
): void {
  const { rng, factory } = ctx;
  const organicSource =
    byPlatform.length === 1 && rng.chance(ORGANIC_SOURCE_SHARE)
      ? findOrganicSource(organicOriginals, byPlatform[0]![0]!.platform, action, ctx.endMs, shift)
      : undefined;
  if (organicSource !== undefined) action.tag.triggerMs = organicSource.tsMs;
  const text = freshCampaignSentence(rng, false, ctx.usedTexts);
  byPlatform.forEach((members, g) => {
    const source =
      organicSource ?? factory.original(members[0]!, action.tag.triggerMs, { text }, { ...action.tag });
    for (const member of action.groups[g]!) {
      if (member.id === source.account) continue;
      factory.share(member, delayed(rng, action), source, { ...action.tag });
    }
  });
}

/** The first organic original of the platform at or after the trigger that leaves room for the jitter. */
function findOrganicSource(
  originals: readonly SimPost[],
  platform: string,
  action: Action,
  endMs: number,
  shift: boolean,
): SimPost | undefined {
  let lo = 0;
  let hi = originals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (originals[mid]!.tsMs < action.tag.triggerMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < originals.length && i < lo + 500; i++) {
    const p = originals[i]!;
    const last = p.tsMs + action.jitterMs + 1000;
    if (p.platform !== platform || last >= endMs) continue;
    if (shift && !(isInShiftHours(p.tsMs) && isInShiftHours(last))) continue;
    return p;
  }
  return undefined;
}

/** Link flood: every participant posts the action's campaign URL with a short slogan. */
function postLinkFlood(ctx: CampaignContext, action: Action, domains: readonly string[]): void {
  const { rng } = ctx;
  const url = `https://${rng.pick(domains)}/${slug(rng, ctx.pools.words)}`;
  for (const group of action.groups) {
    for (const member of group) {
      const words = rng.chance(0.5) ? ` ${wordSalad(rng, ctx.pools, rng.int(1, 4))}` : '';
      ctx.factory.original(
        member,
        delayed(rng, action),
        { text: `${campaignSlogan(rng)}${words} ${url}`, urls: [url] },
        { ...action.tag },
      );
    }
  }
}

/** Copypasta: the same sentence, {@link COPYPASTA_TYPO_SHARE} of the copies with 1–2 typos. */
function postCopypasta(ctx: CampaignContext, action: Action): void {
  const { rng } = ctx;
  const text = freshCampaignSentence(rng, false, ctx.usedTexts);
  for (const group of action.groups) {
    for (const member of group) {
      const copy = rng.chance(COPYPASTA_TYPO_SHARE) ? typoEdit(text, rng, rng.int(1, 2)) : text;
      ctx.factory.original(member, delayed(rng, action), { text: copy }, { ...action.tag });
    }
  }
}

/** Paraphrase: distinct edited versions of one long template (participants without a version sit it out). */
function postParaphrase(ctx: CampaignContext, action: Action): void {
  const { rng } = ctx;
  const template = freshCampaignSentence(rng, true, ctx.usedTexts);
  const total = action.groups.reduce((n, g) => n + g.length, 0);
  const versions = makeParaphrases(template, total, rng, CAMPAIGN_PARAPHRASE_VOCABULARY);
  let k = 0;
  for (const group of action.groups) {
    for (const member of group) {
      const text = versions[k++];
      if (text === undefined) return;
      ctx.factory.original(member, delayed(rng, action), { text }, { ...action.tag });
    }
  }
}

/** Image reuse: the same image (pHash with 0–3 bits flipped per copy), little or no text. */
function postImageReuse(ctx: CampaignContext, action: Action): void {
  const { rng } = ctx;
  const base = rng.hex64();
  for (const group of action.groups) {
    for (const member of group) {
      const text = rng.chance(0.5) ? '' : wordSalad(rng, ctx.pools, rng.int(1, 4));
      ctx.factory.original(
        member,
        delayed(rng, action),
        { text, media: [flipRandomBits(rng, base, rng.int(0, 3))] },
        { ...action.tag },
      );
    }
  }
}

/**
 * Hashtag sequence on one UTC day: 5–6 of the campaign's tags in one order; each participant posts them one per
 * post, in that order, at stratified times hours apart (inside the shift under `shift-schedule`, else 07:00–23:00
 * UTC), with unrelated text.
 */
function postSequence(
  ctx: CampaignContext,
  action: Action,
  dayMs: number,
  shift: boolean,
  campaignTags: readonly string[],
): void {
  const { rng } = ctx;
  const sequence = rng.sample(campaignTags, rng.int(SEQUENCE_LENGTH.min, SEQUENCE_LENGTH.max));
  const intervals: Interval[] = shift
    ? shiftIntervals(dayMs, dayMs + DAY_MS, 0)
    : [{ fromMs: dayMs + 7 * HOUR_MS, toMs: Math.min(dayMs + 23 * HOUR_MS, ctx.endMs) }];
  const plan = action.groups
    .flat()
    .map((member) => ({ member, times: sampleStratified(rng, intervals, sequence.length) }));
  const first = Math.min(...plan.flatMap((p) => p.times));
  if (!Number.isFinite(first)) return;
  action.tag.triggerMs = first;
  for (const { member, times } of plan) {
    times.forEach((ts, j) => {
      const tag = sequence[j]!;
      ctx.factory.original(
        member,
        ts,
        { text: `${wordSalad(rng, ctx.pools, rng.int(5, 15))} #${tag}`, hashtags: [tag] },
        { ...action.tag },
      );
    });
  }
}

/** Flip `bits` distinct random bits of a 16-hex-digit hash. */
function flipRandomBits(rng: SimRandom, hex: string, bits: number): string {
  let value = BigInt(`0x${hex}`);
  const positions = rng.sample(
    Array.from({ length: 64 }, (_, i) => i),
    bits,
  );
  for (const p of positions) value ^= 1n << BigInt(p);
  return value.toString(16).padStart(16, '0');
}

/** A fresh campaign hashtag (two vocabulary words). */
function freshTag(rng: SimRandom, pools: ContentPools, used: Set<string>): string {
  for (;;) {
    const tag = `${rng.pick(pools.words)}${rng.pick(pools.words)}`;
    if (!used.has(tag)) {
      used.add(tag);
      return tag;
    }
  }
}

/** A dedicated campaign domain, e.g. `harbour-truth.net`. */
function campaignDomain(rng: SimRandom, pools: ContentPools): string {
  const suffix = rng.pick(['truth', 'facts', 'voice', 'insight', 'today', 'review']);
  return `${rng.pick(pools.words)}-${suffix}.${rng.pick(['com', 'net', 'org', 'info'])}`;
}
