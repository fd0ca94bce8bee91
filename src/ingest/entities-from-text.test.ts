import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { entitiesFromText } from './entities-from-text.js';

describe('entitiesFromText', () => {
  it('finds links, hashtags and mentions in order, without trailing punctuation', () => {
    assert.deepEqual(
      entitiesFromText('Vote! #Elections2024 via @bob https://x.example/a?b=1. and (http://y.example/p)'),
      {
        urls: ['https://x.example/a?b=1', 'http://y.example/p'],
        hashtags: ['Elections2024'],
        mentions: ['bob'],
      },
    );
  });

  it('takes tags in any script but not numbers, anchors in links, or e-mail addresses', () => {
    assert.deepEqual(
      entitiesFromText('#выборы #中国 #1 #ok_2 a@b.example https://x.example/#frag &#39; @_x'),
      {
        urls: ['https://x.example/#frag'],
        hashtags: ['выборы', '中国', 'ok_2'],
        mentions: ['_x'],
      },
    );
  });

  it('finds nothing in plain text', () => {
    assert.deepEqual(entitiesFromText('good morning everyone'), { urls: [], hashtags: [], mentions: [] });
  });
});
