/**
 * Canonical URLs for co-link traces: two shares of one page should give one object even when the links differ in
 * case, default port, fragment, tracking parameters or parameter order. Co-link (coordinated link sharing) follows
 * Giglietto et al. 2020 (CooRnet, doi:10.1080/1369118X.2020.1739732) and the QUT toolkit's co-link network
 * (Graham et al. 2024); both compare links as given, so this normalization only adds recall. Parsing is the WHATWG
 * URL Standard (Node's `URL`); percent-encoding normalization follows RFC 3986 §6.2.2. Nothing is ever fetched:
 * short links (t.co, bit.ly) stay as they are.
 *
 * @module
 */

/**
 * Query parameters removed as tracking, compared case-insensitively on the decoded name. `utm_*` is a prefix rule.
 * - `utm_*`: Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, utm_term, utm_content, …)
 * - `fbclid` (Facebook), `gclid`, `dclid`, `gbraid`, `wbraid` (Google Ads / DoubleClick), `msclkid` (Microsoft
 *   Ads), `yclid` (Yandex), `ttclid` (TikTok), `twclid` (X/Twitter), `li_fat_id` (LinkedIn): ad click ids
 * - `mc_cid`, `mc_eid` (Mailchimp), `_hsenc`, `_hsmi` (HubSpot), `mkt_tok` (Marketo): e-mail campaign ids
 * - `igshid`, `igsh` (Instagram share id), `si` (YouTube / Spotify share id)
 * - `ref_src`, `ref_url` (X/Twitter embeds), `_ga` (Google Analytics cross-domain), `spm` (Alibaba / Taobao)
 */
export const TRACKING_PARAMS: readonly string[] = [
  'utm_*',
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'igshid',
  'igsh',
  'si',
  'ref_src',
  'ref_url',
  '_ga',
  'spm',
];

const TRACKING_EXACT: ReadonlySet<string> = new Set(TRACKING_PARAMS.filter((p) => !p.endsWith('*')));

/**
 * Whether a query parameter name is a tracking parameter (see {@link TRACKING_PARAMS}).
 * @param name the decoded parameter name, any case
 * @example isTrackingParam('UTM_Source') // true
 */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_EXACT.has(lower);
}

/** A scheme-less host name with a dotted name and a letter TLD, optional port, then a path/query/fragment or end. */
const HOST_LIKE =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*\.?(?::\d{1,5})?(?:[/?#]|$)/u;
/** A scheme-less IPv4 or bracketed IPv6 address, optional port, then a path/query/fragment or end. */
const IP_LIKE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:[/?#]|$)/i;
/** Characters RFC 3986 calls unreserved: percent-encoding them changes nothing, so they are decoded. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const PERCENT = /%([0-9a-fA-F]{2})/g;

/** An explicit http(s) scheme: such input skips the host-like tests. */
const HTTP_SCHEME = /^https?:\/\//i;

/** RFC 3986 §6.2.2: upper-case percent-encoding hex digits and decode unreserved characters. */
function normalizePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(PERCENT, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** The decoded name of a query part `name=value` (`+` is a space), or the raw name when it is malformed. */
function paramName(part: string): string {
  const eq = part.indexOf('=');
  const raw = (eq < 0 ? part : part.slice(0, eq)).replaceAll('+', ' ');
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Canonicalize an http(s) URL, or return null.
 *
 * Rules, in order:
 * 1. Trim. Scheme-less input that looks like a host (`example.com/x`, `www.x.org`, `1.2.3.4:8080/`) gets `http://`;
 *    protocol-relative `//host/x` gets `http:`. Other scheme-less text (`foo`, `readme`) is not a URL → null.
 * 2. Parse with the WHATWG URL parser. Anything that is not `http:`/`https:` (mailto:, javascript:, ftp:, …) or
 *    does not parse → null.
 * 3. Scheme and host lower-case; internationalized hosts in punycode; one trailing dot of the host removed; default
 *    ports (80, 443) dropped; user name and password dropped; `www.` kept (it may be a different site).
 * 4. Path: case kept; dot segments resolved; percent-escapes upper-cased and unreserved characters decoded
 *    (`%7e` → `~`). A trailing slash is kept (`/a/` ≠ `/a`), and an empty path is always `/` (so `https://a.com`
 *    and `https://a.com/` are both `https://a.com/`).
 * 5. Query: empty parts and tracking parameters ({@link TRACKING_PARAMS}) removed; the rest sorted by decoded
 *    name, stably (repeated names keep their order), each part's escapes normalized as in the path; `+` and `%20`
 *    are left as written. No parameters left → no `?`.
 * 6. Fragment dropped.
 *
 * @param raw a link as found in a post
 * @returns the canonical URL, or null for non-http(s) or unparsable input
 * @example canonicalUrl('HTTP://Example.COM:80/a?utm_source=x&b=2&a=1#frag') // 'http://example.com/a?a=1&b=2'
 */
export function canonicalUrl(raw: string): string | null {
  let text = raw.trim();
  if (text === '') return null;
  if (text.startsWith('//')) text = `http:${text}`;
  else if (!HTTP_SCHEME.test(text) && (HOST_LIKE.test(text) || IP_LIKE.test(text))) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  let host = url.hostname;
  if (host.endsWith('.') && host.length > 1) host = host.slice(0, -1);
  const port = url.port === '' ? '' : `:${url.port}`;
  const path = normalizePercent(url.pathname);
  let query = '';
  if (url.search.length > 1) {
    const params: { name: string; part: string }[] = [];
    for (const part of url.search.slice(1).split('&')) {
      if (part === '') continue;
      const name = paramName(part);
      if (!isTrackingParam(name)) params.push({ name, part: normalizePercent(part) });
    }
    params.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    if (params.length > 0) query = `?${params.map((p) => p.part).join('&')}`;
  }
  return `${url.protocol}//${host}${port}${path}${query}`;
}
