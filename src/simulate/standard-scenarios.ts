/**
 * The standard benchmark scenarios of `chorus simulate` (docs/methods.md §11): an organic-only case for false
 * positives, one case per tactic, and two mixed cases. Seeds are fixed so that every run of the suite sees the same
 * data: 101 for `organic-only`, 201–210 for the tactic cases in `TACTICS` order, 301 for `mixed-small`, 302 for
 * `mixed`. Sizes keep every case at or below ≈ 250,000 posts so the suite runs in minutes on two cores.
 *
 * @module
 */
import type { Tactic } from '../model/ground-truth.js';
import { MODIFIER_TACTICS } from './difficulty-presets.js';
import type { CampaignSpec, PlatformShare, ScenarioSpec } from './scenario-spec.js';

/** Organic platforms of the cases with `multi-platform` campaigns: the campaign's three platforms, X the largest. */
export const MULTI_PLATFORM_SHARES: readonly PlatformShare[] = Object.freeze([
  { platform: 'twitter', share: 0.7 },
  { platform: 'facebook', share: 0.2 },
  { platform: 'telegram', share: 0.1 },
]);

/** Co-action tactic paired with each modifier in its `<modifier>-standard` case. */
const MODIFIER_PARTNER: Readonly<Record<string, Tactic>> = {
  'shift-schedule': 'copypasta',
  'batch-accounts': 'copypasta',
  // Shares stay on their platform, so a cross-platform campaign is tied across platforms by what it posts on each:
  // the same texts (Spamouflage posted the same comments on X, Facebook, YouTube, Medium…).
  'multi-platform': 'copypasta',
  'part-organic': 'co-retweet',
};

const TACTIC_SEEDS: readonly [Tactic, number][] = [
  ['co-retweet', 201],
  ['link-flood', 202],
  ['copypasta', 203],
  ['paraphrase', 204],
  ['hashtag-sequence', 205],
  ['image-reuse', 206],
  ['shift-schedule', 207],
  ['batch-accounts', 208],
  ['multi-platform', 209],
  ['part-organic', 210],
];

function tacticScenario(tactic: Tactic, seed: number): ScenarioSpec {
  const modifier = MODIFIER_TACTICS.includes(tactic);
  const campaign: CampaignSpec = modifier
    ? { tactics: [MODIFIER_PARTNER[tactic]!, tactic], difficulty: 'hard' }
    : { tactics: [tactic], difficulty: 'standard' };
  return {
    name: `${tactic}-standard`,
    description: modifier
      ? `5,000 organic accounts + 2 hard ${MODIFIER_PARTNER[tactic]} campaigns run with ${tactic}`
      : `5,000 organic accounts + 2 standard ${tactic} campaigns`,
    seed,
    organic: {
      accounts: 5000,
      bursts: 4,
      viralHashtags: 2,
      ...(tactic === 'multi-platform' ? { platforms: MULTI_PLATFORM_SHARES.map((p) => ({ ...p })) } : {}),
    },
    campaigns: [campaign, { ...campaign, tactics: campaign.tactics.slice() }],
  };
}

/**
 * The standard scenarios, in `--list` order:
 * - `organic-only` (seed 101): 20,000 organic accounts, 6 news bursts, 3 viral hashtags, no campaign: every
 *   cluster found is a false positive;
 * - `<tactic>-standard` (seeds 201–210): 5,000 organic accounts, 4 bursts, 2 viral hashtags and 2 campaigns of the
 *   tactic at `standard` difficulty; a modifier is run on a co-action partner (copypasta for `shift-schedule` and
 *   `batch-accounts`, co-retweet for `multi-platform` and `part-organic`) at `hard` difficulty, so that the
 *   modifier's own signal matters; `multi-platform-standard` spreads the organic accounts 70/20/10 over twitter,
 *   facebook and telegram;
 * - `mixed-small` (seed 301): 1,000 organic accounts, 2 bursts, 1 viral hashtag, 3 standard campaigns (co-retweet;
 *   copypasta + batch-accounts; hashtag-sequence); the regression case of `npm test`;
 * - `mixed` (seed 302): 10,000 organic accounts on three platforms, 5 bursts, 3 viral hashtags, 6 campaigns using
 *   every tactic at mixed difficulties.
 */
export const STANDARD_SCENARIOS: readonly ScenarioSpec[] = Object.freeze([
  {
    name: 'organic-only',
    description: '20,000 organic accounts with news bursts and viral hashtags, no campaign (false positives)',
    seed: 101,
    organic: { accounts: 20_000, bursts: 6, viralHashtags: 3 },
    campaigns: [],
  },
  ...TACTIC_SEEDS.map(([tactic, seed]) => tacticScenario(tactic, seed)),
  {
    name: 'mixed-small',
    description:
      '1,000 organic accounts + co-retweet, copypasta with batch accounts, hashtag-sequence (regression)',
    seed: 301,
    organic: { accounts: 1000, bursts: 2, viralHashtags: 1 },
    campaigns: [
      { tactics: ['co-retweet'], difficulty: 'standard' },
      { tactics: ['copypasta', 'batch-accounts'], difficulty: 'standard' },
      { tactics: ['hashtag-sequence'], difficulty: 'standard' },
    ],
  },
  {
    name: 'mixed',
    description: '10,000 organic accounts on three platforms + 6 campaigns using every tactic',
    seed: 302,
    organic: {
      accounts: 10_000,
      bursts: 5,
      viralHashtags: 3,
      platforms: MULTI_PLATFORM_SHARES.map((p) => ({ ...p })),
    },
    campaigns: [
      { tactics: ['co-retweet'], difficulty: 'easy' },
      { tactics: ['link-flood', 'part-organic'], difficulty: 'standard' },
      { tactics: ['copypasta', 'shift-schedule'], difficulty: 'hard' },
      { tactics: ['paraphrase'], difficulty: 'standard' },
      { tactics: ['hashtag-sequence', 'batch-accounts'], difficulty: 'standard' },
      { tactics: ['image-reuse', 'multi-platform'], difficulty: 'standard' },
    ],
  },
]);
