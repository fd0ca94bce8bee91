/**
 * The synthetic population behind the benchmark: a seeded, streaming model of 30 days of posts by organic accounts
 * (heavy-tailed activity, diurnal rhythm, Zipf-popular URLs/hashtags/parents, a few trending objects with
 * minute-long bursts) plus planted coordinated groups. It emits compact numeric posts one at a time
 * ({@link SyntheticModel.next}); `generate-synthetic.ts` renders them as a generic CSV and
 * `generateSyntheticTraces` turns them straight into `traces` rows. Nothing is held per post, so 10^7 posts stream
 * in constant memory; only the plan of the planted groups (a few hundred thousand numbers at 10^7) is kept.
 *
 * Popularity follows a bounded continuous Zipf law (rank density ∝ r^−s, sampled by inverse CDF); the exponents
 * below were chosen so organic co-action pairs stay near 0.1–0.5 per trace at 10^6–10^7 posts, the order of the
 * real CooRTweet samples (see src/detect/co-action.bench.ts), while the trending objects still put thousands of
 * posts into single minutes (STACK.md §2: the case that makes a join on the object alone quadratic).
 *
 * @module
 */

/** Tunables of the synthetic population. Every field has a default in {@link SYNTHETIC_DEFAULTS}. */
export interface SyntheticModelOptions {
  // — size and reproducibility —
  /** Posts to emit (integer ≥ 10,000). */
  posts: number;
  /** Seed of every random choice. */
  seed: number;
  // — time —
  /** First instant, UTC epoch ms (default 2024-03-01T00:00:00Z). */
  startMs: number;
  /** Days covered (default 30). */
  days: number;
  /** Depth of the diurnal rhythm in [0, 1): rate ∝ 1 + depth·cos(2π(h − peakHour)/24) (default 0.7). */
  diurnalDepth: number;
  /** Hour of day (UTC) of peak activity (default 20). */
  diurnalPeakHour: number;
  // — organic accounts —
  /** Organic accounts per post (default 0.05: 20 posts per account on average). */
  accountsPerPost: number;
  /** Zipf exponent of account activity (default 0.6; the busiest account has ≈ 0.3–1 % of the posts). */
  accountZipf: number;
  // — organic behaviour —
  /** Share of organic posts that are retweets (default 0.35). */
  shareFraction: number;
  /** Parent posts per post (universe of retweeted parents; default 0.2). */
  parentsPerPost: number;
  /** Zipf exponent of parent popularity (default 0.7). */
  parentZipf: number;
  /** Mean delay of a retweet after its parent, seconds (default 21,600 = 6 h, exponential). */
  retweetDecaySeconds: number;
  /** Share of original posts with a link (default 0.3). */
  urlFraction: number;
  /** URLs per post (default 0.1). */
  urlsPerPost: number;
  /** Zipf exponent of URL popularity (default 0.7). */
  urlZipf: number;
  /** Mean life of a URL after its birth, seconds (default 43,200 = 12 h, exponential). */
  urlDecaySeconds: number;
  /** Share of linked URLs that carry tracking parameters (`utm_*`; canonicalisation removes them; default 0.2). */
  trackingFraction: number;
  /** Distinct web domains (default 5,000), Zipf exponent 0.8. */
  domains: number;
  /** Share of original posts with hashtags (default 0.4); 1–2 distinct tags each. */
  hashtagFraction: number;
  /** Hashtags per post (default 0.02). */
  hashtagsPerPost: number;
  /** Zipf exponent of hashtag popularity (default 0.8). */
  hashtagZipf: number;
  /** Share of original posts that mention an account (default 0.1). */
  mentionFraction: number;
  // — trending objects —
  /** Trending hashtags (default 3). */
  trendingHashtags: number;
  /** Share of all posts per trending hashtag (default 0.02). */
  trendingHashtagShare: number;
  /** Trending URLs (default 2). */
  trendingUrls: number;
  /** Share of all posts per trending URL (default 0.01). */
  trendingUrlShare: number;
  /** Share of a trending object's posts inside its burst (default 0.5; the rest spread over all days). */
  burstFraction: number;
  /** Burst intensity, posts per minute (default 3,000: three times the default viral-cell cap of 1,000). */
  burstPostsPerMinute: number;
  /**
   * Fewest posts in a burst (default 2,500), so small data sets still have "thousands in the same minute"; the
   * trending share then grows above `trendingHashtagShare`/`trendingUrlShare` (≈ 16 % of posts at 10^5).
   */
  minBurstPosts: number;
  // — planted coordination —
  /** Posts per planted group (default 40,000: 25 groups at 10^6, 250 at 10^7); at least `minGroups`. */
  postsPerGroup: number;
  /** Fewest groups (default 4). */
  minGroups: number;
  /** Group size range, accounts (default 10–50, uniform). */
  groupSizeMin: number;
  groupSizeMax: number;
  /** Campaign events per group (default 30). */
  eventsPerGroup: number;
  /** Probability that a member joins an event (default 0.8). */
  participation: number;
  /** Mean lag of a member behind the event start, seconds (default 5, exponential, capped at `maxLagSeconds`). */
  meanLagSeconds: number;
  /** Largest lag, seconds (default 25; keeps every pair within the default 60 s window). */
  maxLagSeconds: number;
  /** Organic-looking posts per planted account, mixed in (default 5). */
  noisePostsPerPlanted: number;
}

