/**
 * TTP vocabulary: maps each behaviour Chorus detects to the technique ids of two public taxonomies, so a report can
 * say in the words investigators already use what a cluster did.
 *
 * - DISARM Red Framework (DISARM Foundation, https://github.com/DISARMFoundation/DISARMframeworks, commit
 *   49df5f649e16dfbf11e3859913c256c875c02692). Technique and tactic names are copied from its master data; licence
 *   CC BY-SA 4.0 (the repository's LICENSE.md; its README says CC BY 4.0), attributed to DISARM Foundation. These
 *   names are adapted material under the share-alike terms.
 * - Meta's Online Operations Kill Chain (Meta Platforms, Inc. and affiliates, `facebook/threat-research`,
 *   `indicators/Online_Operations_Killchain-TTPs.csv`, commit a1b05bff1c29fe32e116c4a5eb35b0f0d4e717b1), MIT.
 *
 * The rows copied are vendored in `data/ttp/` with their attribution (`data/ttp/SOURCE.md`); the test checks that
 * every id and name here equals those files. The runtime does not read `data/`: the vocabulary lives in constants.
 *
 * @module
 */
import { ConfigError } from '../errors.js';

/** A DISARM technique as used here: its name and the tactic it belongs to (DISARM `framework_techniques.csv`). */
export interface DisarmTechnique {
  /** Technique name, exactly as in DISARM, e.g. `Flood Information Space`. */
  readonly name: string;
  /** DISARM tactic id, e.g. `TA17`. */
  readonly tacticId: string;
  /** DISARM tactic name, e.g. `Maximise Exposure`. */
  readonly tacticName: string;
}

/** A Meta kill-chain entry (technique level `6.2` or procedure level `3.1.1`). */
export interface KillchainEntry {
  /** Name without the id, trimmed, e.g. `Amplifying with likely fake accounts on social media`. */
  readonly name: string;
  /** Kill-chain tactic with its number, trimmed, e.g. `6. Indiscriminate engagement`. */
  readonly tactic: string;
}

/**
 * DISARM techniques used by {@link BEHAVIOURS}, by id (`T0049`, `T0049.003`, …). Names and tactics copied from
 * DISARM `framework_techniques.csv` and `framework_tactics.csv` (CC BY-SA 4.0, DISARM Foundation); vendored in
 * `data/ttp/disarm-techniques.csv`.
 */
export const DISARM_TECHNIQUES: Readonly<Record<string, DisarmTechnique>> = deepFreeze({
  T0049: { name: 'Flood Information Space', tacticId: 'TA17', tacticName: 'Maximise Exposure' },
  'T0049.002': { name: 'Flood Existing Hashtag', tacticId: 'TA17', tacticName: 'Maximise Exposure' },
  'T0049.003': {
    name: 'Bots Amplify via Automated Forwarding and Reposting',
    tacticId: 'TA17',
    tacticName: 'Maximise Exposure',
  },
  'T0049.005': { name: 'Conduct Swarming', tacticId: 'TA17', tacticName: 'Maximise Exposure' },
  T0084: { name: 'Reuse Existing Content', tacticId: 'TA06', tacticName: 'Develop Content' },
  'T0084.001': { name: 'Use Copypasta', tacticId: 'TA06', tacticName: 'Develop Content' },
  'T0084.002': { name: 'Plagiarise Content', tacticId: 'TA06', tacticName: 'Develop Content' },
  'T0119.002': { name: 'Post across Platform', tacticId: 'TA17', tacticName: 'Maximise Exposure' },
  'T0143.002': { name: 'Fabricated Persona', tacticId: 'TA16', tacticName: 'Establish Legitimacy' },
  'T0145.001': { name: 'Copy Account Imagery', tacticId: 'TA15', tacticName: 'Establish Assets' },
  'T0150.001': { name: 'Newly Created Asset', tacticId: 'TA15', tacticName: 'Establish Assets' },
  'T0150.008': { name: 'Bulk Created Asset', tacticId: 'TA15', tacticName: 'Establish Assets' },
});

