/**
 * Difficulty presets of planted campaigns. Harder campaigns are smaller, act less often, with fewer members per
 * action and wider timing jitter, so that fewer member pairs meet inside a detector's time window. The numbers
 * are design choices bracketing what takedown reports describe: Spamouflage clusters of tens of accounts posting
 * the same text minutes apart (Meta Adversarial Threat Report Q2 2023), retweet rings acting within seconds
 * (Keller et al. 2020, doi:10.1080/10584609.2019.1661888).
 *
 * @module
 */
import type { Difficulty, Tactic } from '../model/ground-truth.js';

/** Parameters a difficulty sets. */
export interface DifficultyPreset {
  /** Member accounts of the campaign. */
  accounts: number;
  /** Campaign actions (triggers) in the observation period. */
  actions: number;
  /** Probability (0..1) that a member takes part in one action. */
  participation: number;
  /** Timing jitter of fast tactics (`co-retweet`): delay from the trigger uniform in [0, this], seconds. */
  fastJitterSeconds: number;
  /**
   * Timing jitter of text and link tactics (`link-flood`, `copypasta`, `paraphrase`, `image-reuse`): delay from
   * the trigger uniform in [0, this], seconds.
   */
  textJitterSeconds: number;
}

/**
 * The presets:
 *
 * | difficulty | accounts | actions | participation | fast jitter | text jitter |
 * |------------|---------:|--------:|--------------:|------------:|------------:|
 * | easy       |       40 |      30 |           0.9 |        20 s |       2 min |
 * | standard   |       30 |      20 |           0.7 |        60 s |       5 min |
 * | hard       |       20 |      12 |           0.5 |       180 s |      15 min |
 *
 * `hashtag-sequence` ignores the jitter: its posts are spread over the day, hours apart.
 */
export const DIFFICULTY_PRESETS: Readonly<Record<Difficulty, Readonly<DifficultyPreset>>> = Object.freeze({
  easy: Object.freeze({
    accounts: 40,
    actions: 30,
    participation: 0.9,
    fastJitterSeconds: 20,
    textJitterSeconds: 120,
  }),
  standard: Object.freeze({
    accounts: 30,
    actions: 20,
    participation: 0.7,
    fastJitterSeconds: 60,
    textJitterSeconds: 300,
  }),
  hard: Object.freeze({
    accounts: 20,
    actions: 12,
    participation: 0.5,
    fastJitterSeconds: 180,
    textJitterSeconds: 900,
  }),
});

/** Co-action tactics (what ties the members together), in `TACTICS` order. */
export const COACTION_TACTICS: readonly Tactic[] = Object.freeze([
  'co-retweet',
  'link-flood',
  'copypasta',
  'paraphrase',
  'hashtag-sequence',
  'image-reuse',
]);

/** Modifier tactics (how the campaign is run), in `TACTICS` order. */
export const MODIFIER_TACTICS: readonly Tactic[] = Object.freeze([
  'shift-schedule',
  'batch-accounts',
  'multi-platform',
  'part-organic',
]);

/**
 * Jitter of a co-action tactic under a preset, seconds: `fastJitterSeconds` for `co-retweet`, else
 * `textJitterSeconds`.
 * @example tacticJitterSeconds('co-retweet', DIFFICULTY_PRESETS.standard) // 60
 */
export function tacticJitterSeconds(
  tactic: Tactic,
  preset: Pick<DifficultyPreset, 'fastJitterSeconds' | 'textJitterSeconds'>,
): number {
  return tactic === 'co-retweet' ? preset.fastJitterSeconds : preset.textJitterSeconds;
}
