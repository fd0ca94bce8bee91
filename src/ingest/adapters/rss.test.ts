import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { InputError } from '../../errors.js';
import type { Post } from '../../model/post.js';
import { feedHtmlText, feedPlatform, rssAdapter } from './rss.js';

// Fixtures hand-written from the RSS 2.0 spec (as Medium writes it: dc:creator, content:encoded) and RFC 4287.
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));
const RSS = fixture('medium-feed.xml');
const ATOM = fixture('atom-feed.xml');

const dir = await mkdtemp(join(tmpdir(), 'chorus-rss-'));
after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
async function file(text: string): Promise<string> {
  const path = join(dir, `f${++n}.xml`);
  await writeFile(path, text);
  return path;
}

const post = (file: string, record: number, o: Partial<Post>): Post =>
  ({ kind: 'post', hashtags: [], mentions: [], mediaHashes: [], ...o, source: { file, record } }) as Post;

// 2021-09-01T00:00Z = 18871 days × 86400 s = 1630454400 s; 10:00Z = +36000 s = 1630490400 s.
const T10 = 1630490400000;
const NEWS = 'https://news.example.net/story?id=7&ref=x';
const PUB = 'https://medium.com/the-daily-pub';

describe('rss adapter: Medium-like RSS 2.0', () => {
  it('maps items, strips HTML as text, never expands entities, quarantines bad items', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(RSS);
    assert.equal(reader.format, 'rss');
    assert.deepEqual(posts, [
      post(RSS, 1, {
        platform: 'medium',
        postId: 'https://medium.com/p/aaa111',
        accountId: 'Jane Doe',
        tsMs: T10,
        text: 'Why the vote matters\n\nWhy the vote matters\n\nRead the full report.\n\nShare it!',
        urls: [`${PUB}/why-the-vote-matters-aaa111?source=rss----abc---4`, NEWS],
      }),
      post(RSS, 2, {
        platform: 'medium',
        postId: 'https://medium.com/p/bbb222',
        accountId: 'John Roe',
        tsMs: T10 + 150_000, // 10:02:30 +0000
        text: 'The vote matters, here is why\n\nSee this report',
        urls: [`${PUB}/the-vote-matters-bbb222?source=rss----abc---4`, NEWS],
      }),
      post(RSS, 3, {
        platform: 'medium',
        postId: 'https://medium.com/p/ccc333',
        accountId: 'Mallory',
        tsMs: T10, // 12:00:00 +0200
        // the script and its content are gone, javascript: links dropped, &lol9; stays literal, a
        // doubly escaped tag is inert text
        text: 'Click &lol9;\n\nRead this and that\n\n<b>bold?</b>',
        urls: [`${PUB}/click-ccc333`, 'https://evil.example.com/x'],
      }),
      post(RSS, 6, {
        platform: 'medium',
        postId: `${PUB}/linked-fff666`,
        accountId: `${PUB}?source=rss----abc---4`,
        tsMs: T10 + 240_000, // dc:date 10:04Z
        text: 'Linked only',
        urls: [`${PUB}/linked-fff666`],
      }),
    ]);
    assert.deepEqual(
      accounts.map((a) => [a.platform, a.accountId, a.displayName]),
      [
        ['medium', 'Jane Doe', 'Jane Doe'],
        ['medium', 'John Roe', 'John Roe'],
        ['medium', 'Mallory', 'Mallory'],
      ],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [RSS, 4, 'guid', 'missing_field'],
        [RSS, 5, 'pubDate', 'invalid_value'],
      ],
    );
  });
});