/** Defaults of {@link SyntheticModelOptions} (without `posts` and `seed`). */
export const SYNTHETIC_DEFAULTS: Readonly<Omit<SyntheticModelOptions, 'posts' | 'seed'>> = Object.freeze({
  startMs: Date.UTC(2024, 2, 1),
  days: 30,
  diurnalDepth: 0.7,
  diurnalPeakHour: 20,
  accountsPerPost: 0.05,
  accountZipf: 0.6,
  shareFraction: 0.35,
  parentsPerPost: 0.2,
  parentZipf: 0.7,
  retweetDecaySeconds: 21_600,
  urlFraction: 0.3,
  urlsPerPost: 0.1,
  urlZipf: 0.7,
  urlDecaySeconds: 43_200,
  trackingFraction: 0.2,
  domains: 5000,
  hashtagFraction: 0.4,
  hashtagsPerPost: 0.02,
  hashtagZipf: 0.8,
  mentionFraction: 0.1,
  trendingHashtags: 3,
  trendingHashtagShare: 0.02,
  trendingUrls: 2,
  trendingUrlShare: 0.01,
  burstFraction: 0.5,
  burstPostsPerMinute: 3000,
  minBurstPosts: 2500,
  postsPerGroup: 40_000,
  minGroups: 4,
  groupSizeMin: 10,
  groupSizeMax: 50,
  eventsPerGroup: 30,
  participation: 0.8,
  meanLagSeconds: 5,
  maxLagSeconds: 25,
  noisePostsPerPlanted: 5,
});

/** Merge partial options over {@link SYNTHETIC_DEFAULTS} and validate. */
export function resolveSyntheticOptions(
  input: Partial<SyntheticModelOptions> & Pick<SyntheticModelOptions, 'posts' | 'seed'>,
): SyntheticModelOptions {
  const o: SyntheticModelOptions = { ...SYNTHETIC_DEFAULTS, ...definedOnly(input) } as SyntheticModelOptions;
  validateSyntheticOptions(o);
  return o;
}

/**
 * Check cross-field invariants.
 * @throws {RangeError} naming the field and the expectation
 */
