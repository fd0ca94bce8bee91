/**
 * Adapter for CooRTweet's long cross-platform table (the `german_elections` sample: Righetti, Giglietto et al.
 * 2022): `account_id` (with a platform prefix `fb_` / `tw_`), `post_id`, `url_id`, `hashtag_id`, `domain_id`,
 * `phash_id`, `timestamp` (epoch seconds). One row per (post, entity): a post repeats across rows.
 */
import type { Post, SuppliedObject } from '../../model/post.js';
import { cellString } from '../cell-value.js';
import type { PostFieldNames } from '../item-builder.js';
import type { TableAdapter } from './adapter.js';
import { columnIndex, requireColumns } from './column-index.js';

const REQUIRED = ['account_id', 'post_id', 'timestamp'] as const;
/** Entity columns and the supplied-object kind each becomes. */
const ENTITY_COLUMNS = [
  ['url_id', 'url'],
  ['hashtag_id', 'hashtag'],
  ['domain_id', 'domain'],
  ['phash_id', 'media'],
] as const;
/** Account-id prefixes → platform. */
const PREFIXES: readonly (readonly [string, string])[] = [
  ['fb_', 'facebook'],
  ['tw_', 'twitter'],
];

/**
 * Long CooRTweet table → one `post` per row: `postId` = post_id, `accountId` = the full account_id (prefix kept,
 * so ids stay unique across platforms), platform from the prefix (`fb_` → facebook, `tw_` → twitter; otherwise the
 * `platform` option, default `unknown`), and `objects` = the row's non-empty entity ids as
 * `{ kind: 'url' | 'hashtag' | 'domain' | 'media', id }` (ids used verbatim as co-action objects).
 * Detected by account_id, post_id, timestamp and at least one entity column.
 */
export const coortweetLongAdapter: TableAdapter = {
  format: 'coortweet-long',
  needs: `columns ${REQUIRED.join(', ')} and one of ${ENTITY_COLUMNS.map(([c]) => c).join(', ')}`,
  detect(header) {
    const ix = columnIndex(header);
    return REQUIRED.every((c) => ix.has(c)) && ENTITY_COLUMNS.some(([c]) => ix.has(c));
  },
  bind(header, options, path) {
    const ix = requireColumns(header, REQUIRED, 'coortweet-long', path);
    const account = ix.get('account_id')!;
    const postCol = ix.get('post_id')!;
    const time = ix.get('timestamp')!;
    const entities = ENTITY_COLUMNS.filter(([c]) => ix.has(c)).map(
      ([c, kind]) => [ix.get(c)!, kind] as const,
    );
    const fallbackPlatform = options.platform ?? 'unknown';
    const names: PostFieldNames = {
      postId: header[postCol]!,
      accountId: header[account]!,
      tsMs: header[time]!,
      objects: 'entity ids',
    };
    return (values, record, b) => {
      const accountId = b.required(values[account], record, header[account]!, 'the account id (e.g. fb_123)');
      if (accountId === undefined) return;
      const postId = b.required(values[postCol], record, header[postCol]!, 'the post id');
      if (postId === undefined) return;
      const t = b.time(values[time], record, header[time]!);
      if (t === undefined) return;
      let platform = fallbackPlatform;
      for (const [prefix, name] of PREFIXES) {
        if (accountId.startsWith(prefix)) {
          platform = name;
          break;
        }
      }
      const objects: SuppliedObject[] = [];
      for (const [col, kind] of entities) {
        const id = cellString(values[col]);
        if (id !== undefined) objects.push({ kind, id });
      }
      const post: Post = {
        ...b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record),
        objects,
      };
      b.post(post, names, t.rule);
    };
  },
};
