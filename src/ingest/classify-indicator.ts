/**
 * One published indicator (a cell of a Meta threat-research file, a STIX observable value) → a seed or the reason it
 * is not one. Indicators are refanged first, then read as a URL (with a profile-URL check for the social platforms
 * Meta's files list), a bare domain, or an `@handle`; summary counts ("7,704 Facebook accounts") and free text (blog
 * post titles, descriptions) are not indicators. Canonical forms come from src/traces (`canonicalUrl`,
 * `registrableDomain`, `normalizeMention`), so seeds compare equal to the traces of a case.
 *
 * @module
 */
import type { Seed } from '../model/seed.js';
import { canonicalUrl } from '../traces/canonical-url.js';
import { stripInvisible } from '../traces/invisible-chars.js';
import { normalizeMention } from '../traces/normalize-mention.js';
import { registrableDomainOfCanonical } from '../traces/registrable-domain.js';
import { refang } from './refang.js';

/** A seed without its source, TTP and note. */
export type SeedDraft = Omit<Seed, 'source' | 'ttp' | 'note'>;

/**
 * Result of {@link classifyIndicator}: a seed (with the remark that followed it in the cell, e.g. `(Hosted a spoof of
 * Der Spiegel)`), or the skip reason.
 */
export type IndicatorResult = { seed: SeedDraft; remark?: string } | { skip: string };

/** What a record says about its indicator's kind. */
export interface IndicatorHint {
  /** Expected kind (from a legacy `indicator_type` or a STIX object type); `undefined`: guess. */
  kind?: 'url' | 'domain';
  /** Platform named by the row (e.g. from "0.9.4 Acquiring X / Twitter accounts"), for bare `@handle`s. */
  platform?: string;
}

/** Registrable domain → platform name. */
const PLATFORM_OF_DOMAIN: ReadonlyMap<string, string> = new Map([
  ['twitter.com', 'twitter'],
  ['x.com', 'twitter'],
  ['facebook.com', 'facebook'],
  ['fb.com', 'facebook'],
  ['instagram.com', 'instagram'],
  ['threads.net', 'threads'],
  ['tiktok.com', 'tiktok'],
  ['youtube.com', 'youtube'],
  ['t.me', 'telegram'],
  ['telegram.me', 'telegram'],
  ['reddit.com', 'reddit'],
  ['medium.com', 'medium'],
  ['vimeo.com', 'vimeo'],
  ['pinterest.com', 'pinterest'],
  ['bsky.app', 'bluesky'],
  ['linkedin.com', 'linkedin'],
  ['vk.com', 'vk'],
]);

/** First path segments that are site pages, not profiles. */
const RESERVED = new Set([
  'i',
  'home',
  'search',
  'hashtag',
  'intent',
  'share',
  'sharer',
  'explore',
  'settings',
  'login',
  'p',
  'reel',
  'reels',
  'stories',
  'accounts',
  'groups',
  'pages',
  'watch',
  'events',
  'pin',
  's',
  'joinchat',
  'photo.php',
  'permalink.php',
  'story.php',
]);

const COUNT = /^\d[\d,.]*\s+\S/;
/** An indicator followed by a remark in brackets: `jiraboom[.]pro (Hosted a spoof of Der Spiegel)`. */
const WITH_REMARK = /^(\S+)\s+(\(.*\)|\[.*\])$/s;

/**
 * Classify one indicator.
 * @param raw the cell as published (defanged or not)
 * @param hint what the record says about the kind or platform
 * @returns `{ seed }` (an indicator followed by a bracketed remark gives the remark too), or `{ skip }` with one of
 *   `empty-indicator`, `summary-count` (starts with a number followed by words), `free-text` (other text with spaces
 *   or non-ASCII letters, such as blog post titles), `not-an-indicator` (neither URL, domain nor `@handle`)
 */
export function classifyIndicator(raw: string, hint: IndicatorHint = {}): IndicatorResult {
  const text = refang(stripInvisible(raw).trim());
  if (text === '') return { skip: 'empty-indicator' };
  const remarked = WITH_REMARK.exec(text);
  if (remarked !== null) {
    const result = classifyToken(remarked[1]!, hint);
    return 'seed' in result ? { seed: result.seed, remark: remarked[2]!.slice(1, -1).trim() } : result;
  }
  if (/\s/.test(text)) return { skip: COUNT.test(text) ? 'summary-count' : 'free-text' };
  return classifyToken(text, hint);
}