export function validateSyntheticOptions(o: SyntheticModelOptions): void {
  const fail = (field: string, expect: string): never => {
    throw new RangeError(
      `bench/synthetic: invalid \`${field}\` (${String(o[field as keyof typeof o])}). ${expect}`,
    );
  };
  if (!Number.isInteger(o.posts) || o.posts < 10_000) fail('posts', 'Expecting an integer ≥ 10,000.');
  if (!Number.isFinite(o.seed)) fail('seed', 'Expecting a finite number.');
  if (!(o.days > 0)) fail('days', 'Expecting a positive number.');
  if (!(o.diurnalDepth >= 0 && o.diurnalDepth < 1)) fail('diurnalDepth', 'Expecting a number in [0, 1).');
  if (!Number.isInteger(o.groupSizeMin) || o.groupSizeMin < 2)
    fail('groupSizeMin', 'Expecting an integer ≥ 2.');
  if (!Number.isInteger(o.groupSizeMax) || o.groupSizeMax < o.groupSizeMin)
    fail('groupSizeMax', 'Expecting an integer ≥ groupSizeMin.');
  if (o.maxLagSeconds < 0 || o.meanLagSeconds < 0) fail('maxLagSeconds', 'Expecting non-negative lags.');
  for (const f of [
    'shareFraction',
    'urlFraction',
    'hashtagFraction',
    'mentionFraction',
    'trackingFraction',
    'burstFraction',
    'participation',
  ] as const) {
    if (!(o[f] >= 0 && o[f] <= 1)) fail(f, 'Expecting a number in [0, 1].');
  }
  const trendShare = o.trendingHashtags * o.trendingHashtagShare + o.trendingUrls * o.trendingUrlShare;
  if (!(trendShare < 0.5))
    fail('trendingHashtagShare', 'Expecting trending objects to hold < 50 % of posts.');
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// — random numbers ———————————————————————————————————————————————————————————————

/** 32-bit integer hash (murmur3 fmix32 of a combination); pure, for per-object properties. */
export function hash32(a: number, b = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) from {@link hash32}. */
export function hashUnit(a: number, b = 0): number {
  return hash32(a, b) / 4294967296;
}

/** sfc32: a small, fast, seedable PRNG (PractRand-clean); returns numbers in [0, 1). */
export function createRng(seed: number, stream = 0): () => number {
  let a = hash32(seed, stream);
  let b = hash32(seed ^ 0x5bd1e995, stream + 1);
  let c = hash32(seed + 0x27d4eb2f, stream + 2);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Bounded continuous Zipf law over ranks 0…n−1 with density ∝ (r+1)^−s, sampled by inverse CDF in O(1). */
export class Zipf {
  private readonly a: number;
  private readonly hi: number;
  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    this.a = 1 - s;
    this.hi = Math.abs(this.a) < 1e-9 ? Math.log(n + 1) : (n + 1) ** this.a - 1;
  }
  /** The rank for a uniform `u` in [0, 1). */
  rank(u: number): number {
    const x = Math.abs(this.a) < 1e-9 ? Math.exp(u * this.hi) : (1 + u * this.hi) ** (1 / this.a);
    const r = Math.floor(x) - 1;
    return r < 0 ? 0 : r >= this.n ? this.n - 1 : r;
  }
}

/** A bijection of 0…n−1 (multiplicative, so popular ranks are spread over the id space). */
export function makePermutation(n: number): (i: number) => number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  let m = Math.floor(n * 0.6180339887) | 1;
  while (gcd(m, n) !== 1) m += 2;
  return (i) => Number((BigInt(i) * BigInt(m)) % BigInt(n));
}

// — the model ————————————————————————————————————————————————————————————————————

/** Which part of the population a post comes from. */
export type PostSource = 'organic' | 'trending' | 'planted-event' | 'planted-noise';

/** What a planted event does. */
export type EventKind = 'share' | 'url' | 'text';

/** Text of a post: none, organic (unique words drawn when rendering), or copypasta template `template`. */
export const TEXT_NONE = 0;
export const TEXT_ORGANIC = 1;
export const TEXT_TEMPLATE = 2;

/**
 * One emitted post, numeric. The object indices live in per-kind namespaces: parents `0…parents−1` organic, then
 * one per planted share event; URLs organic, then trending, then one per planted URL event; hashtags organic, then
 * trending, then one campaign tag per group. A value of −1 means absent. The object is reused between calls.
 */
