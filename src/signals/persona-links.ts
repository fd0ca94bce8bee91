/**
 * Persona links: accounts on different platforms that look like one operator's persona — the same handle, the same
 * display name, the same profile image (perceptual-hash group) or the same link in the bio. Meta's takedown reports
 * describe personas "backstopped" across sites (Online Operations Kill Chain 1.8.1, "Backstopping fictitious
 * individual across multiple websites"; DISARM T0143.002 Fabricated Persona), and cross-platform investigators
 * match exactly these fields (Nimmo & Hutchins 2023, The Online Operations Kill Chain).
 *
 * Besides profile fields, cross-posting counts: the same text posted on two platforms within minutes, twice or more
 * ({@link CrossPost}, found by the caller from the co-action tables).
 *
 * A persona link is a separate, explained kind of tie: it never joins clusters or co-action edges. Matching is by
 * blocking on each normalized value (no all-pairs loop); a value shared by more than `maxAccountsPerValue` accounts
 * (a default avatar, a common name) links nobody and is counted instead. A link needs an identical handle, repeated
 * cross-posting, or two different kinds of evidence (a display name alone is too common).
 *
 * @module
 */
import { canonicalUrl } from '../traces/canonical-url.js';
import type { AccountProfile } from './account-signals.js';
import { normalizeHandle } from './handle-pattern.js';

/** Kinds of persona evidence, strongest first. */
export const PERSONA_EVIDENCE_KINDS = [
  'handle',
  'cross-post',
  'profile-image',
  'bio-link',
  'display-name',
] as const;
/** One of {@link PERSONA_EVIDENCE_KINDS}. */
export type PersonaEvidenceKind = (typeof PERSONA_EVIDENCE_KINDS)[number];

/** One matching field of a persona link. */
export interface PersonaEvidence {
  kind: PersonaEvidenceKind;
  /** The normalized value both accounts share (attacker-written: escape before display). */
  value: string;
}

/** Two accounts on different platforms that share persona fields. */
export interface PersonaLink {
  /** Account keys, `a < b`. */
  a: string;
  b: string;
  /** The matching fields, in {@link PERSONA_EVIDENCE_KINDS} order. */
  evidence: PersonaEvidence[];
}

/**
 * Two accounts on different platforms that posted identical (or near-identical) text within minutes of each other,
 * `times` times — cross-posting by one operator (Meta kill chain 9.2.3, dispersing content across platforms). The
 * caller finds them (the co-action tables hold text and near-duplicate co-actions with their time gaps).
 */
export interface CrossPost {
  a: string;
  b: string;
  /** Identical or near-identical texts posted within the window by both. */
  times: number;
}

/** Options of {@link findPersonaLinks}. */
export interface PersonaLinkOptions {
  /** Shortest normalized handle that can link (characters). Default 5. */
  minHandleChars: number;
  /** Shortest normalized display name that can count as evidence (characters). Default 6. */
  minNameChars: number;
  /** A value held by more accounts than this links nobody (default avatars, common names). Default 20. */
  maxAccountsPerValue: number;
  /** Fewest cross-posted texts that count as evidence. Default 2. */
  minCrossPosts: number;
}

/** Defaults of {@link PersonaLinkOptions}. */
export const PERSONA_LINK_DEFAULTS: Readonly<PersonaLinkOptions> = Object.freeze({
  minHandleChars: 5,
  minNameChars: 6,
  maxAccountsPerValue: 20,
  minCrossPosts: 2,
});

/** What {@link findPersonaLinks} returns. */
export interface PersonaLinkResult {
  links: PersonaLink[];
  /** Values skipped for being held by more than `maxAccountsPerValue` accounts, per kind. */
  crowdedValues: Record<PersonaEvidenceKind, number>;
}

/** Handle for matching: {@link normalizeHandle}, lower case, without `_`, `.` and `-`. */
function handleKey(handle: string): string {
  return normalizeHandle(handle).toLowerCase().replace(/[._-]/g, '');
}

