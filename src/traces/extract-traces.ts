/**
 * Traces of a post: the behavioural acts it contains, each on one canonical object (DESIGN.md §2). Co-action
 * detection pairs accounts whose traces hit the same object within a window, so every trace kind here is one of
 * the co-action types of the literature: co-link and co-domain (Giglietto et al. 2020, CooRnet,
 * doi:10.1080/1369118X.2020.1739732), co-retweet / co-share and co-tweet (Keller et al. 2020,
 * doi:10.1080/10584609.2019.1661888; Graham et al. 2024, QUT coordination network toolkit), co-reply (QUT toolkit;
 * CooRTweet), co-hashtag and co-mention (Pacheco et al. 2021, doi:10.1609/icwsm.v15i1.18075; CooRTweet), and
 * co-image (CooRnet's coordinated image sharing; CooRTweet's `phash_id`).
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { Post } from '../model/post.js';
import { TRACE_KINDS, type TraceDraft, type TraceKind } from '../model/trace.js';
import { canonicalUrl } from './canonical-url.js';
import { normalizeHashtag } from './normalize-hashtag.js';
import { normalizeMention } from './normalize-mention.js';
import { normalizeText } from './normalize-text.js';
import { registrableDomainOfCanonical } from './registrable-domain.js';

/** Options of {@link extractTraces}. */
export interface TraceOptions {
  // — what to extract —
  /**
   * Trace kinds to extract (distinct trace kinds). Default: all of {@link TRACE_KINDS}. The corpus kinds
   * (`neardup`, `misspelling`, `hashtagseq`) are accepted but never produced here: the signals stage computes them
   * later, across posts, when they are listed.
   */
  kinds: readonly TraceKind[];
  // — text —
  /**
   * Shortest normalized text (in Unicode code points, integer ≥ 1) that makes a `text` trace. Default 20: about
   * three or four words, which keeps slogans and one-sentence copypasta but drops greetings and one-word replies
   * ("thank you", "good morning", "lol") that many unrelated accounts post by chance.
   */
  minTextChars: number;
}

/**
 * Defaults of {@link TraceOptions}: every kind, `minTextChars` 20.
 * @example TRACE_DEFAULTS.minTextChars // 20
 */
export const TRACE_DEFAULTS: Readonly<TraceOptions> = Object.freeze({ kinds: TRACE_KINDS, minTextChars: 20 });

const PREFIX = 'traces/extract';
const KIND_SET: ReadonlySet<string> = new Set(TRACE_KINDS);

/**
 * Merge partial options over {@link TRACE_DEFAULTS} and validate the result.
 * @param input partial options
 * @returns complete options (a fresh object)
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateTraceOptions}
 */
export function resolveTraceOptions(input: Partial<TraceOptions> = {}): TraceOptions {
  const options: TraceOptions = {
    kinds: [...(input.kinds ?? TRACE_DEFAULTS.kinds)],
    minTextChars: input.minTextChars ?? TRACE_DEFAULTS.minTextChars,
  };
  validateTraceOptions(options);
  return options;
}

/**
 * Check complete options.
 * @throws {ConfigError} `CONFIG_INVALID`, naming the field, when `kinds` is not a list, names an unknown kind or
 *   repeats one, or when `minTextChars` is not an integer ≥ 1
 */
export function validateTraceOptions(options: TraceOptions): void {
  if (!Array.isArray(options.kinds)) {
    throw new ConfigError(`${PREFIX}: invalid \`kinds\`. Expecting a list of trace kinds.`);
  }
  const seen = new Set<string>();
  for (const kind of options.kinds) {
    if (!KIND_SET.has(kind)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`kinds\` entry "${String(kind)}". Expecting one of ${TRACE_KINDS.join(', ')}.`,
      );
    }
    if (seen.has(kind)) {
      throw new ConfigError(
        `${PREFIX}: invalid \`kinds\`: "${kind}" is listed twice. Expecting distinct kinds.`,
      );
    }
    seen.add(kind);
  }
  if (!Number.isSafeInteger(options.minTextChars) || options.minTextChars < 1) {
    throw new ConfigError(
      `${PREFIX}: invalid \`minTextChars\` (${String(options.minTextChars)}). Expecting an integer ≥ 1.`,
    );
  }
}

/** Entries each memo of an extractor keeps before it starts afresh (bounds memory on huge vocabularies). */
const MEMO_ENTRIES = 100_000;

/**
 * Memoize a pure string function. Real data repeats URLs, hashtags and handles heavily (Zipf), so most calls are
 * hits; the memo is emptied when it reaches {@link MEMO_ENTRIES} entries, which keeps memory bounded.
 */
function memoize<V>(fn: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key: string): V => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = fn(key);
    if (cache.size >= MEMO_ENTRIES) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/** Whether `text` has at least `min` code points (without building an array for long texts). */
function hasCodePoints(text: string, min: number): boolean {
  if (text.length < min) return false;
  if (text.length >= 2 * min) return true;
  let count = 0;
  for (const _ of text) if (++count >= min) return true;
  return false;
}

