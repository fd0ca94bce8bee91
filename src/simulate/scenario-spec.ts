/**
 * Scenario of a simulated case (`chorus simulate`): the observation period, the organic background and the
 * planted campaigns. A spec is plain JSON-compatible data, so it can be written by hand in a `--config` file;
 * {@link resolveScenario} fills in the defaults and {@link validateScenario} checks everything, naming the field.
 * Design: docs/methods.md §11.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { DIFFICULTIES, type Difficulty, TACTICS, type Tactic } from '../model/ground-truth.js';
import { COACTION_TACTICS, DIFFICULTY_PRESETS, type DifficultyPreset } from './difficulty-presets.js';

/**
 * Most organic accounts a scenario may have once scaled. The simulator keeps every post in memory: 100,000 organic
 * accounts (organic-only at scale 5) make ≈ 930,000 posts and 2.4 GB; 20 times the default scenario ran out of
 * Node's heap, so larger cases are refused up front instead of failing after minutes.
 */
export const MAX_ORGANIC_ACCOUNTS = 150_000;

/** Largest `scale` override (`--scale`). */
export const MAX_SCALE = 10;

/** One platform of the organic background and its share of the accounts. */
export interface PlatformShare {
  /** Lower-case platform name, e.g. `twitter`. */
  platform: string;
  /** Relative share (> 0); shares are normalised over the list. */
  share: number;
}

/** The organic background (every field optional in a spec; defaults in {@link ORGANIC_DEFAULTS}). */
export interface OrganicSpec {
  // — population —
  /** Organic accounts (integer ≥ 10). Multiplied by the `scale` option. */
  accounts: number;
  /** Platforms and their shares of the accounts. */
  platforms: PlatformShare[];
  /** Share (0..1) of organic accounts that post only in weekday office hours of their zone. */
  officeWorkerShare: number;
  // — activity —
  /** Median posts per account over 14 days (lognormal; scaled linearly with `days`). */
  postsMedian: number;
  /** Log-scale standard deviation of posts per account (heavy tail: a few accounts post hundreds). */
  postsSigma: number;
  /** Cap on posts per account over 14 days. */
  maxPosts: number;
  /** Share (0..1) of an account's posts that are shares (retweets). */
  shareFraction: number;
  /** Share (0..1) of an account's posts that are replies. */
  replyFraction: number;
  // — viral objects —
  /** News bursts: a fresh URL and tag pushed by hundreds of accounts within minutes. Multiplied by `scale`. */
  bursts: number;
  /** Viral hashtags: a tag used by thousands of posts over a few hours. */
  viralHashtags: number;
}

/** A planted campaign (only `tactics` is required; defaults from its difficulty's preset). */
export interface CampaignSpec {
  /** Tactics (at least one co-action tactic; modifiers optional), see `TACTICS`. */
  tactics: Tactic[];
  /** Difficulty preset; default `standard`. */
  difficulty?: Difficulty;
  /** Member accounts (integer ≥ 3); default from the preset. */
  accounts?: number;
  /** Actions (triggers) in the period (integer ≥ 1); default from the preset. */
  actions?: number;
  /** Probability (0..1] that a member takes part in an action; default from the preset. */
  participation?: number;
  /** Jitter of `co-retweet`, seconds (≥ 0); default from the preset. */
  fastJitterSeconds?: number;
  /** Jitter of the text, link and image tactics, seconds (≥ 0); default from the preset. */
  textJitterSeconds?: number;
  /** Median background (organic-style) posts per member over the period (≥ 0); default 4. */
  backgroundPostsMedian?: number;
}

/** A scenario as written (JSON-compatible; everything but `name` optional). */
export interface ScenarioSpec {
  /** Scenario name, e.g. `copypasta-standard` (written to `truth.json`). */
  name: string;
  /** One line on what the scenario tests. */
  description?: string;
  /** Generator seed (safe integer ≥ 0); default 1. */
  seed?: number;
  /** Length of the observation period in days (integer 1..366); default 14. */
  days?: number;
  /** Start of the period, ISO 8601 with a zone (`Z`); default `2024-03-04T00:00:00Z` (a Monday). */
  start?: string;
  /** Organic background; defaults in {@link ORGANIC_DEFAULTS}. */
  organic?: Partial<OrganicSpec>;
  /** Planted campaigns, in order (ids `K01`, `K02`, …); default none. */
  campaigns?: CampaignSpec[];
}

