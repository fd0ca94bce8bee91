/**
 * Ground truth of a simulated case (`chorus simulate` writes it as `truth.json`; `chorus evaluate` reads it):
 * which accounts belong to which planted campaign, and which tactics each campaign used. The benchmark design
 * (organic background with bursts and viral objects, planted campaigns of chosen tactics) follows docs/methods.md §11
 * "Benchmark"; tactic names follow the behaviours of Meta's Spamouflage takedown (Meta Adversarial Threat Report
 * Q2 2023) and the DISARM framework (T0049.003 automated reposting, T0084.001 copypasta, T0119.002 cross-platform
 * posting, T0150.001 newly created assets).
 */

/** Identifier of the `truth.json` format. */
export const GROUND_TRUTH_SCHEMA = 'chorus-truth/1';

/**
 * Tactics a planted campaign can use.
 * Co-action tactics (what ties the accounts together):
 * - `co-retweet`: the accounts share (retweet) the same posts seconds apart;
 * - `link-flood`: the accounts post the same links (campaign URLs on a few domains) minutes apart;
 * - `copypasta`: the accounts post the same text, some copies with typos;
 * - `paraphrase`: the accounts post edited versions of the same templates (near-duplicates, no two identical);
 * - `hashtag-sequence`: the accounts post the same ordered sequence of hashtags each day;
 * - `image-reuse`: the accounts post the same image (perceptual hashes a few bits apart).
 * Modifiers (how the campaign is run; combined with a co-action tactic):
 * - `shift-schedule`: all campaign activity in office hours of one time zone, with a lunch break and weekends off;
 * - `batch-accounts`: accounts created within days of each other, with `FirstnameLastname12345` handles;
 * - `multi-platform`: the accounts are spread over several platforms and push the same content on each;
 * - `part-organic`: the accounts also behave like organic accounts part of the time.
 */
export const TACTICS = [
  'co-retweet',
  'link-flood',
  'copypasta',
  'paraphrase',
  'hashtag-sequence',
  'image-reuse',
  'shift-schedule',
  'batch-accounts',
  'multi-platform',
  'part-organic',
] as const;

/** One of {@link TACTICS}. */
export type Tactic = (typeof TACTICS)[number];

/** Difficulty levels of a planted campaign (participation, timing jitter and size; see `chorus simulate`). */
export const DIFFICULTIES = ['easy', 'standard', 'hard'] as const;

/** One of {@link DIFFICULTIES}. */
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One planted campaign. */
export interface TruthCampaign {
  /** Campaign id, `K01`, `K02`, … in planting order. */
  id: string;
  /** Tactics used (at least one co-action tactic), in {@link TACTICS} order. */
  tactics: Tactic[];
  difficulty: Difficulty;
  /** Member account keys `platform:accountId`, sorted. */
  accounts: string[];
  /** Platforms of the members, sorted. */
  platforms: string[];
  /** One sentence on what was planted. */
  description: string;
}

/** One account of the case and its campaign (`null` = organic). */
export interface TruthAccount {
  /** Account key `platform:accountId` (as in `network.json`). */
  key: string;
  /** Campaign id, or `null` for an organic account. */
  campaign: string | null;
}

/** Contents of `truth.json`. */
export interface GroundTruth {
  /** Always {@link GROUND_TRUTH_SCHEMA}. */
  schema: typeof GROUND_TRUTH_SCHEMA;
  /** Scenario name (e.g. `copypasta-standard`). */
  scenario: string;
  /** Seed of the generator. */
  seed: number;
  /** Generator and version, e.g. `chorus simulate 0.1.0`. */
  generator: string;
  /** Observation period, UTC epoch ms: first and last possible post time. */
  startMs: number;
  endMs: number;
  /** Platforms present, sorted. */
  platforms: string[];
  /** Planted campaigns, by id. */
  campaigns: TruthCampaign[];
  /** Every account that posted in the case, sorted by key. */
  accounts: TruthAccount[];
}
