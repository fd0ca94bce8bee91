/**
 * Adapter for CooRTweet's input table (Righetti & Balluff, CooRTweet R package; columns as produced by its
 * `prep_data()` and shipped in `russian_coord_tweets`): `object_id` (the retweeted/shared object),
 * `account_id`, `content_id` (the share itself), `timestamp_share` (epoch seconds, UTC).
 */
import type { Post } from '../../model/post.js';
import { cellString } from '../cell-value.js';
import type { PostFieldNames } from '../item-builder.js';
import type { TableAdapter } from './adapter.js';
import { hasColumns, requireColumns } from './column-index.js';

const COLUMNS = ['object_id', 'account_id', 'content_id', 'timestamp_share'] as const;

/**
 * CooRTweet table → one `share` post per row: `postId` = content_id, `accountId` = account_id,
 * `parentPostId` = object_id, `tsMs` from timestamp_share; platform = the `platform` option, default `twitter`.
 * A row without object_id, account_id, content_id or timestamp_share is quarantined (`missing_field`).
 */
export const coortweetAdapter: TableAdapter = {
  format: 'coortweet',
  needs: `columns ${COLUMNS.join(', ')}`,
  detect: (header) => hasColumns(header, COLUMNS),
  bind(header, options, path) {
    const ix = requireColumns(header, COLUMNS, 'coortweet', path);
    const object = ix.get('object_id')!;
    const account = ix.get('account_id')!;
    const content = ix.get('content_id')!;
    const time = ix.get('timestamp_share')!;
    const platform = options.platform ?? 'twitter';
    const names: PostFieldNames = {
      postId: header[content]!,
      accountId: header[account]!,
      tsMs: header[time]!,
      parentPostId: header[object]!,
    };
    return (values, record, b) => {
      const accountId = cellString(values[account]);
      if (accountId === undefined) {
        b.missing(record, header[account]!, 'the id of the sharing account');
        return;
      }
      const postId = cellString(values[content]);
      if (postId === undefined) {
        b.missing(record, header[content]!, 'the id of the share (content_id)');
        return;
      }
      const parentPostId = cellString(values[object]);
      if (parentPostId === undefined) {
        b.missing(record, header[object]!, 'the id of the shared object');
        return;
      }
      const t = b.time(values[time], record, header[time]!);
      if (t === undefined) return;
      const post: Post = {
        platform,
        postId,
        accountId,
        tsMs: t.tsMs,
        kind: 'share',
        urls: [],
        hashtags: [],
        mentions: [],
        mediaHashes: [],
        parentPostId,
        source: { file: b.file, record },
      };
      b.post(post, names, t.rule);
    };
  },
};