/** A campaign with every parameter set. */
export interface ResolvedCampaign extends DifficultyPreset {
  /** `K01`, `K02`, … */
  id: string;
  /** Distinct tactics in `TACTICS` order. */
  tactics: Tactic[];
  difficulty: Difficulty;
  backgroundPostsMedian: number;
}

/** A scenario with every parameter set (see {@link resolveScenario}). */
export interface ResolvedScenario {
  name: string;
  description: string;
  seed: number;
  days: number;
  /** Period start, UTC epoch ms. */
  startMs: number;
  /** Period end (exclusive), UTC epoch ms: `startMs + days · 86 400 000`. */
  endMs: number;
  organic: OrganicSpec;
  campaigns: ResolvedCampaign[];
}

/**
 * Defaults of {@link OrganicSpec}: 5,000 accounts all on `twitter`, 5 % office workers, posts per account
 * lognormal with median 3.5 and σ 1.25 (mean ≈ 7.6; 0.4 % post more than 100) capped at 600, 30 % shares and
 * 15 % replies, 4 news bursts and 2 viral hashtags. The activity numbers keep most accounts at 1–20 posts in
 * two weeks with a few at hundreds, the heavy tail measured on Twitter (Kwak et al. 2010,
 * doi:10.1145/1772690.1772751).
 */
export const ORGANIC_DEFAULTS: Readonly<OrganicSpec> = Object.freeze({
  accounts: 5000,
  platforms: [{ platform: 'twitter', share: 1 }],
  officeWorkerShare: 0.05,
  postsMedian: 3.5,
  postsSigma: 1.25,
  maxPosts: 600,
  shareFraction: 0.3,
  replyFraction: 0.15,
  bursts: 4,
  viralHashtags: 2,
});

/** Defaults of a scenario: seed 1, 14 days from Monday 2024-03-04 00:00 UTC. */
export const SCENARIO_DEFAULTS = Object.freeze({
  seed: 1,
  days: 14,
  start: '2024-03-04T00:00:00Z',
  backgroundPostsMedian: 4,
});

/** Options of {@link resolveScenario}. */
export interface ScenarioOverrides {
  /** Replaces the spec's seed. */
  seed?: number;
  /** Multiplies organic accounts and bursts (> 0, ≤ 100); default 1. */
  scale?: number;
}

const PREFIX = 'simulate/scenario';
const DAY_MS = 86_400_000;
const SPEC_KEYS = new Set(['name', 'description', 'seed', 'days', 'start', 'organic', 'campaigns']);
const ORGANIC_KEYS = new Set(Object.keys(ORGANIC_DEFAULTS));
const CAMPAIGN_KEYS = new Set([
  'tactics',
  'difficulty',
  'accounts',
  'actions',
  'participation',
  'fastJitterSeconds',
  'textJitterSeconds',
  'backgroundPostsMedian',
]);

function fail(field: string, expectation: string, value: unknown): never {
  const shown = JSON.stringify(value) ?? String(value);
  throw new ConfigError(`${PREFIX}: invalid \`${field}\` (${shown.slice(0, 80)}). Expecting ${expectation}.`);
}

function checkKeys(value: unknown, allowed: ReadonlySet<string>, field: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) fail(`${field}.${key}`, `one of the keys ${[...allowed].join(', ')}`, key);
  }
}

/**
 * Merge a spec over the defaults, apply the overrides, and validate.
 * @param spec the scenario as written (e.g. parsed from a JSON file; unknown keys are rejected)
 * @param overrides `seed` replaces the spec's seed; `scale` multiplies organic accounts and bursts
 * @returns the complete scenario (fresh objects)
 * @throws {ConfigError} `CONFIG_INVALID` naming the field, see {@link validateScenario}
 * @example resolveScenario({ name: 'x', organic: { accounts: 100 } }).endMs - resolveScenario({ name: 'x' }).startMs
 * // 1_209_600_000 (14 days)
 */
