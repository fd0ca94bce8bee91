import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CASE_REPORT, XSS_TEXT, XSS_URL } from '../../test/fixtures/export/case-report.js';
import { scoredCase } from '../../test/fixtures/export/scored-case.js';
import { ConfigError } from '../errors.js';
import { type MispAttribute, type MispObject, writeMispEvent } from './write-misp-event.js';

// — Field lists transcribed by hand from draft-dulaunoy-misp-core-format-20 (MISP/misp-rfc, misp-core-format/
//   raw.md.txt, commit 01666e99): §2.2.1 (Event), §2.3.2 (Attribute), §2.5.2 (Object), §2.8 (Tag). —
const EVENT_MUST = ['uuid', 'published', 'info', 'date', 'timestamp', 'publish_timestamp', 'distribution'];
const EVENT_SHALL = ['threat_level_id', 'analysis'];
const ATTRIBUTE_MUST = [
  'uuid',
  'type',
  'category',
  'to_ids',
  'distribution',
  'timestamp',
  'deleted',
  'value',
];
const OBJECT_MUST = [
  'name',
  'meta-category',
  'template_uuid',
  'template_version',
  'timestamp',
  'distribution',
  'deleted',
];
/** §2.3.2.3, only the categories and types used here (subsets of the draft's lists). */
const TYPES_OF_CATEGORY: Record<string, string[]> = {
  Other: ['comment', 'text', 'datetime', 'other'],
  'External analysis': ['domain', 'url', 'link', 'comment', 'text'],
  'Network activity': ['domain', 'url', 'comment', 'text'],
};
// — Templates transcribed from MISP/misp-objects: objects/microblog/definition.json (version 8, commit 00cf5aa9) and
//   objects/user-account/definition.json (version 6, commit 27fce9e7): relation → misp-attribute, requiredOneOf. —
const TEMPLATES: Record<
  string,
  { uuid: string; version: string; types: Record<string, string>; oneOf: string[] }
