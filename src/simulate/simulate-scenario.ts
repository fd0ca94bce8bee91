/**
 * `simulateScenario`: a seeded planted-campaign benchmark case (docs/methods.md §11). An organic background
 * (heavy-tailed activity on diurnal clocks, retweet cascades, reply chains, Zipf links and hashtags, news bursts and
 * viral hashtags) plus planted campaigns whose members co-act with chosen tactics; the ground truth says who is
 * who. Pure and deterministic: the same scenario and seed give the same posts, ids and order.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { GROUND_TRUTH_SCHEMA, type GroundTruth, type TruthCampaign } from '../model/ground-truth.js';
import { CHORUS_VERSION } from '../pipeline/version.js';
import { AccountFactory } from './account-factory.js';
import { buildContentPools } from './content-pools.js';
import { MODIFIER_TACTICS, tacticJitterSeconds } from './difficulty-presets.js';
import { postNewsBursts, postViralHashtags } from './news-bursts.js';
import {
  type ActivityContext,
  type ActivityPlan,
  organicPostCount,
  popularity,
  postInteractions,
  postOriginals,
} from './organic-activity.js';
import {
  type CampaignContext,
  type CampaignMembers,
  createCampaignMembers,
  postCampaignActions,
} from './plant-campaign.js';
import { PostFactory } from './post-factory.js';
import {
  type ResolvedScenario,
  resolveScenario,
  type ScenarioOverrides,
  type ScenarioSpec,
} from './scenario-spec.js';
import { compareCodeUnits, type SimAccount, type SimPost, simAccountKey } from './sim-post.js';
import { cumulativeOf, SimRandom } from './sim-random.js';
import { STANDARD_SCENARIOS } from './standard-scenarios.js';

/** A simulated case. */
export interface SimulationResult {
  /** The scenario as run (defaults filled in, seed and scale applied). */
  scenario: ResolvedScenario;
  /** Every account that posted, sorted by key. */
  accounts: SimAccount[];
  /** Posts sorted by (time, platform, id). */
  posts: SimPost[];
  truth: GroundTruth;
}

/**
 * Simulate a scenario.
 * @param spec a {@link ScenarioSpec} or the name of one of {@link STANDARD_SCENARIOS}
 * @param options `seed` replaces the scenario's seed; `scale` (default 1) multiplies organic accounts and bursts
 * @returns accounts, posts and the ground truth (`generator` = `chorus simulate <version>`)
 * @throws {ConfigError} `CONFIG_INVALID` for an unknown scenario name or an invalid spec (see `validateScenario`)
 * @example
 * const { posts, truth } = simulateScenario('mixed-small');
 * truth.campaigns.map((c) => c.tactics) // [['co-retweet'], ['copypasta', 'batch-accounts'], ['hashtag-sequence']]
 */
export function simulateScenario(
  spec: ScenarioSpec | string,
  options: ScenarioOverrides = {},
): SimulationResult {
  const scenario = resolveScenario(lookup(spec), options);
  const seed = String(scenario.seed);
  const { startMs, endMs } = scenario;
  const pools = buildContentPools(new SimRandom(`${seed}/pools`));
  const accountFactory = new AccountFactory(new SimRandom(`${seed}/accounts`), pools, startMs);
  const organicRng = new SimRandom(`${seed}/organic`);
  const platformShares = scenario.organic.platforms;
  const platformWeights = cumulativeOf(platformShares.map((p) => p.share));
  const mainPlatform = platformShares.reduce((a, b) => (b.share > a.share ? b : a)).platform;
  const organicAccounts: SimAccount[] = [];
  for (let i = 0; i < scenario.organic.accounts; i++) {
    const platform = platformShares[organicRng.weighted(platformWeights)]!.platform;
    organicAccounts.push(accountFactory.organic(platform, null));
  }

  const usedTexts = new Set<string>();
  const usedTags = new Set<string>(pools.tags);
  const byKey = new Map<string, SimAccount>();
  const factory = new PostFactory(
    new SimRandom(`${seed}/ids`),
    (post) => byKey.get(`${post.platform}:${post.account}`)!.handle,
  );
  const campaignContexts: CampaignContext[] = scenario.campaigns.map((c) => ({
    rng: new SimRandom(`${seed}/campaign/${c.id}`),
    pools,
    factory,
    accounts: accountFactory,
    startMs,
    endMs,
    mainPlatform,
    usedTexts,
    usedTags,
  }));
  const planted: CampaignMembers[] = scenario.campaigns.map((c, i) =>
    createCampaignMembers(c, campaignContexts[i]!),
  );
  const allAccounts = [...organicAccounts, ...planted.flatMap((p) => p.members)];
  for (const a of allAccounts) byKey.set(simAccountKey(a), a);

  const ctx: ActivityContext = {
    rng: organicRng,
    pools,
    factory,
    organic: scenario.organic,
    startMs,
    endMs,
    mentionable: { accounts: organicAccounts, weights: cumulativeOf(organicAccounts.map(popularity)) },
  };
  const plans: ActivityPlan[] = organicAccounts.map((account) => ({
    account,
    posts: organicPostCount(organicRng, scenario.organic, scenario.days),
    clock: {
      utcOffsetHours: account.utcOffsetHours,
      rhythm: organicRng.chance(scenario.organic.officeWorkerShare) ? 'office' : 'organic',
    },
    interactions: true,
    hashtags: true,
  }));
  plans.push(...planted.flatMap((p) => p.plans));
  postOriginals(ctx, plans);

  const viralCtx = { ...ctx, rng: new SimRandom(`${seed}/viral`) };
  const crowds = platformShares
    .map((p) => ({
      platform: p.platform,
      accounts: organicAccounts.filter((a) => a.platform === p.platform),
    }))
    .filter((c) => c.accounts.length > 0);
  const crowdWeights = cumulativeOf(crowds.map((c) => c.accounts.length));
  if (crowds.length > 0) {
    postNewsBursts(viralCtx, crowds, crowdWeights, scenario.organic.bursts, usedTags);
    postViralHashtags(viralCtx, crowds, crowdWeights, scenario.organic.viralHashtags, usedTags);
  }
  const accountOf = (post: SimPost) => byKey.get(`${post.platform}:${post.account}`)!;
  postInteractions(
    ctx,
    plans,
    factory.posts.filter((p) => p.kind === 'post'),
    accountOf,
  );

  const organicOriginals = factory.posts
    .filter((p) => p.kind === 'post' && accountOf(p).campaign === null)
    .sort(comparePosts);
  planted.forEach((p, i) => {
    postCampaignActions(p, campaignContexts[i]!, organicOriginals);
  });

  const posts = factory.posts.slice().sort(comparePosts);
  const posting = new Set(posts.map((p) => `${p.platform}:${p.account}`));
  const accounts = allAccounts
    .filter((a) => posting.has(simAccountKey(a)))
    .sort((a, b) => compareCodeUnits(simAccountKey(a), simAccountKey(b)));
  return { scenario, accounts, posts, truth: buildTruth(scenario, planted, accounts) };
}

