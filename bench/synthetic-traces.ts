/**
 * `generateSyntheticTraces`: the {@link SyntheticModel} population appended straight to a case store's `traces`
 * table (DuckDB Appender), skipping CSV, ingest and encoding, for a co-action-only benchmark. Each post becomes the
 * traces `extractTraces` would give it (share, url + domain, hashtags, mention, text), with objects as integers in
 * disjoint per-kind ranges and accounts numbered like the CSV's account ids. Trending objects are named in
 * `object_dict`, so `bounded.top` is readable.
 *
 * @module
 */
import type { DuckStore } from '../src/store/duck-store.js';
import { SyntheticRenderer } from './generate-synthetic.js';
import { SyntheticModel, type SyntheticModelOptions, TEXT_NONE, TEXT_TEMPLATE } from './synthetic-model.js';

/** Options of {@link generateSyntheticTraces}: the target trace count plus any model option. */
export interface SyntheticTracesOptions extends Partial<Omit<SyntheticModelOptions, 'posts'>> {
  /** Traces wanted (≥ 20,000); the result is within about 1 % of it. */
  traces: number;
  seed: number;
}

/** What {@link generateSyntheticTraces} wrote. */
export interface SyntheticTracesResult {
  posts: number;
  traces: number;
  tracesByKind: Record<string, number>;
  /** Planted groups as lists of `traces.account` integers. */
  groups: number[][];
  plantedAccounts: number;
  model: SyntheticModel;
}

/** First object id of each kind (objects are unique across kinds, as `computeCoactions` requires). */
export const OBJECT_BASE = {
  share: 0,
  url: 100_000_000,
  domain: 200_000_000,
  hashtag: 300_000_000,
  mention: 400_000_000,
  text: 500_000_000,
  template: 1_500_000_000,
} as const;

/** Traces per post of a model, measured on its first `sample` posts. */
function tracesPerPost(options: SyntheticTracesOptions, sample = 200_000): number {
  const model = new SyntheticModel({ ...options, posts: sample * 2 });
  let traces = 0;
  let posts = 0;
  for (let p = model.next(); p !== null && posts < sample; p = model.next()) {
    posts++;
    traces += (p.parent >= 0 ? 1 : 0) + (p.url >= 0 ? 2 : 0) + (p.tag0 >= 0 ? 1 : 0) + (p.tag1 >= 0 ? 1 : 0);
    traces += (p.mention >= 0 ? 1 : 0) + (p.textKind !== TEXT_NONE ? 1 : 0);
  }
  return traces / posts;
}

/**
 * Append synthetic traces to `store`'s `traces` table (and trending names to `object_dict`).
 *
 * @param store an open case store (tables created; `traces` may already hold rows)
 * @param options `traces`, `seed` and any {@link SyntheticModelOptions} except `posts` (derived from `traces`)
 * @returns counts, the planted groups (account integers) and the model
 * @example
 * const store = await DuckStore.create(':memory:', { threads: 2 });
 * const { traces } = await generateSyntheticTraces(store, { traces: 10_000_000, seed: 42 });
 */
export async function generateSyntheticTraces(
  store: DuckStore,
  options: SyntheticTracesOptions,
): Promise<SyntheticTracesResult> {
  const posts = Math.max(10_000, Math.round(options.traces / tracesPerPost(options)));
  const model = new SyntheticModel({ ...options, posts });
  const render = new SyntheticRenderer(model);
  const app = await store.appender('traces');
  const byKind: Record<string, number> = { share: 0, url: 0, domain: 0, hashtag: 0, mention: 0, text: 0 };
  let traces = 0;
  const push = (account: number, rec: bigint, ts: bigint, kind: keyof typeof byKind, object: number) => {
    app.appendInteger(account);
    app.appendBigInt(rec);
    app.appendBigInt(ts);
    app.appendVarchar(kind);
    app.appendInteger(object);
    app.endRow();
    byKind[kind]!++;
    traces++;
  };
  for (let p = model.next(); p !== null; p = model.next()) {
    const account = model.accountNumber(p.account);
    const rec = BigInt(p.rec);
    const ts = BigInt(p.tsMs);
    if (p.parent >= 0) push(account, rec, ts, 'share', OBJECT_BASE.share + p.parent);
    if (p.url >= 0) {
      push(account, rec, ts, 'url', OBJECT_BASE.url + p.url);
      push(account, rec, ts, 'domain', OBJECT_BASE.domain + model.domainOf(p.url));
    }
    if (p.tag0 >= 0) push(account, rec, ts, 'hashtag', OBJECT_BASE.hashtag + p.tag0);
    if (p.tag1 >= 0) push(account, rec, ts, 'hashtag', OBJECT_BASE.hashtag + p.tag1);
    if (p.mention >= 0) push(account, rec, ts, 'mention', OBJECT_BASE.mention + p.mention);
    if (p.textKind === TEXT_TEMPLATE) push(account, rec, ts, 'text', OBJECT_BASE.template + p.template);
    else if (p.textKind !== TEXT_NONE) push(account, rec, ts, 'text', OBJECT_BASE.text + p.rec);
  }
  app.closeSync();

  const names: string[] = [];
  for (const t of model.trending) {
    if (t.kind === 'hashtag')
      names.push(`(${OBJECT_BASE.hashtag + t.index}, 'hashtag', '${render.hashtag(t.index)}')`);
    else {
      names.push(`(${OBJECT_BASE.url + t.index}, 'url', '${render.url(t.index)}')`);
      const d = model.domainOf(t.index);
      names.push(`(${OBJECT_BASE.domain + d}, 'domain', '${render.domain(d)}')`);
    }
  }
  if (names.length > 0) await store.run(`INSERT OR IGNORE INTO object_dict VALUES ${names.join(', ')}`);
  return {
    posts,
    traces,
    tracesByKind: byKind,
    groups: model.groups.map((g) => g.accounts.map((a) => model.accountNumber(a))),
    plantedAccounts: model.counts.plantedAccounts,
    model,
  };
}
