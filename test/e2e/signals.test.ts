/**
 * End to end, per issue-3 signal: on a generated case (test/fixtures/signals/signal-case.ts) each planted group is
 * tied together only by its own signal. With that signal switched off no cluster holds the group; with every
 * signal on, one cluster holds the whole group and no organic account. Schedule and creation cohorts carry no
 * co-actions at all, so they are checked in the cohorts the signals stage reports.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import sharp from 'sharp';

import type { CoordinationNetwork } from '../../src/model/network.js';
import { TRACE_KINDS, type TraceKind } from '../../src/model/trace.js';
import { ABSOLUTE_EDGE_FILTER, detect } from '../../src/pipeline/index.js';
import type { CaseSignals } from '../../src/signals/index.js';
import { generateSignalCase, type SignalCase } from '../fixtures/signals/signal-case.js';

let tmp = '';
let input = '';
let signalCase: SignalCase;
let full: CoordinationNetwork;
let fullSignals: CaseSignals;

// The planted groups are minimal on purpose (5–6 accounts tied by one to three objects), to test each signal's
// traces alone; pairwise that is too little for the null-model filter (a pair sharing one hashtag sequence is not
// improbable by itself), so these tests keep edges by the fixed thresholds.
const detectWith = (kinds: readonly TraceKind[]) =>
  detect([input], { traces: { kinds }, coaction: { kinds }, threads: 2, edgeFilter: ABSOLUTE_EDGE_FILTER });
const run = async (kinds: readonly TraceKind[]): Promise<CoordinationNetwork> =>
  (await detectWith(kinds)).network;

/** The largest number of `group` accounts any one cluster holds. */
function mostTogether(network: CoordinationNetwork, group: readonly string[]): number {
  const keys = new Set(group.map((id) => `twitter:${id}`));
  return Math.max(0, ...network.clusters.map((c) => c.accounts.filter((a) => keys.has(a)).length));
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'chorus-signals-'));
  signalCase = generateSignalCase();
  input = join(tmp, 'case.csv');
  await writeFile(input, signalCase.csv, 'utf8');
  const result = await detectWith(TRACE_KINDS);
  full = result.network;
  fullSignals = result.signals;
});
after(async () => rm(tmp, { recursive: true, force: true }));

describe('each corpus signal alone finds its planted group', () => {
  for (const kind of ['neardup', 'misspelling', 'hashtagseq', 'media'] as const) {
    it(`${kind}: found with it, missed without it`, async () => {
      const group = signalCase.planted[kind];
      const cluster = full.clusters.find((c) => c.accounts.includes(`twitter:${group[0]}`));
      assert.ok(cluster, `no cluster holds ${group[0]}`);
      assert.deepEqual(
        [...cluster.accounts].sort(),
        group.map((id) => `twitter:${id}`).sort(),
        `${kind} cluster should be exactly the planted group`,
      );
      assert.ok(cluster.perKind.some((k) => k.kind === kind));
      const without = await run(TRACE_KINDS.filter((k) => k !== kind));
      assert.ok(
        mostTogether(without, group) <= 1,
        `without ${kind}, ${mostTogether(without, group)} of the group still cluster together`,
      );
    });
  }
});

describe('feature signals find the groups co-action cannot see', () => {
  const keys = (ids: readonly string[]) => ids.map((id) => `twitter:${id}`).sort();

  it('schedule: one cohort is exactly the Beijing office-hours group, fitted at UTC+08:00 with a lunch dip', () => {
    const cohorts = fullSignals.cohorts.filter((c) => c.kind === 'schedule');
    const beijing = cohorts.find((c) => c.time?.schedule.offsetMinutes === 480);
    assert.ok(
      beijing,
      `no UTC+08:00 cohort among ${cohorts.map((c) => c.time?.schedule.offsetLabel).join(', ')}`,
    );
    assert.deepEqual(beijing.accounts, keys(signalCase.planted.schedule));
    assert.equal(beijing.time?.schedule.lunchStartHour, 12);
    assert.ok((beijing.time?.schedule.lunchDip ?? 0) >= 0.5);
    assert.ok((beijing.time?.schedule.confidence ?? 0) >= 0.5);
    assert.ok(mostTogether(full, signalCase.planted.schedule) <= 1, 'co-action should not see this group');
  });

  it('creation: one cohort is exactly the batch of FirstnameLastname12345 accounts', () => {
    const cohorts = fullSignals.cohorts.filter((c) => c.kind === 'creation');
    assert.equal(cohorts.length, 1, JSON.stringify(cohorts.map((c) => c.accounts)));
    assert.deepEqual(cohorts[0]!.accounts, keys(signalCase.planted.creation));
    assert.ok(mostTogether(full, signalCase.planted.creation) <= 1, 'co-action should not see this group');
  });

  it('every clustered account has a summary with its schedule fit and profile flags', () => {
    const clustered = new Set(full.clusters.flatMap((c) => c.accounts));
    const summarized = new Set(fullSignals.accounts.map((a) => a.key));
    for (const key of clustered) assert.ok(summarized.has(key), key);
    const md1 = fullSignals.accounts.find((a) => a.key === 'twitter:md1');
    assert.equal(md1?.flags?.handlePattern, 'plain');
    assert.equal(fullSignals.clusters.length, full.clusters.length);
  });
});