const T0 = '0. Acquiring assets';
const T1 = '1. Disguising assets';
const T3 = '3. Coordinating and planning';
const T5 = '5. Evading detection';
const T6 = '6. Indiscriminate engagement';
const T7 = '7. Targeted engagement';
const T9 = '9. Enabling longevity';
const AMPLIFYING = 'Amplifying with likely fake accounts on';

/**
 * Meta Online Operations Kill Chain entries used by {@link BEHAVIOURS} and {@link amplificationProcedure}, by id.
 * Technique-level names come from the CSV's `Technique` column, procedure-level names from its `Procedure` column,
 * trimmed (the source has trailing spaces). Source: Meta `Online_Operations_Killchain-TTPs.csv` (MIT); vendored
 * unchanged in `data/ttp/meta-killchain.csv`.
 */
export const KILLCHAIN: Readonly<Record<string, KillchainEntry>> = deepFreeze({
  '0.9': { name: 'Acquiring social media accounts', tactic: T0 },
  '1.1.1': { name: 'Copying profile pictures', tactic: T1 },
  '1.4.2': { name: 'Using duplicate accounts', tactic: T1 },
  '3.1': { name: 'Coordinating shift patterns', tactic: T3 },
  '3.1.1': { name: 'Working to a regular shift pattern', tactic: T3 },
  '3.5': { name: 'Automating activity', tactic: T3 },
  '3.5.1': { name: 'Automating social media posts', tactic: T3 },
  '5.2.2': { name: 'Editing copied content', tactic: T5 },
  '6.2': { name: `${AMPLIFYING} social media`, tactic: T6 },
  '6.2.1': { name: `${AMPLIFYING} Facebook`, tactic: T6 },
  '6.2.2': { name: `${AMPLIFYING} Instagram`, tactic: T6 },
  '6.2.3': { name: `${AMPLIFYING} Threads`, tactic: T6 },
  '6.2.4': { name: `${AMPLIFYING} X/Twitter`, tactic: T6 },
  '6.2.5': { name: `${AMPLIFYING} YouTube`, tactic: T6 },
  '6.2.6': { name: `${AMPLIFYING} TikTok`, tactic: T6 },
  '6.2.7': { name: `${AMPLIFYING} Telegram`, tactic: T6 },
  '6.2.8': { name: `${AMPLIFYING} online forums`, tactic: T6 },
  '6.3': { name: 'Spraying content', tactic: T6 },
  '6.3.1': { name: 'Posting common or generic hashtags', tactic: T6 },
  '7.5': { name: 'Directing online traffic', tactic: T7 },
  '7.5.2': { name: 'Directing audience to website', tactic: T7 },
  '7.8': { name: 'Direct outreach', tactic: T7 },
  '7.8.1': { name: 'Tagging social media users', tactic: T7 },
  '7.8.2': { name: 'Replying to social media users', tactic: T7 },
  '9.1.1': { name: 'Creating new persona', tactic: T9 },
  '9.2.3': { name: 'Dispersing content across many platforms', tactic: T9 },
});

/** One behaviour's entry in {@link BEHAVIOURS}. */
export interface BehaviourTtps {
  /** What the behaviour is, in plain words for an investigator. */
  readonly label: string;
  /** DISARM technique ids (keys of {@link DISARM_TECHNIQUES}); may be empty. */
  readonly disarm: readonly string[];
  /** Meta kill-chain ids at technique (`6.2`) or procedure (`3.1.1`) level (keys of {@link KILLCHAIN}). */
  readonly killchain: readonly string[];
}

/** The behaviours Chorus can report, in a stable order (co-action signals first, then account traits). */
export const BEHAVIOUR_IDS = [
  'fast-resharing',
  'automated-posting',
  'link-flooding',
  'copypasta',
  'edited-copies',
  'hashtag-flooding',
  'image-reuse',
  'mention-swarming',
  'shared-misspellings',
  'shift-pattern',
  'creation-burst',
  'generated-handles',
  'copied-profile-images',
  'cross-platform',
] as const;

/** One of {@link BEHAVIOUR_IDS}. */
export type BehaviourId = (typeof BEHAVIOUR_IDS)[number];

