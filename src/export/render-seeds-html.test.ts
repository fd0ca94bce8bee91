import assert from 'node:assert/strict';
import { test } from 'node:test';

import { renderSeedsHtml } from './render-seeds-html.js';

test('nothing without seeds; files, matches and expansion escaped, URLs never linked', () => {
  assert.deepEqual(renderSeedsHtml(undefined), []);
  const html = renderSeedsHtml({
    files: [
      {
        file: 'in<b>.csv',
        format: 'killchain',
        counts: { read: 3, accepted: 2, skipped: { 'free-text': 1 } },
      },
    ],
    seeds: 2,
    matched: [
      {
        kind: 'url',
        value: 'https://evil.example/"><script>x</script>',
        source: { file: 'in<b>.csv', row: 2 },
        ttp: { id: '6.1.3', name: 'Posting original content on blogs' },
        accounts: ['x:<i>1</i>'],
      },
    ],
    accounts: ['x:<i>1</i>'],
    expansion: [{ key: 'x:2', via: ['x:<i>1</i>'], coactions: 12, log10PValue: -9.3 }],
  }).join('\n');
  assert.ok(html.startsWith('<section id="seeds">'));
  assert.ok(html.includes('3 rows read, 2 seeds, skipped: free-text 1'));
  assert.ok(html.includes('1 seed of 2 found in the case, matching 1 account.'));
  assert.ok(!html.includes('<script>') && !html.includes('<b>') && !html.includes('<i>1'));
  assert.ok(!/href=/.test(html));
  assert.ok(html.includes('p ≤ 5.1e-10'));
});
