/**
 * Adapter for Bluesky (AT Protocol) posts and reposts, one JSON object per line (or array element), in any of
 * these shapes:
 * - Jetstream events (bluesky-social/jetstream): `{ did, time_us, kind: "commit", commit: { operation,
 *   collection, rkey, record, cid } }`, and `kind: "identity"` events (`identity.handle`);
 * - `com.atproto.repo.listRecords` entries: `{ uri, cid, value: record }`;
 * - `app.bsky.feed.defs#postView` (searchPosts, getPosts): `{ uri, cid, author, record, likeCount, … }`, and
 *   `#feedViewPost` (getAuthorFeed, getTimeline): `{ post: postView, reason? }` with `#reasonRepost`.
 *
 * Field reference: AT Protocol lexicons `app.bsky.feed.post` (`text`, `createdAt`, `langs`, `reply.parent`,
 * `embed` of `app.bsky.embed.record` / `recordWithMedia` / `external`, `facets` with `app.bsky.richtext.facet#link`,
 * `#mention`, `#tag`), `app.bsky.feed.repost` (`subject`, `createdAt`), `app.bsky.feed.defs`, and the AT URI
 * scheme `at://<did>/<collection>/<rkey>`.
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import type { ItemBuilder, PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { JsonAdapter } from './adapter.js';
import { asArray, asObject, type JsonObject, jsonTypeName } from './json-value.js';

const POST = 'app.bsky.feed.post';
const REPOST = 'app.bsky.feed.repost';

/** postView count keys → `metrics` keys. */
const METRICS = [
  ['likeCount', 'likes'],
  ['repostCount', 'shares'],
  ['replyCount', 'replies'],
  ['quoteCount', 'quotes'],
] as const;

/**
 * The parts of an AT URI `at://<authority>/<collection>/<rkey>`.
 * @returns `undefined` when `uri` is not an AT URI with all three parts
 * @example parseAtUri('at://did:plc:abc/app.bsky.feed.post/3l3q') // { did: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3l3q' }
 */
export function parseAtUri(uri: unknown): { did: string; collection: string; rkey: string } | undefined {
  if (typeof uri !== 'string') return undefined;
  const m = /^at:\/\/([^/\s]+)\/([^/\s]+)\/([^/\s]+)$/.exec(uri.trim());
  return m === null ? undefined : { did: m[1]!, collection: m[2]!, rkey: m[3]! };
}

/** One record to map: who, its AT URI, the record, the field-path prefix of the record, extras. */
interface Found {
  did: string;
  uri: string;
  collection: string;
  record: JsonObject;
  prefix: string;
  counts?: JsonObject;
}

/**
 * Bluesky records → posts. Each line (or array element) is one record.
 *
 * Per post record: `postId` = its AT URI (`at://<did>/app.bsky.feed.post/<rkey>`, so reply and quote references
 * match it), `accountId` = the DID, `tsMs` = record.createdAt (the time the author's client asserts; Jetstream's
 * `time_us` is not used), `text`, `lang` = langs[0]. `urls` = facet links then `app.bsky.embed.external` uri;
 * `hashtags` = facet tags; `mentions` = facet mention DIDs. Kind: `reply.parent` → `reply` (parent = its uri);
 * else an embedded post (`app.bsky.embed.record`, or the `record.record` of `recordWithMedia`) → `quote`; else
 * `post`. `parentAccountId` = the DID of the parent's AT URI. A repost record (`app.bsky.feed.repost`) → `share`
 * of `subject.uri`. A feedViewPost with `#reasonRepost` → `share` by `reason.by` at `reason.indexedAt`, id =
 * `reason.uri` when given, else `repost:<by did>:<post uri>`. postView counts → `metrics`; `author` / `reason.by` /
 * identity events → account items (handle, display name). Other collections (likes, follows…), deletes and
 * account / identity events are `unsupported_record`. Platform = the `platform` option, default `bluesky`.
 */
