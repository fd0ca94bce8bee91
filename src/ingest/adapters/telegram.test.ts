import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectInput } from '../../../test/helpers/collect-input.js';
import { expectedPost } from '../../../test/helpers/expected-post.js';
import type { Post } from '../../model/post.js';
import { forwardParentId, telegramAdapter } from './telegram.js';

// Hand-written from the Telegram Desktop JSON export format (tdesktop export_output_json.cpp): a channel export.
const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/telegram-result.json', import.meta.url));

// `printf 'Daily Truth\nBreaking: all is calm in the city source' | sha256sum | cut -c1-16`
const FORWARD_PARENT = 'fwd:39656ccafa041337';

const post = expectedPost('telegram', FILE);

// date_unixtime values by GNU date: 10:00Z = 1646128800, 10:05Z = 1646129100, 13:10Z = 1646140200,
// 13:12:30Z = 1646140350, 14:00Z = 1646143200 (2022-03-01).
const EXPECTED: Post[] = [
  post(2, {
    postId: '1500000001/2',
    accountId: 'channel1500000001',
    tsMs: 1646128800000,
    kind: 'post',
    text: 'Read this: https://example.org/a #news via @echo_bot',
    urls: ['https://example.org/a'],
    hashtags: ['news'],
    mentions: ['echo_bot'],
  }),
  post(3, {
    postId: '1500000001/3',
    accountId: 'channel1500000001',
    tsMs: 1646129100000,
    kind: 'share',
    text: 'Breaking: all is calm in the city source',
    urls: ['https://daily-truth.example/p/1'],
    parentPostId: FORWARD_PARENT,
  }),
  post(4, {
    postId: '1500000001/4',
    accountId: 'user777',
    tsMs: 1646140200000,
    kind: 'reply',
    text: 'agree, see https://example.org/b #news',
    urls: ['https://example.org/b'],
    hashtags: ['news'],
    parentPostId: '1500000001/2',
    parentAccountId: 'channel1500000001',
  }),
  post(5, {
    postId: '1500000001/5',
    accountId: 'user888',
    tsMs: 1646140350000,
    kind: 'share',
    text: 'Breaking: all is calm in the city source',
    urls: ['https://daily-truth.example/p/1'],
    parentPostId: FORWARD_PARENT,
  }),
  post(9, {
    postId: '1500000001/9',
    accountId: 'user777',
    tsMs: 1646143200000,
    kind: 'reply',
    parentPostId: '1500000001/999',
  }),
];

describe('telegram adapter', () => {
  it('reads a channel export: posts, forwards as shares, replies with the replied sender', async () => {
    const { reader, posts, accounts, quarantine } = await collectInput(FILE);
    assert.equal(reader.format, 'telegram');
    assert.deepEqual(posts, EXPECTED);
    assert.deepEqual(
      accounts.map((a) => [a.accountId, a.displayName]),
      [
        ['channel1500000001', 'Pravda Echo'],
        ['user777', 'Ivan'],
        ['user888', 'Olga'],
      ],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.file, q.record, q.field, q.code]),
      [
        [FILE, 1, 'type', 'unsupported_record'],
        [FILE, 6, 'date_unixtime', 'invalid_value'],
        [FILE, 7, 'from_id', 'missing_field'],
        [FILE, 8, '', 'unsupported_record'],
      ],
    );
    assert.equal(posts.length + quarantine.length, 9);
    assert.match(quarantine[2]!.raw, /"no sender"/);
    assert.doesNotMatch(quarantine[2]!.raw, /\$document/);
  });

  it('reads a `date` without date_unixtime in --tz', async () => {
    const { posts } = await collectInput(FILE, { tz: 'Europe/Moscow' });
    // 13:10 at UTC+3 = 10:10Z = 1646140200 − 3 × 3600.
    assert.equal(posts.find((p) => p.postId === '1500000001/4')?.tsMs, 1646129400000);
    // date_unixtime is UTC already: unchanged.
    assert.equal(posts.find((p) => p.postId === '1500000001/2')?.tsMs, 1646128800000);
  });

  it('reads bare messages as JSON lines (no chat id: bare message ids)', async () => {
    const path = join(tmpdir(), `chorus-telegram-${process.pid}.jsonl`);
    await writeFile(
      path,
      '{"id": 10, "type": "message", "date": "2022-03-01T13:00:00", "date_unixtime": "1646128800", "from": "A", "from_id": "user1", "text": "hi"}\n' +
        '{"id": 11, "type": "message", "date": "2022-03-01T13:05:00", "date_unixtime": "1646129100", "from": "B", "from_id": "user2", "reply_to_message_id": 10, "text": "yo"}\n',
    );
    const { reader, posts } = await collectInput(path);
    await rm(path);
    assert.equal(reader.format, 'telegram');
    assert.deepEqual(
      posts.map((p) => [p.postId, p.kind, p.parentPostId, p.parentAccountId]),
      [
        ['10', 'post', undefined, undefined],
        ['11', 'reply', '10', 'user1'],
      ],
    );
  });

  it('detects Telegram messages only', () => {
    const msg = { id: 2, type: 'message', date: '2022-03-01T13:00:00', from_id: 'user1' };
    assert.equal(telegramAdapter.detect(msg), true);
    assert.equal(telegramAdapter.detect({ ...msg, id: '2' }), false);
    assert.equal(telegramAdapter.detect({ id: 2, type: 'message', created_at: 'x', user: {} }), false);
  });

  it('reads date_unixtime as whole seconds only: 17 digits are not a 1973 date', async () => {
    const doc = {
      name: 'C',
      type: 'public_channel',
      id: 7,
      messages: [
        {
          id: 1,
          type: 'message',
          date: '2023-11-14T22:13:20',
          date_unixtime: '99999999999999999',
          from: 'A',
          from_id: 'channel7',
          text: 'x',
        },
        {
          id: 2,
          type: 'message',
          date: '2023-11-14T22:13:20',
          date_unixtime: '1700000000',
          from: 'A',
          from_id: 'channel7',
          text: 'y',
        },
      ],
    };
    const path = join(tmpdir(), `chorus-telegram-unix-${process.pid}.json`);
    await writeFile(path, JSON.stringify(doc, null, 1));
    const { posts, quarantine } = await collectInput(path);
    await rm(path);
    assert.deepEqual(
      posts.map((p) => [p.postId, p.tsMs]),
      [['7/2', 1_700_000_000_000]],
    );
    assert.deepEqual(
      quarantine.map((q) => [q.record, q.field, q.code]),
      [[1, 'date_unixtime', 'invalid_value']],
    );
  });

  it('derives the forward parent from source and text', () => {
    assert.equal(forwardParentId('Daily Truth', 'Breaking: all is calm in the city source'), FORWARD_PARENT);
    assert.notEqual(forwardParentId('Daily Truth', 'other'), FORWARD_PARENT);
  });
});
