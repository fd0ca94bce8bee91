/**
 * Registrable domains for co-domain traces: links to different pages of one site (or its subdomains) share the
 * site's registrable domain ("eTLD+1") from the Public Suffix List, via `tldts`. Domain-level co-sharing is one of
 * CooRTweet's object types (Righetti & Balluff, the `domain_id` of its German-election sample) and widens
 * coordinated link sharing (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732) to sites that publish many
 * URLs.
 *
 * @module
 */
import { parse } from 'tldts';

import { canonicalUrl } from './canonical-url.js';

/**
 * The registrable domain of a URL or host name.
 *
 * The input goes through {@link canonicalUrl} first (so `News.BBC.co.uk`, `https://news.bbc.co.uk/x` and
 * `news.bbc.co.uk/x` agree, and IDN hosts are compared in punycode). The Public Suffix List is used with its
 * private section, so `alice.blogspot.com` and `bob.github.io` are separate sites, as their owners differ.
 *
 * @param urlOrHost a link as found in a post, or a bare host name
 * @returns the registrable domain (lower-case, punycode), e.g. `bbc.co.uk`; the address itself for an IP host
 *   (`203.0.113.5`, `::1` without brackets); null when the input is not an http(s) URL or host, or the host has no
 *   registrable part (`localhost`, a bare public suffix such as `co.uk` or `github.io`)
 * @example registrableDomain('https://news.bbc.co.uk/x') // 'bbc.co.uk'
 */
export function registrableDomain(urlOrHost: string): string | null {
  const url = canonicalUrl(urlOrHost);
  return url === null ? null : registrableDomainOfCanonical(url);
}

/**
 * {@link registrableDomain} of a URL that is already canonical (output of {@link canonicalUrl}), without parsing it
 * again: the host is read from the canonical form `scheme://host[:port]/…`.
 * @param url a canonical URL
 * @returns as {@link registrableDomain}
 * @example registrableDomainOfCanonical('https://news.bbc.co.uk/x') // 'bbc.co.uk'
 */
export function registrableDomainOfCanonical(url: string): string | null {
  const start = url.indexOf('//') + 2;
  let end: number;
  if (url[start] === '[') {
    end = url.indexOf(']', start) + 1;
  } else {
    end = start;
    while (end < url.length && url[end] !== ':' && url[end] !== '/') end++;
  }
  const hostname = url.slice(start, end);
  const parsed = parse(hostname, { allowPrivateDomains: true });
  if (parsed.isIp) return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return parsed.domain;
}