export interface SynthPost {
  /** 0-based index in emission order (the CSV row, the trace `rec`). */
  rec: number;
  source: PostSource;
  /** Account index: organic `0…organicAccounts−1`, planted above. */
  account: number;
  tsMs: number;
  /** Retweeted parent index, or −1. */
  parent: number;
  /** URL index, or −1. */
  url: number;
  /** Whether the URL carries tracking parameters. */
  tracking: boolean;
  /** Hashtag indices (0–2 used). */
  tag0: number;
  tag1: number;
  /** Mentioned organic account index, or −1. */
  mention: number;
  /** {@link TEXT_NONE}, {@link TEXT_ORGANIC} or {@link TEXT_TEMPLATE}. */
  textKind: number;
  /** Template id when `textKind` is {@link TEXT_TEMPLATE}: `group × 3 + variant`. */
  template: number;
}

/** A planted campaign event: a subset of a group acting on one object within seconds. */
export interface PlantedEvent {
  group: number;
  kind: EventKind;
  /** Parent index (share), URL index (url) or template id (text). */
  target: number;
  startMs: number;
  /** Participating account indices and their timestamps. */
  accounts: number[];
  tsMs: number[];
}

/** A planted group in the ground truth. */
export interface PlantedGroup {
  id: number;
  /** Account indices. */
  accounts: number[];
  events: number;
  eventsByKind: Record<EventKind, number>;
}

/** A trending object in the ground truth. */
export interface TrendingObject {
  kind: 'hashtag' | 'url';
  /** Index in its namespace. */
  index: number;
  posts: number;
  burstPosts: number;
  burstStartMs: number;
  burstMinutes: number;
}

/** Row counts per source and population sizes. */
export interface SyntheticCounts {
  posts: number;
  organic: number;
  trending: number;
  plantedEvents: number;
  plantedNoise: number;
  organicAccounts: number;
  plantedAccounts: number;
  groups: number;
  parents: number;
  urls: number;
  hashtags: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The streaming model. Build it, read {@link counts}, {@link groups} and {@link trending}, then call
 * {@link next} until it returns `false`. Deterministic for identical options.
 */
export class SyntheticModel {
  readonly options: SyntheticModelOptions;
  readonly counts: SyntheticCounts;
  readonly groups: PlantedGroup[] = [];
  readonly trending: TrendingObject[] = [];
  /** Account index → public id number (a permutation of all accounts). */
  readonly accountNumber: (account: number) => number;

  private readonly rng: () => number;
  private readonly events: PlantedEvent[] = [];
  private readonly accountZipf: Zipf;
  private readonly parentZipf: Zipf;
  private readonly urlZipf: Zipf;
  private readonly hashtagZipf: Zipf;
  private readonly domainZipf: Zipf;
  private readonly diurnalCdf: Float64Array;
  private readonly spanMs: number;
  private readonly trendLeft: number[];
  private readonly burstLeft: number[] = [];
  private remaining: { organic: number; trending: number; plantedEvents: number; plantedNoise: number };
  private nextEvent = 0;
  private block: PlantedEvent | null = null;
  private blockPos = 0;
  private rec = 0;
  private readonly plantedFirst: number;
  private readonly post: SynthPost = {
    rec: 0,
    source: 'organic',
    account: 0,
    tsMs: 0,
    parent: -1,
    url: -1,
    tracking: false,
    tag0: -1,
    tag1: -1,
    mention: -1,
    textKind: TEXT_NONE,
    template: 0,
  };