> = {
  microblog: {
    uuid: '8ec8c911-ddbe-4f5b-895b-fbff70c42a60',
    version: '8',
    types: {
      post: 'text',
      url: 'url',
      link: 'link',
      type: 'text',
      state: 'text',
      username: 'text',
      'creation-date': 'datetime',
      'modification-date': 'datetime',
      'embedded-link': 'url',
      'removal-date': 'datetime',
      'username-quoted': 'text',
      hashtag: 'text',
    },
    oneOf: ['post'],
  },
  'user-account': {
    uuid: '49606b06-22f0-4ac8-8eee-2f12ad46f3d3',
    version: '6',
    types: {
      'account-type': 'text',
      created: 'datetime',
      description: 'text',
      'display-name': 'text',
      link: 'link',
      'user-id': 'text',
      username: 'text',
      password: 'text',
    },
    oneOf: ['password', 'username', 'user-id'],
  },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkAttribute(a: MispAttribute, where: string): void {
  for (const f of ATTRIBUTE_MUST) assert.ok(f in a, `${where}: attribute lacks ${f}`);
  assert.match(a.uuid, UUID);
  assert.ok(
    TYPES_OF_CATEGORY[a.category]?.includes(a.type),
    `${where}: ${a.category}/${a.type} not a valid pair`,
  );
  assert.equal(typeof a.to_ids, 'boolean');
  assert.equal(typeof a.deleted, 'boolean');
  assert.ok(['0', '1', '2', '3', '4', '5'].includes(a.distribution));
  assert.match(a.timestamp, /^\d+$/);
  assert.equal(typeof a.value, 'string');
  assert.notEqual(a.value, '', `${where}: empty value`);
}

function checkObject(o: MispObject): void {
  for (const f of OBJECT_MUST) assert.ok(f in o, `object lacks ${f}`);
  assert.equal(typeof o.description, 'string');
  assert.ok(['0', '1', '2', '3', '4'].includes(o.distribution));
  const template = TEMPLATES[o.name];
  assert.ok(template, `unknown template ${o.name}`);
  assert.equal(o.template_uuid, template.uuid);
  assert.equal(o.template_version, template.version);
  for (const a of o.Attribute) {
    checkAttribute(a, o.name);
    assert.equal(
      a.type,
      template.types[a.object_relation!],
      `${o.name}.${a.object_relation} has the template type`,
    );
  }
  assert.ok(
    o.Attribute.some((a) => template.oneOf.includes(a.object_relation!)),
    `${o.name}: requiredOneOf`,
  );
}

const values = (o: MispObject) => Object.fromEntries(o.Attribute.map((a) => [a.object_relation, a.value]));

describe('writeMispEvent', () => {
  const doc = writeMispEvent(scoredCase());
  const event = doc.Event;

  it('has every field the MISP core format requires, with valid values', () => {
    for (const f of [...EVENT_MUST, ...EVENT_SHALL]) assert.ok(f in event, `event lacks ${f}`);
    assert.match(event.uuid, UUID);
    assert.equal(event.published, false);
    assert.match(event.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(event.info.length <= 256 && !/\n/.test(event.info));
    assert.ok(['0', '1', '2', '3', '4'].includes(event.distribution));
    assert.ok(['1', '2', '3', '4'].includes(event.threat_level_id));
    assert.ok(['0', '1', '2'].includes(event.analysis));
    for (const a of event.Attribute) checkAttribute(a, 'event');
    for (const o of event.Object) checkObject(o);
    for (const t of event.Tag) assert.equal(typeof t.name, 'string');
    const uuids = [event.uuid, ...event.Attribute.map((a) => a.uuid), ...event.Object.map((o) => o.uuid)];
    uuids.push(...event.Object.flatMap((o) => o.Attribute.map((a) => a.uuid)));
    assert.equal(new Set(uuids).size, uuids.length, 'uuids are unique');
  });

  it('exports the clusters scored ≥ 0.5 with hand-counted objects, dates and tags', () => {
    // C0001: 4 accounts + 8 of its 9 posts (p4 has no text); C0002: 3 accounts + 4 posts; C0003 (0.49) left out.
    assert.equal(event.Object.filter((o) => o.name === 'user-account').length, 7);
    assert.equal(event.Object.filter((o) => o.name === 'microblog').length, 12);
    assert.equal(event.Object.length, 19);
    // C0001: comment + XSS_URL (javascript: skipped); C0002: comment only (its URL has no http scheme).
    assert.deepEqual(
      event.Attribute.map((a) => [a.type, a.category]),
      [
        ['comment', 'Other'],
        ['url', 'Network activity'],
        ['comment', 'Other'],
      ],
    );
    assert.equal(event.Attribute[1]!.value, XSS_URL);
    assert.equal(event.Attribute[1]!.to_ids, false);
    assert.equal(event.date, '2021-09-20');
    assert.equal(event.timestamp, String(Date.UTC(2021, 9, 1, 10, 0, 5) / 1000));
    assert.deepEqual(
      event.Tag.map((t) => t.name),
      [
        'tlp:amber',
        'misp-galaxy:disarm-techniques="Flood Information Space"',
        'misp-galaxy:disarm-techniques="Flood Existing Hashtag"',
        'misp-galaxy:disarm-techniques="Bots Amplify via Automated Forwarding and Reposting"',
      ],
    );
    assert.match(
      event.Attribute[0]!.value,
      /^Chorus cluster C0001, score 0\.80; fast-resharing seen \[DISARM T0049\.003, Meta 6\.2, Meta 6\.2\.1, Meta 6\.2\.4\]/,
    );
  });

  it('maps accounts and posts to the template relations, keeping hostile strings as data', () => {
    const accounts = event.Object.filter((o) => o.name === 'user-account').map(values);
    assert.deepEqual(accounts[0], {
      'user-id': '2001',
      'display-name': "Robert'); DROP TABLE--",
      'account-type': 'facebook',
      link: 'https://www.facebook.com/profile.php?id=2001',
    });
    assert.deepEqual(accounts[2], {
      username: '=HYPERLINK("http://evil.example/x","click")',
      'user-id': '1001',
      'display-name': 'Anna <b>bold</b>',
      'account-type': 'twitter',
      link: 'https://twitter.com/%3DHYPERLINK(%22http%3A%2F%2Fevil.example%2Fx%22%2C%22click%22)',
    });
    assert.equal(accounts[1]!.username, 'cmd', 'leading @ dropped, as the template asks');
    assert.equal(accounts[1]!['display-name'], '\u202Egnp.exe');
    const first = event.Object.find((o) => o.name === 'microblog')!;
    assert.deepEqual(values(first), {
      post: XSS_TEXT,
      username: '=HYPERLINK("http://evil.example/x","click")',
      'creation-date': '2021-09-20T08:00:00.000Z',
      type: 'Twitter',
      url: 'https://twitter.com/i/web/status/p1',
    });
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, 'survives a JSON round trip unchanged');
  });

  it('is deterministic, and its ids depend on the case', () => {
    assert.equal(JSON.stringify(writeMispEvent(scoredCase())), JSON.stringify(doc));
    const other = writeMispEvent(scoredCase(), { caseId: 'another case' });
    assert.notEqual(other.Event.uuid, event.uuid);
    assert.notEqual(other.Event.Object[0]!.uuid, event.Object[0]!.uuid);
  });

  it('gives an empty event for a case without scores, and rejects bad options', () => {
    const empty = writeMispEvent(CASE_REPORT).Event;
    assert.equal(empty.Object.length, 0);
    assert.deepEqual(
      empty.Tag.map((t) => t.name),
      ['tlp:amber'],
    );
    assert.equal(empty.date, '2021-10-01');
    assert.throws(() => writeMispEvent(CASE_REPORT, { tlp: 'white' as 'red' }), ConfigError);
    assert.throws(() => writeMispEvent(CASE_REPORT, { info: 'a\nb' }), /`info`/);
    assert.throws(() => writeMispEvent(CASE_REPORT, { minScore: 2 }), /`minScore`/);
  });
});
