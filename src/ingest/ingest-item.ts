/**
 * What an input yields: accepted posts, account profile facts, and quarantined records.
 */
import type { Account } from '../model/account.js';
import type { Post } from '../model/post.js';
import type { QuarantineEntry } from '../model/quarantine.js';

/**
 * One item of an input, in file order.
 * - `post`: one accepted record, validated against `PostSchema`; `post.source = { file, record }`.
 * - `account`: profile facts found along the way (not a record: not counted in `read`).
 * - `quarantine`: one rejected record, with file, record, field, code, reason and a raw excerpt.
 *
 * Accounting: every input record yields exactly one `post` or exactly one `quarantine` item.
 */
export type IngestItem =
  | { type: 'post'; post: Post }
  | { type: 'account'; account: Account }
  | { type: 'quarantine'; entry: QuarantineEntry };