function lookup(spec: ScenarioSpec | string): ScenarioSpec {
  if (typeof spec !== 'string') return spec;
  const found = STANDARD_SCENARIOS.find((s) => s.name === spec);
  if (found === undefined) {
    throw new ConfigError(
      `simulate: unknown scenario "${spec}". Expecting one of: ${STANDARD_SCENARIOS.map((s) => s.name).join(', ')}.`,
    );
  }
  return found;
}

/**
 * Post order of the output: time, then platform, then id (code-unit order).
 * @example comparePosts({ tsMs: 1, platform: 'a', id: '2' }, { tsMs: 1, platform: 'a', id: '10' }) // > 0
 */
export function comparePosts(
  a: Pick<SimPost, 'tsMs' | 'platform' | 'id'>,
  b: Pick<SimPost, 'tsMs' | 'platform' | 'id'>,
): number {
  return a.tsMs - b.tsMs || compareCodeUnits(a.platform, b.platform) || compareCodeUnits(a.id, b.id);
}

function buildTruth(
  scenario: ResolvedScenario,
  planted: readonly CampaignMembers[],
  accounts: readonly SimAccount[],
): GroundTruth {
  const posting = new Set(accounts.map(simAccountKey));
  const campaigns: TruthCampaign[] = planted.map(({ campaign, members }) => {
    const keys = members
      .map(simAccountKey)
      .filter((k) => posting.has(k))
      .sort(compareCodeUnits);
    const platforms = [
      ...new Set(members.filter((m) => posting.has(simAccountKey(m))).map((m) => m.platform)),
    ].sort(compareCodeUnits);
    return {
      id: campaign.id,
      tactics: campaign.tactics.slice(),
      difficulty: campaign.difficulty,
      accounts: keys,
      platforms,
      description: describeCampaign(campaign, keys.length, platforms),
    };
  });
  return {
    schema: GROUND_TRUTH_SCHEMA,
    scenario: scenario.name,
    seed: scenario.seed,
    generator: `chorus simulate ${CHORUS_VERSION}`,
    startMs: scenario.startMs,
    endMs: scenario.endMs,
    platforms: [...new Set(accounts.map((a) => a.platform))].sort(compareCodeUnits),
    campaigns,
    accounts: accounts.map((a) => ({ key: simAccountKey(a), campaign: a.campaign })),
  };
}

function describeCampaign(
  c: CampaignMembers['campaign'],
  members: number,
  platforms: readonly string[],
): string {
  const coactions = c.tactics.filter((t) => !MODIFIER_TACTICS.includes(t));
  const modifiers = c.tactics.filter((t) => MODIFIER_TACTICS.includes(t));
  const jitters = coactions
    .filter((t) => t !== 'hashtag-sequence')
    .map((t) => `${t} within ${tacticJitterSeconds(t, c)} s`);
  return (
    `${members} accounts on ${platforms.join(', ')} run ${c.actions} actions of ${coactions.join(' + ')} ` +
    `(participation ${c.participation}${jitters.length > 0 ? `; ${jitters.join(', ')}` : ''})` +
    `${modifiers.length > 0 ? ` with ${modifiers.join(', ')}` : ''}; ${c.difficulty} difficulty.`
  );
}