  constructor(input: Partial<SyntheticModelOptions> & Pick<SyntheticModelOptions, 'posts' | 'seed'>) {
    const o = resolveSyntheticOptions(input);
    this.options = o;
    this.rng = createRng(o.seed, 1);
    this.spanMs = o.days * DAY_MS;
    const n = o.posts;
    const organicAccounts = Math.max(1000, Math.round(n * o.accountsPerPost));
    const parents = Math.max(1000, Math.round(n * o.parentsPerPost));
    const urls = Math.max(1000, Math.round(n * o.urlsPerPost));
    const hashtags = Math.max(200, Math.round(n * o.hashtagsPerPost));
    this.accountZipf = new Zipf(organicAccounts, o.accountZipf);
    this.parentZipf = new Zipf(parents, o.parentZipf);
    this.urlZipf = new Zipf(urls, o.urlZipf);
    this.hashtagZipf = new Zipf(hashtags, o.hashtagZipf);
    this.domainZipf = new Zipf(o.domains, 0.8);
    this.diurnalCdf = diurnalCdf(o.diurnalDepth, o.diurnalPeakHour);

    // Planted groups and their events (planned up front; small).
    const plan = createRng(o.seed, 2);
    const groupCount = Math.max(o.minGroups, Math.round(n / o.postsPerGroup));
    this.plantedFirst = organicAccounts;
    let nextAccount = organicAccounts;
    let plantedEventRows = 0;
    let parentNext = parents;
    let urlNext = urls + o.trendingUrls;
    for (let g = 0; g < groupCount; g++) {
      const size = o.groupSizeMin + Math.floor(plan() * (o.groupSizeMax - o.groupSizeMin + 1));
      const members = Array.from({ length: size }, (_, i) => nextAccount + i);
      nextAccount += size;
      const group: PlantedGroup = {
        id: g,
        accounts: members,
        events: o.eventsPerGroup,
        eventsByKind: { share: 0, url: 0, text: 0 },
      };
      for (let e = 0; e < o.eventsPerGroup; e++) {
        const r = plan();
        const kind: EventKind = r < 0.45 ? 'share' : r < 0.75 ? 'url' : 'text';
        group.eventsByKind[kind]++;
        let target: number;
        if (kind === 'share') {
          // Mostly the campaign's own seed posts; sometimes a popular organic post (blends with organic retweets).
          target = plan() < 0.7 ? parentNext++ : Math.floor(plan() * 50);
        } else if (kind === 'url') target = urlNext++;
        else target = g * 3 + Math.floor(plan() * 3);
        const startMs = this.diurnalTime(plan);
        const accounts: number[] = [];
        const tsMs: number[] = [];
        for (const m of members) if (plan() < o.participation) accounts.push(m);
        while (accounts.length < 2) {
          const m = members[Math.floor(plan() * size)]!;
          if (!accounts.includes(m)) accounts.push(m);
        }
        for (let i = 0; i < accounts.length; i++) {
          const lag = i === 0 ? 0 : Math.min(o.maxLagSeconds, -Math.log(1 - plan()) * o.meanLagSeconds);
          tsMs.push(startMs + Math.round(lag * 1000));
        }
        this.events.push({ group: g, kind, target, startMs, accounts, tsMs });
        plantedEventRows += accounts.length;
      }
      this.groups.push(group);
    }
    // Interleave events in a seeded random order.
    for (let i = this.events.length - 1; i > 0; i--) {
      const j = Math.floor(plan() * (i + 1));
      [this.events[i], this.events[j]] = [this.events[j]!, this.events[i]!];
    }
    const plantedAccounts = nextAccount - organicAccounts;
    const plantedNoise = plantedAccounts * o.noisePostsPerPlanted;

    // Trending objects: burst start days spread over the period, at the diurnal peak.
    this.trendLeft = [];
    let trendingRows = 0;
    const trendCount = o.trendingHashtags + o.trendingUrls;
    for (let j = 0; j < trendCount; j++) {
      const isTag = j < o.trendingHashtags;
      const shared = Math.round(n * (isTag ? o.trendingHashtagShare : o.trendingUrlShare));
      const burstPosts = Math.max(o.minBurstPosts, Math.round(shared * o.burstFraction));
      const posts = burstPosts + Math.round(shared * (1 - o.burstFraction));
      const day = Math.floor(((j + 1) * o.days) / (trendCount + 1));
      this.trending.push({
        kind: isTag ? 'hashtag' : 'url',
        index: isTag ? hashtags + j : urls + (j - o.trendingHashtags),
        posts,
        burstPosts,
        burstStartMs: o.startMs + day * DAY_MS + o.diurnalPeakHour * 3_600_000,
        burstMinutes: Math.max(1, Math.ceil(burstPosts / o.burstPostsPerMinute)),
      });
      this.trendLeft.push(posts);
      this.burstLeft.push(burstPosts);
      trendingRows += posts;
    }

    const organic = n - trendingRows - plantedEventRows - plantedNoise;
    if (organic < n * 0.3) {
      throw new RangeError(
        `bench/synthetic: planted and trending posts leave only ${organic} organic posts of ${n}. Expecting more posts or fewer groups.`,
      );
    }
    this.counts = {
      posts: n,
      organic,
      trending: trendingRows,
      plantedEvents: plantedEventRows,
      plantedNoise,
      organicAccounts,
      plantedAccounts,
      groups: groupCount,
      parents: parentNext,
      urls: urlNext,
      hashtags: hashtags + o.trendingHashtags + groupCount,
    };
    this.remaining = { organic, trending: trendingRows, plantedEvents: plantedEventRows, plantedNoise };
    this.accountNumber = makePermutation(nextAccount);
  }

