/**
 * Makes simulated accounts: random-looking numeric ids shared by organic and campaign accounts alike (an id never
 * reveals a role), organic profiles (word-combination handles, a few `annasmith1987`; creation dates over years;
 * Pareto follower counts after Kwak et al. 2010, doi:10.1145/1772690.1772751; a unique profile-image pHash, a few
 * pairs sharing a default avatar) and batch-made profiles of the `batch-accounts` tactic (`FirstnameLastname12345`
 * handles, created within two days, no or copied profile images; DISARM T0150.001 "newly created assets", Meta's
 * Spamouflage reports).
 *
 * @module
 */
import type { ContentPools } from './content-pools.js';
import { FIRST_NAMES, LAST_NAMES } from './person-names.js';
import type { SimAccount } from './sim-post.js';
import type { SimRandom } from './sim-random.js';

/** Home UTC offsets of organic accounts (hours), drawn uniformly from this list (repeats weight a zone). */
export const ORGANIC_UTC_OFFSETS: readonly number[] = Object.freeze([-8, -5, -5, 0, 0, 1, 1, 3, 8, 9]);

/** Share of organic accounts whose profile image is a default avatar shared with exactly one other account. */
export const DEFAULT_AVATAR_PAIR_SHARE = 0.004;

const DAY_MS = 86_400_000;
/** Earliest organic account creation: 2008-01-01. */
const EARLIEST_CREATION_MS = Date.UTC(2008, 0, 1);

/** Profile facts of a batch of campaign accounts. */
export interface BatchProfile {
  /** Creation time of the batch's first account, UTC epoch ms; the others follow within `spanMs`. */
  firstCreatedMs: number;
  /** Span of the creation times, ms. */
  spanMs: number;
  /** Profile-image hashes the batch copies (a member has none or one of these). */
  sharedImages: readonly string[];
}

/** Creates accounts with ids unique over the whole case. */
export class AccountFactory {
  private readonly ids = new Set<string>();
  private readonly handles = new Set<string>();
  private pendingAvatar: string | undefined;

  /**
   * @param rng the accounts' random stream
   * @param pools vocabulary for handles and names
   * @param startMs period start (organic accounts are created at least 30 days before it)
   */
  constructor(
    private readonly rng: SimRandom,
    private readonly pools: ContentPools,
    private readonly startMs: number,
  ) {}

  /** A fresh random-looking numeric id (9–10 digits), unique in the case. */
  private newId(): string {
    for (;;) {
      const id = String(this.rng.int(100_000_000, 9_999_999_999));
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private unique(platform: string, handle: string): string {
    let h = handle;
    while (this.handles.has(`${platform}:${h.toLowerCase()}`)) h = `${h}_${this.rng.pick(this.pools.words)}`;
    this.handles.add(`${platform}:${h.toLowerCase()}`);
    return h;
  }

  /**
   * An account with an organic-looking profile.
   * @param platform platform name
   * @param campaign campaign id, or `null` for an organic account
   * @param utcOffsetHours home zone (default: drawn from {@link ORGANIC_UTC_OFFSETS})
   */
  organic(platform: string, campaign: string | null, utcOffsetHours?: number): SimAccount {
    const rng = this.rng;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const w1 = rng.pick(this.pools.words);
    const w2 = rng.pick(this.pools.words);
    const r = rng.float();
    const handle =
      r < 0.03
        ? `${first}${last}${rng.int(1960, 2005)}`.toLowerCase()
        : r < 0.15
          ? `${first}_${last}`.toLowerCase()
          : r < 0.3
            ? `${w1}${w2}`
            : `${w1}_${w2}`;
    const name = rng.chance(0.6) ? `${first} ${last}` : `${capitalise(w1)} ${capitalise(w2)}`;
    const createdAtMs =
      Math.floor(rng.uniform(EARLIEST_CREATION_MS, this.startMs - 30 * DAY_MS) / 1000) * 1000;
    return {
      platform,
      id: this.newId(),
      handle: this.unique(platform, handle),
      name,
      createdAtMs,
      followers: Math.min(Math.floor(rng.pareto(20, 1.1)), 5_000_000),
      following: Math.min(Math.floor(rng.lognormal(300, 1)), 7500),
      profileImage: this.organicAvatar(),
      campaign,
      utcOffsetHours: utcOffsetHours ?? rng.pick(ORGANIC_UTC_OFFSETS),
    };
  }

  private organicAvatar(): string {
    if (!this.rng.chance(DEFAULT_AVATAR_PAIR_SHARE)) return this.rng.hex64();
    if (this.pendingAvatar !== undefined) {
      const hash = this.pendingAvatar;
      this.pendingAvatar = undefined;
      return hash;
    }
    this.pendingAvatar = this.rng.hex64();
    return this.pendingAvatar;
  }

  /**
   * An account of a batch: handle `FirstnameLastname` + 4–5 digits, created inside the batch's span, few
   * followers, no profile image (half of them) or one of the batch's copied images.
   */
  batch(platform: string, campaign: string, utcOffsetHours: number, profile: BatchProfile): SimAccount {
    const rng = this.rng;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const digits = rng.chance(0.5) ? rng.int(1000, 9999) : rng.int(10_000, 99_999);
    return {
      platform,
      id: this.newId(),
      handle: this.unique(platform, `${first}${last}${digits}`),
      name: `${first} ${last}`,
      createdAtMs: Math.floor((profile.firstCreatedMs + rng.float() * profile.spanMs) / 1000) * 1000,
      followers: rng.int(0, 30),
      following: rng.int(20, 300),
      profileImage:
        rng.chance(0.5) || profile.sharedImages.length === 0 ? '' : rng.pick(profile.sharedImages),
      campaign,
      utcOffsetHours,
    };
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
