import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { CibError } from '../errors.js';
import {
  type AccountProfile,
  accountFlags,
  accountSignals,
  displayNameKey,
  handleMatchKey,
  resolveAccountSignalOptions,
} from './account-signals.js';

const HOUR = 3_600_000;
const t = (iso: string): number => Date.parse(iso);

function profile(key: string, fields: Partial<AccountProfile> = {}): AccountProfile {
  const [platform = '', accountId = ''] = key.split(':');
  return { key, platform, accountId, handles: [], displayNames: [], ...fields };
}

/** A ten-account group; every expectation below is worked out by hand from this table. */
const GROUP: AccountProfile[] = [
  profile('x:1', {
    handles: ['AnnaSmith1234'],
    displayNames: ['Anna Smith'],
    createdAtMs: t('2023-03-01T00:00:00Z'),
    followers: 0,
    following: 500,
    profileImageHash: 'ABCDEF',
  }),
  profile('x:2', {
    handles: ['old_handle', 'BobJones5678'],
    displayNames: ['anna  SMITH'],
    createdAtMs: t('2023-03-01T12:00:00Z'),
    followers: 37,
    following: 210,
    profileImageHash: 'abcdef',
  }),
  profile('x:3', {
    handles: ['CarlaDiaz9012'],
    displayNames: ['Ａｎｎａ Smith'],
    createdAtMs: t('2023-03-02T06:00:00Z'),
    followers: 37,
    following: 210,
  }),
  profile('x:4', {
    handles: ['DavidLee3456'],
    displayNames: ['AnnaSmith'],
    createdAtMs: t('2023-03-02T23:00:00Z'),
    followers: 37,
    following: 210,
    profileImageHash: ' abcdef ',
  }),
  profile('x:5', {
    handles: ['xk2jq9vzp'],
    displayNames: ['Анна Smith'],
    createdAtMs: t('2023-03-02T10:00:00Z'),
    followers: 0,
    following: 5,
  }),
  profile('x:6', {
    handles: ['EvaKlein7788'],
    displayNames: ['Eva'],
    createdAtMs: t('2023-03-01T18:00:00Z'),
    followers: 1000,
    following: 50,
  }),
  profile('x:7', {
    handles: ['FrankMoss4321'],
    displayNames: ['Frank'],
    createdAtMs: t('2023-03-02T20:00:00Z'),
    followers: 0,
    following: 0,
  }),
  profile('t:8', {
    handles: ['annasmith1234'],
    displayNames: ['Anna Smith 🇺🇸'],
    createdAtMs: t('2021-06-01T00:00:00Z'),
  }),
  profile('x:9', { handles: ['newsfan'], displayNames: ['Gina'], createdAtMs: t('2019-01-01T00:00:00Z') }),
  profile('x:10'),
];

