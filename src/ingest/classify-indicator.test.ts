import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { classifyIndicator, platformOfText } from './classify-indicator.js';

const value = (raw: string, hint = {}) => {
  const r = classifyIndicator(raw, hint);
  return 'seed' in r ? `${r.seed.kind} ${r.seed.value}` : `skip ${r.skip}`;
};

describe('classifyIndicator', () => {
  it('reads profile URLs as accounts and other URLs as URLs', () => {
    assert.equal(value('https://twitter[.]com/End05201180'), 'account twitter:end05201180');
    assert.equal(value('https://x.com/Bob/status/1'), 'url https://x.com/Bob/status/1');
    assert.equal(value('https://twitter.com/i/user/5'), 'url https://twitter.com/i/user/5');
    assert.equal(value('https://www.youtube.com/@Chan'), 'account youtube:chan');
    assert.equal(
      value('https://www.youtube.com/channel/UC123'),
      'account https://www.youtube.com/channel/UC123',
    );
    assert.equal(
      value('https://www.facebook.com/profile.php?id=100'),
      'account https://www.facebook.com/profile.php?id=100',
    );
    assert.equal(value('https://www.facebook.com/groups/1'), 'url https://www.facebook.com/groups/1');
    assert.equal(value('https://medium[.]com/@teamilk951/'), 'account medium:teamilk951');
    assert.equal(value('https://vk.com/id1'), 'account vk:id1');
    assert.equal(value('https://news.example/a'), 'url https://news.example/a');
  });

  it('reads bare hosts as domains, with their registrable domain', () => {
    const r = classifyIndicator('Sub.Evil[.]co[.]uk');
    assert.ok('seed' in r);
    assert.deepEqual(r.seed, { kind: 'domain', value: 'sub.evil.co.uk', domain: 'evil.co.uk' });
    assert.equal(value('co.uk'), 'skip not-an-indicator');
  });

  it('skips counts, text and non-indicators', () => {
    assert.equal(value(' '), 'skip empty-indicator');
    assert.equal(value('7,704 Facebook accounts'), 'skip summary-count');
    assert.equal(value('Lying through his teeth'), 'skip free-text');
    assert.equal(value('王瑞琴的风流往事'), 'skip free-text');
    assert.equal(value('N/A'), 'skip not-an-indicator');
    assert.equal(value('@alice'), 'skip not-an-indicator', 'a handle needs a platform');
    assert.equal(value('@alice', { platform: 'tiktok' }), 'account tiktok:alice');
    assert.equal(value('javascript:alert(1)'), 'skip not-an-indicator');
  });

  it('takes the indicator before a bracketed remark', () => {
    const r = classifyIndicator('jiraboom[.]pro (Hosted a spoof)');
    assert.ok('seed' in r);
    assert.equal(r.seed.value, 'jiraboom.pro');
    assert.equal(r.remark, 'Hosted a spoof');
  });

  it('names platforms in procedure texts', () => {
    assert.equal(platformOfText('0.9.4 Acquiring X / Twitter accounts'), 'twitter');
    assert.equal(platformOfText('0.9.8 Acquiring accounts on online forums'), undefined);
  });
});