describe('rss adapter: Atom 1.0', () => {
  it('maps entries: alternate link, published before updated, feed author as fallback', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(ATOM);
    assert.equal(reader.format, 'rss');
    assert.deepEqual(posts, [
      post(ATOM, 1, {
        platform: 'example.org',
        postId: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
        accountId: 'Ann Writer',
        tsMs: T10 - 7_200_000 + 60_000, // 10:01 +02:00 = 08:01Z
        text: 'Robots & votes\n\nSome text & more, see this',
        urls: ['https://blog.example.org/2021/09/robots', NEWS],
      }),
      post(ATOM, 2, {
        platform: 'example.org',
        postId: 'tag:blog.example.org,2021:note',
        accountId: 'Example Editors',
        tsMs: T10 + 180_000,
        text: 'Editorial note\n\nPlain note.',
        urls: ['https://blog.example.org/2021/09/note'],
      }),
    ]);
    assert.deepEqual(
      accounts.map((a) => a.accountId),
      ['Ann Writer', 'Example Editors'],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [[3, 'updated', 'invalid_value']],
    );
  });

  it('takes --platform over the feed link and RSS author "mail (Name)"', async () => {
    const path = await file(
      '<rss version="2.0"><channel><title>t</title><item><guid>g1</guid><author>ann@example.org (Ann W)</author>' +
        '<pubDate>Wed, 01 Sep 2021 10:00:00 GMT</pubDate></item></channel></rss>',
    );
    const { posts } = await collectInput(path, { platform: 'blogs' });
    assert.deepEqual(
      posts.map((p) => [p.platform, p.postId, p.accountId, p.tsMs]),
      [['blogs', 'g1', 'Ann W', T10]],
    );
  });
});

describe('rss adapter: hostile and broken documents', () => {
  it('refuses an external entity: the whole file is one parse_error, nothing is read', async () => {
    const path = await file(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
        '<rss><channel><item><guid>&xxe;</guid><pubDate>Wed, 01 Sep 2021 10:00:00 GMT</pubDate></item></channel></rss>',
    );
    const { posts, quarantine } = await collectInput(path);
    assert.equal(posts.length, 0);
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.code]),
      [[1, 'parse_error']],
    );
  });

  it('an XML document that is not a feed is one parse_error', async () => {
    const { quarantine } = await collectInput(await file('<?xml version="1.0"?><gexf><graph/></gexf>'));
    assert.equal(quarantine.length, 1);
    assert.match(quarantine[0]!.reason, /<gexf>/);
  });

  it('--format rss on a CSV file is INPUT_FORMAT_UNKNOWN; --format mastodon on a feed too', async () => {
    const csv = join(dir, 'a.csv');
    await writeFile(csv, 'account,ts\na,2021-01-01\n');
    await assert.rejects(collectInput(csv, { format: 'rss' }), (e: unknown) => {
      return e instanceof InputError && e.code === 'INPUT_FORMAT_UNKNOWN' && /RSS/.test(e.message);
    });
    await assert.rejects(
      collectInput(RSS, { format: 'mastodon' }),
      (e: unknown) => e instanceof InputError && e.code === 'INPUT_FORMAT_UNKNOWN',
    );
  });

  it('non-element items are unsupported_record', () => {
    const kept: string[] = [];
    const b = { quarantine: (_r: number, _f: string, code: string) => kept.push(code) };
    rssAdapter.bind(undefined, { platform: undefined } as never, 'x')('text', 1, b as never);
    assert.deepEqual(kept, ['unsupported_record']);
  });
});

describe('feedHtmlText / feedPlatform', () => {
  it('strips markup to inert text', () => {
    assert.equal(feedHtmlText('<p>a &amp; b<br>c</p><script>x()</script><p>d</p>'), 'a & b\nc\n\nd');
    assert.equal(feedHtmlText('<!-- <p>hidden</p> -->&lt;i&gt;'), '<i>');
  });
  it('names Medium, else the registrable domain', () => {
    assert.equal(feedPlatform('https://medium.com/@jane'), 'medium');
    assert.equal(feedPlatform('https://uxdesign.medium.com/feed'), 'medium');
    assert.equal(feedPlatform('https://blog.example.co.uk/feed'), 'example.co.uk');
    assert.equal(feedPlatform('javascript:alert(1)'), undefined);
    assert.equal(feedPlatform(undefined), undefined);
  });
});
