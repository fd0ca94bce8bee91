import assert from 'node:assert/strict';
import { test } from 'node:test';

import { registrableDomain } from './registrable-domain.js';

test('registrableDomain: multi-label public suffixes (co.uk)', () => {
  assert.equal(registrableDomain('https://news.bbc.co.uk/x'), 'bbc.co.uk');
  assert.equal(registrableDomain('News.BBC.co.uk'), 'bbc.co.uk');
});

test('registrableDomain: plain domains and subdomains', () => {
  assert.equal(registrableDomain('https://www.example.com/a?b=1'), 'example.com');
  assert.equal(registrableDomain('a.b.c.example.org'), 'example.org');
  assert.equal(registrableDomain('example.com'), 'example.com');
});

test('registrableDomain: private suffixes keep their owner (blogspot, github.io)', () => {
  assert.equal(registrableDomain('https://alice.blogspot.com/2024/01/post.html'), 'alice.blogspot.com');
  assert.equal(registrableDomain('https://bob.github.io/'), 'bob.github.io');
});

test('registrableDomain: IP hosts give the IP', () => {
  assert.equal(registrableDomain('http://203.0.113.5:8080/x'), '203.0.113.5');
  assert.equal(registrableDomain('http://[2001:db8::1]/x'), '2001:db8::1');
});

test('registrableDomain: IDN hosts in punycode', () => {
  assert.equal(registrableDomain('https://www.bücher.de/'), 'xn--bcher-kva.de');
});

test('registrableDomain: null for non-URLs and hosts without a registrable part', () => {
  assert.equal(registrableDomain('mailto:a@b.com'), null);
  assert.equal(registrableDomain('not a url'), null);
  assert.equal(registrableDomain('http://localhost/x'), null);
  assert.equal(registrableDomain('co.uk'), null);
  assert.equal(registrableDomain('https://github.io/'), null);
});