  /** First planted account index (planted accounts are `plantedFirst…` up to the total). */
  get firstPlantedAccount(): number {
    return this.plantedFirst;
  }

  /** Total accounts (organic + planted). */
  get totalAccounts(): number {
    return this.counts.organicAccounts + this.counts.plantedAccounts;
  }

  /** Campaign hashtag index of group `g`. */
  campaignTag(g: number): number {
    return this.counts.hashtags - this.counts.groups + g;
  }

  /** Whether a URL index is a planted campaign URL, and its group-independent domain slot. */
  isPlantedUrl(url: number): boolean {
    return url >= this.urlZipf.n + this.options.trendingUrls;
  }

  /** Domain index of a URL index: organic by Zipf, trending `domains + j`, planted `domains + trendingUrls + (u % 5)`. */
  domainOf(url: number): number {
    const o = this.options;
    if (url < this.urlZipf.n) return this.domainZipf.rank(hashUnit(url, o.seed ^ 0xd0));
    if (url < this.urlZipf.n + o.trendingUrls) return o.domains + (url - this.urlZipf.n);
    return o.domains + o.trendingUrls + (url % 5);
  }

  /** Organic parent index → the account that wrote it. */
  parentAccount(parent: number): number {
    return hash32(parent, this.options.seed ^ 0xa7) % this.counts.organicAccounts;
  }

  /**
   * Fill the shared {@link SynthPost} with the next post.
   * @returns the post, or `null` after the last one
   */
  next(): SynthPost | null {
    const p = this.post;
    if (this.block === null) {
      const r = this.remaining;
      const total = r.organic + r.trending + r.plantedEvents + r.plantedNoise;
      if (total <= 0) return null;
      const u = this.rng() * total;
      if (u < r.organic) {
        r.organic--;
        this.organicPost(p, this.accountZipf.rank(this.rng()), 'organic');
      } else if (u < r.organic + r.trending) {
        r.trending--;
        this.trendingPost(p);
      } else if (u < r.organic + r.trending + r.plantedNoise) {
        r.plantedNoise--;
        const planted = this.plantedFirst + Math.floor(this.rng() * this.counts.plantedAccounts);
        this.originalPost(p, planted, 'planted-noise');
      } else {
        this.block = this.events[this.nextEvent++] ?? null;
        this.blockPos = 0;
        if (this.block === null) {
          r.plantedEvents = 0;
          return this.next();
        }
      }
    }
    if (this.block !== null) this.emitEventRow(p);
    p.rec = this.rec++;
    return p;
  }

  private reset(p: SynthPost, source: PostSource, account: number): void {
    p.source = source;
    p.account = account;
    p.parent = -1;
    p.url = -1;
    p.tracking = false;
    p.tag0 = -1;
    p.tag1 = -1;
    p.mention = -1;
    p.textKind = TEXT_NONE;
    p.template = 0;
  }

  private emitEventRow(p: SynthPost): void {
    const ev = this.block!;
    const i = this.blockPos++;
    this.reset(p, 'planted-event', ev.accounts[i]!);
    p.tsMs = ev.tsMs[i]!;
    if (ev.kind === 'share') p.parent = ev.target;
    else if (ev.kind === 'url') {
      p.url = ev.target;
      p.tracking = this.rng() < 0.5;
      p.textKind = TEXT_ORGANIC;
    } else {
      p.textKind = TEXT_TEMPLATE;
      p.template = ev.target;
      p.tag0 = this.campaignTag(ev.group);
    }
    this.remaining.plantedEvents--;
    if (this.blockPos >= ev.accounts.length) this.block = null;
  }

