/**
 * Adapter for Telegram Desktop's chat export in JSON ("Export chat history" → JSON, `result.json` of one channel or
 * group): one object `{ name, type, id, messages: [ … ] }`, read by `openInput` as a JSON document whose records
 * are the `messages` elements (see `readJsonDocument`); the same message objects as JSON lines or a JSON array are
 * read too.
 *
 * Field reference: Telegram Desktop export (telegramdesktop/tdesktop, `export_output_json.cpp`): message `id`,
 * `type` (`message` | `service`), `date` (local time of the exporting machine, no offset), `date_unixtime`
 * (epoch seconds as a string, exports since 2022), `from`, `from_id` (`user123…` / `channel123…`), `text` (a string,
 * or an array of strings and `{ type, text, href? }` parts), `text_entities`, `forwarded_from`,
 * `reply_to_message_id`.
 */
import { createHash } from 'node:crypto';
import type { Post } from '../../model/post.js';
import { cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { documentEnvelope } from '../read-json-document.js';
import type { JsonAdapter } from './adapter.js';
import { asObject, type JsonObject, jsonTypeName } from './json-value.js';

const NAMES: PostFieldNames = {
  postId: 'id',
  accountId: 'from_id',
  tsMs: 'date_unixtime',
  text: 'text',
  parentPostId: 'reply_to_message_id',
};

/** Senders remembered per file for the `parentAccountId` of replies. */
export const TELEGRAM_SENDER_MEMORY = 1_000_000;

/**
 * The derived parent id of a forward: `fwd:` + the first 16 hex digits of SHA-256 over `forwarded_from`, a line
 * feed, and the message's plain text. The export names the source (display name) but not the original message,
 * so forwards of the same text from the same source share a parent (and a `share` trace).
 * @example forwardParentId('Daily Truth', 'Breaking') // 'fwd:' + sha256('Daily Truth\nBreaking').slice(0, 16)
 */
export function forwardParentId(forwardedFrom: string, text: string): string {
  const digest = createHash('sha256').update(`${forwardedFrom}\n${text}`, 'utf8').digest('hex');
  return `fwd:${digest.slice(0, 16)}`;
}

/** Plain text and entities of a message, from `text_entities` (else the `text` parts). */
interface MessageText {
  text: string;
  urls: string[];
  hashtags: string[];
  mentions: string[];
}

/** Read `text_entities` (or the array form of `text`); a plain-string `text` gets its entities from the text. */
function messageText(message: JsonObject): MessageText {
  const parts = Array.isArray(message.text_entities)
    ? message.text_entities
    : Array.isArray(message.text)
      ? message.text
      : undefined;
  if (parts === undefined) {
    const text = typeof message.text === 'string' ? message.text : '';
    return { text, ...entitiesFromText(text) };
  }
  const out: MessageText = { text: '', urls: [], hashtags: [], mentions: [] };
  for (const part of parts) {
    if (typeof part === 'string') {
      out.text += part;
      continue;
    }
    const p = asObject(part);
    const text = typeof p?.text === 'string' ? p.text : '';
    out.text += text;
    const type = p?.type;
    if (type === 'link' && text.trim() !== '') out.urls.push(text.trim());
    else if (type === 'text_link' && typeof p?.href === 'string') out.urls.push(p.href);
    else if (type === 'hashtag') out.hashtags.push(text.replace(/^#/, ''));
    else if (type === 'mention') out.mentions.push(text.replace(/^@/, ''));
  }
  return out;
}

/**
 * Telegram messages → posts. Each `messages` element is one record (record = its 1-based index; quarantine fields
 * are the message's keys, e.g. `date_unixtime`).
 *
 * Per message: `postId` = `<chat id>/<id>` when the export names its chat (the top-level `id`; message ids are
 * per chat), else `id`; `accountId` = from_id; `tsMs` = date_unixtime (UTC epoch seconds), else `date` read in
 * `--tz` (default UTC; Telegram writes the exporting machine's local time); `text` = the concatenated text parts;
 * `urls` = `link` parts and `text_link` hrefs, `hashtags` / `mentions` from `hashtag` / `mention` parts (from the
 * text itself when `text` is a plain string). Kind: `forwarded_from` → `share` with `parentPostId` =
 * {@link forwardParentId} (the export has no original message id); else `reply_to_message_id` → `reply` with
 * `parentPostId` = the chat-qualified replied id and `parentAccountId` = that message's sender when it came
 * earlier in the file; else `post`. The sender (`from_id`, display name `from`) becomes an account item.
 * Service messages (`type: service`: joins, pins, channel creation) and non-objects are `unsupported_record`.
 * Platform = the `platform` option, default `telegram`.
 */
export const telegramAdapter: JsonAdapter = {
  format: 'telegram',
  needs: 'a Telegram Desktop export (result.json with messages[]: id, type, date, from_id)',
  detect: (first) =>
    typeof first.id === 'number' &&
    (first.type === 'message' || first.type === 'service') &&
    typeof first.date === 'string' &&
    ('from_id' in first || 'actor_id' in first || 'date_unixtime' in first),
  bind(_first, options) {
    const platform = options.platform ?? 'telegram';
    const senders = new Map<string, string>();

    return (value, record, b) => {
      const message = asObject(value);
      if (message === undefined) {
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a Telegram message object, got ${jsonTypeName(value)}`,
        );
        return;
      }
      if (message.type === 'service') {
        const action = cellString(message.action) ?? 'unknown';
        b.quarantine(
          record,
          'type',
          'unsupported_record',
          `a service message (action ${action}): not a post`,
        );
        return;
      }
      const chat = cellString(documentEnvelope(value)?.id);
      const qualify = (id: string): string => (chat === undefined ? id : `${chat}/${id}`);
      const id = b.required(message.id, record, 'id', 'the message id');
      if (id === undefined) return;
      const accountId = b.required(message.from_id, record, 'from_id', 'the sender id (user… / channel…)');
      if (accountId === undefined) return;
      const unix = message.date_unixtime;
      const hasUnix = unix !== undefined && unix !== null && unix !== '';
      // `date_unixtime` is whole epoch seconds as a string; read it as seconds only (not the generic epoch guess,
      // which would take 17 digits for microseconds and land in 1973).
      if (hasUnix && !isTelegramUnixTime(unix)) {
        b.quarantine(
          record,
          'date_unixtime',
          'invalid_value',
          `date_unixtime: expected whole epoch seconds between 1970 and 2100, got ${JSON.stringify(unix)?.slice(0, 40)}`,
        );
        return;
      }
      const t = hasUnix ? b.time(unix, record, 'date_unixtime') : b.time(message.date, record, 'date');
      if (t === undefined) return;

      const post: Post = b.basePost(
        { platform, postId: qualify(id), accountId, tsMs: t.tsMs, kind: 'post' },
        record,
      );
      const content = messageText(message);
      const text = cellText(content.text);
      if (text !== undefined) post.text = text;
      post.urls.push(...content.urls);
      post.hashtags.push(...content.hashtags);
      post.mentions.push(...content.mentions);

      const forwardedFrom = cellText(message.forwarded_from);
      const replyTo = cellString(message.reply_to_message_id);
      if (forwardedFrom !== undefined) {
        post.kind = 'share';
        post.parentPostId = forwardParentId(forwardedFrom, content.text);
      } else if (replyTo !== undefined) {
        post.kind = 'reply';
        post.parentPostId = qualify(replyTo);
        const parentAccount = senders.get(post.parentPostId);
        if (parentAccount !== undefined) post.parentAccountId = parentAccount;
      }
      if (b.post(post, NAMES, t.rule)) {
        if (senders.size >= TELEGRAM_SENDER_MEMORY) senders.clear();
        senders.set(post.postId, accountId);
        const account = makeAccount(platform, accountId, { displayName: message.from }, b.zone);
        if (account) b.account(account);
      }
    };
  },
};

/** Is `value` whole epoch seconds (a digit string or an integer) from 1970 up to 2100-01-01? */
function isTelegramUnixTime(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,10}$/.test(text)) return false;
  return Number(text) < 4_102_444_800;
}
