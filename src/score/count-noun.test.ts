import assert from 'node:assert/strict';
import { test } from 'node:test';

import { countNoun } from './count-noun.js';

test('countNoun separates thousands and picks the noun form', () => {
  assert.equal(countNoun(1, 'edge'), '1 edge');
  assert.equal(countNoun(0, 'edge'), '0 edges');
  assert.equal(countNoun(4950, 'account pair'), '4,950 account pairs');
  assert.equal(countNoun(2, 'daily hashtag sequence'), '2 daily hashtag sequences');
  assert.equal(countNoun(3, 'person', 'people'), '3 people');
});
