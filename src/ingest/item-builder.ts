/**
 * Collects the items of one input while its records are mapped: validates posts with `PostSchema` (valibot
 * `safeParse`), turns every failure into exactly one quarantine entry, counts timestamp rules, and drops repeated
 * identical account facts.
 */
import { basename } from 'node:path';
import * as v from 'valibot';

import type { Account } from '../model/account.js';
import { type Post, type PostKind, PostSchema } from '../model/post.js';
import { type QuarantineCode, rawExcerpt } from '../model/quarantine.js';
import { cellString } from './cell-value.js';
import type { IngestItem } from './ingest-item.js';
import { parseTimestampInZone } from './parse-timestamp.js';
import type { TimeZone } from './time-zone.js';

/** Source field names of a post's fields, for quarantine messages (e.g. `{ tsMs: 'timestamp_share' }`). */
export type PostFieldNames = Readonly<Partial<Record<keyof Post, string>>>;

/** An accepted timestamp. */
export interface ParsedTime {
  /** UTC epoch ms. */
  tsMs: number;
  /** Rule name, see `parseTimestamp`. */
  rule: string;
}

/** Distinct accounts remembered for de-duplicating repeated identical account facts (then forgotten). */
export const ACCOUNT_MEMORY = 100_000;

/**
 * Item collector for one input file. Adapters call its methods once per record; the reader drains
 * {@link ItemBuilder.items} after each batch.
 * @example
 * const b = new ItemBuilder('a.csv', UTC_ZONE);
 * b.quarantine(3, 'timestamp', 'invalid_value', 'not a date');
 * b.items // [{ type: 'quarantine', entry: { file: 'a.csv', record: 3, … } }]
 */
export class ItemBuilder {
  /** Items produced since the last {@link ItemBuilder.drain}. */
  items: IngestItem[] = [];
  /**
   * Returns the raw text of the record being mapped (set once by the reader; called only for quarantine).
   * Default: `''`.
   */
  raw: () => string = () => '';
  /** Bytes of the file read so far (compressed bytes for gzip), kept current by the text reader; 0 for Parquet. */
  bytesRead = 0;
  private readonly base: string;
  private readonly rules: Record<string, number> = {};
  private readonly ignoredCounts: Record<string, number> = {};
  private readonly accountFacts = new Map<string, string>();

  /**
   * @param file input path as given (copied into every `source` and quarantine entry)
   * @param zone zone of naive timestamps
   */
  constructor(
    readonly file: string,
    readonly zone: TimeZone,
  ) {
    this.base = basename(file);
  }

  /** Take the items collected so far and start a new batch. */
  drain(): IngestItem[] {
    const out = this.items;
    this.items = [];
    return out;
  }

  /** Timestamp rule → accepted posts, so far. */
  timeRules(): Record<string, number> {
    return { ...this.rules };
  }

  /**
   * Count a value that was present but could not be used and was dropped while its record was kept (e.g. an
   * unreadable account creation date on a valid post): `field: reason` → count.
   * @param field source field (column or JSON path)
   * @param reason why the value was dropped
   */
  ignored(field: string, reason: string): void {
    const key = `${field}: ${reason}`;
    this.ignoredCounts[key] = (this.ignoredCounts[key] ?? 0) + 1;
  }

  /** Values dropped from kept records, `field: reason` → count, so far (see {@link ItemBuilder.ignored}). */
  ignoredValues(): Record<string, number> {
    return { ...this.ignoredCounts };
  }

  /**
   * Quarantine the current record.
   * @param record 1-based line or record number
   * @param field source field path (`''` for the whole record)
   * @param code stable code
   * @param reason what was wrong and what was expected
   * @param raw raw text; default the reader's {@link ItemBuilder.raw}
   */
  quarantine(record: number, field: string, code: QuarantineCode, reason: string, raw?: string): void {
    this.items.push({
      type: 'quarantine',
      entry: { file: this.file, record, field, code, reason, raw: rawExcerpt(raw ?? this.raw()) },
    });
  }

