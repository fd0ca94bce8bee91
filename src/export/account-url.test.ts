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

it('anonymised or non-numeric ids never become profile links', () => {
  assert.equal(accountUrl('facebook', undefined, 'fb_10893'), undefined);
  assert.equal(accountUrl('facebook', undefined, '10893'), 'https://www.facebook.com/profile.php?id=10893');
  assert.equal(accountUrl('twitter', '', 'tw_1'), undefined);
  assert.equal(accountUrl('youtube', undefined, 'abc'), undefined);
  assert.equal(
    accountUrl('youtube', undefined, 'UC_x5XG1OV2P6uZZ5FSM9Ttw'),
    'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw',
  );
});
