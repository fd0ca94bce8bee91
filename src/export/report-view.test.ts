import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { accountLabel } from './account-label.js';
import { REPORT_DEFAULTS, resolveReportOptions } from './report-options.js';
import { buildReportView } from './report-view.js';

describe('buildReportView', () => {
  it('orders clusters by id and their internal edges by co-actions, then keys', () => {
    const shuffled = structuredClone(CASE_REPORT);
    shuffled.network.clusters.reverse();
    shuffled.network.edges.reverse();
    const view = buildReportView(shuffled, REPORT_DEFAULTS);
    assert.deepEqual(
      view.clusters.map((c) => c.cluster.id),
      ['C0001', 'C0002', 'C0003'],
    );
    assert.deepEqual(
      view.clusters[0]!.strongestEdges.map((e) => `${e.a}-${e.b}:${e.coactions}`),
      [
        'twitter:1001-twitter:1002:8',
        'facebook:2001-facebook:2002:5',
        'facebook:2001-twitter:1001:4',
        'facebook:2002-twitter:1002:3',
      ],
    );
    // the cross edge twitter:3003–twitter:9001 is not internal to C0002
    assert.equal(view.clusters[1]!.strongestEdges.length, 3);
    assert.deepEqual(
      view.unclustered.map((a) => a.key),
      ['twitter:9001'],
    );
  });

  it('applies the caps', () => {
    const view = buildReportView(
      CASE_REPORT,
      resolveReportOptions({
        accountsPerCluster: 1,
        evidencePostsPerCluster: 3,
        strongestEdgesPerCluster: 2,
      }),
    );
    const c1 = view.clusters[0]!;
    assert.deepEqual(
      c1.accounts.map((a) => a.key),
      ['facebook:2001'],
    );
    assert.equal(c1.accountsOmitted, 3);
    assert.deepEqual(
      c1.posts.map((p) => p.postId),
      ['p1', 'p2', 'f1'],
    );
    assert.equal(c1.strongestEdges.length, 2);
  });

  it('stubs accounts a cluster lists but the network does not', () => {
    const broken = structuredClone(CASE_REPORT);
    broken.network.clusters[2]!.accounts.push('facebook:9999');
    const view = buildReportView(broken, REPORT_DEFAULTS);
    assert.deepEqual(view.clusters[2]!.accounts.at(-1), { key: 'facebook:9999' });
  });
});

describe('accountLabel', () => {
  it('prefers handle, then display name, then key', () => {
    const [fb2001, fb2002] = CASE_REPORT.network.accounts;
    assert.equal(accountLabel(fb2002), '@cmd');
    assert.equal(accountLabel(fb2001), "Robert'); DROP TABLE--");
    assert.equal(accountLabel({ key: 'x:1' }), 'x:1');
    assert.equal(accountLabel(undefined, 'x:2'), 'x:2');
  });
});