  /**
   * Parse a required timestamp; on failure quarantine the record (`missing_field` when absent, else
   * `invalid_value`) and return `undefined`.
   * @param value raw value
   * @param record 1-based record
   * @param field source field path, e.g. `timestamp_share` or `data[2].created_at`
   */
  time(value: unknown, record: number, field: string): ParsedTime | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.quarantine(
        record,
        field,
        'missing_field',
        `no timestamp in "${field}": expected a date-time or epoch value`,
      );
      return undefined;
    }
    const parsed = parseTimestampInZone(value, this.zone);
    if ('error' in parsed) {
      this.quarantine(record, field, 'invalid_value', `${field}: ${parsed.error}`);
      return undefined;
    }
    return parsed;
  }

  /**
   * Quarantine a record whose required field is absent (`missing_field`).
   * @param record 1-based record
   * @param field source field path
   * @param what what the field should hold, e.g. `the account id`
   */
  missing(record: number, field: string, what: string): void {
    this.quarantine(record, field, 'missing_field', `"${field}" is missing or empty: expected ${what}`);
  }

  /**
   * The id-like value of a required field, or `undefined` after quarantining the record as `missing_field`.
   * @param value the raw cell or JSON value
   * @param record 1-based record
   * @param field source field path
   * @param what what the field should hold, e.g. `the tweet id`
   */
  required(value: unknown, record: number, field: string, what: string): string | undefined {
    const text = cellString(value);
    if (text === undefined) this.missing(record, field, what);
    return text;
  }

  /**
   * A post with no entities yet (empty url, hashtag, mention and media lists), its source set to this file and
   * `record`; adapters fill in the rest before {@link ItemBuilder.post}.
   */
  basePost(
    fields: { platform: string; postId: string; accountId: string; tsMs: number; kind: PostKind },
    record: number,
  ): Post {
    return {
      ...fields,
      urls: [],
      hashtags: [],
      mentions: [],
      mediaHashes: [],
      source: { file: this.file, record },
    };
  }

  /**
   * Validate a post with `PostSchema` and emit it, or quarantine the record with the first issue (field named by
   * `names`, prefixed by `prefix`). Counts `rule` in {@link ItemBuilder.timeRules} when accepted.
   * @param post the candidate post (its `source` already set)
   * @param names source field names of the post's fields
   * @param rule timestamp rule of `post.tsMs`
   * @param prefix field-path prefix, e.g. `data[3].` for a tweet of a twarc2 page; default `''`
   * @returns `true` when the post was accepted
   */
  post(post: Post, names: PostFieldNames, rule: string, prefix = ''): boolean {
    const result = v.safeParse(PostSchema, post);
    if (result.success) {
      this.items.push({ type: 'post', post: result.output });
      this.rules[rule] = (this.rules[rule] ?? 0) + 1;
      return true;
    }
    const issue = result.issues[0];
    const path = issue.path ?? [];
    const top = String(path[0]?.key ?? '');
    let field = prefix + (names[top as keyof Post] ?? top);
    for (let i = 1; i < path.length; i++) {
      const key = path[i]!.key;
      field += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    }
    const code: QuarantineCode = issue.received === 'undefined' ? 'missing_field' : 'invalid_value';
    const shown = typeof issue.input === 'string' ? `"${issue.input.slice(0, 60)}"` : String(issue.input);
    this.quarantine(
      post.source.record,
      field,
      code,
      `${field} (post ${top}) ${issue.message} (got ${shown})`,
    );
    return false;
  }

  /**
   * Emit account facts, unless they repeat the last facts emitted for the same account (a per-file memory of
   * {@link ACCOUNT_MEMORY} accounts). Accounts without an id are ignored (they are extras, not records).
   */
  account(account: Account): void {
    if (account.accountId === '' || account.platform === '') return;
    const key = `${account.platform}\u0000${account.accountId}`;
    const facts = `${account.handle}\u0001${account.displayName}\u0001${account.createdAtMs}\u0001${account.followers}\u0001${account.following}\u0001${account.bio}\u0001${account.label}\u0001${account.profileImageHash}`;
    if (this.accountFacts.get(key) === facts) return;
    if (this.accountFacts.size >= ACCOUNT_MEMORY) this.accountFacts.clear();
    this.accountFacts.set(key, facts);
    this.items.push({ type: 'account', account });
  }

  /**
   * Deterministic post id for a record without one: `<file basename>#<record>` (and `.<index>` when one record
   * holds several posts, e.g. a twarc2 page). Stable across runs for the same file name and content.
   * @example new ItemBuilder('/data/a.csv', UTC_ZONE).syntheticPostId(17) // 'a.csv#17'
   */
  syntheticPostId(record: number, index?: number): string {
    return index === undefined ? `${this.base}#${record}` : `${this.base}#${record}.${index}`;
  }
}