/**
 * Each detected behaviour → a plain label, DISARM technique ids and Meta kill-chain ids. The mapping is Chorus's
 * own reading of the two taxonomies (DISARM Red Framework; Meta Online Operations Kill Chain); `shift-pattern` has
 * no DISARM technique. Platform-specific amplification procedures (Meta 6.2.x) are added by {@link describeTtps}.
 */
export const BEHAVIOURS: Readonly<Record<BehaviourId, BehaviourTtps>> = deepFreeze({
  'fast-resharing': {
    label: 'Accounts share the same posts seconds apart',
    disarm: ['T0049.003'],
    killchain: ['6.2'],
  },
  'automated-posting': {
    label: 'Accounts act near-simultaneously, as if automated',
    disarm: ['T0049.003'],
    killchain: ['3.5', '3.5.1'],
  },
  'link-flooding': {
    label: 'Accounts push the same links together',
    disarm: ['T0049'],
    killchain: ['7.5', '7.5.2'],
  },
  copypasta: { label: 'Accounts post identical text', disarm: ['T0084.001'], killchain: ['6.2'] },
  'edited-copies': {
    label: 'Accounts post lightly edited copies of the same text',
    disarm: ['T0084.001', 'T0084.002'],
    killchain: ['5.2.2'],
  },
  'hashtag-flooding': {
    label: 'Accounts push the same hashtags or hashtag sequences',
    disarm: ['T0049.002'],
    killchain: ['6.3', '6.3.1'],
  },
  'image-reuse': { label: 'Accounts post the same images', disarm: ['T0084'], killchain: ['6.2'] },
  'mention-swarming': {
    label: 'Accounts mention or reply to the same accounts together',
    disarm: ['T0049.005'],
    killchain: ['7.8', '7.8.1', '7.8.2'],
  },
  'shared-misspellings': {
    label: 'Accounts share the same rare misspellings, as if one writer ran them all',
    disarm: ['T0143.002'],
    killchain: ['1.4.2'],
  },
  'shift-pattern': {
    label: 'Accounts post in the office hours of one time zone, with a lunch break and weekends off',
    disarm: [],
    killchain: ['3.1', '3.1.1'],
  },
  'creation-burst': {
    label: 'Accounts were created in a batch',
    disarm: ['T0150.001', 'T0150.008'],
    killchain: ['0.9', '9.1.1'],
  },
  'generated-handles': {
    label: 'Accounts have machine-generated handles such as FirstnameLastname12345',
    disarm: ['T0150.008', 'T0143.002'],
    killchain: ['0.9'],
  },
  'copied-profile-images': {
    label: 'Accounts use copied profile pictures',
    disarm: ['T0145.001'],
    killchain: ['1.1.1'],
  },
  'cross-platform': {
    label: 'The same accounts push the same content on several platforms',
    disarm: ['T0119.002'],
    killchain: ['9.2.3'],
  },
});

/** Platform names (lower case) → Meta amplification procedure 6.2.x. */
const AMPLIFICATION_BY_PLATFORM: ReadonlyMap<string, string> = new Map([
  ['facebook', '6.2.1'],
  ['fb', '6.2.1'],
  ['instagram', '6.2.2'],
  ['ig', '6.2.2'],
  ['threads', '6.2.3'],
  ['x', '6.2.4'],
  ['twitter', '6.2.4'],
  ['tw', '6.2.4'],
  ['youtube', '6.2.5'],
  ['yt', '6.2.5'],
  ['tiktok', '6.2.6'],
  ['telegram', '6.2.7'],
  ['tg', '6.2.7'],
  ['reddit', '6.2.8'],
  ['forum', '6.2.8'],
  ['forums', '6.2.8'],
]);

