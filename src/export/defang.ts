/**
 * Defanging: writing URLs and domains so they cannot be clicked or resolved by accident, the way threat-intelligence
 * reports share them (e.g. Meta's `facebook/threat-research` indicator files write `twitter[.]com/...`; the
 * `hxxp` scheme is the common convention of CTI feeds and tools such as ioc-fanger). Dots of the host become `[.]`,
 * `http`/`https` become `hxxp`/`hxxps`; the path and query are left as written.
 *
 * @module
 */

const SCHEME_HOST = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

/**
 * Defang a domain name: every `.` becomes `[.]`.
 * @example defangDomain('evil.example') // 'evil[.]example'
 */
export function defangDomain(domain: string): string {
  return domain.replace(/\./g, '[.]');
}

/**
 * Defang a URL: `http`/`https` → `hxxp`/`hxxps` (case kept otherwise), dots of the authority → `[.]`. Text without a
 * `scheme://` is treated as a bare host (plus path) and only its host part is defanged.
 * @param url a URL as found in the data (not fetched, not validated)
 * @returns the defanged text
 * @example defangUrl('https://news.example.com/a.html') // 'hxxps://news[.]example[.]com/a.html'
 */
export function defangUrl(url: string): string {
  const match = SCHEME_HOST.exec(url);
  if (match === null) {
    const cut = url.search(/[/?#]/);
    return cut < 0 ? defangDomain(url) : defangDomain(url.slice(0, cut)) + url.slice(cut);
  }
  const scheme = match[1]!.replace(/^http(s?)$/i, (_, s: string) => `hxxp${s}`);
  return `${scheme}://${defangDomain(match[2]!)}${match[3]!}`;
}
