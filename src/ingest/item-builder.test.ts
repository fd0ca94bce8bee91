import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Post } from '../model/post.js';
import { ItemBuilder } from './item-builder.js';
import { resolveTimeZone, UTC_ZONE } from './time-zone.js';

const post = (over: Partial<Post> = {}): Post => ({
  platform: 'twitter',
  postId: '1',
  accountId: 'a',
  tsMs: 1622541600000,
  kind: 'post',
  urls: [],
  hashtags: [],
  mentions: [],
  mediaHashes: [],
  source: { file: 'data/in.csv', record: 2 },
  ...over,
});

describe('ItemBuilder', () => {
  it('emits valid posts, trimmed by the schema, and counts their time rule', () => {
    const b = new ItemBuilder('data/in.csv', UTC_ZONE);
    assert.equal(b.post(post({ postId: ' 1 ' }), {}, 'epoch-seconds'), true);
    assert.equal(b.post(post({ postId: '2' }), {}, 'epoch-seconds'), true);
    const items = b.drain();
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], { type: 'post', post: post() });
    assert.deepEqual(b.timeRules(), { 'epoch-seconds': 2 });
    assert.deepEqual(b.drain(), []);
  });

  it('quarantines an invalid post once, naming the source field and the reason', () => {
    const b = new ItemBuilder('data/in.csv', UTC_ZONE);
    b.raw = () => 'raw,row';
    assert.equal(
      b.post(post({ tsMs: 5_000_000_000_000 }), { tsMs: 'timestamp_share' }, 'epoch-milliseconds'),
      false,
    );
    assert.equal(
      b.post(post({ objects: [{ kind: 'url', id: ' ' }] }), { objects: 'url_id' }, 'x', 'data[2].'),
      false,
    );
    const [first, second] = b.drain();
    assert.deepEqual(first, {
      type: 'quarantine',
      entry: {
        file: 'data/in.csv',
        record: 2,
        field: 'timestamp_share',
        code: 'invalid_value',
        reason: 'timestamp_share (post tsMs) is after 2100-01-01: wrong unit? (got 5000000000000)',
        raw: 'raw,row',
      },
    });
    assert.equal(second?.type === 'quarantine' && second.entry.field, 'data[2].url_id[0].id');
    assert.deepEqual(b.timeRules(), {});
  });

  it('parses required timestamps or quarantines them as missing or invalid', () => {
    const b = new ItemBuilder('f.csv', resolveTimeZone('+02:00'));
    assert.deepEqual(b.time('2021-06-01 12:00', 3, 'ts'), {
      tsMs: 1622541600000,
      rule: 'iso8601-naive-as-+02:00',
    });
    assert.equal(b.time('', 4, 'ts'), undefined);
    assert.equal(b.time('later', 5, 'ts'), undefined);
    const codes = b
      .drain()
      .map((i) => (i.type === 'quarantine' ? [i.entry.record, i.entry.field, i.entry.code] : []));
    assert.deepEqual(codes, [
      [4, 'ts', 'missing_field'],
      [5, 'ts', 'invalid_value'],
    ]);
  });

  it('truncates raw excerpts to 500 characters', () => {
    const b = new ItemBuilder('f.csv', UTC_ZONE);
    b.raw = () => 'x'.repeat(600);
    b.missing(9, 'user_id', 'an account id');
    const [item] = b.drain();
    assert.ok(item?.type === 'quarantine');
    assert.equal(item.entry.raw, `${'x'.repeat(500)}…`);
    assert.equal(item.entry.code, 'missing_field');
  });

  it('drops repeated identical account facts but keeps changes', () => {
    const b = new ItemBuilder('f.csv', UTC_ZONE);
    b.account({ platform: 'twitter', accountId: '1', handle: 'a', followers: 1 });
    b.account({ platform: 'twitter', accountId: '1', handle: 'a', followers: 1 });
    b.account({ platform: 'twitter', accountId: '1', handle: 'a', followers: 2 });
    b.account({ platform: 'facebook', accountId: '1', handle: 'a', followers: 2 });
    b.account({ platform: 'twitter', accountId: '', handle: 'b' });
    assert.equal(b.drain().length, 3);
  });

  it('makes deterministic synthetic post ids from the file name and record', () => {
    const b = new ItemBuilder('/data/exports/posts.csv', UTC_ZONE);
    assert.equal(b.syntheticPostId(17), 'posts.csv#17');
    assert.equal(b.syntheticPostId(3, 2), 'posts.csv#3.2');
  });
});