export function resolveScenario(spec: ScenarioSpec, overrides: ScenarioOverrides = {}): ResolvedScenario {
  checkKeys(spec, SPEC_KEYS, 'spec');
  if (spec.organic !== undefined) checkKeys(spec.organic, ORGANIC_KEYS, 'organic');
  if (spec.campaigns !== undefined && !Array.isArray(spec.campaigns))
    fail('campaigns', 'a list', spec.campaigns);
  const scale = overrides.scale ?? 1;
  if (typeof scale !== 'number' || !(scale > 0 && scale <= MAX_SCALE))
    fail('scale', `a number in (0, ${MAX_SCALE}]`, scale);
  const organicIn = { ...ORGANIC_DEFAULTS, ...spec.organic };
  if (scale !== 1 && typeof organicIn.accounts === 'number' && Number.isFinite(organicIn.accounts)) {
    const scaled = Math.round(organicIn.accounts * scale);
    if (scaled > MAX_ORGANIC_ACCOUNTS || scaled < 10) {
      const low = Math.ceil((10 / organicIn.accounts) * 1000) / 1000;
      const high = Math.floor((MAX_ORGANIC_ACCOUNTS / organicIn.accounts) * 1000) / 1000;
      fail(
        'scale',
        `a scale in [${low}, ${Math.min(MAX_SCALE, high)}] for this scenario (${organicIn.accounts} organic accounts × scale must stay within [10, ${MAX_ORGANIC_ACCOUNTS}])`,
        scale,
      );
    }
  }
  const organic: OrganicSpec = {
    ...organicIn,
    platforms: Array.isArray(organicIn.platforms)
      ? organicIn.platforms.map((p) => ({ ...p }))
      : organicIn.platforms,
    accounts: Math.round(organicIn.accounts * scale),
    bursts: Math.round(organicIn.bursts * scale),
  };
  const days = spec.days ?? SCENARIO_DEFAULTS.days;
  const start = spec.start ?? SCENARIO_DEFAULTS.start;
  const startMs =
    typeof start === 'string' && /(Z|[+-]\d\d:?\d\d)$/.test(start) ? Date.parse(start) : Number.NaN;
  if (!Number.isFinite(startMs))
    fail('start', 'an ISO 8601 time with a zone, e.g. 2024-03-04T00:00:00Z', start);
  const campaigns = (spec.campaigns ?? []).map((c, i) => resolveCampaign(c, i));
  const scenario: ResolvedScenario = {
    name: spec.name,
    description: spec.description ?? '',
    seed: overrides.seed ?? spec.seed ?? SCENARIO_DEFAULTS.seed,
    days,
    startMs,
    endMs: startMs + days * DAY_MS,
    organic,
    campaigns,
  };
  validateScenario(scenario);
  return scenario;
}

function resolveCampaign(spec: CampaignSpec, index: number): ResolvedCampaign {
  checkKeys(spec, CAMPAIGN_KEYS, `campaigns[${index}]`);
  const difficulty = spec.difficulty ?? 'standard';
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty)) {
    fail(`campaigns[${index}].difficulty`, `one of ${DIFFICULTIES.join(', ')}`, difficulty);
  }
  checkTactics(spec.tactics, index);
  const preset = DIFFICULTY_PRESETS[difficulty];
  return {
    id: `K${String(index + 1).padStart(2, '0')}`,
    tactics: TACTICS.filter((t) => spec.tactics.includes(t)),
    difficulty,
    accounts: spec.accounts ?? preset.accounts,
    actions: spec.actions ?? preset.actions,
    participation: spec.participation ?? preset.participation,
    fastJitterSeconds: spec.fastJitterSeconds ?? preset.fastJitterSeconds,
    textJitterSeconds: spec.textJitterSeconds ?? preset.textJitterSeconds,
    backgroundPostsMedian: spec.backgroundPostsMedian ?? SCENARIO_DEFAULTS.backgroundPostsMedian,
  };
}

function checkTactics(tactics: unknown, index: number): void {
  const field = `campaigns[${index}].tactics`;
  if (!Array.isArray(tactics) || tactics.length === 0) fail(field, 'a non-empty list of tactics', tactics);
  const seen = new Set<string>();
  for (const t of tactics) {
    if (!(TACTICS as readonly string[]).includes(t)) fail(field, `tactics among ${TACTICS.join(', ')}`, t);
    if (seen.has(t)) fail(field, 'distinct tactics', t);
    seen.add(t);
  }
  if (!tactics.some((t) => COACTION_TACTICS.includes(t))) {
    fail(field, `at least one co-action tactic (${COACTION_TACTICS.join(', ')})`, tactics);
  }
}

