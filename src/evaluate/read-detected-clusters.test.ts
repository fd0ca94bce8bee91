import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../errors.js';
import { writeNetworkJson } from '../export/write-network-json.js';
import type { Cluster, CoordinationNetwork } from '../model/network.js';
import { readDetectedClusters } from './read-detected-clusters.js';

const root = await mkdtemp(join(tmpdir(), 'chorus-clusters-'));
after(() => rm(root, { recursive: true, force: true }));

let dirs = 0;
async function outDir(networkJson?: string): Promise<string> {
  const dir = join(root, `out${dirs++}`);
  await mkdir(dir);
  if (networkJson !== undefined) await writeFile(join(dir, 'network.json'), networkJson);
  return dir;
}

function cluster(id: string, accounts: string[]): Cluster {
  return {
    id,
    size: accounts.length,
    accounts,
    platforms: ['x'],
    firstTsMs: 0,
    lastTsMs: 1,
    edges: 1,
    coactions: 2,
    density: 1,
    medianDtSeconds: 3,
    perKind: [],
    topObjects: [],
    evidencePosts: [],
  };
}

test('reads the clusters of a network.json written by writeNetworkJson', async () => {
  const network = {
    accounts: [{ key: 'x:1', cluster: 'C0001' }],
    edges: [{ a: 'x:1', b: 'x:2', evidence: [{ clusters: 'not these' }] }],
    clusters: [cluster('C0001', ['x:1', 'x:2']), cluster('C0002', ['x:3', 'x:4'])],
  } as unknown as CoordinationNetwork;
  const dir = await outDir(writeNetworkJson(network));
  const expected = [
    { id: 'C0001', accounts: ['x:1', 'x:2'] },
    { id: 'C0002', accounts: ['x:3', 'x:4'] },
  ];
  assert.deepEqual(await readDetectedClusters(dir), expected);
  assert.deepEqual(await readDetectedClusters(dir, 0), expected, 'streamed');
});

test('an empty network has no clusters', async () => {
  const dir = await outDir(writeNetworkJson({ accounts: [], edges: [], clusters: [] }));
  assert.deepEqual(await readDetectedClusters(dir), []);
});

test('a missing network.json is INPUT_UNREADABLE and says so', async () => {
  const dir = await outDir();
  await assert.rejects(readDetectedClusters(dir), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.code, 'INPUT_UNREADABLE');
    assert.match(error.message, /network\.json: missing/);
    return true;
  });
});

test('invalid network.json files are INPUT_INVALID with the JSON path', async () => {
  const cases: [string, RegExp][] = [
    ['{"clusters": [', /network\.json: not a JSON object/],
    ['[1, 2]', /network\.json: not a JSON object/],
    ['{"accounts": []}', /network\.json: no `clusters` array/],
    ['{"clusters": {"id": "C1"}}', /invalid clusters at \$\.clusters: /],
    ['{"clusters": [{"id": "C1", "accounts": ["x:1", 7]}]}', /at \$\.clusters\[0\]\.accounts\[1\]: /],
    ['{"clusters": [{"id": "C1", "accounts": []}, {"id": "C1", "accounts": []}]}', /\[1\]\.id: duplicate/],
    [
      '{"clusters": [{"id": "C1", "accounts": ["x:1"]}, {"id": "C2", "accounts": ["x:1"]}]}',
      /at \$\.clusters\[1\]\.accounts\[0\]: account "x:1" is also in cluster "C1"/,
    ],
  ];
  for (const [text, pattern] of cases) {
    const dir = await outDir(text);
    for (const wholeMaxBytes of [0, 1e6]) {
      await assert.rejects(readDetectedClusters(dir, wholeMaxBytes), (error: unknown) => {
        assert.ok(error instanceof InputError, text);
        assert.equal(error.code, 'INPUT_INVALID', text);
        assert.match(error.message, pattern, `${text} (whole up to ${wholeMaxBytes} bytes)`);
        return true;
      });
    }
  }
});
