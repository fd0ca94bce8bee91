import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { makeAccount } from './make-account.js';
import { resolveTimeZone, UTC_ZONE } from './time-zone.js';

describe('makeAccount', () => {
  it('keeps well-formed facts and converts them', () => {
    assert.deepEqual(
      makeAccount(
        'twitter',
        '12',
        {
          handle: ' @jack ',
          displayName: 'jack ',
          createdAt: 'Tue Mar 21 20:50:14 +0000 2006',
          followers: '6500000',
          following: 4500,
          bio: ' #just setting up my twttr',
          label: 'organic',
        },
        UTC_ZONE,
      ),
      {
        platform: 'twitter',
        accountId: '12',
        handle: 'jack',
        displayName: 'jack ',
        createdAtMs: 1142974214000, // date -u -d '2006-03-21T20:50:14Z' +%s
        followers: 6500000,
        following: 4500,
        bio: ' #just setting up my twttr',
        label: 'organic',
      },
    );
  });

  it('reads a naive creation date in the given zone', () => {
    assert.equal(makeAccount('x', '1', { createdAt: '2014-05-11' }, UTC_ZONE)?.createdAtMs, 1399766400000);
    assert.equal(
      makeAccount('x', '1', { createdAt: '2014-05-11' }, resolveTimeZone('+02:00'))?.createdAtMs,
      1399759200000,
    );
  });

  it('drops malformed facts and returns undefined when none is left', () => {
    assert.deepEqual(
      makeAccount('x', '1', { handle: 'a', followers: -3, following: 'many', createdAt: 'soon' }, UTC_ZONE),
      {
        platform: 'x',
        accountId: '1',
        handle: 'a',
      },
    );
    assert.equal(makeAccount('x', '1', { handle: '', bio: '  ', followers: null }, UTC_ZONE), undefined);
    assert.equal(makeAccount('x', '1', { handle: '@' }, UTC_ZONE), undefined);
  });
});

describe('makeAccount: present but unusable values', () => {
  it('drops them and reports each through onIgnored; absent values are not reported', () => {
    const ignored: string[] = [];
    const account = makeAccount(
      'x',
      '1',
      { handle: 'a', createdAt: '2024-13-45', followers: '-5', following: '1e400' },
      UTC_ZONE,
      (fact, reason) => ignored.push(`${fact}: ${reason}`),
    );
    assert.deepEqual(account, { platform: 'x', accountId: '1', handle: 'a' });
    assert.deepEqual(ignored, [
      'createdAt: not a readable time',
      'followers: not a finite count ≥ 0',
      'following: not a finite count ≥ 0',
    ]);
    const none: string[] = [];
    makeAccount('x', '1', { handle: 'a', createdAt: '', followers: 'nan' }, UTC_ZONE, (f) => none.push(f));
    assert.deepEqual(none, []);
  });
});
