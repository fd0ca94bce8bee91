/**
 * Adapter for Meta Content Library (MCL) CSV downloads of Facebook posts (the Content Library web UI's download,
 * and the same fields written to CSV from the Content Library API), successor of CrowdTangle for research access.
 * Column reference:
 * - Meta, "Content Library and API: Data dictionary", Facebook post node
 *   (https://developers.facebook.com/docs/content-library-and-api/appendix/data-dictionary, formerly
 *   https://developers.facebook.com/docs/content-library-api/data): `id` (Meta Content Library ID), `text`
 *   (tags excluded), `creation_time`, `modified_time`, `lang` (ISO 639-1), `statistics.like_count`,
 *   `statistics.comment_count`, … Nested fields are written with dot notation ("expanded fields").
 * - The CSV layout (one column per expanded field: `post_owner.id`, `post_owner.name`, `post_owner.type`,
 *   `post_owner.username`, `surface.*`, `link_attachment.link`, `shared_post_id`, `statistics.share_count`,
 *   `statistics.views`, `mcl_url`, `multimedia`, `is_branded_content`, …) as read by Giglietto's CSDS
 *   preprocessor for MCL exports (github.com/fabiogiglietto/csds-preprocessor, `src/types/index.ts`
 *   `MetaContentLibraryRow`, `src/App.tsx`).
 * Instagram downloads are read with the same columns when `--platform instagram` is given; their exact column set
 * was not confirmed from documentation, so the adapter never guesses Instagram from the header.
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { TableAdapter } from './adapter.js';
import { columnIndex, requireColumns } from './column-index.js';

/**
 * Normalised columns that identify an MCL post download: `id`, `creation_time`, `post_owner.id` (normalised
 * `post_owner_id`). CrowdTangle (`Facebook Id`, `Post Created`), CooRTweet (`object_id`, `timestamp_share`) and
 * the generic aliases do not use `creation_time` with `post_owner.id`, so no other format's file matches.
 */
export const META_CONTENT_LIBRARY_DETECT: readonly string[] = Object.freeze([
  'id',
  'creation_time',
  'post_owner_id',
]);

/** Post metric key → MCL column (normalised). */
const METRIC_COLUMNS = [
  ['likes', 'statistics_like_count'],
  ['replies', 'statistics_comment_count'],
  ['shares', 'statistics_share_count'],
  ['views', 'statistics_views'],
] as const;

/**
 * Meta Content Library CSV → posts. Platform `facebook` unless the `platform` option says otherwise (e.g.
 * `instagram` for an Instagram download).
 * - `postId` = `id` (the MCL id), `accountId` = `post_owner.id`, `tsMs` = `creation_time` (ISO 8601; a value
 *   without offset is read in `--tz`), `lang` = `lang`.
 * - `text` = `text`; hashtags, mentions and links from it; `urls` = `link_attachment.link` plus the text's links.
 * - Kind: a row with `shared_post_id` is a `share` of that post (`parentPostId` = the shared post's MCL id, which
 *   matches its `postId` when it is in the data), or a `quote` when the row has its own `text`; else `post`.
 * - Metrics: likes ← `statistics.like_count`, replies ← `statistics.comment_count`, shares ←
 *   `statistics.share_count`, views ← `statistics.views`.
 * - Account facts: handle ← `post_owner.username`, display name ← `post_owner.name`.
 * Rows without `id`, `post_owner.id` or a readable `creation_time` are quarantined.
 */
export const metaContentLibraryAdapter: TableAdapter = {
  format: 'meta-content-library',
  needs: 'columns id, creation_time, post_owner.id',
  detect: (header) => {
    const index = columnIndex(header);
    return META_CONTENT_LIBRARY_DETECT.every((c) => index.has(c));
  },
  bind(header, options, path) {
    const ix = requireColumns(header, META_CONTENT_LIBRARY_DETECT, 'meta-content-library', path);
    const platform = options.platform ?? 'facebook';
    const col = (name: string): number | undefined => ix.get(name);
    const idCol = col('id')!;
    const timeCol = col('creation_time')!;
    const ownerCol = col('post_owner_id')!;
    const textCol = col('text');
    const langCol = col('lang');
    const linkCol = col('link_attachment_link');
    const sharedCol = col('shared_post_id');
    const handleCol = col('post_owner_username');
    const nameCol = col('post_owner_name');
    const metricCols = METRIC_COLUMNS.map(([key, name]) => [key, col(name)] as const);
    const names: PostFieldNames = {
      postId: header[idCol]!,
      accountId: header[ownerCol]!,
      tsMs: header[timeCol]!,
      ...(textCol !== undefined ? { text: header[textCol]! } : {}),
      ...(langCol !== undefined ? { lang: header[langCol]! } : {}),
      ...(sharedCol !== undefined ? { parentPostId: header[sharedCol]! } : {}),
      ...(linkCol !== undefined ? { urls: header[linkCol]! } : {}),
    };
    const at = (values: readonly unknown[], i: number | undefined): unknown =>
      i === undefined ? undefined : values[i];

    return (values, record, b) => {
      const postId = b.required(values[idCol], record, header[idCol]!, 'the Meta Content Library post id');
      if (postId === undefined) return;
      const accountId = b.required(
        values[ownerCol],
        record,
        header[ownerCol]!,
        'the id of the post owner (Page, profile or account)',
      );
      if (accountId === undefined) return;
      const t = b.time(values[timeCol], record, header[timeCol]!);
      if (t === undefined) return;
      const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const body = cellText(at(values, textCol));
      if (body !== undefined) post.text = body;
      const lang = cellString(at(values, langCol));
      if (lang !== undefined) post.lang = lang;
      const shared = cellString(at(values, sharedCol));
      if (shared !== undefined && shared !== postId) {
        post.kind = body === undefined ? 'share' : 'quote';
        post.parentPostId = shared;
      }
      const link = cellString(at(values, linkCol));
      if (link !== undefined) post.urls.push(link);
      if (body !== undefined) addEntities(post, body);
      const metrics = readMetrics(values, metricCols);
      if (metrics !== undefined) post.metrics = metrics;
      if (!b.post(post, names, t.rule)) return;
      const acc = makeAccount(
        platform,
        accountId,
        { handle: at(values, handleCol), displayName: at(values, nameCol) },
        b.zone,
      );
      if (acc) b.account(acc);
    };
  },
};

/** Append the links (not already present), hashtags and mentions found in `text`. */
function addEntities(post: Post, text: string): void {
  const e = entitiesFromText(text);
  for (const u of e.urls) if (!post.urls.includes(u)) post.urls.push(u);
  post.hashtags.push(...e.hashtags);
  post.mentions.push(...e.mentions);
}

/** The numeric metric cells of a row, or `undefined` when none is numeric. */
function readMetrics(
  values: readonly unknown[],
  cols: readonly (readonly [string, number | undefined])[],
): Record<string, number> | undefined {
  const metrics: Record<string, number> = {};
  let any = false;
  for (const [key, i] of cols) {
    const n = i === undefined ? undefined : cellNumber(values[i]);
    if (n !== undefined) {
      metrics[key] = n;
      any = true;
    }
  }
  return any ? metrics : undefined;
}
