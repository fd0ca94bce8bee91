import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunInfo } from '../model/run-info.js';
import type { ClusterScore } from '../model/score.js';
import { renderClusterScoreHtml, renderMethodHtml, scoreTtps } from './render-score-html.js';

const SCORE: ClusterScore = {
  cluster: 'C0007',
  score: 0.91234,
  components: {
    significance: 1,
    synchrony: 0.5,
    duplication: 0,
    diversity: 0,
    schedule: 0,
    creation: 0,
    handles: 0,
    crossPlatform: 1,
  },
  reasons: [
    {
      behaviour: 'cross-platform',
      text: 'the cluster spans 2 platforms: <img src=x onerror=alert(1)>, twitter',
      evidence: 'C0007-evidence',
      disarm: [{ id: 'T0119.002', name: 'Post across Platform', url: 'https://example.org/T0119.002.md' }],
      killchain: [{ id: '9.2.3', name: 'Dispersing content across many platforms' }],
    },
    {
      behaviour: 'copypasta',
      text: 'identical text',
      evidence: 'C0007-evidence',
      disarm: [{ id: 'T0084.001', name: 'Use Copypasta' }],
      killchain: [{ id: '9.2.3', name: 'Dispersing content across many platforms' }],
    },
  ],
};

describe('renderClusterScoreHtml', () => {
  const html = renderClusterScoreHtml(SCORE).join('\n');
  it('shows the score, the non-zero components and each reason with its evidence link and ids', () => {
    assert.ok(html.startsWith('<div class="score" id="C0007-score">'));
    assert.ok(html.includes('<h3>Score 0.91 '));
    assert.ok(html.includes('co-action significance 1 · synchrony 0.5 · cross-platform 1'));
    assert.equal(html.match(/<a href="#C0007-evidence">evidence<\/a>/g)?.length, 2);
    assert.ok(html.includes('href="https://example.org/T0119.002.md"'));
    assert.ok(html.includes('9.2.3 Dispersing content across many platforms'));
  });
  it('escapes text that came from the data', () => {
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
  it('lists each TTP once', () => {
    const ttps = scoreTtps(SCORE);
    assert.deepEqual(
      ttps.disarm.map((t) => t.id),
      ['T0119.002', 'T0084.001'],
    );
    assert.deepEqual(
      ttps.killchain.map((t) => t.id),
      ['9.2.3'],
    );
  });
});

describe('renderMethodHtml', () => {
  it('states the false-positive rate and the windows beside CooRnet', () => {
    const run = {
      options: { edgeFilter: { mode: 'significance' } },
      significance: {
        applied: true,
        fpr: 0.001,
        correction: 'bh',
        tested: 12345,
        family: 4950,
        significant: 67,
        kinds: 3,
        families: 2,
        log10Threshold: -7.2,
      },
      windows: [
        {
          kind: 'share',
          usedSeconds: 60,
          source: 'default',
          estimateSeconds: 20,
          estimateStatus: 'ok',
          coornetSeconds: 12.5,
        },
        {
          kind: 'url',
          usedSeconds: 60,
          source: 'default',
          estimateSeconds: null,
          estimateStatus: 'too-few',
          coornetSeconds: null,
        },
      ],
    } as unknown as RunInfo;
    const html = renderMethodHtml(run).join('\n');
    assert.ok(
      html.includes(
        'false-positive rate 0.001, correction bh, 12,345 candidate edges tested within a family of 4,950 account pairs, 67 significant (largest kept p ≤ 6.4e-8)',
      ),
    );
    assert.ok(
      html.includes(
        '<tr><td>share</td><td class="num">60</td><td>default</td><td class="num">20</td><td class="num">12.5</td></tr>',
      ),
    );
    assert.ok(html.includes('<span class="muted">too-few</span>'));
  });
});
