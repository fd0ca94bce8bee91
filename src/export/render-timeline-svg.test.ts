import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import type { PostRef } from '../model/network.js';
import { platformColor, renderTimelineSvg } from './render-timeline-svg.js';

function post(platform: string, tsMs: number): PostRef {
  return {
    platform,
    postId: `${platform}-${tsMs}`,
    accountKey: `${platform}:1`,
    tsMs,
    source: { file: 'f', record: 1 },
  };
}

describe('renderTimelineSvg', () => {
  it('draws stacked bars per bin with hand-computed geometry', () => {
    // span 0..4000 ms in 4 bins: bin 0 has a@0, b@500; bin 3 has a@4000 (last post goes to the last bin)
    const svg = renderTimelineSvg([post('a', 0), post('b', 500), post('a', 4000)], {
      width: 400,
      height: 40,
      bins: 4,
      platforms: ['a', 'b'],
    });
    // plot from y=4 to y=24 (height − 16); max stack 2 → one post = 10 units; bar width 100 − 1
    assert.ok(svg.includes('<rect x="0" y="14" width="99" height="10" fill="#4269d0">'));
    assert.ok(svg.includes('<rect x="0" y="4" width="99" height="10" fill="#efb118">'));
    assert.ok(svg.includes('<rect x="300" y="14" width="99" height="10" fill="#4269d0">'));
    assert.equal(svg.match(/<rect /g)?.length, 3);
    assert.ok(svg.includes('>1970-01-01T00:00:00Z</text>'));
    assert.ok(svg.includes('>1970-01-01T00:00:04Z</text>'));
    assert.ok(svg.includes('<title>b: 1 post, 1970-01-01T00:00:00Z – 1970-01-01T00:00:01Z</title>'));
  });

  it('puts everything in one full-width bar when all posts share a time', () => {
    const svg = renderTimelineSvg([post('a', 5), post('a', 5)], { width: 200, height: 40, bins: 10 });
    assert.ok(svg.includes('<rect x="0" y="4" width="200" height="20" fill="#4269d0">'));
  });

  it('escapes platform names, returns nothing without posts, validates sizes', () => {
    const svg = renderTimelineSvg([post('<b>x</b>', 1)]);
    assert.ok(svg.includes('&lt;b&gt;x&lt;/b&gt;: 1 post'));
    assert.ok(!svg.includes('<b>'));
    assert.equal(renderTimelineSvg([]), '');
    assert.throws(() => renderTimelineSvg([post('a', 1)], { bins: 0 }), ConfigError);
  });

  it('colours platforms by their position', () => {
    assert.equal(platformColor('twitter', ['facebook', 'twitter']), '#efb118');
    assert.equal(platformColor('other', ['facebook']), '#4269d0');
  });
});
