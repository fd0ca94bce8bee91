import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { stableStringify } from './stable-stringify.js';
import { writeNetworkJson, writeNetworkJsonChunks } from './write-network-json.js';
import { writeRunJson } from './write-run-json.js';

describe('writeNetworkJson', () => {
  const json = writeNetworkJson(CASE_REPORT.network);

  it('round-trips the full network', () => {
    assert.deepEqual(JSON.parse(json), CASE_REPORT.network);
    assert.ok(json.endsWith('}\n'));
  });

  it('sorts keys at every depth, so field assignment order does not matter', () => {
    assert.ok(json.startsWith('{\n  "accounts": [\n    {\n      "accountId": "2001",'));
    const reordered = structuredClone(CASE_REPORT.network);
    reordered.accounts = reordered.accounts.map(
      (a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a,
    );
    assert.equal(writeNetworkJson(reordered), json);
  });
});

describe('writeRunJson', () => {
  it('is JSON.stringify(run, null, 2) plus a newline', () => {
    const text = writeRunJson(CASE_REPORT.run);
    assert.equal(text, `${JSON.stringify(CASE_REPORT.run, null, 2)}\n`);
    assert.deepEqual(JSON.parse(text), CASE_REPORT.run);
  });
});

describe('writeNetworkJsonChunks', () => {
  it('streams exactly the text of stableStringify(network, 2), element by element', () => {
    const chunks = [...writeNetworkJsonChunks(CASE_REPORT.network)];
    assert.ok(chunks.length > CASE_REPORT.network.edges.length, 'one piece per element at least');
    assert.equal(chunks.join(''), `${stableStringify(CASE_REPORT.network, 2)}\n`);
    const empty = { accounts: [], clusters: [], edges: [] };
    assert.equal([...writeNetworkJsonChunks(empty)].join(''), `${stableStringify(empty, 2)}\n`);
  });
});
