import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CASE_REPORT, T0, T1, XSS_URL } from '../../test/fixtures/export/case-report.js';
import { ZERO_COMPONENTS } from '../../test/fixtures/export/scored-case.js';
import {
  bundleValidator,
  objectErrors,
  STIX_DATA_DIR as STIX_DIR,
} from '../../test/helpers/stix-validator.js';
import { ConfigError } from '../errors.js';
import type { ClusterScore, ScoreReason, TtpTag } from '../model/score.js';
import type { CaseReport } from './case-report.js';
import { type StixBundle, type StixObject, stixScoId, writeStixBundle } from './write-stix-bundle.js';

// — Fixture: the export case with hand-set scores (C0001 0.82, C0002 exactly 0.5, C0003 0.49 below the cut). —
const DISARM = 'https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques';
const T0049: TtpTag = { id: 'T0049', name: 'Flood Information Space', url: `${DISARM}/T0049.md` };
const T0049_002: TtpTag = { id: 'T0049.002', name: 'Flood Existing Hashtag', url: `${DISARM}/T0049.002.md` };
const T0084_001: TtpTag = { id: 'T0084.001', name: 'Use Copypasta' };
const reason = (behaviour: string | null, text: string, disarm: TtpTag[]): ScoreReason => ({
  behaviour,
  text,
  evidence: 'C-evidence',
  disarm,
  killchain: [],
});
const clusterScore = (cluster: string, score: number, reasons: ScoreReason[]): ClusterScore => ({
  cluster,
  score,
  components: ZERO_COMPONENTS,
  reasons,
});

function scoredCase(): CaseReport {
  const report = structuredClone(CASE_REPORT);
  const c2 = report.network.clusters[1]!;
  c2.topObjects.push(
    { kind: 'domain', object: 'evil.example', coactions: 2, accounts: 2 },
    { kind: 'domain', object: 'bad "domain"', coactions: 1, accounts: 2 },
  );
  report.scores = {
    clusters: [
      clusterScore('C0001', 0.82, [
        reason(null, '4 accounts co-acted 20 times', []),
        reason('co-link', 'shared the same 3 links within 60 s', [T0049]),
        reason('copypasta', "posted the same text 'verbatim'", [T0084_001]),
      ]),
      clusterScore('C0002', 0.5, [reason('co-hashtag', 'pushed #wahl2021 together', [T0049_002, T0049])]),
      clusterScore('C0003', 0.49, [reason('co-object', 'same object', [T0049])]),
    ],
    accounts: [],
    weights: ZERO_COMPONENTS,
  };
  return report;
}

const byType = (bundle: StixBundle, type: string): StixObject[] =>
  bundle.objects.filter((o) => o.type === type);

test('writeStixBundle: every object validates against its OASIS schema, and the bundle against bundle.json', () => {
  const bundle = writeStixBundle(scoredCase());
  assert.deepEqual(bundle.objects.flatMap(objectErrors), []);
  assert.equal(bundleValidator(bundle), true, JSON.stringify(bundleValidator.errors?.slice(0, 3)));
});

