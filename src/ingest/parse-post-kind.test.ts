import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parsePostKind } from './parse-post-kind.js';

describe('parsePostKind', () => {
  it('maps canonical kinds and platform synonyms', () => {
    const cases: [string, string][] = [
      ['post', 'post'],
      ['Tweet', 'post'],
      ['share', 'share'],
      ['Retweet', 'share'],
      ['RT', 'share'],
      ['repost', 'share'],
      ['forwarded', 'share'],
      ['reply', 'reply'],
      ['replied_to', 'reply'],
      ['replied-to', 'reply'],
      ['quote', 'quote'],
      ['Quote Tweet', 'quote'],
      ['comment', 'comment'],
      [' share ', 'share'],
    ];
    for (const [word, kind] of cases) assert.equal(parsePostKind(word), kind, word);
  });
  it('returns undefined for unknown words', () => {
    for (const word of ['', 'boosted', 'link', 'photo']) assert.equal(parsePostKind(word), undefined, word);
  });
});
