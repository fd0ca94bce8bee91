import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { AccountProfile } from './account-signals.js';
import { findPersonaLinks } from './persona-links.js';

const profile = (key: string, fields: Partial<AccountProfile> = {}): AccountProfile => {
  const [platform, accountId] = key.split(':') as [string, string];
  return { key, platform, accountId, handles: [], displayNames: [], ...fields };
};

test('an identical handle across platforms links; the same platform never does', () => {
  const { links } = findPersonaLinks([
    profile('twitter:1', { handles: ['@Anna_Smith'] }),
    profile('facebook:9', { handles: ['anna.smith'] }),
    profile('twitter:2', { handles: ['annasmith'] }),
  ]);
  // twitter:1 and twitter:2 share the handle but one platform; each links to facebook:9.
  assert.deepEqual(
    links.map((l) => [l.a, l.b, l.evidence.map((e) => `${e.kind}=${e.value}`)]),
    [
      ['facebook:9', 'twitter:1', ['handle=annasmith']],
      ['facebook:9', 'twitter:2', ['handle=annasmith']],
    ],
  );
});

test('a display name alone does not link; with the same image or bio link it does', () => {
  const { links } = findPersonaLinks([
    profile('x:1', {
      displayNames: ['Li  Wei'],
      profileImageHash: 'pg:ab',
      bio: 'news https://Example.org/about?utm_source=x',
    }),
    profile('tiktok:2', { displayNames: ['li wei'], bio: 'see https://example.org/about' }),
    profile('youtube:3', { displayNames: ['LI WEI'] }),
    profile('facebook:4', { profileImageHash: 'pg:ab' }),
  ]);
  assert.deepEqual(
    links.map((l) => [l.a, l.b, l.evidence.map((e) => e.kind)]),
    [['tiktok:2', 'x:1', ['bio-link', 'display-name']]],
  );
});

test('a value held by too many accounts links nobody and is counted', () => {
  const many = Array.from({ length: 4 }, (_, i) =>
    profile(`p${i}:${i}`, { handles: ['defaultuser'], profileImageHash: 'pg:default' }),
  );
  const { links, crowdedValues } = findPersonaLinks(many, { maxAccountsPerValue: 3 });
  assert.deepEqual(links, []);
  assert.equal(crowdedValues.handle, 1);
  assert.equal(crowdedValues['profile-image'], 1);
  // Short handles never link.
  assert.deepEqual(
    findPersonaLinks([profile('a:1', { handles: ['bob'] }), profile('b:2', { handles: ['bob'] })]).links,
    [],
  );
});

test('cross-posting the same texts twice across platforms links on its own; once, or on one platform, does not', () => {
  const { links } = findPersonaLinks([profile('x:1'), profile('telegram:2'), profile('x:3')], {}, [
    { a: 'x:1', b: 'telegram:2', times: 2 },
    { a: 'x:3', b: 'telegram:2', times: 1 },
    { a: 'x:1', b: 'x:3', times: 5 },
  ]);
  assert.deepEqual(
    links.map((l) => [l.a, l.b, l.evidence.map((e) => e.kind)]),
    [['telegram:2', 'x:1', ['cross-post']]],
  );
});