function integerIn(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `an integer in [${min}, ${max}]`, value);
  }
}

function numberIn(field: string, value: unknown, min: number, max: number, minOpen = false): void {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value > max ||
    value < min ||
    (minOpen && value === min)
  ) {
    fail(field, `a number in ${minOpen ? '(' : '['}${min}, ${max}]`, value);
  }
}

/**
 * Check a resolved scenario.
 * @throws {ConfigError} `CONFIG_INVALID` naming the field: `name` not a non-empty string; `seed` not a safe integer
 *   ≥ 0; `days` not an integer in [1, 366]; organic `accounts` (after `scale`) not an integer in
 *   [10, {@link MAX_ORGANIC_ACCOUNTS}]; `platforms` empty,
 *   a name not lower-case `[a-z][a-z0-9_-]*`, a share not > 0, or a platform twice; fractions outside [0, 1] or
 *   `shareFraction + replyFraction` > 0.9; `postsMedian` not in (0, 1000]; `postsSigma` not in [0, 3]; `maxPosts`
 *   not an integer ≥ 1; `bursts`/`viralHashtags` not integers in [0, 1000]; a campaign with bad tactics (none, an
 *   unknown one, a repeat, no co-action tactic), `accounts` not an integer in [3, 10 000], `actions` not in
 *   [1, 10 000], `participation` not in (0, 1], a jitter not in [0, 86 400] seconds, or `backgroundPostsMedian`
 *   not in [0, 1000]
 */
export function validateScenario(s: ResolvedScenario): void {
  if (typeof s.name !== 'string' || s.name.trim() === '') fail('name', 'a non-empty string', s.name);
  if (typeof s.description !== 'string') fail('description', 'a string', s.description);
  integerIn('seed', s.seed, 0, Number.MAX_SAFE_INTEGER);
  integerIn('days', s.days, 1, 366);
  const o = s.organic;
  integerIn('organic.accounts', o.accounts, 10, MAX_ORGANIC_ACCOUNTS);
  if (!Array.isArray(o.platforms) || o.platforms.length === 0) {
    fail('organic.platforms', 'a non-empty list of {platform, share}', o.platforms);
  }
  const names = new Set<string>();
  o.platforms.forEach((p, i) => {
    checkKeys(p, new Set(['platform', 'share']), `organic.platforms[${i}]`);
    if (typeof p.platform !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(p.platform)) {
      fail(`organic.platforms[${i}].platform`, 'a lower-case name like twitter', p.platform);
    }
    if (names.has(p.platform)) fail(`organic.platforms[${i}].platform`, 'each platform once', p.platform);
    names.add(p.platform);
    numberIn(`organic.platforms[${i}].share`, p.share, 0, 1e9, true);
  });
  numberIn('organic.officeWorkerShare', o.officeWorkerShare, 0, 1);
  numberIn('organic.postsMedian', o.postsMedian, 0, 1000, true);
  numberIn('organic.postsSigma', o.postsSigma, 0, 3);
  integerIn('organic.maxPosts', o.maxPosts, 1, 100_000);
  numberIn('organic.shareFraction', o.shareFraction, 0, 1);
  numberIn('organic.replyFraction', o.replyFraction, 0, 1);
  if (o.shareFraction + o.replyFraction > 0.9) {
    fail('organic.shareFraction + organic.replyFraction', 'at most 0.9', o.shareFraction + o.replyFraction);
  }
  integerIn('organic.bursts', o.bursts, 0, 1000);
  integerIn('organic.viralHashtags', o.viralHashtags, 0, 1000);
  s.campaigns.forEach((c, i) => {
    validateCampaign(c, i);
  });
}

function validateCampaign(c: ResolvedCampaign, i: number): void {
  const f = (name: string) => `campaigns[${i}].${name}`;
  checkTactics(c.tactics, i);
  integerIn(f('accounts'), c.accounts, 3, 10_000);
  integerIn(f('actions'), c.actions, 1, 10_000);
  numberIn(f('participation'), c.participation, 0, 1, true);
  numberIn(f('fastJitterSeconds'), c.fastJitterSeconds, 0, 86_400);
  numberIn(f('textJitterSeconds'), c.textJitterSeconds, 0, 86_400);
  numberIn(f('backgroundPostsMedian'), c.backgroundPostsMedian, 0, 1000);
}
