/**
 * End to end through the real ingest: the QUT coordination network toolkit's own co-retweet test vector
 * (test/fixtures/qut/coretweet_test_input.csv, MIT) read by the `qut` adapter, stored, encoded, and turned into the
 * toolkit's co-retweet network reproduces every node count its test suite expects
 * (tests/test_graph_construction.py; listed in test/fixtures/qut/SOURCE.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { qutCoretweetNetwork } from '../../src/detect/qut-compat.js';
import { encodeTraces } from '../../src/pipeline/encode-traces.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { DuckStore } from '../../src/store/duck-store.js';

describe('QUT toolkit co-retweet oracle through the qut adapter', () => {
  let store: DuckStore;
  before(async () => {
    store = await DuckStore.create(':memory:');
    const { inputs } = await ingestFiles(store, ['test/fixtures/qut/coretweet_test_input.csv']);
    assert.equal(inputs[0]!.format, 'qut');
    assert.deepEqual([inputs[0]!.read, inputs[0]!.accepted, inputs[0]!.quarantined], [15, 15, 0]);
    await encodeTraces(store);
  });
  after(() => store.close());

  // (time window s, min edge weight, self-loops) → nodes, from the toolkit's tests.
  const expected: [number, number, boolean, number][] = [
    [1, 1, false, 2],
    [1, 1, true, 3],
    [1, 2, false, 0],
    [1, 2, true, 1],
    [60, 1, false, 6],
    [60, 1, true, 7],
  ];
  for (const [windowSeconds, minEdgeWeight, selfLoops, nodes] of expected) {
    it(`window ${windowSeconds} s, min weight ${minEdgeWeight}, loops ${selfLoops} → ${nodes} nodes`, async () => {
      const network = await qutCoretweetNetwork(store, { windowSeconds, minEdgeWeight, selfLoops });
      assert.equal(network.nodes.length, nodes);
    });
  }

  it('leaves out uid11 and uid12 (their retweets of rtid6 are 258 s apart) at 60 s', async () => {
    const network = await qutCoretweetNetwork(store, { windowSeconds: 60 });
    assert.deepEqual(network.nodes, ['uid0', 'uid1', 'uid2', 'uid3', 'uid4', 'uid5']);
  });
});