/** Display name for matching: NFKC, lower case, white space collapsed. */
function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Canonical URLs written in a bio. */
function bioLinks(bio: string): string[] {
  const out = new Set<string>();
  for (const match of bio.matchAll(/https?:\/\/[^\s<>"']+/gi)) {
    const url = canonicalUrl(match[0]);
    if (url !== null) out.add(url);
  }
  return [...out];
}

/**
 * Find persona links between accounts of different platforms.
 * @param profiles account profiles (`profileImageHash` may already be a perceptual-hash group id)
 * @param options see {@link PERSONA_LINK_DEFAULTS}
 * @param crossPosts cross-platform pairs that posted the same texts within minutes (optional)
 * @returns links sorted by (a, b), and the crowded values skipped per kind
 * @example findPersonaLinks([x, fb]).links[0].evidence // [{ kind: 'handle', value: 'annasmith' }]
 */
export function findPersonaLinks(
  profiles: Iterable<AccountProfile>,
  options: Partial<PersonaLinkOptions> = {},
  crossPosts: readonly CrossPost[] = [],
): PersonaLinkResult {
  const o = { ...PERSONA_LINK_DEFAULTS, ...options };
  const buckets = new Map<
    string,
    { kind: PersonaEvidenceKind; value: string; accounts: Map<string, string> }
  >();
  const add = (kind: PersonaEvidenceKind, value: string, key: string, platform: string) => {
    const id = `${kind}\u0000${value}`;
    let bucket = buckets.get(id);
    if (bucket === undefined) {
      bucket = { kind, value, accounts: new Map() };
      buckets.set(id, bucket);
    }
    bucket.accounts.set(key, platform);
  };
  for (const p of profiles) {
    // An account whose platform the data did not name may be on any platform: it links to nobody.
    if (p.platform === 'unknown') continue;
    for (const handle of p.handles) {
      const k = handleKey(handle);
      if (k.length >= o.minHandleChars) add('handle', k, p.key, p.platform);
    }
    for (const name of p.displayNames) {
      const k = nameKey(name);
      if (k.length >= o.minNameChars) add('display-name', k, p.key, p.platform);
    }
    if (p.profileImageHash !== undefined && p.profileImageHash !== '') {
      add('profile-image', p.profileImageHash, p.key, p.platform);
    }
    if (p.bio !== undefined) for (const url of bioLinks(p.bio)) add('bio-link', url, p.key, p.platform);
  }
  const crowdedValues = Object.fromEntries(PERSONA_EVIDENCE_KINDS.map((k) => [k, 0])) as Record<
    PersonaEvidenceKind,
    number
  >;
  const pairs = new Map<string, PersonaLink>();
  for (const bucket of buckets.values()) {
    if (bucket.accounts.size < 2) continue;
    if (bucket.accounts.size > o.maxAccountsPerValue) {
      crowdedValues[bucket.kind] += 1;
      continue;
    }
    const members = [...bucket.accounts].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, pa] = members[i]!;
        const [b, pb] = members[j]!;
        if (pa === pb) continue;
        const id = `${a}\u0000${b}`;
        let link = pairs.get(id);
        if (link === undefined) {
          link = { a, b, evidence: [] };
          pairs.set(id, link);
        }
        if (!link.evidence.some((e) => e.kind === bucket.kind && e.value === bucket.value)) {
          link.evidence.push({ kind: bucket.kind, value: bucket.value });
        }
      }
    }
  }
  const platformOf = (key: string) => key.slice(0, key.indexOf(':'));
  for (const c of crossPosts) {
    if (c.times < o.minCrossPosts || c.a === c.b || platformOf(c.a) === platformOf(c.b)) continue;
    if (platformOf(c.a) === 'unknown' || platformOf(c.b) === 'unknown') continue;
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const id = `${a}\u0000${b}`;
    let link = pairs.get(id);
    if (link === undefined) {
      link = { a, b, evidence: [] };
      pairs.set(id, link);
    }
    link.evidence.push({
      kind: 'cross-post',
      value: `${c.times} identical or near-identical texts within minutes`,
    });
  }
  const order = (k: PersonaEvidenceKind) => PERSONA_EVIDENCE_KINDS.indexOf(k);
  const links = [...pairs.values()]
    .map((link) => ({
      ...link,
      evidence: link.evidence.sort((x, y) => order(x.kind) - order(y.kind) || (x.value < y.value ? -1 : 1)),
    }))
    .filter((link) => {
      const kinds = new Set(link.evidence.map((e) => e.kind));
      return kinds.has('handle') || kinds.has('cross-post') || kinds.size >= 2;
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return { links, crowdedValues };
}