/**
 * Meta's platform-specific amplification procedure ("Amplifying with likely fake accounts on …", 6.2.1–6.2.8) for
 * a platform name. Case and surrounding spaces are ignored; accepted names: `facebook`/`fb` 6.2.1,
 * `instagram`/`ig` 6.2.2, `threads` 6.2.3, `x`/`twitter`/`tw` 6.2.4, `youtube`/`yt` 6.2.5, `tiktok` 6.2.6,
 * `telegram`/`tg` 6.2.7, `reddit`/`forum`/`forums` 6.2.8 (online forums).
 * @param platform platform name as in `Post.platform`
 * @returns the kill-chain id, or `undefined` for a platform Meta's list does not name (e.g. `bluesky`)
 * @example amplificationProcedure('Twitter') // '6.2.4'
 */
export function amplificationProcedure(platform: string): string | undefined {
  return AMPLIFICATION_BY_PLATFORM.get(platform.trim().toLowerCase());
}

/** An id with its name, as listed by {@link describeTtps}. */
export interface TtpRef {
  readonly id: string;
  readonly name: string;
}

/** Result of {@link describeTtps}. */
export interface TtpDescription {
  /** DISARM techniques, in mapping order. */
  disarm: TtpRef[];
  /** Meta kill-chain entries, in mapping order; platform procedures 6.2.x follow 6.2, in id order. */
  killchain: TtpRef[];
}

/**
 * The DISARM techniques and Meta kill-chain entries of one behaviour, with names. When the behaviour maps to Meta
 * 6.2 ("Amplifying with likely fake accounts on social media"), the platform procedures of `platforms` (see
 * {@link amplificationProcedure}) are added right after 6.2, each once, in id order; unknown platforms add nothing.
 * @param behaviour one of {@link BEHAVIOUR_IDS}
 * @param platforms platforms the behaviour was seen on (optional)
 * @throws {ConfigError} `CONFIG_INVALID` when `behaviour` is not a known behaviour id
 * @example describeTtps('copypasta', ['x']).killchain.map((k) => k.id) // ['6.2', '6.2.4']
 */
export function describeTtps(behaviour: BehaviourId, platforms: readonly string[] = []): TtpDescription {
  if (!Object.hasOwn(BEHAVIOURS, behaviour)) {
    throw new ConfigError(
      `detect/ttp-vocabulary: unknown behaviour ${JSON.stringify(behaviour)}. Expecting one of ${BEHAVIOUR_IDS.join(', ')}.`,
    );
  }
  const entry = BEHAVIOURS[behaviour];
  const disarm = entry.disarm.map((id) => ({ id, name: DISARM_TECHNIQUES[id]!.name }));
  const killchainIds: string[] = [];
  for (const id of entry.killchain) {
    killchainIds.push(id);
    if (id === '6.2') killchainIds.push(...platformProcedures(platforms));
  }
  const killchain = killchainIds.map((id) => ({ id, name: KILLCHAIN[id]!.name }));
  return { disarm, killchain };
}

/** Distinct 6.2.x procedures of `platforms`, in id order (the ids are single-digit, so string order is id order). */
function platformProcedures(platforms: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const p of platforms) {
    const id = amplificationProcedure(p);
    if (id !== undefined) ids.add(id);
  }
  return [...ids].sort();
}

const DISARM_PAGES = 'https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages';

/**
 * Link to the DISARM page of a technique (`T0049`, `T0049.003`) or tactic (`TA17`), with the URL pattern of the
 * `external_references` in DISARM's STIX bundle (`generated_files/DISARM_STIX/DISARM.json`):
 * `…/generated_pages/techniques/<id>.md` and `…/generated_pages/tactics/<id>.md`. Only the id's shape is checked.
 * @param id a DISARM id, or a Meta kill-chain id
 * @returns the URL, or `undefined` for anything else (Meta kill-chain ids have no per-id page)
 * @example ttpUrl('T0049.003') // 'https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/T0049.003.md'
 */
export function ttpUrl(id: string): string | undefined {
  if (/^T\d{4}(?:\.\d{3})?$/.test(id)) return `${DISARM_PAGES}/techniques/${id}.md`;
  if (/^TA\d{2}$/.test(id)) return `${DISARM_PAGES}/tactics/${id}.md`;
  return undefined;
}

/** Freeze an object literal of plain objects and arrays, all the way down. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