  private organicPost(p: SynthPost, account: number, source: PostSource): void {
    const o = this.options;
    const rng = this.rng;
    if (rng() >= o.shareFraction) {
      this.originalPost(p, account, source);
      return;
    }
    this.reset(p, source, account);
    const parent = this.parentZipf.rank(rng());
    p.parent = parent;
    const birth = hashUnit(parent, o.seed ^ 0xb1) * this.spanMs;
    p.tsMs = this.wrap(birth - Math.log(1 - rng()) * o.retweetDecaySeconds * 1000);
  }

  /** An original post: organic text, maybe a link (news-cycle time), hashtags, a mention. */
  private originalPost(p: SynthPost, account: number, source: PostSource): void {
    const o = this.options;
    const rng = this.rng;
    this.reset(p, source, account);
    p.textKind = TEXT_ORGANIC;
    let timed = false;
    if (rng() < o.urlFraction) {
      const url = this.urlZipf.rank(rng());
      p.url = url;
      p.tracking = rng() < o.trackingFraction;
      const birth = hashUnit(url, o.seed ^ 0xc3) * this.spanMs;
      p.tsMs = this.wrap(birth - Math.log(1 - rng()) * o.urlDecaySeconds * 1000);
      timed = true;
    }
    if (rng() < o.hashtagFraction) {
      p.tag0 = this.hashtagZipf.rank(rng());
      if (rng() < 0.5) {
        const t = this.hashtagZipf.rank(rng());
        if (t !== p.tag0) p.tag1 = t;
      }
    }
    if (rng() < o.mentionFraction) p.mention = this.accountZipf.rank(rng());
    if (!timed) p.tsMs = this.diurnalTime(rng);
  }

  private trendingPost(p: SynthPost): void {
    const rng = this.rng;
    // Pick a trending object proportionally to its remaining posts.
    let left = 0;
    for (const l of this.trendLeft) left += l;
    let u = rng() * left;
    let j = 0;
    while (j < this.trendLeft.length - 1 && u >= this.trendLeft[j]!) {
      u -= this.trendLeft[j]!;
      j++;
    }
    const t = this.trending[j]!;
    const inBurst = rng() * this.trendLeft[j]! < this.burstLeft[j]!;
    this.trendLeft[j]!--;
    if (inBurst) this.burstLeft[j]!--;
    this.reset(p, 'trending', this.accountZipf.rank(rng()));
    p.textKind = TEXT_ORGANIC;
    if (t.kind === 'hashtag') {
      p.tag0 = t.index;
      if (rng() < 0.3) p.tag1 = this.hashtagZipf.rank(rng());
    } else {
      p.url = t.index;
      p.tracking = rng() < this.options.trackingFraction;
    }
    p.tsMs = inBurst
      ? t.burstStartMs + Math.floor(rng() * t.burstMinutes * MINUTE_MS)
      : this.diurnalTime(rng);
  }

  /** A time over the whole period following the diurnal rhythm. */
  private diurnalTime(rng: () => number): number {
    const o = this.options;
    const day = Math.floor(rng() * o.days);
    const cdf = this.diurnalCdf;
    const u = rng();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return o.startMs + day * DAY_MS + lo * MINUTE_MS + Math.floor(rng() * MINUTE_MS);
  }

  /** Offset (ms from start) → absolute time, wrapped into the period. */
  private wrap(offsetMs: number): number {
    const span = this.spanMs;
    const x = Math.floor(offsetMs) % span;
    return this.options.startMs + (x < 0 ? x + span : x);
  }
}

/** Cumulative distribution over the 1,440 minutes of a day for the diurnal rhythm. */
function diurnalCdf(depth: number, peakHour: number): Float64Array {
  const cdf = new Float64Array(1440);
  let sum = 0;
  for (let m = 0; m < 1440; m++) {
    sum += 1 + depth * Math.cos((2 * Math.PI * (m / 60 - peakHour)) / 24);
    cdf[m] = sum;
  }
  for (let m = 0; m < 1440; m++) cdf[m]! /= sum;
  cdf[1439] = 1;
  return cdf;
}