test('writeStixBundle: objects per cluster with score ≥ 0.5 (C0001, C0002; not C0003), hand-counted', () => {
  const bundle = writeStixBundle(scoredCase());
  // identity 1; C0001: campaign, T0049 + T0084.001, 4 accounts + 1 url (the `javascript:` link is no web
  // indicator), observed-data, 5 indicators, 5 indicates + 5 based-on + 2 uses. C0002: campaign, T0049.002 (T0049 already there), 3 accounts + 1 domain
  // (the scheme-less url and the invalid domain are left out), observed-data, 4 indicators, 4 + 4 + 2 relationships.
  const counts: Record<string, number> = {};
  for (const o of bundle.objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
  assert.deepEqual(counts, {
    identity: 1,
    campaign: 2,
    'attack-pattern': 3,
    'user-account': 7,
    url: 1,
    'domain-name': 1,
    'observed-data': 2,
    indicator: 9,
    relationship: 22,
  });
  assert.equal(bundle.objects.length, 48);
  assert.equal(new Set(bundle.objects.map((o) => o.id)).size, 48);
  assert.deepEqual(
    byType(bundle, 'campaign').map((c) => [c.name, c.confidence, c.first_seen]),
    [
      ['C0001: co-link, copypasta', 82, '2021-09-20T08:00:00.000Z'],
      ['C0002: co-hashtag', 50, '2021-09-24T18:30:00.000Z'],
    ],
  );
  assert.equal(
    byType(bundle, 'campaign')[0]!.description,
    "4 accounts co-acted 20 times\nshared the same 3 links within 60 s\nposted the same text 'verbatim'",
  );
  assert.deepEqual(
    byType(bundle, 'url').map((u) => u.value),
    ['https://evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E'],
  );
});

test('writeStixBundle: identity, created timestamps and references', () => {
  const bundle = writeStixBundle(scoredCase());
  const identity = bundle.objects[0]!;
  assert.equal(identity.type, 'identity');
  assert.equal(identity.name, 'Chorus analyst');
  // Default time: the largest cluster lastTsMs = T2 + 500 ms = 2021-09-25T12:00:00.750Z (C0003 counts too).
  for (const o of bundle.objects.filter((x) => x.created !== undefined)) {
    assert.equal(o.created, '2021-09-25T12:00:00.750Z');
    assert.equal(o.modified, '2021-09-25T12:00:00.750Z');
    if (o !== identity) assert.equal(o.created_by_ref, identity.id);
  }
  const ids = new Set(bundle.objects.map((o) => o.id));
  for (const o of byType(bundle, 'relationship'))
    assert.ok(ids.has(o.source_ref as string) && ids.has(o.target_ref as string));
  const [od1, od2] = byType(bundle, 'observed-data');
  assert.equal(od1!.first_observed, new Date(T0).toISOString());
  assert.equal(od1!.last_observed, '2021-09-21T08:00:02.000Z'); // T0 + 86 402 s
  assert.equal(od1!.number_observed, 9);
  assert.equal((od1!.object_refs as string[]).length, 5);
  assert.equal(od2!.number_observed, 4);
  assert.equal(od2!.last_observed, new Date(T1 + 103_000).toISOString());
  for (const ref of [...(od1!.object_refs as string[]), ...(od2!.object_refs as string[])])
    assert.ok(ids.has(ref));
  const ap = byType(bundle, 'attack-pattern').find((o) => o.name === 'Flood Information Space')!;
  assert.deepEqual(ap.external_references, [
    { source_name: 'DISARM', external_id: 'T0049', url: `${DISARM}/T0049.md` },
  ]);
  const custom = writeStixBundle(scoredCase(), {
    identityName: 'ACME CTI',
    createdIso: '2022-01-02T03:04:05.006Z',
  });
  assert.equal(custom.objects[0]!.name, 'ACME CTI');
  assert.equal(custom.objects[1]!.created, '2022-01-02T03:04:05.006Z');
});

test('writeStixBundle: SCO ids follow the STIX UUIDv5 rule (reference values from Python uuid.uuid5)', () => {
  // uuid5(00abedb4-…, '{"value":"https://example.com/"}')
  assert.equal(
    stixScoId('url', { value: 'https://example.com/' }),
    'url--be22e93a-5e33-5678-b19f-8b4ea06df0bd',
  );
  const bundle = writeStixBundle(scoredCase());
  const url = byType(bundle, 'url').find((u) => (u.value as string).startsWith('https://evil'))!;
  assert.equal(url.id, 'url--71074902-d38d-56ad-8d9c-34f0b673a033');
  assert.equal(byType(bundle, 'domain-name')[0]!.id, 'domain-name--69228563-c8d2-54ae-aeca-5f4134cb59aa');
  // {"account_login":"=HYPERLINK(\"http://evil.example/x\",\"click\")","account_type":"twitter","user_id":"1001"}
  const anna = byType(bundle, 'user-account').find((u) => u.user_id === '1001')!;
  assert.equal(anna.id, 'user-account--bd0ef215-fef8-5966-8af4-8c6203f63575');
  assert.equal(anna.display_name, 'Anna <b>bold</b>');
  assert.equal(byType(bundle, 'user-account').find((u) => u.user_id === '2001')!.account_type, 'facebook');
});

test('writeStixBundle: a mutated object fails validation', () => {
  const bundle = writeStixBundle(scoredCase());
  const mutants: Array<[string, (o: StixObject) => void]> = [
    ['campaign', (o) => delete o.created],
    ['campaign', (o) => (o.created = '2021-09-20T08:00:00Z')], // no milliseconds
    ['indicator', (o) => delete o.pattern_type],
    ['indicator', (o) => (o.valid_from = 'yesterday')],
    ['url', (o) => (o.value = 'https://evil.example/a b')],
    ['user-account', (o) => (o.id = (o.id as string).replace('user-account--', 'url--'))],
    ['observed-data', (o) => (o.number_observed = 0)],
    ['relationship', (o) => (o.source_ref = 'not an id')],
    ['attack-pattern', (o) => (o.spec_version = '3.0')],
    ['identity', (o) => delete o.name],
  ];
  for (const [type, mutate] of mutants) {
    const object = structuredClone(byType(bundle, type)[0]!);
    assert.deepEqual(objectErrors(object), [], `${type} valid before mutation`);
    mutate(object);
    assert.notDeepEqual(objectErrors(object), [], `${type} mutant ${mutate}`);
  }
});

/** Parse a pattern of the forms this writer emits; string literals per STIX §9.2 (only \' and \\ escapes). */
function parsePattern(pattern: string): Array<[string, string]> {
  const lit = "'((?:[^'\\\\]|\\\\['\\\\])*)'";
  const cmp = `([a-z-]+:[a-z_]+) = ${lit}`;
  const m = new RegExp(`^\\[${cmp}(?: AND ${cmp})?\\]$`).exec(pattern);
  assert.ok(m, `pattern does not parse: ${pattern}`);
  const unquote = (s: string): string => s.replace(/\\(['\\])/g, '$1');
  const out: Array<[string, string]> = [[m[1]!, unquote(m[2]!)]];
  if (m[3] !== undefined) out.push([m[3], unquote(m[4]!)]);
  return out;
}

test('writeStixBundle: hostile quotes and backslashes give well-formed patterns that round-trip', () => {
  const report = scoredCase();
  const c1 = report.network.clusters[0]!;
  c1.topObjects.push({
    kind: 'url',
    object: "https://evil.example/it's\\here?q=\\'",
    coactions: 1,
    accounts: 2,
  });
  const acc = report.network.accounts.find((a) => a.key === 'twitter:1002')!;
  acc.accountId = "o'brien\\1002";
  const bundle = writeStixBundle(report);
  assert.deepEqual(bundle.objects.flatMap(objectErrors), []);
  const indicators = byType(bundle, 'indicator');
  const urlPattern = indicators
    .map((i) => i.pattern as string)
    .find((p) => p.startsWith("[url:value = 'https://evil.example/it"))!;
  assert.equal(urlPattern, "[url:value = 'https://evil.example/it\\'s%5Chere?q=%5C\\'']");
  assert.deepEqual(parsePattern(urlPattern), [['url:value', "https://evil.example/it's%5Chere?q=%5C'"]]);
  const accountPattern = indicators.map((i) => i.pattern as string).find((p) => p.includes('brien'))!;
  assert.equal(
    accountPattern,
    "[user-account:user_id = 'o\\'brien\\\\1002' AND user-account:account_type = 'twitter']",
  );
  assert.deepEqual(parsePattern(accountPattern), [
    ['user-account:user_id', "o'brien\\1002"],
    ['user-account:account_type', 'twitter'],
  ]);
  for (const i of indicators) parsePattern(i.pattern as string);
  assert.ok(
    byType(bundle, 'url').some(
      (u) =>
        u.value ===
        XSS_URL.replace('"><img src=x onerror=alert(2)>', '%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E'),
    ),
  );
});

test('writeStixBundle: deterministic (same input → same JSON; input account order does not matter)', () => {
  const a = JSON.stringify(writeStixBundle(scoredCase()));
  const shuffled = scoredCase();
  shuffled.network.accounts.reverse();
  assert.equal(JSON.stringify(writeStixBundle(scoredCase())), a);
  assert.equal(JSON.stringify(writeStixBundle(shuffled)), a);
  assert.notEqual(
    JSON.stringify(writeStixBundle(scoredCase(), { createdIso: '2022-01-01T00:00:00.000Z' })),
    a,
  );
});

test('writeStixBundle: minScore and unscored cases', () => {
  assert.equal(byType(writeStixBundle(scoredCase(), { minScore: 0.49 }), 'campaign').length, 3);
  assert.equal(byType(writeStixBundle(scoredCase(), { minScore: 0.9 }), 'campaign').length, 0);
  const unscored = writeStixBundle(CASE_REPORT);
  assert.deepEqual(
    unscored.objects.map((o) => o.type),
    ['identity'],
  );
  assert.equal(bundleValidator(unscored), true);
});

test('writeStixBundle: invalid options throw ConfigError', () => {
  const report = scoredCase();
  assert.throws(() => writeStixBundle(report, { minScore: 1.5 }), ConfigError);
  assert.throws(() => writeStixBundle(report, { minScore: Number.NaN }), ConfigError);
  assert.throws(() => writeStixBundle(report, { identityName: '  ' }), ConfigError);
  assert.throws(() => writeStixBundle(report, { createdIso: '2021-09-20T08:00:00Z' }), ConfigError);
  assert.throws(() => writeStixBundle(report, { createdIso: '2021-02-30T00:00:00.000Z' }), ConfigError);
});

test('vendored OASIS examples validate (positive control), and a mutated one fails', () => {
  const files = ['', 'threat-reports'].flatMap((sub) =>
    readdirSync(join(STIX_DIR, 'examples', sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(STIX_DIR, 'examples', sub, f)),
  );
  assert.equal(files.length, 8);
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    // interop-objectmarking-test.json is a single campaign, the others are bundles.
    if (json.type === 'bundle')
      assert.equal(
        bundleValidator(json),
        true,
        `${file}: ${JSON.stringify(bundleValidator.errors?.slice(0, 2))}`,
      );
    else assert.deepEqual(objectErrors(json), [], file);
  }
  const poison = JSON.parse(readFileSync(join(STIX_DIR, 'examples/threat-reports/poisonivy.json'), 'utf8'));
  delete poison.objects.find((o: StixObject) => o.type === 'indicator').pattern;
  assert.equal(bundleValidator(poison), false);
});