export const blueskyAdapter: JsonAdapter = {
  format: 'bluesky',
  needs:
    'Bluesky records: Jetstream events (did, time_us, kind), listRecords entries (uri at://…, value) or postViews',
  detect: (first) =>
    (typeof first.did === 'string' && 'time_us' in first && 'kind' in first) ||
    (parseAtUri(first.uri) !== undefined &&
      (asObject(first.value) !== undefined || asObject(first.record) !== undefined)) ||
    parseAtUri(asObject(first.post)?.uri) !== undefined,
  bind(_first, options) {
    const platform = options.platform ?? 'bluesky';

    const emitProfile = (profile: unknown, b: ItemBuilder): void => {
      const p = asObject(profile);
      const did = cellString(p?.did);
      if (p === undefined || did === undefined) return;
      const account = makeAccount(platform, did, { handle: p.handle, displayName: p.displayName }, b.zone);
      if (account) b.account(account);
    };

    const unsupported = (record: number, field: string, what: string, b: ItemBuilder): void => {
      b.quarantine(
        record,
        field,
        'unsupported_record',
        `${what}: expected an app.bsky.feed.post or app.bsky.feed.repost record`,
      );
    };

    return (value, record, b) => {
      const obj = asObject(value);
      if (obj === undefined) {
        unsupported(record, '', `got ${jsonTypeName(value)}`, b);
        return;
      }
      if ('time_us' in obj && 'kind' in obj) {
        mapJetstream(obj, record, b);
        return;
      }
      const post = asObject(obj.post);
      if (post !== undefined) {
        emitProfile(post.author, b);
        const reason = asObject(obj.reason);
        if (reason?.$type === 'app.bsky.feed.defs#reasonRepost') {
          emitProfile(reason.by, b);
          mapRepostReason(post, reason, record, b);
          return;
        }
        mapView(post, record, b, 'post.');
        return;
      }
      if ('author' in obj) emitProfile(obj.author, b);
      mapView(obj, record, b, '');
    };

    function mapJetstream(event: JsonObject, record: number, b: ItemBuilder): void {
      if (event.kind === 'identity') {
        const identity = asObject(event.identity);
        emitProfile({ did: identity?.did ?? event.did, handle: identity?.handle }, b);
        unsupported(record, 'kind', 'an identity event (handle recorded as an account fact)', b);
        return;
      }
      const commit = asObject(event.commit);
      if (event.kind !== 'commit' || commit === undefined) {
        unsupported(record, 'kind', `a Jetstream ${cellString(event.kind) ?? 'unknown'} event`, b);
        return;
      }
      const collection = cellString(commit.collection) ?? '';
      if (commit.operation !== 'create' && commit.operation !== 'update') {
        unsupported(
          record,
          'commit.operation',
          `a ${cellString(commit.operation) ?? '?'} of ${collection}`,
          b,
        );
        return;
      }
      if (collection !== POST && collection !== REPOST) {
        unsupported(record, 'commit.collection', `a ${collection || 'record'} commit`, b);
        return;
      }
      const did = b.required(event.did, record, 'did', 'the author DID');
      if (did === undefined) return;
      const rkey = b.required(commit.rkey, record, 'commit.rkey', 'the record key');
      if (rkey === undefined) return;
      const rec = asObject(commit.record);
      if (rec === undefined) {
        b.missing(record, 'commit.record', 'the record object');
        return;
      }
      const found: Found = {
        did,
        uri: `at://${did}/${collection}/${rkey}`,
        collection,
        record: rec,
        prefix: 'commit.record.',
      };
      mapRecord(found, record, b);
    }

    function mapView(view: JsonObject, record: number, b: ItemBuilder, prefix: string): void {
      const at = parseAtUri(view.uri);
      if (at === undefined) {
        b.missing(record, `${prefix}uri`, 'the AT URI (at://did/collection/rkey)');
        return;
      }
      const rec = asObject(view.value) ?? asObject(view.record);
      if (rec === undefined) {
        b.missing(record, `${prefix}${'value' in view ? 'value' : 'record'}`, 'the record object');
        return;
      }
      if (at.collection !== POST && at.collection !== REPOST) {
        unsupported(record, `${prefix}uri`, `a ${at.collection} record`, b);
        return;
      }
      const recordKey = asObject(view.value) !== undefined ? 'value' : 'record';
      mapRecord(
        {
          did: at.did,
          uri: String(view.uri).trim(),
          collection: at.collection,
          record: rec,
          prefix: `${prefix}${recordKey}.`,
          counts: view,
        },
        record,
        b,
      );
    }

    function mapRepostReason(post: JsonObject, reason: JsonObject, record: number, b: ItemBuilder): void {
      const subject = b.required(post.uri, record, 'post.uri', 'the reposted post URI');
      if (subject === undefined) return;
      const by = b.required(asObject(reason.by)?.did, record, 'reason.by.did', 'the reposter DID');
      if (by === undefined) return;
      const t = b.time(reason.indexedAt, record, 'reason.indexedAt');
      if (t === undefined) return;
      const postId = cellString(reason.uri) ?? `repost:${by}:${subject}`;
      const share = b.basePost({ platform, postId, accountId: by, tsMs: t.tsMs, kind: 'share' }, record);
      share.parentPostId = subject;
      const parentDid = parseAtUri(subject)?.did;
      if (parentDid !== undefined) share.parentAccountId = parentDid;
      b.post(share, { postId: 'reason.uri', accountId: 'reason.by.did', tsMs: 'reason.indexedAt' }, t.rule);
    }

    function mapRecord(found: Found, record: number, b: ItemBuilder): void {
      const { record: rec, prefix } = found;
      // AT Protocol `datetime`: an ISO 8601 string. A number (`createdAt: 12`) would read as a 1970 epoch.
      if (
        rec.createdAt !== undefined &&
        !(typeof rec.createdAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(rec.createdAt))
      ) {
        b.quarantine(
          record,
          `${prefix}createdAt`,
          'invalid_value',
          `${prefix}createdAt: expected an ISO 8601 date-time string (AT Protocol datetime), got ${JSON.stringify(rec.createdAt)?.slice(0, 40)}`,
        );
        return;
      }
      const t = b.time(rec.createdAt, record, `${prefix}createdAt`);
      if (t === undefined) return;
      const post: Post = b.basePost(
        { platform, postId: found.uri, accountId: found.did, tsMs: t.tsMs, kind: 'post' },
        record,
      );
      const names: PostFieldNames = {
        postId: 'uri',
        accountId: 'did',
        tsMs: `${prefix}createdAt`,
        text: `${prefix}text`,
        parentPostId: `${prefix}reply.parent.uri`,
      };
      if (found.collection === REPOST) {
        const subject = cellString(asObject(rec.subject)?.uri);
        if (subject === undefined) {
          b.missing(record, `${prefix}subject.uri`, 'the reposted post URI');
          return;
        }
        post.kind = 'share';
        setParent(post, subject);
        b.post(post, { ...names, parentPostId: `${prefix}subject.uri` }, t.rule);
        return;
      }
      const text = cellText(rec.text);
      if (text !== undefined) post.text = text;
      const lang = cellString(asArray(rec.langs)[0]);
      if (lang !== undefined) post.lang = lang;
      readFacets(rec, post);
      const embed = asObject(rec.embed);
      const external = cellString(asObject(embed?.external)?.uri);
      if (external !== undefined && !post.urls.includes(external)) post.urls.push(external);
      const replyParent = cellString(asObject(asObject(rec.reply)?.parent)?.uri);
      const quoted = quotedUri(embed);
      if (replyParent !== undefined) {
        post.kind = 'reply';
        setParent(post, replyParent);
      } else if (quoted !== undefined) {
        post.kind = 'quote';
        setParent(post, quoted);
      }
      if (found.counts !== undefined) {
        const metrics: Record<string, number> = {};
        for (const [key, name] of METRICS) {
          const n = cellNumber(found.counts[key]);
          if (n !== undefined) metrics[name] = n;
        }
        if (Object.keys(metrics).length > 0) post.metrics = metrics;
      }
      b.post(post, names, t.rule);
    }
  },
};

