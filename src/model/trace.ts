/**
 * Traces: one behavioural act of one account on one object (DESIGN.md §2). Derived from posts by `src/traces`.
 */

/**
 * Trace kinds. `url` canonical URL; `domain` registrable domain; `hashtag` NFKC + case-folded tag; `mention`
 * mentioned account; `share` same parent post (co-retweet/co-share); `reply` same reply target; `text` exact
 * normalized text (copypasta); `media` image hash, or the perceptual-hash group it falls in; `object` an opaque id a
 * table supplies (CooRTweet `object_id`). Three kinds are computed across posts by the signals stage
 * (`src/signals`), not per post: `neardup` near-duplicate text group (MinHash + LSH), `misspelling` a shared rare
 * misspelling (a writer's fingerprint), `hashtagseq` the ordered hashtag sequence of an account's UTC day
 * (Pacheco et al. 2021, case 3).
 */
export const TRACE_KINDS = [
  'url',
  'domain',
  'hashtag',
  'mention',
  'share',
  'reply',
  'text',
  'media',
  'object',
  'neardup',
  'misspelling',
  'hashtagseq',
] as const;

/** Kinds computed across posts by the signals stage rather than per post at ingest. */
export const CORPUS_TRACE_KINDS: readonly TraceKind[] = ['neardup', 'misspelling', 'hashtagseq'];
/** One of {@link TRACE_KINDS}. */
export type TraceKind = (typeof TRACE_KINDS)[number];

/** A trace as extracted from one post, before dictionary encoding: `object` is the canonical string. */
export interface TraceDraft {
  /** What kind of object was acted on. */
  kind: TraceKind;
  /** Canonical object key within the kind (canonical URL, folded hashtag, parent post key, text hash…). */
  object: string;
}
