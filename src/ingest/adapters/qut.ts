/**
 * Adapter for the QUT Digital Observatory Coordination Network Toolkit's CSV input (Graham, Bruns, Angus et al.
 * 2020–2024, github.com/QUT-Digital-Observatory/coordination-network-toolkit, README "Preprocessing: CSV"):
 * `message_id, user_id, username, repost_id, reply_id, message, timestamp, urls`. `timestamp` is seconds (float;
 * only relative offsets matter to the toolkit, so tiny values near 1970 are valid); `urls` is space-delimited or,
 * as in the toolkit's own sample, a Python-list string `['http://…', 'http://…']`.
 */
import type { Post } from '../../model/post.js';
import { cellString, cellText } from '../cell-value.js';
import type { PostFieldNames } from '../item-builder.js';
import { makeAccount } from '../make-account.js';
import { parseList } from '../parse-list.js';
import type { TableAdapter } from './adapter.js';
import { hasColumns, requireColumns } from './column-index.js';

const DETECT = ['message_id', 'user_id', 'repost_id', 'reply_id', 'timestamp'] as const;
const REQUIRED = ['message_id', 'user_id', 'timestamp'] as const;

/**
 * QUT toolkit CSV → posts: `postId` = message_id, `accountId` = user_id, `text` = message, `urls` from urls.
 * `repost_id` set → kind `share` with that parent; else `reply_id` set → kind `reply` with that parent; else
 * `post`. Platform = the `platform` option, default `twitter`. `username` becomes the account's handle.
 */
export const qutAdapter: TableAdapter = {
  format: 'qut',
  needs: `columns ${DETECT.join(', ')}`,
  detect: (header) => hasColumns(header, DETECT),
  bind(header, options, path) {
    const ix = requireColumns(header, REQUIRED, 'qut', path);
    const message = ix.get('message_id')!;
    const user = ix.get('user_id')!;
    const time = ix.get('timestamp')!;
    const username = ix.get('username');
    const repost = ix.get('repost_id');
    const reply = ix.get('reply_id');
    const text = ix.get('message');
    const urls = ix.get('urls');
    const platform = options.platform ?? 'twitter';
    const names: PostFieldNames = {
      postId: header[message]!,
      accountId: header[user]!,
      tsMs: header[time]!,
      ...(repost !== undefined ? { parentPostId: header[repost]! } : {}),
      ...(text !== undefined ? { text: header[text]! } : {}),
      ...(urls !== undefined ? { urls: header[urls]! } : {}),
    };
    return (values, record, b) => {
      const postId = b.required(values[message], record, header[message]!, 'the message id');
      if (postId === undefined) return;
      const accountId = b.required(values[user], record, header[user]!, 'the user id');
      if (accountId === undefined) return;
      const t = b.time(values[time], record, header[time]!);
      if (t === undefined) return;
      const repostId = repost === undefined ? undefined : cellString(values[repost]);
      const replyId = reply === undefined ? undefined : cellString(values[reply]);
      const post: Post = {
        ...b.basePost(
          {
            platform,
            postId,
            accountId,
            tsMs: t.tsMs,
            kind: repostId !== undefined ? 'share' : replyId !== undefined ? 'reply' : 'post',
          },
          record,
        ),
        urls: urls === undefined ? [] : parseList(values[urls]),
      };
      const parent = repostId ?? replyId;
      if (parent !== undefined) post.parentPostId = parent;
      const body = text === undefined ? undefined : cellText(values[text]);
      if (body !== undefined) post.text = body;
      if (!b.post(post, names, t.rule) || username === undefined) return;
      const account = makeAccount(platform, accountId, { handle: values[username] }, b.zone);
      if (account) b.account(account);
    };
  },
};