/** Set `parentPostId` and, from the AT URI, `parentAccountId`. */
function setParent(post: Post, uri: string): void {
  post.parentPostId = uri;
  const did = parseAtUri(uri)?.did;
  if (did !== undefined) post.parentAccountId = did;
}

/** The AT URI of an embedded post (`app.bsky.embed.record` or `recordWithMedia`), if the embed quotes a post. */
function quotedUri(embed: JsonObject | undefined): string | undefined {
  if (embed === undefined) return undefined;
  const inner = asObject(embed.record);
  const ref = embed.$type === 'app.bsky.embed.recordWithMedia' ? asObject(inner?.record) : inner;
  const uri = cellString(ref?.uri);
  return parseAtUri(uri)?.collection === POST ? uri : undefined;
}

/** Links, tags and mentions from `app.bsky.richtext.facet` features. */
function readFacets(rec: JsonObject, post: Post): void {
  for (const facet of asArray(rec.facets)) {
    for (const feature of asArray(asObject(facet)?.features)) {
      const f = asObject(feature);
      const type = f?.$type;
      if (type === 'app.bsky.richtext.facet#link') {
        const uri = cellString(f?.uri);
        if (uri !== undefined) post.urls.push(uri);
      } else if (type === 'app.bsky.richtext.facet#tag') {
        const tag = cellString(f?.tag);
        if (tag !== undefined) post.hashtags.push(tag.replace(/^#/, ''));
      } else if (type === 'app.bsky.richtext.facet#mention') {
        const did = cellString(f?.did);
        if (did !== undefined) post.mentions.push(did);
      }
    }
  }
}
