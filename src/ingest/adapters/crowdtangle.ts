/**
 * Adapter for CrowdTangle CSV exports (Meta; the dashboard's "Historical Data" / saved-search downloads, and the
 * same columns in Meta Content Library migration guides), for Facebook Pages/groups and Instagram accounts.
 * Column reference: CrowdTangle Codebook (Garmur, King, Mukerjee, Persily & Silverman 2019, v1.1) and CrowdTangle
 * Help "Historical data" (field list of CSV downloads):
 * - Facebook: `Page Name` (or `Group Name`), `User Name`, `Facebook Id`, `Page Created`, `Page Description`,
 *   `Followers at Posting`, `Post Created` (`2021-01-06 16:07:56 EST`: the dashboard's zone as an abbreviation),
 *   `Type`, `Likes`, `Comments`, `Shares`, `Post Views`, `URL` (the post), `Message`, `Link`, `Final Link`.
 * - Instagram: `Account`, `User Name`, `Followers at Posting`, `Post Created`, `Type`, `Likes`, `Comments`,
 *   `Views`, `URL` (the post), `Link`, `Description` (the caption).
 */
import type { Post } from '../../model/post.js';
import { cellNumber, cellString, cellText } from '../cell-value.js';
import { entitiesFromText } from '../entities-from-text.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import type { TableAdapter } from './adapter.js';
import { type ColumnIndex, columnIndex, requireColumns } from './column-index.js';

/**
 * UTC offsets of the zone abbreviations CrowdTangle writes after `Post Created` (North American zones, which the
 * dashboard uses by default, plus common European ones). Others are left to the timestamp parser (and rejected).
 */
export const CROWDTANGLE_ZONE_OFFSETS: Readonly<Record<string, string>> = Object.freeze({
  UTC: '+00:00',
  GMT: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
});

const ZONE_SUFFIX = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s+([A-Z]{3,4})$/;

/**
 * A CrowdTangle time with a trailing zone abbreviation rewritten as an ISO 8601 offset; other values unchanged.
 * @example crowdtangleTime('2021-01-06 16:07:56 EST') // '2021-01-06 16:07:56-05:00'
 */
export function crowdtangleTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = ZONE_SUFFIX.exec(value.trim());
  const offset = m === null ? undefined : CROWDTANGLE_ZONE_OFFSETS[m[2]!];
  return m === null || offset === undefined ? value : `${m[1]}${offset}`;
}

const FACEBOOK_DETECT = ['facebook_id', 'post_created', 'url'] as const;
const INSTAGRAM_DETECT = ['account', 'user_name', 'post_created', 'url'] as const;

