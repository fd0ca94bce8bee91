import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toStixUrlValue } from './stix-url-value.js';

test('toStixUrlValue: valid URIs pass unchanged', () => {
  assert.equal(toStixUrlValue('https://example.com/a?b=1&c=(2)#top'), 'https://example.com/a?b=1&c=(2)#top');
  assert.equal(toStixUrlValue('javascript:alert(3)'), 'javascript:alert(3)');
  assert.equal(toStixUrlValue('http://user:pw@example.com:8080/x'), 'http://user:pw@example.com:8080/x');
});

test('toStixUrlValue: characters outside RFC 3986 are percent-encoded as UTF-8', () => {
  // " %22, > %3E, < %3C, space %20
  assert.equal(
    toStixUrlValue('https://evil.example/"><img src=x onerror=alert(2)>'),
    'https://evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E',
  );
  // \ %5C, second # %23, ' kept (a sub-delim)
  assert.equal(toStixUrlValue("https://a.example/x\\y?q='1'#f#g"), "https://a.example/x%5Cy?q='1'#f%23g");
  // ä = C3 A4; [ ] = 5B 5D; | = 7C
  assert.equal(toStixUrlValue('http://h.example/ä[1]|'), 'http://h.example/%C3%A4%5B1%5D%7C');
});

test('toStixUrlValue: stray % encoded, existing triplets kept (idempotent)', () => {
  assert.equal(toStixUrlValue('http://h.example/%zz%41%4'), 'http://h.example/%25zz%41%254');
  const once = toStixUrlValue('https://evil.example/"a b"')!;
  assert.equal(toStixUrlValue(once), once);
});

test('toStixUrlValue: authority keeps only the last @ and an all-digit port', () => {
  assert.equal(toStixUrlValue('http://a:b@c@d:80x/p'), 'http://a:b%40c@d%3A80x/p');
});

test('toStixUrlValue: no scheme or nothing after it → undefined', () => {
  assert.equal(toStixUrlValue('www.evil.example/path'), undefined);
  assert.equal(toStixUrlValue('mailto:'), undefined);
  assert.equal(toStixUrlValue('x:?q'), undefined);
  assert.equal(toStixUrlValue(''), undefined);
});
