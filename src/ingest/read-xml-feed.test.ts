import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ArrayElement } from './read-json-array.js';
import {
  decodeXmlText,
  feedEnvelope,
  looksLikeXmlFeed,
  readXmlFeed,
  XML_FEED_MAX_CHARS,
} from './read-xml-feed.js';

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function read(...parts: string[]): Promise<ArrayElement[]> {
  const out: ArrayElement[] = [];
  for await (const batch of readXmlFeed(chunks(...parts))) out.push(...batch);
  return out;
}

describe('looksLikeXmlFeed', () => {
  it('accepts <?xml, <rss and <feed after blanks and a BOM only', () => {
    assert.equal(looksLikeXmlFeed('\uFEFF\n  <?xml version="1.0"?>'), true);
    assert.equal(looksLikeXmlFeed('<rss version="2.0">'), true);
    assert.equal(looksLikeXmlFeed('<feed xmlns="http://www.w3.org/2005/Atom">'), true);
    assert.equal(looksLikeXmlFeed('<feeds>'), false);
    assert.equal(looksLikeXmlFeed('<html>'), false);
    assert.equal(looksLikeXmlFeed('account,ts\n'), false);
  });
});

describe('decodeXmlText', () => {
  it('decodes predefined and numeric references once, leaves others', () => {
    assert.equal(
      decodeXmlText('a &amp;lt; &#233;&#xE9; &lol; &#0; &#xD800;'),
      'a &lt; éé &lol; &#0; &#xD800;',
    );
  });
});

describe('readXmlFeed', () => {
  it('numbers RSS items from 1, decodes text, keeps CDATA verbatim, attaches the channel', async () => {
    const out = await read(
      '<rss><channel><title>A &amp; B</title><item><title>x &lt; y</title>',
      '<description><![CDATA[<p>&amp;</p>]]></description><guid isPermaLink="false">g</guid></item>',
      '<item><title>two</title></item></channel></rss>',
    );
    assert.deepEqual(out, [
      {
        record: 1,
        value: {
          title: 'x < y',
          description: '<p>&amp;</p>',
          guid: { '@_isPermaLink': 'false', '#text': 'g' },
        },
      },
      { record: 2, value: { title: 'two' } },
    ]);
    const env = feedEnvelope((out[0] as { value: unknown }).value);
    assert.equal(env?.kind, 'rss');
    assert.equal(env?.feed.title, 'A & B');
    assert.equal(JSON.stringify((out[0] as { value: unknown }).value).includes('$feed'), false);
  });

  it('reads Atom entries with repeated links as arrays', async () => {
    const out = await read(
      '<feed><id>f</id><entry><id>e1</id><link href="a?b=1&amp;c=2"/><link rel="self" href="s"/></entry></feed>',
    );
    assert.deepEqual(out, [
      {
        record: 1,
        value: { id: 'e1', link: [{ '@_href': 'a?b=1&c=2' }, { '@_rel': 'self', '@_href': 's' }] },
      },
    ]);
    assert.equal(feedEnvelope((out[0] as { value: unknown }).value)?.kind, 'atom');
  });

  it('never expands DOCTYPE entities (billion laughs stays one literal reference)', async () => {
    const out = await read(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      '<rss><channel><item><title>&b;</title></item></channel></rss>',
    );
    assert.deepEqual(out, [{ record: 1, value: { title: '&b;' } }]);
  });

  it('yields nothing for a feed without items, one error entry for other roots', async () => {
    assert.deepEqual(await read('<rss><channel><title>t</title></channel></rss>'), []);
    const bad = await read('<html><body/></html>');
    assert.equal(bad.length, 1);
    assert.equal(bad[0]!.record, 1);
    assert.ok('error' in bad[0]!);
  });

  it('refuses documents longer than XML_FEED_MAX_CHARS', async () => {
    const big = await read('<rss>', ' '.repeat(XML_FEED_MAX_CHARS));
    assert.equal(big.length, 1);
    assert.ok('error' in big[0]! && /longer than/.test(big[0].error));
  });
});
