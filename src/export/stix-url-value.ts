/**
 * The `value` of a STIX 2.1 `url` object (STIX 2.1 §6.15): "MUST conform to RFC 3986", which the OASIS JSON schema
 * checks with the `uri` format. Chorus's canonical URLs are attacker-written and may hold characters RFC 3986 does
 * not allow (`"`, `<`, `>`, spaces, `\`, `|`, non-ASCII …); they are percent-encoded here as UTF-8 (RFC 3986
 * §2.1), the way browsers encode such characters before a request.
 */

const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Unreserved + sub-delims (RFC 3986 §2.2–2.3): kept everywhere. */
const SAFE_RE = /^[A-Za-z0-9\-._~!$&'()*+,;=]$/;
const HEX2_RE = /^[0-9A-Fa-f]{2}$/;

/** Percent-encode every UTF-8 byte of `ch` (lone surrogates become U+FFFD first). */
function pctEncode(ch: string): string {
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Keep safe characters, those in `keep`, and `%XX` triplets; encode everything else. */
function encodePart(part: string, keep: string): string {
  let out = '';
  const chars = Array.from(part);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (SAFE_RE.test(ch) || keep.includes(ch)) out += ch;
    else if (ch === '%' && HEX2_RE.test(`${chars[i + 1] ?? ''}${chars[i + 2] ?? ''}`)) out += ch;
    else out += pctEncode(ch);
  }
  return out;
}

/** Authority `userinfo@host:port`: `@` kept only as the last separator, `:` only before an all-digit port. */
function encodeAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? undefined : authority.slice(0, at);
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  const colon = hostPort.lastIndexOf(':');
  const hasPort = colon >= 0 && /^\d*$/.test(hostPort.slice(colon + 1));
  const host = hasPort ? hostPort.slice(0, colon) : hostPort;
  const port = hasPort ? hostPort.slice(colon) : '';
  return `${userinfo === undefined ? '' : `${encodePart(userinfo, ':')}@`}${encodePart(host, '')}${port}`;
}

/**
 * A URL as an RFC 3986 URI for a STIX `url` object, or `undefined` when it has no scheme or nothing after it
 * (e.g. `mailto:`), which RFC 3986 `URI` syntax cannot express without changing its meaning.
 * - The scheme is kept as is; in the authority (after `//`) `@` and `:` are kept only as the userinfo and port
 *   separators; in path, query and fragment `:/?@` and the first `#` are kept.
 * - Every other character outside unreserved/sub-delims is percent-encoded as UTF-8 (`"` → `%22`, `\` → `%5C`,
 *   `[`/`]` → `%5B`/`%5D`, so IPv6 literal hosts are not kept as literals); a `%` not followed by two hex digits
 *   becomes `%25`. Existing `%XX` triplets are kept, so the function is idempotent.
 * @param url a canonical URL (src/traces/canonical-url.ts)
 * @example toStixUrlValue('https://evil.example/"><b>') // 'https://evil.example/%22%3E%3Cb%3E'
 */
export function toStixUrlValue(url: string): string | undefined {
  const scheme = SCHEME_RE.exec(url)?.[0];
  if (scheme === undefined) return undefined;
  const rest = url.slice(scheme.length);
  if (rest === '' || rest.startsWith('?') || rest.startsWith('#')) return undefined;
  let authority = '';
  let tail = rest;
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    const stop = end < 0 ? rest.length : end + 2;
    authority = `//${encodeAuthority(rest.slice(2, stop))}`;
    tail = rest.slice(stop);
  }
  const hash = tail.indexOf('#');
  const beforeHash = hash < 0 ? tail : tail.slice(0, hash);
  const fragment = hash < 0 ? '' : `#${encodePart(tail.slice(hash + 1), ':/?@')}`;
  return `${scheme}${authority}${encodePart(beforeHash, ':/?@')}${fragment}`;
}
