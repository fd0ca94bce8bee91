import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { accountUrl } from './account-url.js';

describe('accountUrl', () => {
  it('builds profile links per platform', () => {
    assert.equal(accountUrl('Twitter', '@Alice', '1'), 'https://twitter.com/Alice');
    assert.equal(accountUrl('twitter', undefined, '123'), 'https://twitter.com/i/user/123');
    assert.equal(accountUrl('facebook', undefined, '42'), 'https://www.facebook.com/profile.php?id=42');
    assert.equal(accountUrl('tiktok', 'deandrela3', '9'), 'https://www.tiktok.com/@deandrela3');
    assert.equal(
      accountUrl('reddit', 'TerribleEar3999', '9'),
      'https://www.reddit.com/user/TerribleEar3999/',
    );
    assert.equal(accountUrl('instagram', undefined, '9'), undefined);
    assert.equal(accountUrl('myspace', 'bob', '9'), undefined);
  });

  it('keeps a hostile handle inside one path segment', () => {
    assert.equal(accountUrl('twitter', '../x?y=1#z', '1'), 'https://twitter.com/..%2Fx%3Fy%3D1%23z');
    assert.equal(accountUrl('telegram', 'a@evil.example', '1'), 'https://t.me/a%40evil.example');
  });
});