describe('media files named in the data are hashed locally and grouped by pHash', () => {
  const W = 96;
  const H = 64;
  const raw = (pixel: (x: number, y: number) => [number, number, number]): Buffer => {
    const buf = Buffer.alloc(W * H * 3);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) buf.set(pixel(x, y), (y * W + x) * 3);
    return buf;
  };
  const poster = (x: number, y: number): [number, number, number] =>
    (x - 30) ** 2 + (y - 30) ** 2 < 400 ? [220, 40, 40] : [20, 20, 30 + y * 3];
  const stripes = (x: number, y: number): [number, number, number] =>
    Math.floor((x + y) / 12) % 2 === 0 ? [250, 250, 250] : [10, 60, 10];

  it('clusters accounts posting re-encoded copies; refuses paths and links leading outside the input folder', async () => {
    const dir = join(tmp, 'media-case');
    await mkdir(join(dir, 'img'), { recursive: true });
    const rawOpts = { raw: { width: W, height: H, channels: 3 as const } };
    // Two images, each as a PNG original, a resized JPEG and a darker JPEG: no two files share bytes or hashes.
    for (const [name, pixel] of [
      ['poster', poster],
      ['stripes', stripes],
    ] as const) {
      await sharp(raw(pixel), rawOpts)
        .png()
        .toFile(join(dir, 'img', `${name}-a.png`));
      await sharp(raw(pixel), rawOpts)
        .resize(80, 53)
        .jpeg({ quality: 40 })
        .toFile(join(dir, 'img', `${name}-b.jpg`));
      await sharp(raw(pixel), rawOpts)
        .modulate({ brightness: 0.97 })
        .jpeg({ quality: 70 })
        .toFile(join(dir, 'img', `${name}-c.jpg`));
    }
    const t0 = Date.UTC(2024, 0, 10, 12);
    const lines = ['id,account,ts,text,media_files'];
    ['a', 'b', 'c'].forEach((variant, k) => {
      lines.push(
        `p${k}1,acct${k},${new Date(t0 + k * 30_000).toISOString()},look,img/poster-${variant}${variant === 'a' ? '.png' : '.jpg'}`,
      );
      lines.push(
        `p${k}2,acct${k},${new Date(t0 + 3_600_000 + k * 30_000).toISOString()},see,img/stripes-${variant}${variant === 'a' ? '.png' : '.jpg'}`,
      );
    });
    lines.push(`p9,acct9,${new Date(t0).toISOString()},sneaky,../../../../etc/passwd`);
    // A link inside the folder that points outside it: the real path is outside, so it is refused too.
    const outside = join(tmp, 'outside');
    await mkdir(outside, { recursive: true });
    await sharp(raw(poster), rawOpts).png().toFile(join(outside, 'poster.png'));
    await symlink(outside, join(dir, 'img', 'escape'));
    lines.push(`p8,acct8,${new Date(t0).toISOString()},linked,img/escape/poster.png`);
    const csv = join(dir, 'posts.csv');
    await writeFile(csv, `${lines.join('\n')}\n`, 'utf8');
    const { run, network } = await detect([csv], { threads: 2, edgeFilter: ABSOLUTE_EDGE_FILTER });
    const media = run.signals?.media;
    assert.equal(media?.files, 8);
    assert.equal(media?.filesHashed, 6);
    assert.equal(media?.warnings.length, 2);
    for (const warning of media?.warnings ?? [])
      assert.match(warning, /not inside the folder of an input file/);
    assert.equal(network.clusters.length, 1);
    assert.deepEqual(network.clusters[0]!.accounts, ['unknown:acct0', 'unknown:acct1', 'unknown:acct2']);
    assert.deepEqual(
      network.clusters[0]!.perKind.map((k) => [k.kind, k.objects]),
      [['media', 2]],
    );
  });
});

describe('unusable profile values on kept records', () => {
  it('are dropped, the posts kept, and counted per column in run.json', async () => {
    const csv = join(tmp, 'bad-profile.csv');
    await writeFile(
      csv,
      [
        'id,account,ts,text,handle,account_created_at,followers,following',
        'p1,a,2024-01-01T00:00:00Z,hello there,ann,yesterday,-5,10',
        'p2,b,2024-01-01T00:01:00Z,hello again,bob,2024-13-45,abc,1e400',
        'p3,c,2024-01-01T00:02:00Z,and again,cid,2020-01-01,7,8',
        '',
      ].join('\n'),
      'utf8',
    );
    const { run } = await detect([csv], { threads: 2 });
    const input = run.inputs[0]!;
    assert.deepEqual([input.read, input.accepted, input.quarantined], [3, 3, 0]);
    assert.deepEqual(input.ignoredValues, {
      'account_created_at: not a readable time': 2,
      'followers: not a finite count ≥ 0': 2,
      'following: not a finite count ≥ 0': 1,
    });
  });
});
