import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../test/helpers/collect-input.js';
import type { ArrayElement } from './read-json-array.js';
import { documentEnvelope, looksLikeJsonDocument, readJsonDocument } from './read-json-document.js';

/** Feed `text` in 7-character chunks, so tokens straddle chunk borders. */
async function* chunked(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
}

async function read(text: string): Promise<ArrayElement[]> {
  const out: ArrayElement[] = [];
  for await (const batch of readJsonDocument(chunked(text))) out.push(...batch);
  return out;
}

describe('looksLikeJsonDocument', () => {
  it('is true only when the first non-blank line is `{`', () => {
    assert.equal(looksLikeJsonDocument('\n {\n "name": "x"'), true);
    assert.equal(looksLikeJsonDocument('\uFEFF{\r\n "a": 1'), true);
    assert.equal(looksLikeJsonDocument('{"id": 1}\n{"id": 2}\n'), false);
    assert.equal(looksLikeJsonDocument('{ "id": 1,\n'), false);
    assert.equal(looksLikeJsonDocument(''), false);
  });
});

describe('readJsonDocument', () => {
  it('streams the messages array and attaches the scalars before it as a hidden envelope', async () => {
    const out = await read(
      '{\n "name": "Chan \\"x\\"",\n "type": "public_channel",\n "id": 1500000001,\n "nested": {"id": 3},\n' +
        ' "messages": [ {"id": 1, "x": {"id": 5}}, 7 ],\n "after": 9\n}',
    );
    assert.deepEqual(out, [
      { record: 1, value: { id: 1, x: { id: 5 } } },
      { record: 2, value: 7 },
    ]);
    assert.deepEqual(documentEnvelope(out[0] && 'value' in out[0] ? out[0].value : undefined), {
      name: 'Chan "x"',
      type: 'public_channel',
      id: 1500000001,
    });
    assert.equal(JSON.stringify('value' in out[0]! ? out[0].value : null), '{"id":1,"x":{"id":5}}');
    assert.equal(documentEnvelope({ id: 1 }), undefined);
  });

  it('yields nothing for a document without messages', async () => {
    assert.deepEqual(await read('{\n "a": [1, 2]\n}'), []);
  });

  it('keeps the elements before a syntax error and reports the rest as one error entry', async () => {
    const out = await read('{\n "messages": [{"id": 1}, {"id":');
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], { record: 1, value: { id: 1 } });
    assert.equal(out[1]!.record, 2);
    assert.ok('error' in out[1]!);
  });

  it('reports messages that are not an array as one error entry', async () => {
    const out = await read('{\n "messages": {"id": 1}\n}');
    assert.equal(out.length, 1);
    assert.ok('error' in out[0]! && out[0].record === 1);
  });
});

describe('openInput with a JSON document', () => {
  it('accounts for every message of a Telegram export, and --format telegram reads it too', async () => {
    const file = fileURLToPath(new URL('../../test/fixtures/ingest/telegram-result.json', import.meta.url));
    const detected = await collectInput(file);
    const forced = await collectInput(file, { format: 'telegram' });
    assert.equal(forced.reader.format, 'telegram');
    // 9 elements in `messages`: 5 posts + 4 quarantined.
    assert.equal(detected.posts.length + detected.quarantine.length, 9);
    assert.deepEqual(forced.posts, detected.posts);
  });
});

it('a compact document (jq -c) is a document too; JSON lines are not', () => {
  assert.equal(looksLikeJsonDocument('{"name":"x","type":"public_channel","messages":[{"id":1'), true);
  assert.equal(looksLikeJsonDocument('{"messages" : [ {"id":1}]}'), true);
  assert.equal(looksLikeJsonDocument('{"id":1,"message":{"text":"hi"}}\n{"id":2}'), false);
});
