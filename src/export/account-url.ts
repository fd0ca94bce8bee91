/**
 * Profile-page URLs of accounts, built from the platform name and the handle or id, in the forms the platforms
 * use for public profile links (and Meta's threat-research indicator files list: `twitter.com/<handle>`,
 * `www.tiktok.com/@<handle>`, `medium.com/@<handle>`, `www.reddit.com/user/<handle>/`). The handle is attacker
 * written: it is percent-encoded as one path segment, so it cannot add path segments, a query or a host.
 *
 * @module
 */

type UrlBuilder = (handle: string | undefined, id: string) => string | undefined;

const seg = encodeURIComponent;

/** Platform ids that can appear in a profile URL: digits only (anonymised ids such as `fb_123` cannot). */
const numeric = (id: string): string | undefined => (/^\d+$/.test(id) ? id : undefined);

const BUILDERS: ReadonlyMap<string, UrlBuilder> = new Map<string, UrlBuilder>([
  [
    'twitter',
    (h, id) => (h ? `https://twitter.com/${seg(h)}` : numeric(id) && `https://twitter.com/i/user/${id}`),
  ],
  ['x', (h, id) => (h ? `https://x.com/${seg(h)}` : numeric(id) && `https://x.com/i/user/${id}`)],
  [
    'facebook',
    (h, id) =>
      h
        ? `https://www.facebook.com/${seg(h)}`
        : numeric(id) && `https://www.facebook.com/profile.php?id=${id}`,
  ],
  ['instagram', (h) => (h ? `https://www.instagram.com/${seg(h)}/` : undefined)],
  ['threads', (h) => (h ? `https://www.threads.net/@${seg(h)}` : undefined)],
  ['tiktok', (h) => (h ? `https://www.tiktok.com/@${seg(h)}` : undefined)],
  [
    'youtube',
    (h, id) =>
      h
        ? `https://www.youtube.com/@${seg(h)}`
        : /^UC[\w-]{22}$/.test(id)
          ? `https://www.youtube.com/channel/${id}`
          : undefined,
  ],
  ['telegram', (h) => (h ? `https://t.me/${seg(h)}` : undefined)],
  ['reddit', (h) => (h ? `https://www.reddit.com/user/${seg(h)}/` : undefined)],
  ['bluesky', (h, id) => `https://bsky.app/profile/${seg(h ?? id)}`],
  ['medium', (h) => (h ? `https://medium.com/@${seg(h)}` : undefined)],
]);

/**
 * The public profile URL of an account, when the platform's URL scheme is known.
 * Platforms (case-insensitive): `twitter`, `x`, `facebook`, `instagram`, `threads`, `tiktok`, `youtube`,
 * `telegram`, `reddit`, `bluesky`, `medium`. A leading `@` of the handle is dropped.
 * @param platform platform name as in `NetworkAccount.platform`
 * @param handle screen name, if known
 * @param accountId platform account id (used where the platform has id-based profile links)
 * @returns the URL, or `undefined` for other platforms, when the platform needs a handle and there is none, or when
 *   the id is not one the platform uses in URLs (digits; a YouTube `UC…` channel id) — anonymised ids such as
 *   `fb_10893` never become links
 * @example accountUrl('twitter', '@Alice', '123') // 'https://twitter.com/Alice'
 */
export function accountUrl(
  platform: string,
  handle: string | undefined,
  accountId: string,
): string | undefined {
  const build = BUILDERS.get(platform.trim().toLowerCase());
  const h = handle?.trim().replace(/^@/, '');
  return build?.(h === '' ? undefined : h, accountId);
}