describe('accountSignals on a hand-worked group', () => {
  const s = accountSignals(GROUP);

  it('finds the creation burst', () => {
    assert.equal(s.accounts, 10);
    assert.equal(s.creation.known, 9);
    assert.equal(s.creation.firstMs, t('2019-01-01T00:00:00Z'));
    assert.equal(s.creation.lastMs, t('2023-03-02T23:00:00Z'));
    assert.equal(s.creation.burstCount, 1);
    assert.equal(s.creation.accountsInBursts, 7);
    assert.deepEqual(s.creation.largestBurst, {
      firstMs: t('2023-03-01T00:00:00Z'),
      lastMs: t('2023-03-02T23:00:00Z'),
      spanMs: 47 * HOUR,
      count: 7,
      share: 7 / 9,
      accounts: ['x:1', 'x:2', 'x:6', 'x:3', 'x:5', 'x:7', 'x:4'], // by creation time
    });
  });

  it('counts handle patterns of the latest handles', () => {
    assert.equal(s.handles.known, 9);
    assert.deepEqual(s.handles.byPattern, {
      'name-digits': 6,
      random: 1,
      'word-digits': 1,
      digits: 0,
      plain: 1,
      other: 0,
      empty: 0,
    });
    assert.deepEqual(s.handles.examples['name-digits'], [
      'AnnaSmith1234',
      'BobJones5678',
      'CarlaDiaz9012',
      'DavidLee3456',
      'EvaKlein7788',
    ]);
    assert.deepEqual(s.handles.examples.random, ['xk2jq9vzp']);
  });

  it('finds renames, reused handles, reused display names and shared images', () => {
    assert.deepEqual(s.renames, [{ key: 'x:2', count: 2, handles: ['old_handle', 'BobJones5678'] }]);
    assert.deepEqual(s.reusedHandles, [
      { handle: 'AnnaSmith1234', count: 2, platforms: ['t', 'x'], accounts: ['t:8', 'x:1'] },
    ]);
    // 'AnnaSmith', Cyrillic 'Анна Smith' and 'Anna Smith 🇺🇸' stay apart
    assert.deepEqual(s.reusedDisplayNames, [
      { name: 'Anna Smith', count: 3, accounts: ['x:1', 'x:2', 'x:3'] },
    ]);
    assert.deepEqual(s.sharedProfileImages, [{ hash: 'abcdef', count: 3, accounts: ['x:1', 'x:2', 'x:4'] }]);
  });

  it('finds follower anomalies', () => {
    assert.deepEqual(s.followerAnomalies, [
      { key: 'x:1', followers: 0, following: 500, reasons: ['follow-ratio', 'zero-followers'] },
      { key: 'x:2', followers: 37, following: 210, reasons: ['identical-counts'] },
      { key: 'x:3', followers: 37, following: 210, reasons: ['identical-counts'] },
      { key: 'x:4', followers: 37, following: 210, reasons: ['identical-counts'] },
      { key: 'x:5', followers: 0, following: 5, reasons: ['zero-followers'] },
      { key: 'x:7', followers: 0, following: 0, reasons: ['zero-followers'] },
    ]);
    assert.deepEqual(s.identicalFollowerCounts, [
      { followers: 37, following: 210, count: 3, accounts: ['x:2', 'x:3', 'x:4'] },
    ]);
    assert.deepEqual(s.counts, {
      reusedDisplayNames: 1,
      reusedHandles: 1,
      sharedProfileImages: 1,
      accountsSharingImages: 3,
      renamedAccounts: 1,
      followersKnown: 7,
      followerAnomalies: { 'follow-ratio': 1, 'zero-followers': 3, 'identical-counts': 3 },
    });
  });

  it('says it in plain words', () => {
    assert.deepEqual(s.reasons, [
      '7 of 9 accounts created within 2 days (2023-03-01 – 2023-03-02); 1 account has no creation date',
      '6 of 9 handles are a name plus 4–8 digits (e.g. “AnnaSmith1234”)',
      '1 of 10 accounts changed handle',
      '1 handle is used by 2 accounts on t, x: “AnnaSmith1234”',
      '1 display name is used by 3 accounts: “Anna Smith”',
      '3 accounts share one profile image',
      '3 of 7 accounts have no followers',
      '3 accounts have the exact follower and following counts of at least 2 other accounts (most: 3 accounts with 37 followers, 210 following)',
    ]);
  });

  it('does not depend on input order and survives a JSON round trip', () => {
    assert.deepEqual(accountSignals([...GROUP].reverse()), s);
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });

  it('keeps the first of duplicate keys', () => {
    const twice = accountSignals([...GROUP, profile('x:1', { handles: ['zzz'], followers: 5 })]);
    assert.equal(twice.accounts, 10);
    assert.deepEqual(twice.followerAnomalies, s.followerAnomalies);
  });
});

describe('accountSignals thresholds and bounds', () => {
  it('applies reasonMinShare and the follow-ratio floor', () => {
    const day = 86_400_000;
    const group = [
      profile('x:a', { handles: ['AnnaSmith1234'], createdAtMs: 0, followers: 10, following: 100 }),
      profile('x:b', { handles: ['BobJones1234'], createdAtMs: day, followers: 10, following: 99 }),
      profile('x:c', { handles: ['plainname'], createdAtMs: 2 * day, followers: 10, following: 100 }),
      ...['d', 'e', 'f', 'g', 'h', 'i', 'j'].map((k, i) =>
        profile(`x:${k}`, { handles: [`word${k}`], createdAtMs: (100 + 50 * i) * day }),
      ),
    ];
    const s = accountSignals(group);
    // burst of 3 of 10 (0.3 ≥ 0.3): a line; name-digits 2 of 10 (0.2): none
    // following 100 = 10 × 10 followers and ≥ 100: x:a and x:c (2 of 3 with counts); x:b follows 99 < 100
    assert.deepEqual(
      s.followerAnomalies.map((a) => a.key),
      ['x:a', 'x:c'],
    );
    assert.deepEqual(s.reasons, [
      '3 of 10 accounts created within 2 days (1970-01-01 – 1970-01-03)',
      '2 of 3 accounts follow at least 10× as many accounts as follow them',
    ]);
    assert.deepEqual(accountSignals(group, { reasonMinShare: 0.35 }).reasons, [
      '2 of 3 accounts follow at least 10× as many accounts as follow them',
    ]);
  });

  it('cuts lists and keeps complete counts', () => {
    const group: AccountProfile[] = [];
    for (let i = 0; i < 120; i++) {
      group.push(
        profile(`x:${String(i).padStart(3, '0')}`, { displayNames: ['Bot', `pair ${Math.floor(i / 2)}`] }),
      );
    }
    const s = accountSignals(group);
    assert.equal(s.counts.reusedDisplayNames, 61); // 'bot' and 60 pairs
    assert.equal(s.reusedDisplayNames.length, 50);
    assert.deepEqual(s.reusedDisplayNames[0]!.name, 'Bot');
    assert.equal(s.reusedDisplayNames[0]!.count, 120);
    assert.equal(s.reusedDisplayNames[0]!.accounts.length, 50);
    assert.equal(s.reusedDisplayNames[0]!.accounts[0], 'x:000');
    // pairs sorted by name in code-unit order: 'pair 0', 'pair 1', 'pair 10', …
    assert.deepEqual(
      s.reusedDisplayNames.slice(1, 4).map((r) => r.name),
      ['pair 0', 'pair 1', 'pair 10'],
    );
    assert.equal(
      accountSignals(group, { maxListItems: 3, maxListedAccounts: 2 }).reusedDisplayNames[0]!.accounts.length,
      2,
    );
  });

  it('lists the first handles and the latest of a prolific renamer', () => {
    const handles = Array.from({ length: 15 }, (_, i) => `name${i}`);
    const s = accountSignals([profile('x:1', { handles })], { maxHandlesPerRename: 4 });
    assert.deepEqual(s.renames, [{ key: 'x:1', count: 15, handles: ['name0', 'name1', 'name2', 'name14'] }]);
    // a case-only change is not a rename
    assert.deepEqual(accountSignals([profile('x:1', { handles: ['AnnaSmith', '@annasmith'] })]).renames, []);
  });
});