/** {@link classifyIndicator} of refanged text without spaces. */
function classifyToken(text: string, hint: IndicatorHint): IndicatorResult {
  if (text.startsWith('@') && hint.kind === undefined) return handleSeed(text.slice(1), hint.platform);
  const url = canonicalUrl(text);
  if (url === null) return { skip: /[^\x00-\x7f]/.test(text) ? 'free-text' : 'not-an-indicator' };
  const domain = registrableDomainOfCanonical(url);
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/[/?#]/.test(text);
  if (hint.kind === 'domain' || (hint.kind === undefined && bare)) {
    if (domain === null) return { skip: 'not-an-indicator' };
    const host = new URL(url).hostname;
    return { seed: { kind: 'domain', value: host, domain } };
  }
  const platform = domain === null ? undefined : PLATFORM_OF_DOMAIN.get(domain);
  const seed: SeedDraft = { kind: 'url', value: url };
  if (domain !== null) seed.domain = domain;
  if (platform === undefined) return { seed };
  seed.platform = platform;
  const profile = profileOf(platform, new URL(url));
  if (profile === null) return { seed };
  const account: SeedDraft = { kind: 'account', value: url, platform, url };
  if (domain !== null) account.domain = domain;
  if (profile.handle !== undefined) {
    account.handle = profile.handle;
    account.value = normalizeMention(platform, profile.handle) ?? url;
  }
  if (profile.accountId !== undefined) account.accountId = profile.accountId;
  return { seed: account };
}

function handleSeed(handle: string, platform: string | undefined): IndicatorResult {
  if (platform === undefined || !/^[\p{L}\p{N}_.-]{1,100}$/u.test(handle))
    return { skip: 'not-an-indicator' };
  const value = normalizeMention(platform, handle);
  return value === null
    ? { skip: 'not-an-indicator' }
    : { seed: { kind: 'account', value, platform, handle } };
}

/** The handle or id of a profile URL, or null when the URL is not a profile page. */
function profileOf(platform: string, url: URL): { handle?: string; accountId?: string } | null {
  const segs = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  const one = segs.length === 1 ? segs[0]! : undefined;
  const plain = one !== undefined && !RESERVED.has(one.toLowerCase()) ? one : undefined;
  const at = one?.startsWith('@') && one.length > 1 ? one.slice(1) : undefined;
  switch (platform) {
    case 'twitter':
    case 'instagram':
    case 'telegram':
    case 'pinterest':
    case 'vimeo':
    case 'vk':
      return plain !== undefined && !plain.startsWith('@') ? { handle: plain } : null;
    case 'tiktok':
    case 'threads':
      return at !== undefined ? { handle: at } : null;
    case 'medium': {
      if (at !== undefined) return { handle: at };
      const sub = url.hostname.replace(/\.?medium\.com$/, '');
      return segs.length === 0 && sub !== '' && sub !== 'www' ? { handle: sub } : null;
    }
    case 'youtube':
      if (at !== undefined) return { handle: at };
      if (segs.length === 2 && segs[0] === 'channel') return { accountId: segs[1]! };
      return segs.length === 2 && (segs[0] === 'c' || segs[0] === 'user') ? { handle: segs[1]! } : null;
    case 'reddit':
      return segs.length === 2 && (segs[0] === 'user' || segs[0] === 'u') ? { handle: segs[1]! } : null;
    case 'bluesky':
      return segs.length === 2 && segs[0] === 'profile' ? { handle: segs[1]! } : null;
    case 'linkedin':
      return segs.length === 2 && segs[0] === 'in' ? { handle: segs[1]! } : null;
    case 'facebook': {
      const id = url.searchParams.get('id');
      if (one === 'profile.php' && id !== null && /^\d+$/.test(id)) return { accountId: id };
      return plain !== undefined && !plain.includes('.') ? { handle: plain } : null;
    }
    default:
      return null;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Platform named in a row's text (e.g. a kill-chain procedure "0.9.4 Acquiring X / Twitter accounts"). */
export function platformOfText(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const [word, platform] of [
    ['twitter', 'twitter'],
    ['tiktok', 'tiktok'],
    ['instagram', 'instagram'],
    ['threads', 'threads'],
    ['youtube', 'youtube'],
    ['telegram', 'telegram'],
    ['facebook', 'facebook'],
  ] as const) {
    if (lower.includes(word)) return platform;
  }
  return undefined;
}
