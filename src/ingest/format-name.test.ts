import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FORMATS, isFormatName } from './format-name.js';

describe('FORMATS / isFormatName', () => {
  it('lists the nine original formats first', () => {
    assert.deepEqual([...FORMATS].slice(0, 9), [
      'csv',
      'jsonl',
      'parquet',
      'coortweet',
      'coortweet-long',
      'qut',
      'twarc2',
      'twitter-v1',
      'twitter-io',
    ]);
    assert.ok(Object.isFrozen(FORMATS));
  });
  it('lists the CrowdTangle, YouTube and TikTok formats once each', () => {
    for (const f of ['crowdtangle', 'youtube', 'tiktok']) {
      assert.equal(FORMATS.filter((g) => g === f).length, 1, f);
    }
  });
  it('lists the Telegram, Reddit, Bluesky, Mastodon, Meta Content Library and RSS formats once each', () => {
    for (const f of ['telegram', 'reddit', 'bluesky', 'mastodon', 'meta-content-library', 'rss']) {
      assert.equal(FORMATS.filter((g) => g === f).length, 1, f);
    }
  });
  it('recognises format names only', () => {
    assert.equal(isFormatName('twitter-io'), true);
    assert.equal(isFormatName('TWARC2'), false);
    assert.equal(isFormatName(undefined), false);
  });
});
