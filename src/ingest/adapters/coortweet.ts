/**
 * Adapter for CooRTweet's input table (Righetti & Balluff, CooRTweet R package; columns as produced by its
 * `prep_data()` and shipped in `russian_coord_tweets`): `object_id` (the retweeted/shared object),
 * `account_id`, `content_id` (the share itself), `timestamp_share` (epoch seconds, UTC).
 */
import type { Post } from '../../model/post.js';
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
      const accountId = b.required(
        values[account],
        record,
        header[account]!,
        'the id of the sharing account',
      );
      if (accountId === undefined) return;
      const postId = b.required(
        values[content],
        record,
        header[content]!,
        'the id of the share (content_id)',
      );
      if (postId === undefined) return;
      const parentPostId = b.required(values[object], record, header[object]!, 'the id of the shared object');
      if (parentPostId === undefined) return;
      const t = b.time(values[time], record, header[time]!);
      if (t === undefined) return;
      const post: Post = {
        ...b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'share' }, record),
        parentPostId,
      };
      b.post(post, names, t.rule);
    };
  },
};