/**
 * Build a trace extractor with fixed, validated options (validation happens once, here, not per post).
 * @param options partial {@link TraceOptions}: `[options.kinds=all]`, `[options.minTextChars=20]`
 * @returns a function from a post to its traces, see {@link extractTraces}
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid
 * @example
 * const extract = createTraceExtractor({ kinds: ['share', 'url'] });
 * for (const post of posts) store(extract(post));
 */
export function createTraceExtractor(options: Partial<TraceOptions> = {}): (post: Post) => TraceDraft[] {
  const resolved = resolveTraceOptions(options);
  const want = new Set<TraceKind>(resolved.kinds);
  const minTextChars = resolved.minTextChars;
  const wantUrl = want.has('url');
  const wantDomain = want.has('domain');
  const link = memoize((raw: string) => {
    const url = canonicalUrl(raw);
    return url === null ? null : { url, domain: wantDomain ? registrableDomainOfCanonical(url) : null };
  });
  const hashtag = memoize(normalizeHashtag);
  const mention = memoize((key: string) => {
    const sep = key.indexOf('\u0000');
    return normalizeMention(key.slice(0, sep), key.slice(sep + 1));
  });

  return (post: Post): TraceDraft[] => {
    const out: TraceDraft[] = [];
    const seen = new Set<string>();
    const add = (kind: TraceKind, object: string | null): void => {
      if (object === null || object === '') return;
      const key = `${kind}\u0000${object}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ kind, object });
    };

    if (wantUrl || wantDomain) {
      const links = post.urls.map(link);
      if (wantUrl) for (const l of links) add('url', l?.url ?? null);
      if (wantDomain) for (const l of links) add('domain', l?.domain ?? null);
    }
    if (want.has('hashtag')) for (const tag of post.hashtags) add('hashtag', hashtag(tag));
    if (want.has('mention')) {
      for (const handle of post.mentions) add('mention', mention(`${post.platform}\u0000${handle}`));
    }
    if (post.parentPostId !== undefined) {
      if (post.kind === 'share' && want.has('share')) add('share', `${post.platform}:${post.parentPostId}`);
      if (post.kind === 'reply' && want.has('reply')) add('reply', `${post.platform}:${post.parentPostId}`);
    }
    if (want.has('text') && post.kind !== 'share' && post.text !== undefined) {
      const text = normalizeText(post.text);
      if (hasCodePoints(text, minTextChars)) add('text', text);
    }
    if (want.has('media'))
      for (const hash of post.mediaHashes) add('media', hash.trim() === '' ? null : hash);
    for (const supplied of post.objects ?? []) {
      if (want.has(supplied.kind)) add(supplied.kind, `id:${supplied.id}`);
    }
    return out;
  };
}

/**
 * Extract the traces of one post.
 *
 * Kinds and objects (each (kind, object) at most once per post, in this order):
 * - `url`: each link's {@link canonicalUrl} (unparsable and non-http(s) links are skipped);
 * - `domain`: the {@link registrableDomain} of each canonical link;
 * - `hashtag`: {@link normalizeHashtag} of each hashtag;
 * - `mention`: {@link normalizeMention}, `platform:handle` lower-cased;
 * - `share`: `platform:parentPostId` when the post is a share (retweet, repost, forward);
 * - `reply`: `platform:parentPostId` when the post is a reply;
 * - `text`: {@link normalizeText} of the text when it has at least `minTextChars` code points; never for shares,
 *   whose text is the parent's (the `share` trace already covers them);
 * - `media`: each media hash as given (blank ones skipped);
 * - supplied `post.objects`: their kind as given, object `id:<id>` (the prefix keeps supplied ids apart from
 *   canonical values of the same kind).
 * Only kinds in `options.kinds` are produced. Pure: no I/O, nothing fetched.
 *
 * @param post a validated post
 * @param options partial {@link TraceOptions}: `[options.kinds=all]`, `[options.minTextChars=20]`
 * @returns the post's traces (possibly none)
 * @throws {ConfigError} `CONFIG_INVALID` when an option is invalid. Options are validated on the first call with a
 *   given options object (and again if it is changed in place); later calls reuse the extractor and its memos.
 * @example
 * extractTraces({ ...post, kind: 'share', parentPostId: '99', platform: 'twitter' })
 * // [{ kind: 'share', object: 'twitter:99' }, …]
 */
export function extractTraces(post: Post, options: Partial<TraceOptions> = NO_OPTIONS): TraceDraft[] {
  // Reuse one extractor (and its memos) per options object; the fingerprint catches options mutated in place.
  const fingerprint = `${options.kinds?.join(',') ?? '*'}|${options.minTextChars ?? ''}`;
  let cached = EXTRACTORS.get(options);
  if (cached === undefined || cached.fingerprint !== fingerprint) {
    cached = { fingerprint, extract: createTraceExtractor(options) };
    EXTRACTORS.set(options, cached);
  }
  return cached.extract(post);
}

/** The options object used when {@link extractTraces} gets none. */
const NO_OPTIONS: Partial<TraceOptions> = Object.freeze({});
/** Extractors built by {@link extractTraces}, per options object. */
const EXTRACTORS = new WeakMap<object, { fingerprint: string; extract: (post: Post) => TraceDraft[] }>();
