/**
 * The record mapping shared by the generic formats (`csv`, `jsonl`, `parquet`): canonical fields read through
 * resolved source columns (a `--map` and the aliases of `FIELD_ALIASES`).
 */
import { dirname, isAbsolute, resolve } from 'node:path';

import type { Post, PostKind } from '../../model/post.js';
import type { CanonicalField } from '../canonical-field.js';
import { cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { ResolvedIngestOptions } from '../ingest-options.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { parseList } from '../parse-list.js';
import { POST_KIND_SYNONYMS, parsePostKind } from '../parse-post-kind.js';

/** Reads one source column of a record. */
export type FieldGetter<R> = (record: R) => unknown;

/** Generic record mapper: one record in, one post or one quarantine entry (plus account facts) out. */
export type GenericMapper<R> = (rec: R, record: number, b: ItemBuilder) => void;

const PROFILE_FIELDS = [
  'handle',
  'name',
  'created_at',
  'followers',
  'following',
  'bio',
  'profile_image',
  'label',
] as const;
const KIND_WORDS = Object.values(POST_KIND_SYNONYMS).flat().join(', ');

/**
 * Build the generic mapper.
 *
 * Per record:
 * - `account` (required; absent → `missing_field`), `ts` (required; absent → `missing_field`, unreadable →
 *   `invalid_value`).
 * - `id`; when absent a deterministic id `<file basename>#<record>` is made (see `ItemBuilder.syntheticPostId`).
 * - `platform` from the data (lower-cased), else the `platform` option, else `unknown`.
 * - `kind` from the data through `parsePostKind` (an unknown word → `invalid_value`); when absent: `parent` set →
 *   `share`, else `reply_to` set → `reply`, else `post`. `parentPostId` = `reply_to` first for replies, `parent`
 *   first otherwise; `parentAccountId` = `parent_account`.
 * - `urls`, `hashtags` (without `#`), `mentions` (without `@`), `media` through `parseList`; `text`, `lang`.
 *   When the table has no `urls` (or `hashtags`, or `mentions`) column, or a JSON record lacks the key, they are
 *   taken from the text itself
 *   (`entitiesFromText`: explicit http(s) links, `#tags`, `@handles`).
 * - `media_files`: local image paths (relative ones resolved against the input file's folder) become media
 *   entries `file:<absolute path>`; the signals stage hashes them with pHash. Nothing is opened here.
 * - Account facts (`handle`, `name`, `created_at`, `followers`, `following`, `bio`, `profile_image`, `label`) → an account item
 *   after an accepted post.
 *
 * @param columns canonical field → source column name (must hold `account` and `ts`)
 * @param getter makes the reader of one source column
 * @param options resolved options (platform default, zone via the builder)
 * @returns the mapper
 * @example
 * const map = genericRecordMapper({ account: 'u', ts: 't' }, (c) => (r: Record<string, unknown>) => r[c], opts);
 */
export function genericRecordMapper<R>(
  columns: Readonly<Partial<Record<CanonicalField, string>>>,
  getter: (column: string) => FieldGetter<R>,
  options: ResolvedIngestOptions,
): GenericMapper<R> {
  const get = (field: CanonicalField): FieldGetter<R> | undefined => {
    const column = columns[field];
    return column === undefined ? undefined : getter(column);
  };
  const accountCol = columns.account!;
  const tsCol = columns.ts!;
  const getAccount = get('account')!;
  const getTs = get('ts')!;
  const getId = get('id');
  const getText = get('text');
  const getPlatform = get('platform');
  const getKind = get('kind');
  const getParent = get('parent');
  const getParentAccount = get('parent_account');
  const getReplyTo = get('reply_to');
  const getUrls = get('urls');
  const getHashtags = get('hashtags');
  const getMentions = get('mentions');
  const getMedia = get('media');
  const getMediaFiles = get('media_files');
  const getLang = get('lang');
  const profile = PROFILE_FIELDS.some((f) => columns[f] !== undefined)
    ? {
        handle: get('handle'),
        name: get('name'),
        createdAt: get('created_at'),
        followers: get('followers'),
        following: get('following'),
        bio: get('bio'),
        profileImage: get('profile_image'),
        label: get('label'),
      }
    : undefined;
  const defaultPlatform = options.platform ?? 'unknown';
  const names: Partial<Record<keyof Post, string>> = { accountId: accountCol, tsMs: tsCol };
  const named: [keyof Post, CanonicalField][] = [
    ['postId', 'id'],
    ['text', 'text'],
    ['platform', 'platform'],
    ['kind', 'kind'],
    ['parentPostId', 'parent'],
    ['parentAccountId', 'parent_account'],
    ['urls', 'urls'],
    ['hashtags', 'hashtags'],
    ['mentions', 'mentions'],
    ['mediaHashes', 'media'],
    ['lang', 'lang'],
  ];
  for (const [key, field] of named) {
    const column = columns[field];
    if (column !== undefined) names[key] = column;
  }
  if (columns.parent === undefined && columns.reply_to !== undefined) names.parentPostId = columns.reply_to;
  const postNames: PostFieldNames = names;

  return (rec, record, b) => {
    const accountId = cellString(getAccount(rec));
    if (accountId === undefined) {
      b.missing(record, accountCol, 'an account id');
      return;
    }
    const t = b.time(getTs(rec), record, tsCol);
    if (t === undefined) return;
    let kind: PostKind | undefined;
    if (getKind !== undefined) {
      const word = cellString(getKind(rec));
      if (word !== undefined) {
        kind = parsePostKind(word);
        if (kind === undefined) {
          b.quarantine(
            record,
            columns.kind!,
            'invalid_value',
            `${columns.kind}: unknown post kind "${word.slice(0, 40)}": expected one of ${KIND_WORDS}`,
          );
          return;
        }
      }
    }
    const parent = getParent === undefined ? undefined : cellString(getParent(rec));
    const replyTo = getReplyTo === undefined ? undefined : cellString(getReplyTo(rec));
    if (kind === undefined) kind = parent !== undefined ? 'share' : replyTo !== undefined ? 'reply' : 'post';
    const platformValue = getPlatform === undefined ? undefined : cellString(getPlatform(rec));
    const platform = platformValue === undefined ? defaultPlatform : platformValue.toLowerCase();
    // A JSON record may lack a key other records have: absent (undefined) is not an empty list, so such a record
    // takes its entities from its text like a table without the column.
    const rawUrls = getUrls?.(rec);
    const rawHashtags = getHashtags?.(rec);
    const rawMentions = getMentions?.(rec);
    const post: Post = {
      platform,
      postId: (getId === undefined ? undefined : cellString(getId(rec))) ?? b.syntheticPostId(record),
      accountId,
      tsMs: t.tsMs,
      kind,
      urls: rawUrls === undefined ? [] : parseList(rawUrls),
      hashtags: rawHashtags === undefined ? [] : parseList(rawHashtags, '#'),
      mentions: rawMentions === undefined ? [] : parseList(rawMentions, '@'),
      mediaHashes: getMedia === undefined ? [] : parseList(getMedia(rec)),
      source: { file: b.file, record },
    };
    if (getMediaFiles !== undefined) {
      for (const path of parseList(getMediaFiles(rec))) post.mediaHashes.push(mediaFileRef(b.file, path));
    }
    const parentPostId = kind === 'reply' ? (replyTo ?? parent) : (parent ?? replyTo);
    if (parentPostId !== undefined) post.parentPostId = parentPostId;
    const parentAccount = getParentAccount === undefined ? undefined : cellString(getParentAccount(rec));
    if (parentAccount !== undefined) post.parentAccountId = parentAccount;
    const text = getText === undefined ? undefined : cellText(getText(rec));
    if (text !== undefined) {
      post.text = text;
      // No entity column: take the links, tags and mentions the text itself carries.
      if (rawUrls === undefined || rawHashtags === undefined || rawMentions === undefined) {
        const found = entitiesFromText(text);
        if (rawUrls === undefined) post.urls = found.urls;
        if (rawHashtags === undefined) post.hashtags = found.hashtags;
        if (rawMentions === undefined) post.mentions = found.mentions;
      }
    }
    const lang = getLang === undefined ? undefined : cellString(getLang(rec));
    if (lang !== undefined) post.lang = lang;
    if (!b.post(post, postNames, t.rule) || profile === undefined) return;
    const account = makeAccount(
      platform,
      accountId,
      {
        handle: profile.handle?.(rec),
        displayName: profile.name?.(rec),
        createdAt: profile.createdAt?.(rec),
        followers: profile.followers?.(rec),
        following: profile.following?.(rec),
        bio: profile.bio?.(rec),
        profileImage: profile.profileImage?.(rec),
        label: profile.label?.(rec),
      },
      b.zone,
      (fact, reason) => b.ignored(columns[fact === 'createdAt' ? 'created_at' : fact] ?? fact, reason),
    );
    if (account) b.account(account);
  };
}

/** Prefix of a media entry that names a local image file rather than a hash (see {@link mediaFileRef}). */
export const MEDIA_FILE_PREFIX = 'file:';

/**
 * The media entry of a local image file: `file:` + its absolute path, relative paths resolved against the folder
 * of the input file that names them (so a case folder can be moved as a whole).
 * @example mediaFileRef('/cases/x/posts.csv', 'img/a.jpg') // 'file:/cases/x/img/a.jpg'
 */
export function mediaFileRef(inputFile: string, path: string): string {
  return MEDIA_FILE_PREFIX + (isAbsolute(path) ? resolve(path) : resolve(dirname(resolve(inputFile)), path));
}
