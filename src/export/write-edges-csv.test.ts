import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Papa from 'papaparse';

import { CASE_REPORT } from '../../test/fixtures/export/case-report.js';
import { EDGES_CSV_COLUMNS, writeEdgesCsv, writeEdgesCsvChunks } from './write-edges-csv.js';

describe('writeEdgesCsv', () => {
  const csv = writeEdgesCsv(CASE_REPORT.network);
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

  it('writes one row per edge sorted by source then target', () => {
    assert.equal(csv.split('\r\n')[0], EDGES_CSV_COLUMNS.join(','));
    assert.equal(rows.length, 9);
    assert.deepEqual(
      rows.slice(0, 3).map((r) => `${r.source}-${r.target}`),
      ['facebook:2001-facebook:2002', 'facebook:2001-twitter:1001', 'facebook:2002-twitter:1002'],
    );
  });

  it('carries statistics and the evidence sample with first/last evidence time', () => {
    const row = rows.find((r) => r.source === 'twitter:1001' && r.target === 'twitter:1002')!;
    assert.deepEqual(row, {
      source: 'twitter:1001',
      target: 'twitter:1002',
      source_cluster: 'C0001',
      target_cluster: 'C0001',
      coactions: '8',
      objects: '3',
      mean_dt_s: '7',
      median_dt_s: '4',
      symmetry: '0.75',
      per_kind: 'url:5;share:3',
      evidence_count: '8',
      evidence_sample:
        'url|https://evil.example/"><img src=x onerror=alert(2)>|twitter:p1|twitter:p2|4; share|twitter:777|twitter:p3|twitter:p4|10',
      first_evidence_ts: '2021-09-20T08:00:00Z',
      last_evidence_ts: '2021-09-20T09:00:10Z',
    });
    const cross = rows.find((r) => r.target === 'twitter:9001')!;
    assert.equal(cross.source_cluster, 'C0002');
    assert.equal(cross.target_cluster, '');
  });

  it('escapes separators inside sample items and neutralises formula-like cells', () => {
    const media = rows.find((r) => r.source === 'facebook:2001' && r.target === 'facebook:2002')!;
    assert.equal(media.evidence_sample, "media|=cmd\\|' /C calc'!A0|facebook:f3|facebook:f4|2");
    const hostile = structuredClone(CASE_REPORT.network);
    hostile.edges[0]!.perKind = [];
    hostile.edges[0]!.evidence[0]!.kind = '-x' as never;
    const parsed = Papa.parse<Record<string, string>>(writeEdgesCsv(hostile), { header: true }).data;
    const edited = parsed.find((r) => r.source === 'facebook:2001' && r.target === 'twitter:1001')!;
    assert.ok(edited.evidence_sample!.startsWith("'-x|javascript:alert(3)|"));
    assert.equal(writeEdgesCsv(structuredClone(CASE_REPORT.network)), csv);
  });
});

describe('writeEdgesCsvChunks', () => {
  it('gives the same text as writeEdgesCsv in pieces of at most rowsPerChunk rows', () => {
    const pieces = [...writeEdgesCsvChunks(CASE_REPORT.network, 1)];
    assert.equal(pieces.length, CASE_REPORT.network.edges.length);
    assert.equal(pieces.join(''), writeEdgesCsv(CASE_REPORT.network));
  });
});
