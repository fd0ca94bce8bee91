import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { canonicalUrl, isTrackingParam } from './canonical-url.js';

test('canonicalUrl: the issue example (scheme/host case, default port, tracking, order, fragment)', () => {
  assert.equal(
    canonicalUrl('HTTP://Example.COM:80/a?utm_source=x&b=2&a=1#frag'),
    'http://example.com/a?a=1&b=2',
  );
});

test('canonicalUrl: scheme-less host-like input gets http://', () => {
  assert.equal(canonicalUrl('example.com'), 'http://example.com/');
  assert.equal(canonicalUrl('www.Example.com/Path?x=1'), 'http://www.example.com/Path?x=1');
  assert.equal(canonicalUrl('example.com:8080/x'), 'http://example.com:8080/x');
  assert.equal(canonicalUrl('1.2.3.4/x'), 'http://1.2.3.4/x');
  assert.equal(canonicalUrl('//cdn.example.org/a.js'), 'http://cdn.example.org/a.js');
  assert.equal(canonicalUrl('  https://a.com/x  '), 'https://a.com/x');
});

test('canonicalUrl: non-http(s) or unparsable input is null', () => {
  assert.equal(canonicalUrl(''), null);
  assert.equal(canonicalUrl('   '), null);
  assert.equal(canonicalUrl('foo'), null);
  assert.equal(canonicalUrl('javascript:alert(1)'), null);
  assert.equal(canonicalUrl('mailto:a@b.com'), null);
  assert.equal(canonicalUrl('ftp://example.com/file'), null);
  assert.equal(canonicalUrl('http://'), null);
  assert.equal(canonicalUrl('http://exa mple.com/'), null);
});

test('canonicalUrl: www is kept, path case is kept, trailing slash rule', () => {
  assert.equal(canonicalUrl('https://WWW.example.com/A/B'), 'https://www.example.com/A/B');
  assert.equal(canonicalUrl('https://a.com'), 'https://a.com/');
  assert.equal(canonicalUrl('https://a.com/'), 'https://a.com/');
  assert.equal(canonicalUrl('https://a.com/a/'), 'https://a.com/a/');
  assert.equal(canonicalUrl('https://a.com/a'), 'https://a.com/a');
});

test('canonicalUrl: ports, credentials, trailing host dot, trailing ?', () => {
  assert.equal(canonicalUrl('https://a.com:443/x'), 'https://a.com/x');
  assert.equal(canonicalUrl('https://a.com:8443/x'), 'https://a.com:8443/x');
  assert.equal(canonicalUrl('http://a.com:443/x'), 'http://a.com:443/x');
  assert.equal(canonicalUrl('https://user:pw@a.com/x'), 'https://a.com/x');
  assert.equal(canonicalUrl('https://a.com./x'), 'https://a.com/x');
  assert.equal(canonicalUrl('https://a.com/x?'), 'https://a.com/x');
  assert.equal(canonicalUrl('https://a.com/x?#top'), 'https://a.com/x');
});

test('canonicalUrl: tracking parameters go, in any case; empty parts go; the rest sort stably', () => {
  assert.equal(
    canonicalUrl('https://a.com/p?UTM_Medium=m&fbclid=1&id=7&gclid=2&si=abc&ref_src=twsrc&_ga=1.2&spm=a.b'),
    'https://a.com/p?id=7',
  );
  assert.equal(canonicalUrl('https://a.com/p?utm_source=x'), 'https://a.com/p');
  assert.equal(canonicalUrl('https://a.com/p?b=1&&a=2&'), 'https://a.com/p?a=2&b=1');
  assert.equal(canonicalUrl('https://a.com/p?t=2&s=1&t=1'), 'https://a.com/p?s=1&t=2&t=1');
  assert.equal(canonicalUrl('https://a.com/p?flag&b=1'), 'https://a.com/p?b=1&flag');
});

test('canonicalUrl: percent-encoding is normalized (RFC 3986 §6.2.2)', () => {
  assert.equal(canonicalUrl('https://a.com/%7euser/%2fx'), 'https://a.com/~user/%2Fx');
  assert.equal(canonicalUrl('https://a.com/?q=%7e%2f'), 'https://a.com/?q=~%2F');
  assert.equal(canonicalUrl('https://a.com/a b'), 'https://a.com/a%20b');
});

test('canonicalUrl: dot segments and internationalized hosts', () => {
  assert.equal(canonicalUrl('https://a.com/x/../y/./z'), 'https://a.com/y/z');
  assert.equal(canonicalUrl('https://Bücher.de/'), 'https://xn--bcher-kva.de/');
  assert.equal(canonicalUrl('http://[::1]:80/x'), 'http://[::1]/x');
});

test('isTrackingParam: prefix and exact names, case-insensitive', () => {
  assert.equal(isTrackingParam('utm_campaign'), true);
  assert.equal(isTrackingParam('UTM_SOURCE'), true);
  assert.equal(isTrackingParam('FBCLID'), true);
  assert.equal(isTrackingParam('utm'), false);
  assert.equal(isTrackingParam('id'), false);
  assert.equal(isTrackingParam('sid'), false);
});

test('canonicalUrl: idempotent, and defined on every web URL (property, seeded)', () => {
  fc.assert(
    fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (raw) => {
      const once = canonicalUrl(raw);
      assert.notEqual(once, null);
      assert.equal(canonicalUrl(once as string), once);
    }),
    { seed: 20240501, numRuns: 500 },
  );
});

test('canonicalUrl: parameter order never matters (property, seeded)', () => {
  const param = fc.tuple(fc.stringMatching(/^[a-z]{1,4}$/), fc.stringMatching(/^[a-z0-9]{0,3}$/));
  fc.assert(
    fc.property(fc.uniqueArray(param, { selector: (p) => p[0], maxLength: 6 }), fc.nat(), (params, shift) => {
      const query = (ps: [string, string][]) => ps.map(([k, v]) => `${k}=${v}`).join('&');
      const rotated = params.map((_, i) => params[(i + shift) % params.length] as [string, string]);
      assert.equal(
        canonicalUrl(`https://a.com/p?${query(params)}`),
        canonicalUrl(`https://a.com/p?${query(rotated)}`),
      );
    }),
    { seed: 7, numRuns: 200 },
  );
});
