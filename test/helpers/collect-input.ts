/**
 * Test helper: read a whole input through `openInput` and sort its items into posts, accounts and quarantine
 * entries, in file order.
 */
import type { IngestOptions } from '../../src/ingest/ingest-options.js';
import { openInput } from '../../src/ingest/open-input.js';
import type { Account } from '../../src/model/account.js';
import type { Post } from '../../src/model/post.js';
import type { QuarantineEntry } from '../../src/model/quarantine.js';

/** Read `path` (with `options`) and return the reader and its items by type. */
export async function collectInput(path: string, options?: IngestOptions) {
  const reader = await openInput(path, options);
  const posts: Post[] = [];
  const accounts: Account[] = [];
  const quarantine: QuarantineEntry[] = [];
  for await (const item of reader.items()) {
    if (item.type === 'post') posts.push(item.post);
    else if (item.type === 'account') accounts.push(item.account);
    else quarantine.push(item.entry);
  }
  return { reader, posts, accounts, quarantine };
}
