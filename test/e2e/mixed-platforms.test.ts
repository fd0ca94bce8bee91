/**
 * Issue 5's end-to-end case: exports of ten platforms and formats (the adapter fixtures of test/fixtures/ingest, written from
 * each platform's public API documentation) plus the real German 2021 election sample (Facebook + Twitter,
 * CooRTweet, MIT) in one `chorus detect`, then `chorus export --stix --misp --ttp-csv`: every platform read with its
 * records accounted for, every STIX object valid against the vendored OASIS schemas, the MISP event complete.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import type { RunInfo } from '../../src/model/run-info.js';
import { bundleValidator, objectErrors } from '../helpers/stix-validator.js';
import { runCli } from './run-cli.js';

const INPUTS = [
  'test/fixtures/ingest/crowdtangle-facebook.csv',
  'test/fixtures/ingest/crowdtangle-instagram.csv',
  'test/fixtures/ingest/meta-content-library-facebook.csv',
  'test/fixtures/ingest/youtube-api.jsonl',
  'test/fixtures/ingest/tiktok-research.jsonl',
  'test/fixtures/ingest/telegram-result.json',
  'test/fixtures/ingest/reddit-pushshift.ndjson',
  'test/fixtures/ingest/bluesky-jetstream.jsonl',
  'test/fixtures/ingest/mastodon-statuses.json',
  'test/fixtures/ingest/medium-feed.xml',
  'data/coortweet/german_elections.csv.gz',
];

const dir = await mkdtemp(join(tmpdir(), 'chorus-mixed-'));
after(() => rm(dir, { recursive: true, force: true }));
const out = join(dir, 'case');

test('one case from eleven files of ten platform exports, every record accounted for', async () => {
  const run = runCli(['detect', ...INPUTS, '--out', out, '--quiet']);
  assert.equal(run.status, 0, run.stderr);
  const info = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as RunInfo;
  assert.deepEqual(
    info.inputs.map((i) => i.format),
    [
      'crowdtangle',
      'crowdtangle',
      'meta-content-library',
      'youtube',
      'tiktok',
      'telegram',
      'reddit',
      'bluesky',
      'mastodon',
      'rss',
      'coortweet-long',
    ],
  );
  for (const input of info.inputs) {
    assert.equal(input.error, undefined, input.path);
    assert.ok(input.read > 0, input.path);
    assert.equal(input.read, input.accepted + input.quarantined + input.duplicates, input.path);
  }
  assert.ok(info.totals.clusters > 0, 'the German sample alone has significant clusters');
});

test('chorus export writes a STIX bundle valid against the OASIS schemas, a MISP event and the TTP CSV', async () => {
  const run = runCli(['export', out, '--stix', '--misp', '--ttp-csv', '--quiet']);
  assert.equal(run.status, 0, run.stderr);
  const bundle = JSON.parse(await readFile(join(out, 'case.stix.json'), 'utf8')) as {
    objects: { type: string; id: string }[];
  };
  assert.ok(bundleValidator(bundle), JSON.stringify(bundleValidator.errors?.slice(0, 3)));
  const errors = bundle.objects.flatMap((o) => objectErrors(o));
  assert.deepEqual(errors.slice(0, 5), []);
  for (const type of [
    'identity',
    'campaign',
    'user-account',
    'indicator',
    'attack-pattern',
    'relationship',
  ]) {
    assert.ok(
      bundle.objects.some((o) => o.type === type),
      `a ${type}`,
    );
  }
  const event = JSON.parse(await readFile(join(out, 'case.misp.json'), 'utf8')) as {
    Event: { info: string; uuid: string; Object: unknown[]; Tag: unknown[] };
  };
  assert.match(event.Event.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(event.Event.Object.length > 0 && event.Event.Tag.length > 0);
  const csv = await readFile(join(out, 'case.ttp.csv'), 'utf8');
  assert.ok(csv.startsWith('Tactic,Technique,Procedure,Indicator,Note'));
  assert.ok(!/https?:\/\//.test(csv));
});
