import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { ConfigError } from '../errors.js';
import {
  amplificationProcedure,
  BEHAVIOUR_IDS,
  BEHAVIOURS,
  DISARM_TECHNIQUES,
  describeTtps,
  KILLCHAIN,
  ttpUrl,
} from './ttp-vocabulary.js';

const VENDORED = fileURLToPath(new URL('../../data/ttp/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const HAS_SHARED = existsSync(`${SHARED}disarm/framework_techniques.csv`);
const SHARED_KILLCHAIN = `${SHARED}meta-threat-research/Online_Operations_Killchain-TTPs.csv`;

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function parseObjects(path: string): Record<string, string>[] {
  const r = Papa.parse<Record<string, string>>(readText(path), { header: true, skipEmptyLines: true });
  assert.deepEqual(r.errors, [], path);
  return r.data;
}

/** Reference parser of Meta's kill-chain CSV: `<id> <name>` cells of the Technique and Procedure columns. */
function parseKillchain(text: string): Map<string, { name: string; tactic: string }> {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  assert.deepEqual(rows[0], ['Tactic', 'Technique', 'Procedure']);
  const out = new Map<string, { name: string; tactic: string }>();
  for (const row of rows.slice(1)) {
    const tactic = (row[0] ?? '').trim();
    if (tactic === '') continue; // the `,,` separator rows between tactics
    for (const cell of [row[1], row[2]]) {
      const m = /^(\S+)\s+(.*)$/s.exec((cell ?? '').trim());
      assert.ok(m, `unparsable cell ${JSON.stringify(cell)}`);
      const entry = { name: m[2]!.trim(), tactic };
      const seen = out.get(m[1]!);
      if (seen) assert.deepEqual(seen, entry, `id ${m[1]} has two names`);
      else out.set(m[1]!, entry);
    }
  }
  return out;
}

const usedDisarm = [...new Set(Object.values(BEHAVIOURS).flatMap((b) => b.disarm))].sort();
const platformIds = ['6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5', '6.2.6', '6.2.7', '6.2.8'];
const usedKillchain = [
  ...new Set([...Object.values(BEHAVIOURS).flatMap((b) => b.killchain), ...platformIds]),
].sort();

describe('ttp-vocabulary: constants match the vendored CSVs', () => {
  it('DISARM_TECHNIQUES holds exactly the ids the mapping uses, and the CSV holds exactly those rows', () => {
    assert.deepEqual(Object.keys(DISARM_TECHNIQUES).sort(), usedDisarm);
    const rows = parseObjects(`${VENDORED}disarm-techniques.csv`);
    assert.deepEqual(
      rows.map((r) => r.disarm_id),
      usedDisarm,
    );
  });

  it('every DISARM id, name and tactic equals its CSV row', () => {
    for (const r of parseObjects(`${VENDORED}disarm-techniques.csv`)) {
      assert.deepEqual(
        DISARM_TECHNIQUES[r.disarm_id!],
        { name: r.name, tacticId: r.tactic_id, tacticName: r.tactic_name },
        r.disarm_id,
      );
    }
  });

  it('KILLCHAIN holds exactly the used ids plus 6.2.1–6.2.8, each equal to the Meta CSV', () => {
    assert.deepEqual(Object.keys(KILLCHAIN).sort(), usedKillchain);
    const ref = parseKillchain(readText(`${VENDORED}meta-killchain.csv`));
    for (const id of usedKillchain) assert.deepEqual(KILLCHAIN[id], ref.get(id), id);
  });

  it('the reference parser reads quoted, multi-line and padded cells', () => {
    const ref = parseKillchain(readText(`${VENDORED}meta-killchain.csv`));
    assert.deepEqual(ref.get('1.1.1'), { name: 'Copying profile pictures', tactic: '1. Disguising assets' });
    assert.deepEqual(ref.get('0.6.1'), {
      name: 'Acquiring domains to host, deploy, and\nsupport malware campaigns',
      tactic: '0. Acquiring assets',
    });
    assert.equal(ref.get('5.2.5')?.name, 'Making "personal" comments as camouflage');
    assert.equal(ref.get('6.1')?.name, 'Posting on websites');
  });
});

describe('ttp-vocabulary: vendored rows equal ../shared', { skip: !HAS_SHARED && 'no ../shared' }, () => {
  it('meta-killchain.csv is a byte-for-byte copy', () => {
    assert.ok(readFileSync(`${VENDORED}meta-killchain.csv`).equals(readFileSync(SHARED_KILLCHAIN)));
  });

  it('disarm-techniques.csv rows equal framework_techniques.csv joined with framework_tactics.csv', () => {
    const techniques = new Map(
      parseObjects(`${SHARED}disarm/framework_techniques.csv`).map((r) => [r.disarm_id, r]),
    );
    const tactics = new Map(
      parseObjects(`${SHARED}disarm/framework_tactics.csv`).map((r) => [r.disarm_id, r]),
    );
    for (const r of parseObjects(`${VENDORED}disarm-techniques.csv`)) {
      const t = techniques.get(r.disarm_id);
      assert.ok(t, `${r.disarm_id} missing upstream`);
      assert.deepEqual(
        [r.name, r.tactic_id, r.tactic_name],
        [t.name, t.tactic_id, tactics.get(t.tactic_id)?.name],
      );
    }
  });

  it('ttpUrl equals the external_references url of the DISARM STIX bundle', () => {
    const bundle = JSON.parse(readText(`${SHARED}disarm/DISARM_stix_bundle.json`)) as {
      objects: { external_references?: { external_id?: string; url?: string }[] }[];
    };
    const urls = new Map<string, string>();
    for (const o of bundle.objects) {
      for (const ref of o.external_references ?? []) {
        if (ref.external_id && ref.url) urls.set(ref.external_id, ref.url);
      }
    }
    for (const id of [...usedDisarm, 'TA06', 'TA15', 'TA16', 'TA17'])
      assert.equal(ttpUrl(id), urls.get(id), id);
  });
});

describe('ttp-vocabulary: mapping sanity', () => {
  it('BEHAVIOURS has exactly BEHAVIOUR_IDS, each with a label and at least one id', () => {
    assert.deepEqual(Object.keys(BEHAVIOURS), [...BEHAVIOUR_IDS]);
    assert.equal(BEHAVIOUR_IDS.length, 14);
    for (const id of BEHAVIOUR_IDS) {
      const b = BEHAVIOURS[id];
      assert.ok(b.label.length > 0, id);
      assert.ok(b.disarm.length + b.killchain.length >= 1, id);
    }
  });

  it('ids are unique within each behaviour and all resolve', () => {
    for (const id of BEHAVIOUR_IDS) {
      const b = BEHAVIOURS[id];
      assert.equal(new Set(b.disarm).size, b.disarm.length, id);
      assert.equal(new Set(b.killchain).size, b.killchain.length, id);
      for (const d of b.disarm) assert.ok(Object.hasOwn(DISARM_TECHNIQUES, d), `${id}: ${d}`);
      for (const k of b.killchain) assert.ok(Object.hasOwn(KILLCHAIN, k), `${id}: ${k}`);
    }
  });

  it('spot checks of the mapping as specified', () => {
    assert.deepEqual(BEHAVIOURS['creation-burst'].disarm, ['T0150.001', 'T0150.008']);
    assert.deepEqual(BEHAVIOURS['mention-swarming'].killchain, ['7.8', '7.8.1', '7.8.2']);
    assert.deepEqual(BEHAVIOURS['shift-pattern'].disarm, []);
    assert.equal(DISARM_TECHNIQUES['T0049.005']?.name, 'Conduct Swarming');
    assert.deepEqual(KILLCHAIN['6.2'], {
      name: 'Amplifying with likely fake accounts on social media',
      tactic: '6. Indiscriminate engagement',
    });
  });

  it('the constants are frozen all the way down', () => {
    assert.ok(Object.isFrozen(BEHAVIOURS));
    assert.ok(Object.isFrozen(BEHAVIOURS.copypasta));
    assert.ok(Object.isFrozen(BEHAVIOURS.copypasta.disarm));
    assert.ok(Object.isFrozen(DISARM_TECHNIQUES.T0049));
    assert.ok(Object.isFrozen(KILLCHAIN['6.2']));
  });
});

describe('amplificationProcedure', () => {
  it('maps each platform to its 6.2.x procedure, ignoring case and spaces', () => {
    const cases: [string, string | undefined][] = [
      ['facebook', '6.2.1'],
      ['FB', '6.2.1'],
      ['instagram', '6.2.2'],
      ['threads', '6.2.3'],
      ['x', '6.2.4'],
      [' Twitter ', '6.2.4'],
      ['youtube', '6.2.5'],
      ['tiktok', '6.2.6'],
      ['telegram', '6.2.7'],
      ['reddit', '6.2.8'],
      ['bluesky', undefined],
      ['', undefined],
      ['__proto__', undefined],
    ];
    for (const [platform, id] of cases) assert.equal(amplificationProcedure(platform), id, platform);
  });
});

describe('describeTtps', () => {
  it('adds the platform procedures right after 6.2, once each, in id order', () => {
    assert.deepEqual(describeTtps('copypasta', ['X', 'bluesky', 'facebook', 'twitter']), {
      disarm: [{ id: 'T0084.001', name: 'Use Copypasta' }],
      killchain: [
        { id: '6.2', name: 'Amplifying with likely fake accounts on social media' },
        { id: '6.2.1', name: 'Amplifying with likely fake accounts on Facebook' },
        { id: '6.2.4', name: 'Amplifying with likely fake accounts on X/Twitter' },
      ],
    });
  });

  it('ignores platforms for behaviours that do not map to 6.2', () => {
    assert.deepEqual(describeTtps('automated-posting', ['x']), {
      disarm: [{ id: 'T0049.003', name: 'Bots Amplify via Automated Forwarding and Reposting' }],
      killchain: [
        { id: '3.5', name: 'Automating activity' },
        { id: '3.5.1', name: 'Automating social media posts' },
      ],
    });
  });

  it('lists no DISARM technique for shift-pattern and no platform procedure without platforms', () => {
    assert.deepEqual(describeTtps('shift-pattern').disarm, []);
    assert.deepEqual(
      describeTtps('image-reuse').killchain.map((k) => k.id),
      ['6.2'],
    );
  });

  it('throws ConfigError on an unknown behaviour', () => {
    for (const bad of ['nope', 'toString', '__proto__']) {
      assert.throws(() => describeTtps(bad as never), ConfigError);
    }
  });
});

describe('ttpUrl', () => {
  it('links DISARM techniques and tactics to their generated pages', () => {
    const base = 'https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages';
    assert.equal(ttpUrl('T0049'), `${base}/techniques/T0049.md`);
    assert.equal(ttpUrl('T0049.003'), `${base}/techniques/T0049.003.md`);
    assert.equal(ttpUrl('TA17'), `${base}/tactics/TA17.md`);
  });

  it('returns undefined for Meta ids and malformed ids', () => {
    for (const id of ['6.2', '3.1.1', 'T49', 'T0049.3', 'x T0049', 'TA1', ''])
      assert.equal(ttpUrl(id), undefined, id);
  });
});