describe('adversarial strings', () => {
  it('matches names after NFKC, case folding, white space and invisible characters only', () => {
    assert.equal(displayNameKey('  Anna\tSMITH '), 'anna smith');
    assert.equal(displayNameKey('Ａｎｎａ  Ｓｍｉｔｈ'), 'anna smith');
    assert.equal(displayNameKey('Anna\u200B Smith\u202E'), 'anna smith');
    assert.equal(displayNameKey('STRAẞE'), 'strasse');
    assert.notEqual(displayNameKey('AnnaSmith'), displayNameKey('Anna Smith'));
    assert.notEqual(displayNameKey('Аnna Smith'), displayNameKey('Anna Smith')); // Cyrillic А
    assert.notEqual(displayNameKey('Anna 🇺🇸'), displayNameKey('Anna 🇬🇧'));
    // the family emoji (joined by U+200D) and three separate people differ
    assert.notEqual(displayNameKey('👨\u200D👩\u200D👧'), displayNameKey('👨👩👧'));
    assert.equal(displayNameKey('\u200B\u200D\u202E '), '');
    assert.equal(handleMatchKey('＠Anna\u200BSmith'), 'annasmith');
  });

  it('keeps long names apart and cuts what it copies', () => {
    const a = `${'x'.repeat(10_000)}a`;
    const b = `${'x'.repeat(10_000)}b`;
    const s = accountSignals([
      profile('x:1', { displayNames: [a], handles: [`@${a}`], profileImageHash: a }),
      profile('x:2', { displayNames: [b] }),
      profile('x:3', { displayNames: [a], handles: [a], profileImageHash: a }),
    ]);
    assert.equal(s.reusedDisplayNames.length, 1);
    assert.deepEqual(s.reusedDisplayNames[0]!.accounts, ['x:1', 'x:3']);
    assert.equal(s.reusedDisplayNames[0]!.name, `${'x'.repeat(64)}…`);
    assert.equal(s.reusedHandles[0]!.handle, `${'x'.repeat(64)}…`);
    assert.equal(s.sharedProfileImages[0]!.hash, `${'x'.repeat(64)}…`);
    assert.equal(s.handles.byPattern.other, 2);
  });

  it('orders entries whose cut names coincide by their full key', () => {
    const a = `${'x'.repeat(100)}a`;
    const b = `${'x'.repeat(100)}b`;
    const group = [
      profile('x:1', { displayNames: [b] }),
      profile('x:2', { displayNames: [a] }),
      profile('x:3', { displayNames: [b] }),
      profile('x:4', { displayNames: [a] }),
    ];
    const s = accountSignals(group);
    assert.deepEqual(
      s.reusedDisplayNames.map((r) => r.accounts),
      [
        ['x:2', 'x:4'], // key …a sorts before …b
        ['x:1', 'x:3'],
      ],
    );
    assert.deepEqual(accountSignals([...group].reverse()), s);
  });

  it('strips bidi overrides and controls from copied strings and reasons', () => {
    const evil = '\u202EgnirtS\u0007';
    const s = accountSignals([
      profile('x:1', { displayNames: [evil], handles: ['AnnaSmith1234'] }),
      profile('x:2', { displayNames: [evil], handles: ['BobJones1234'] }),
    ]);
    assert.equal(s.reusedDisplayNames[0]!.name, 'gnirtS');
    for (const line of s.reasons) assert.doesNotMatch(line, /[\u202E\u0007]/);
  });

  it('treats invalid numbers as unknown', () => {
    const s = accountSignals([
      profile('x:1', { createdAtMs: 1e20, followers: -1, following: Number.NaN }),
      profile('x:2', {
        createdAtMs: Number.POSITIVE_INFINITY,
        followers: Number.POSITIVE_INFINITY,
        following: 500,
      }),
    ]);
    assert.equal(s.creation.known, 0);
    assert.equal(s.counts.followersKnown, 0);
    assert.deepEqual(s.followerAnomalies, []);
  });

  it('never throws and stays JSON-clean on arbitrary profiles', () => {
    const str = fc.string({ unit: 'binary', maxLength: 30 });
    const arbProfile = fc.record({
      key: fc.constantFrom('a:1', 'a:2', 'b:1', 'b:2', 'c:3'),
      platform: str,
      accountId: str,
      handles: fc.array(fc.oneof(str, fc.constantFrom('AnnaSmith1234', 'annasmith1234')), { maxLength: 3 }),
      displayNames: fc.array(fc.oneof(str, fc.constantFrom('Anna Smith', 'ANNA smith')), { maxLength: 3 }),
      createdAtMs: fc.option(fc.double(), { nil: undefined }),
      followers: fc.option(fc.double(), { nil: undefined }),
      following: fc.option(fc.double(), { nil: undefined }),
      profileImageHash: fc.option(fc.constantFrom('aa', 'AA', ' ', 'bb'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbProfile, { maxLength: 8 }), (profiles) => {
        const s = accountSignals(profiles);
        assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
        for (const p of profiles) accountFlags(p);
      }),
    );
  });
});

describe('accountFlags', () => {
  it('gives the per-account bits', () => {
    const { handleEntropyBitsPerChar, ...rest } = accountFlags(GROUP[0]!);
    assert.deepEqual(rest, {
      key: 'x:1',
      handle: 'AnnaSmith1234',
      handlePattern: 'name-digits',
      handleDigits: 4,
      handleCount: 1,
      renamed: false,
      displayNameCount: 1,
      followers: 0,
      following: 500,
      followerAnomalies: ['follow-ratio', 'zero-followers'],
    });
    // 13 code points: n twice, 11 others once
    const expected = (2 / 13) * Math.log2(13 / 2) + (11 / 13) * Math.log2(13);
    assert.ok(Math.abs(handleEntropyBitsPerChar! - expected) < 1e-12);
    const renamed = accountFlags(GROUP[1]!);
    assert.equal(renamed.handle, 'BobJones5678');
    assert.equal(renamed.renamed, true);
    assert.equal(renamed.handleCount, 2);
  });

  it('uses the latest non-empty handle and nulls for unknowns', () => {
    const f = accountFlags(profile('x:1', { handles: ['AnnaSmith1234', ' @ ', '\u200B'] }));
    assert.equal(f.handle, 'AnnaSmith1234');
    const none = accountFlags(profile('x:2'));
    assert.deepEqual(
      [none.handle, none.handlePattern, none.handleDigits, none.handleEntropyBitsPerChar, none.followers],
      [null, null, null, null, null],
    );
    assert.deepEqual(none.followerAnomalies, []);
  });

  it('takes options', () => {
    const p = profile('x:1', { handles: ['AnnaSmith123'], followers: 10, following: 60 });
    assert.equal(accountFlags(p, { minNameDigits: 3 }).handlePattern, 'name-digits');
    assert.deepEqual(accountFlags(p, { followRatio: 5, minFollowingForRatio: 50 }).followerAnomalies, [
      'follow-ratio',
    ]);
  });
});

describe('resolveAccountSignalOptions', () => {
  it('rejects invalid options with CONFIG_INVALID', () => {
    const bad = [
      { windowDays: 0 },
      { minBurstAccounts: 1 },
      { minNameDigits: 0 },
      { followRatio: 0.5 },
      { minFollowingForRatio: -1 },
      { minIdenticalCountAccounts: 1 },
      { minReuseAccounts: 1 },
      { reasonMinShare: 1.5 },
      { maxListItems: 0 },
      { maxListedAccounts: 0 },
      { maxHandlesPerRename: 1 },
      { maxStringChars: 4 },
    ];
    for (const options of bad) {
      assert.throws(
        () => resolveAccountSignalOptions(options),
        (e: unknown) => e instanceof CibError && e.code === 'CONFIG_INVALID',
        JSON.stringify(options),
      );
      assert.throws(() => accountSignals([], options), CibError);
    }
  });
});