/** A Facebook permalink of a post, photo or video (what a share links to). */
const FACEBOOK_POST_LINK =
  /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/(?:[^/?#]+\/(?:posts|videos|photos)\/|permalink\.php\?|story\.php\?|photo(?:\.php)?\?|watch\/?\?v=)/i;

/** Is this header a CrowdTangle Facebook or Instagram export? */
function platformOf(index: ColumnIndex): 'facebook' | 'instagram' | undefined {
  if (FACEBOOK_DETECT.every((c) => index.has(c))) return 'facebook';
  if (INSTAGRAM_DETECT.every((c) => index.has(c)) && !index.has('facebook_id')) return 'instagram';
  return undefined;
}

/**
 * CrowdTangle CSV → posts; the platform is `facebook` when the header has `Facebook Id`, else `instagram` (the
 * `platform` option overrides).
 * - `postId` = URL (the post's permalink: CrowdTangle CSVs carry no post id column), `accountId` = Facebook Id
 *   (Facebook) or User Name (Instagram, whose CSV has no numeric id), `tsMs` = Post Created (zone abbreviation
 *   read through {@link CROWDTANGLE_ZONE_OFFSETS}; a naive value is read in `--tz`).
 * - `text` = Message (Facebook) or Description (Instagram caption); hashtags and mentions from that text; `urls` =
 *   Final Link else Link (Facebook) plus the text's links, without the post's own URL.
 * - Kind: a Facebook row whose Link is another Facebook post's permalink is a `share` of it (`parentPostId` = that
 *   link, matching the shared post's `postId` when it is in the data), or a `quote` when the row has its own
 *   Message; every other row is a `post`. (CrowdTangle exports no comments and no reply structure.)
 * - Metrics: likes ← Likes, replies ← Comments, shares ← Shares, views ← Post Views / Views.
 * - Account facts: handle ← User Name, display name ← Page Name / Group Name / Account, createdAt ← Page Created,
 *   followers ← Followers at Posting, bio ← Page Description.
 * Rows without URL, account or a readable Post Created are quarantined.
 */
export const crowdtangleAdapter: TableAdapter = {
  format: 'crowdtangle',
  needs: `columns ${FACEBOOK_DETECT.join(', ')} (Facebook) or ${INSTAGRAM_DETECT.join(', ')} (Instagram)`,
  detect: (header) => platformOf(columnIndex(header)) !== undefined,
  bind(header, options, path) {
    const detected = platformOf(columnIndex(header));
    const ix = requireColumns(
      header,
      detected === 'instagram' ? INSTAGRAM_DETECT : FACEBOOK_DETECT,
      'crowdtangle',
      path,
    );
    const facebook = detected !== 'instagram';
    const platform = options.platform ?? (facebook ? 'facebook' : 'instagram');
    const col = (name: string): number | undefined => ix.get(name);
    const url = col('url')!;
    const time = col('post_created')!;
    const account = facebook ? col('facebook_id')! : col('user_name')!;
    const text = facebook ? col('message') : col('description');
    const link = col('link');
    const finalLink = col('final_link');
    const metricCols = [
      ['likes', col('likes')],
      ['replies', col('comments')],
      ['shares', col('shares')],
      ['views', col('post_views') ?? col('views')],
    ] as const;
    const profile = {
      handle: col('user_name'),
      displayName: col('page_name') ?? col('group_name') ?? col('account'),
      createdAt: col('page_created'),
      followers: col('followers_at_posting'),
      bio: col('page_description'),
    };
    const names: PostFieldNames = {
      postId: header[url]!,
      accountId: header[account]!,
      tsMs: header[time]!,
      ...(text !== undefined ? { text: header[text]! } : {}),
      ...(link !== undefined ? { parentPostId: header[link]!, urls: header[finalLink ?? link]! } : {}),
    };
    const at = (values: readonly unknown[], i: number | undefined): unknown =>
      i === undefined ? undefined : values[i];

    return (values, record, b) => {
      const postId = b.required(values[url], record, header[url]!, 'the post URL');
      if (postId === undefined) return;
      const accountId = b.required(
        values[account],
        record,
        header[account]!,
        facebook ? 'the Facebook id of the Page or group' : 'the Instagram user name',
      );
      if (accountId === undefined) return;
      const t = b.time(crowdtangleTime(values[time]), record, header[time]!);
      if (t === undefined) return;
      const post: Post = b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record);
      const body = cellText(at(values, text));
      if (body !== undefined) post.text = body;
      const linked = cellString(at(values, link));
      const target = cellString(at(values, finalLink)) ?? linked;
      if (facebook && linked !== undefined && linked !== postId && FACEBOOK_POST_LINK.test(linked)) {
        post.kind = body === undefined ? 'share' : 'quote';
        post.parentPostId = linked;
      }
      if (facebook && target !== undefined && target !== postId) post.urls.push(target);
      if (body !== undefined) {
        const e = entitiesFromText(body);
        for (const u of e.urls) if (!post.urls.includes(u)) post.urls.push(u);
        post.hashtags.push(...e.hashtags);
        post.mentions.push(...e.mentions);
      }
      const metrics: Record<string, number> = {};
      let any = false;
      for (const [key, i] of metricCols) {
        const n = cellNumber(at(values, i));
        if (n !== undefined) {
          metrics[key] = n;
          any = true;
        }
      }
      if (any) post.metrics = metrics;
      if (!b.post(post, names, t.rule)) return;
      const acc = makeAccount(
        platform,
        accountId,
        {
          handle: at(values, profile.handle),
          displayName: at(values, profile.displayName),
          createdAt: crowdtangleTime(at(values, profile.createdAt)),
          followers: at(values, profile.followers),
          bio: at(values, profile.bio),
        },
        b.zone,
        (fact, reason) => {
          const i = fact === 'createdAt' ? profile.createdAt : profile.followers;
          b.ignored(i === undefined ? fact : header[i]!, reason);
        },
      );
      if (acc) b.account(acc);
    };
  },
};
