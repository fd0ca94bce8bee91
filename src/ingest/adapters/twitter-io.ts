/**
 * Adapter for Twitter's information-operations archives (transparency.twitter.com, "Information operations"
 * tweet CSVs, 2018–2021 releases): one row per tweet with the author's profile repeated. `tweet_time` is naive
 * UTC (`2017-03-05 14:22`); `account_creation_date` a naive date; `hashtags`, `urls`, `user_mentions` are
 * list strings (`[tag1, tag2]` or `['a', 'b']`); `is_retweet` is `True`/`False`.
 */
import type { Post } from '../../model/post.js';
import { cellBoolean, cellNumber, cellString, cellText } from '../cell-value.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { parseList } from '../parse-list.js';
import type { TableAdapter } from './adapter.js';
import { hasColumns, requireColumns } from './column-index.js';

const REQUIRED = ['tweetid', 'userid', 'tweet_time'] as const;
/** Engagement columns → `metrics` keys. */
const METRICS = [
  ['like_count', 'likes'],
  ['retweet_count', 'shares'],
  ['reply_count', 'replies'],
  ['quote_count', 'quotes'],
] as const;

/**
 * Twitter IO archive → posts: `postId` = tweetid, `accountId` = userid, `text` = tweet_text,
 * `lang` = tweet_language, metrics from like/retweet/reply/quote counts. Kind: `is_retweet` true → `share` (parent
 * retweet_tweetid / retweet_userid); else in_reply_to_tweetid → `reply` (parent account in_reply_to_userid); else
 * quoted_tweet_tweetid → `quote`; else `post`. Times are read in the `tz` option (default UTC, which is what the
 * archive's README states). Account facts from user_screen_name, user_display_name, account_creation_date,
 * follower_count, following_count, user_profile_description. Platform = the `platform` option, default `twitter`.
 */
export const twitterIoAdapter: TableAdapter = {
  format: 'twitter-io',
  needs: `columns ${REQUIRED.join(', ')}`,
  detect: (header) => hasColumns(header, REQUIRED),
  bind(header, options, path) {
    const ix = requireColumns(header, REQUIRED, 'twitter-io', path);
    const col = (name: string): number | undefined => ix.get(name);
    const tweet = col('tweetid')!;
    const user = col('userid')!;
    const time = col('tweet_time')!;
    const text = col('tweet_text');
    const lang = col('tweet_language');
    const isRetweet = col('is_retweet');
    const rtTweet = col('retweet_tweetid');
    const rtUser = col('retweet_userid');
    const replyTweet = col('in_reply_to_tweetid');
    const replyUser = col('in_reply_to_userid');
    const quoted = col('quoted_tweet_tweetid');
    const hashtags = col('hashtags');
    const urls = col('urls');
    const mentions = col('user_mentions');
    const metrics = METRICS.map(([c, key]) => [col(c), key] as const).filter(([i]) => i !== undefined) as [
      number,
      string,
    ][];
    const profile = {
      handle: col('user_screen_name'),
      displayName: col('user_display_name'),
      createdAt: col('account_creation_date'),
      followers: col('follower_count'),
      following: col('following_count'),
      bio: col('user_profile_description'),
    };
    const platform = options.platform ?? 'twitter';
    const names: PostFieldNames = {
      postId: 'tweetid',
      accountId: 'userid',
      tsMs: 'tweet_time',
      text: 'tweet_text',
      lang: 'tweet_language',
      parentPostId: 'retweet_tweetid / in_reply_to_tweetid / quoted_tweet_tweetid',
      parentAccountId: 'retweet_userid / in_reply_to_userid',
      urls: 'urls',
      hashtags: 'hashtags',
      mentions: 'user_mentions',
      metrics: 'like_count / retweet_count / reply_count / quote_count',
    };
    const at = (values: readonly unknown[], i: number | undefined): string | undefined =>
      i === undefined ? undefined : cellString(values[i]);
    return (values, record, b) => {
      const postId = b.required(values[tweet], record, header[tweet]!, 'the tweet id');
      if (postId === undefined) return;
      const accountId = b.required(values[user], record, header[user]!, 'the user id');
      if (accountId === undefined) return;
      const t = b.time(values[time], record, header[time]!);
      if (t === undefined) return;
      const post: Post = {
        ...b.basePost({ platform, postId, accountId, tsMs: t.tsMs, kind: 'post' }, record),
        urls: urls === undefined ? [] : parseList(values[urls]),
        hashtags: hashtags === undefined ? [] : parseList(values[hashtags], '#'),
        mentions: mentions === undefined ? [] : parseList(values[mentions], '@'),
      };
      const replyId = at(values, replyTweet);
      const quotedId = at(values, quoted);
      let parent: string | undefined;
      let parentAccount: string | undefined;
      if (isRetweet !== undefined && cellBoolean(values[isRetweet]) === true) {
        post.kind = 'share';
        parent = at(values, rtTweet);
        parentAccount = at(values, rtUser);
      } else if (replyId !== undefined) {
        post.kind = 'reply';
        parent = replyId;
        parentAccount = at(values, replyUser);
      } else if (quotedId !== undefined) {
        post.kind = 'quote';
        parent = quotedId;
      }
      if (parent !== undefined) post.parentPostId = parent;
      if (parentAccount !== undefined) post.parentAccountId = parentAccount;
      const body = text === undefined ? undefined : cellText(values[text]);
      if (body !== undefined) post.text = body;
      const language = at(values, lang);
      if (language !== undefined) post.lang = language;
      if (metrics.length > 0) {
        const m: Record<string, number> = {};
        let any = false;
        for (const [i, key] of metrics) {
          const n = cellNumber(values[i]);
          if (n !== undefined) {
            m[key] = n;
            any = true;
          }
        }
        if (any) post.metrics = m;
      }
      if (!b.post(post, names, t.rule)) return;
      const account = makeAccount(
        platform,
        accountId,
        {
          handle: profile.handle === undefined ? undefined : values[profile.handle],
          displayName: profile.displayName === undefined ? undefined : values[profile.displayName],
          createdAt: profile.createdAt === undefined ? undefined : values[profile.createdAt],
          followers: profile.followers === undefined ? undefined : values[profile.followers],
          following: profile.following === undefined ? undefined : values[profile.following],
          bio: profile.bio === undefined ? undefined : values[profile.bio],
        },
        b.zone,
      );
      if (account) b.account(account);
    };
  },
};
