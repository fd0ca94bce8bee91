import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '../errors.js';
import { HEATMAP_PALETTE, heatmapClass, renderHeatmapSvg } from './render-heatmap-svg.js';

const empty = (): number[] => new Array<number>(168).fill(0);

describe('renderHeatmapSvg', () => {
  it('draws 168 cells with day and hour labels, the busiest cell darkest', () => {
    const h = empty();
    h[9] = 8; // Monday 09:00 UTC
    h[24 + 10] = 4; // Tuesday 10:00
    h[6 * 24 + 23] = 1; // Sunday 23:00
    const svg = renderHeatmapSvg(h, { width: 270, height: 100 });
    assert.equal(svg.match(/<rect /g)?.length, 168);
    // Geometry: left 30, cell width (270 − 30) / 24 = 10; top 14, cell height (100 − 14 − 16) / 7 = 10.
    assert.ok(
      svg.includes(
        '<rect x="120" y="14" width="9" height="9" fill="#08306b"><title>Mon 09:00–10:00 UTC: 8 posts</title></rect>',
      ),
    );
    // 4 of max 8 → class ⌈8 · 4 / 8⌉ = 4; 1 of 8 → class 1.
    assert.ok(svg.includes(`fill="${HEATMAP_PALETTE[4]}"><title>Tue 10:00–11:00 UTC: 4 posts</title>`));
    assert.ok(svg.includes(`fill="${HEATMAP_PALETTE[1]}"><title>Sun 23:00–00:00 UTC: 1 post</title>`));
    assert.equal(svg.split('fill="#08306b"').length - 1, 1);
    assert.equal(svg.split(`fill="${HEATMAP_PALETTE[0]}"`).length - 1, 165);
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
      assert.ok(svg.includes(`>${day}</text>`));
    assert.ok(svg.includes('>00</text>') && svg.includes('>23</text>'));
    assert.ok(svg.includes('Hours in UTC;'));
    assert.ok(!/<script|href=|url\(/i.test(svg));
  });

  it('shifts the histogram to the given clock and says so', () => {
    const h = empty();
    h[0] = 5; // Monday 00:00 UTC = Monday 08:00 UTC+08:00
    h[167] = 2; // Sunday 23:00 UTC = Monday 07:00 UTC+08:00
    const svg = renderHeatmapSvg(h, { offsetMinutes: 480 });
    assert.ok(svg.includes('<title>Mon 08:00–09:00 UTC+08:00: 5 posts</title>'));
    assert.ok(svg.includes('<title>Mon 07:00–08:00 UTC+08:00: 2 posts</title>'));
    assert.ok(svg.includes('<title>Mon 00:00–01:00 UTC+08:00: 0 posts</title>'));
    assert.ok(svg.includes('Hours in UTC+08:00'));
    // A half-hour clock splits counts: UTC Mon [00, 01) → UTC+05:30 [05:30, 06:30), half to 05:00 and 06:00;
    // UTC Sun [23, 24) → Mon [04:30, 05:30), half to 04:00 and 05:00.
    const india = renderHeatmapSvg(h, { offsetMinutes: 330 });
    assert.ok(india.includes('<title>Mon 04:00–05:00 UTC+05:30: 1 post</title>'));
    assert.ok(india.includes('<title>Mon 05:00–06:00 UTC+05:30: 3.5 posts</title>'));
    assert.ok(india.includes('<title>Mon 06:00–07:00 UTC+05:30: 2.5 posts</title>'));
  });

  it('escapes the title', () => {
    const svg = renderHeatmapSvg(empty(), { title: '<script>alert("x")</script> & co' });
    assert.ok(svg.includes('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>'));
    assert.ok(
      svg.includes('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co, 0 posts"'),
    );
    assert.ok(!svg.includes('<script>'));
  });

  it('validates input and options', () => {
    assert.throws(() => renderHeatmapSvg([1, 2, 3]), ConfigError);
    assert.throws(() => renderHeatmapSvg(empty(), { width: 10 }), ConfigError);
    assert.throws(() => renderHeatmapSvg(empty(), { offsetMinutes: 2000 }), ConfigError);
  });
});

describe('heatmapClass', () => {
  it('maps counts to 0..8', () => {
    assert.equal(heatmapClass(0, 10), 0);
    assert.equal(heatmapClass(0.01, 10), 1);
    assert.equal(heatmapClass(5, 10), 4);
    assert.equal(heatmapClass(10, 10), 8);
    assert.equal(heatmapClass(3, 0), 0);
  });
});
