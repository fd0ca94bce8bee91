/**
 * Edge significance: how likely is an edge's co-action by chance, under a null model that keeps each account's
 * activity and each object's popularity and synchrony but breaks the tie between the two accounts — and which
 * edges survive at a stated false-positive rate with multiple-testing control.
 *
 * Null model (per trace kind k; docs/methods.md §8):
 * - n_o: distinct accounts with a trace on object o; c_o: account pairs that co-acted on o (rows of
 *   `coaction_edge_objects`); q_o = c_o / C(n_o, 2), the object's own synchrony rate — near 1 for an object that
 *   everyone on it touches within the window (a news burst), small for one touched over weeks.
 * - r_a: posts of account a (distinct records with any trace, over all kinds); R = Σ_a r_a.
 * - Configuration-model placement at post level (Chung & Lu 2002, doi:10.1007/PL00012580; the degree-preserving
 *   null of bipartite projections, Neal 2014, doi:10.1016/j.socnet.2014.06.001): each post of b lands on object o
 *   in proportion to o's popularity, so P(b on o | a on o) ≈ r_b (n_o − 1) / (R − r_a), and given both are on o
 *   they co-act with probability q_o. The expected number of objects of kind k on which a and b co-act is then
 *   λ_{a→b} = r_b · A_a / (R − r_a) with A_a = Σ_{o ∋ a, o of kind k} (n_o − 1) q_o. Activity is counted in posts
 *   over all kinds, not in objects of kind k: a kind only a handful of accounts have (a rare misspelling, one
 *   image) must not make those accounts each other's only possible partners. The model is made symmetric by taking
 *   the larger of λ_{a→b} and λ_{b→a} (the more conservative one).
 * - The observed count k = distinct objects of kind k the two co-acted on, but at most the distinct posts of either
 *   account in those co-actions (one retweet carrying five hashtags is one act, not five); under the null it is approximately
 *   Poisson(λ) (a sum of many rare, nearly independent indicators; Le Cam 1960, doi:10.2140/pjm.1960.10.1181),
 *   so p_k = P(Poisson(λ) ≥ k). Computed in log space as the first-term bound
 *   P(X ≥ k) ≤ e^{−λ} λ^k / k! · 1 / (1 − λ/(k + 1)) for λ < k + 1 (conservative, and tight when λ ≪ k, i.e. for
 *   every edge that can be significant); p = 1 when λ ≥ k + 1.
 * - Kinds that restate one act are grouped in trace families ({@link TRACE_FAMILIES}: a shared link is a URL and
 *   a domain; a copied text is a text, a near-duplicate and maybe a misspelling). A family's count is the largest
 *   count of its kinds and its λ the largest λ. An edge is tested once per family and once for the sum over all
 *   families (Σ k against Poisson(Σ λ), λ of every family of the two accounts included, also those they did not
 *   co-act on), so evidence spread over several families adds up — the summed count is at most the distinct posts of
 *   either account in the edge's co-actions, so one retweet carrying a link and a hashtag is still one act (Σ λ
 *   counts such an act once per family, which keeps the sum test conservative); its p-value is the smallest of those F + 1
 *   p-values times F + 1 (Bonferroni; F = families with co-actions in the case, and no factor when F = 1).
 * Sums of doubles are made order-independent, so identical input gives identical bits whatever the thread count:
 * large ones in fixed point (`_sig_fsum`: 10^−15 units in a 128-bit integer), the few λ of an edge's families in a
 * fixed order.
 * Multiple testing over m = M(M − 1)/2, every pair of the M accounts with a trace of a paired kind: any of them
 * could have become an edge, and testing only the pairs that did co-act would select the hypotheses by their
 * outcome (the look-elsewhere effect):
 * - `bh` (default): Benjamini & Hochberg 1995 (doi:10.1111/j.2517-6161.1995.tb02031.x) at level α = `fpr`. When
 *   no edge is real (organic-only data) this keeps any edge at all with probability ≤ α; otherwise the expected
 *   share of chance edges among those kept is ≤ α.
 * - `bonferroni`: p ≤ α / m (family-wise error ≤ α). `none`: p ≤ α per edge (α·m chance edges expected).
 * Weights: an edge's weight sums, over the objects the two co-acted on, the object's inverse document frequency
 * idf_o = ln(1 + M_k / n_o), M_k = accounts with a trace of kind k — the TF-IDF idea of Pacheco et al. 2021
 * (doi:10.1609/icwsm.v15i1.18075): objects everyone touches say little. Louvain runs on these weights.
 *
 * @module
 */

import { ConfigError } from '../errors.js';
import type { SignificanceSummary } from '../model/run-info.js';
import type { TraceKind } from '../model/trace.js';
import type { DuckStore } from '../store/duck-store.js';

/** Multiple-testing corrections of {@link EdgeSignificanceOptions.correction}. */
export const CORRECTIONS = ['bh', 'bonferroni', 'none'] as const;
/** One of {@link CORRECTIONS}. */
export type Correction = (typeof CORRECTIONS)[number];

/** Options of {@link computeEdgeSignificance}. */
export interface EdgeSignificanceOptions {
  /** Level α in (0, 1): the stated false-positive rate. Default 0.001. */
  fpr: number;
  /** Multiple-testing control over the candidate edges. Default `'bh'`. */
  correction: Correction;
}

/** Defaults of {@link EdgeSignificanceOptions}: `fpr` 0.001, `correction` `'bh'`. */
export const EDGE_SIGNIFICANCE_DEFAULTS: Readonly<EdgeSignificanceOptions> = Object.freeze({
  fpr: 0.001,
  correction: 'bh',
});

/**
 * Check significance options.
 * @throws {ConfigError} when `fpr` is not in (0, 1) or `correction` is unknown
 */
export function validateEdgeSignificanceOptions(options: EdgeSignificanceOptions): void {
  if (typeof options.fpr !== 'number' || !(options.fpr > 0 && options.fpr < 1)) {
    throw new ConfigError(
      `detect/edge-significance: invalid \`fpr\` (${String(options.fpr)}). Expecting a number in (0, 1), e.g. 0.001.`,
    );
  }
  if (!(CORRECTIONS as readonly string[]).includes(options.correction)) {
    throw new ConfigError(
      `detect/edge-significance: invalid \`correction\` (${String(options.correction)}). Expecting one of: ${CORRECTIONS.join(', ')}.`,
    );
  }
}

/**
 * What {@link computeEdgeSignificance} found: the fields of run.json's `significance` (see
 * {@link SignificanceSummary}) except `applied` and `groups`, with the correction typed.
 */
export type EdgeSignificanceStats = Omit<SignificanceSummary, 'applied' | 'groups' | 'correction'> & {
  correction: Correction;
};

/**
 * Trace families: kinds that can restate one act share a family, and a family counts once in an edge's test.
 * `link` (url, domain), `hashtag` (hashtag, hashtagseq), `text` (text, neardup, misspelling), `reply`
 * (reply, mention), and `share`, `media`, `object` on their own.
 */
export const TRACE_FAMILIES: Readonly<Record<TraceKind, string>> = Object.freeze({
  url: 'link',
  domain: 'link',
  hashtag: 'hashtag',
  hashtagseq: 'hashtag',
  text: 'text',
  neardup: 'text',
  misspelling: 'text',
  reply: 'reply',
  mention: 'reply',
  share: 'share',
  media: 'media',
  object: 'object',
});

/** Tables written by {@link computeEdgeSignificance}. */
export const SIGNIFICANCE_TABLES = [
  'sig_objects',
  'sig_accounts',
  'sig_edge_kinds',
  'sig_edges',
  'sig_account_families',
  'sig_totals',
] as const;

/**
 * Test every candidate edge of `coaction_edges` against the null model of this module's header and mark the
 * significant ones.
 *
 * Input tables: `traces`, `coaction_edges`, `coaction_edge_kinds`, `coaction_edge_objects` (see
 * `computeCoactions`). Output tables (rebuilt):
 * - `sig_objects(object, kind, n, c, q, idf)` — per object of a paired kind: accounts, co-acting pairs, synchrony
 *   rate, inverse document frequency;
 * - `sig_accounts(account, kind, d, s, r)` — per account and kind: distinct objects d, A = Σ (n_o − 1) q_o, and
 *   the account's posts r (all kinds);
 * - `sig_edge_kinds(a, b, kind, k, expected, log10_p)` — per edge and kind: co-acted objects, λ, log10 p;
 * - `sig_edges(a, b, weight, log10_p, best_kind, expected, k_sum, lam_sum, rk, significant)` — per candidate
 *   edge: IDF weight, the edge p-value (log10), the kind with the smallest per-kind p and its λ, the summed count
 *   (distinct acts) and Σ λ over families, the rank by p, the verdict, and `group_log10_p` (set by
 *   `supportSignificantGroups` for the edges of a supported group: its group p-value);
 * - `sig_account_families(account, fam, s, r)` — per account and trace family: the largest A of its kinds and the
 *   account's posts (for group tests, `supportSignificantGroups`); `sig_totals(accounts, family, posts)`.
 *
 * @param store a case store after `computeCoactions`
 * @param options partial {@link EdgeSignificanceOptions}
 * @returns counts and the threshold used
 * @throws {ConfigError} on invalid options; {@link StoreError} when a query fails
 * @example
 * await computeCoactions(store);
 * const stats = await computeEdgeSignificance(store, { fpr: 0.001 });
 */
export async function computeEdgeSignificance(
  store: DuckStore,
  options: Partial<EdgeSignificanceOptions> = {},
): Promise<EdgeSignificanceStats> {
  const o: EdgeSignificanceOptions = { ...EDGE_SIGNIFICANCE_DEFAULTS, ...options };
  validateEdgeSignificanceOptions(o);
  const families = Object.entries(TRACE_FAMILIES)
    .map(([kind, family]) => `('${kind}', '${family}')`)
    .join(', ');
  await store.run(`
    DROP TABLE IF EXISTS sig_objects; DROP TABLE IF EXISTS sig_accounts;
    DROP TABLE IF EXISTS sig_edge_kinds; DROP TABLE IF EXISTS sig_edges;
    CREATE OR REPLACE TEMP MACRO _sig_fsum(x) AS sum(round(x * 1e15)::HUGEINT)::DOUBLE / 1e15;
    CREATE OR REPLACE TEMP MACRO _sig_lp(k, lam) AS
      CASE WHEN k <= 0 THEN 0.0
           WHEN lam <= 0 THEN -324.0
           WHEN lam < k + 1 THEN least(0.0, (-lam + k * ln(lam) - lgamma(k + 1) - ln(1 - lam / (k + 1))) / ln(10))
           ELSE 0.0 END;
    CREATE TEMP TABLE _sig_fam (kind VARCHAR, fam VARCHAR);
    INSERT INTO _sig_fam VALUES ${families};
    CREATE TEMP TABLE _sig_kinds AS SELECT DISTINCT kind FROM coaction_edge_kinds;
    CREATE TEMP TABLE _sig_ao AS
      SELECT DISTINCT t.account, t.object, t.kind FROM traces t SEMI JOIN _sig_kinds k ON t.kind = k.kind;
    CREATE TEMP TABLE _sig_m AS SELECT kind, count(DISTINCT account)::DOUBLE AS m FROM _sig_ao GROUP BY kind;
    CREATE TABLE sig_objects AS
      WITH n AS (SELECT object, any_value(kind) AS kind, count(*)::DOUBLE AS n FROM _sig_ao GROUP BY object),
           c AS (SELECT object, count(*)::DOUBLE AS c FROM coaction_edge_objects GROUP BY object)
      SELECT n.object, n.kind, n.n, coalesce(c.c, 0) AS c,
             CASE WHEN n.n >= 2 THEN least(1.0, coalesce(c.c, 0) / (n.n * (n.n - 1) / 2)) ELSE 0 END AS q,
             ln(1 + m.m / n.n) AS idf
      FROM n LEFT JOIN c USING (object) JOIN _sig_m m USING (kind);
    CREATE TEMP TABLE _sig_r AS SELECT account, count(DISTINCT rec)::DOUBLE AS r FROM traces GROUP BY account;
    CREATE TABLE sig_accounts AS
      WITH x AS (SELECT ao.account, ao.kind, count(*)::DOUBLE AS d, _sig_fsum((s.n - 1) * s.q) AS s
                 FROM _sig_ao ao JOIN sig_objects s USING (object) GROUP BY ao.account, ao.kind)
      SELECT x.*, r.r FROM x JOIN _sig_r r USING (account);
    CREATE TEMP TABLE _sig_n AS SELECT sum(r) AS n FROM _sig_r;
    CREATE TEMP TABLE _sig_pp AS
      SELECT a, b, kind, count(DISTINCT rec_a) AS pa, count(DISTINCT rec_b) AS pb FROM coaction_pairs GROUP BY a, b, kind;
    CREATE TABLE sig_edge_kinds AS
      WITH l AS (
        SELECT ek.a, ek.b, ek.kind, least(ek.objects, pp.pa, pp.pb)::DOUBLE AS k,
               greatest(xb.r * xa.s / greatest(1, tot.n - xa.r), xa.r * xb.s / greatest(1, tot.n - xb.r)) AS lam
        FROM coaction_edge_kinds ek
        JOIN _sig_pp pp ON pp.a = ek.a AND pp.b = ek.b AND pp.kind = ek.kind
        JOIN sig_accounts xa ON xa.account = ek.a AND xa.kind = ek.kind
        JOIN sig_accounts xb ON xb.account = ek.b AND xb.kind = ek.kind
        CROSS JOIN _sig_n tot)
      SELECT a, b, kind, k, lam AS expected, _sig_lp(k, lam) AS log10_p FROM l;
    DROP TABLE IF EXISTS sig_account_families; DROP TABLE IF EXISTS sig_totals;
    CREATE TABLE sig_account_families AS
      SELECT account, fam, max(s) AS s, any_value(r) AS r FROM sig_accounts JOIN _sig_fam USING (kind) GROUP BY account, fam;
    CREATE TEMP VIEW _sig_af AS SELECT account, fam, s FROM sig_account_families;
    CREATE TEMP TABLE _sig_fams AS SELECT DISTINCT fam FROM _sig_fam SEMI JOIN _sig_kinds USING (kind);
  `);
  const kinds = await store.scalar('SELECT count(*) FROM _sig_kinds');
  const familiesPresent = await store.scalar('SELECT count(*) FROM _sig_fams');
  const accounts = await store.scalar('SELECT count(DISTINCT account) FROM _sig_ao');
  const family = (accounts * (accounts - 1)) / 2;
  const tested = await store.scalar('SELECT count(*) FROM coaction_edges');
  const alpha = o.fpr;
  // One test per family and the sum over families: Bonferroni over those F + 1 tests (1 when F = 1).
  const tests = familiesPresent <= 1 ? 1 : familiesPresent + 1;
  await store.run(`
    CREATE TEMP TABLE _sig_ef AS
      WITH ek AS (SELECT a, b, fam, max(k) AS k FROM sig_edge_kinds JOIN _sig_fam USING (kind) GROUP BY a, b, fam)
      SELECT e.a, e.b, f.fam, coalesce(ek.k, 0) AS k,
             greatest(rb.r * coalesce(fa.s, 0) / greatest(1, tot.n - ra.r),
                      ra.r * coalesce(fb.s, 0) / greatest(1, tot.n - rb.r)) AS lam
      FROM coaction_edges e CROSS JOIN _sig_fams f CROSS JOIN _sig_n tot
      JOIN _sig_r ra ON ra.account = e.a JOIN _sig_r rb ON rb.account = e.b
      LEFT JOIN _sig_af fa ON fa.account = e.a AND fa.fam = f.fam
      LEFT JOIN _sig_af fb ON fb.account = e.b AND fb.fam = f.fam
      LEFT JOIN ek ON ek.a = e.a AND ek.b = e.b AND ek.fam = f.fam;
    CREATE TABLE sig_edges AS
      WITH best AS (
        SELECT a, b, arg_min(kind, (log10_p, kind)) AS best_kind, arg_min(expected, (log10_p, kind)) AS expected
        FROM sig_edge_kinds GROUP BY a, b),
      fams AS (
        SELECT f.a, f.b, min(_sig_lp(f.k, f.lam)) AS lp_family,
               least(sum(f.k), any_value(e.posts_a), any_value(e.posts_b)) AS k_sum, list_sum(list(f.lam ORDER BY f.fam)) AS lam_sum
        FROM _sig_ef f JOIN coaction_edges e USING (a, b) GROUP BY f.a, f.b),
      w AS (SELECT eo.a, eo.b, _sig_fsum(s.idf) AS weight
            FROM coaction_edge_objects eo JOIN sig_objects s USING (object) GROUP BY eo.a, eo.b),
      p AS (
        SELECT e.a, e.b, coalesce(w.weight, 0) AS weight,
               least(0.0, least(coalesce(fams.lp_family, 0), coalesce(_sig_lp(fams.k_sum, fams.lam_sum), 0)) + log10(${tests})) AS log10_p,
               best.best_kind, coalesce(best.expected, 0) AS expected,
               coalesce(fams.k_sum, 0)::DOUBLE AS k_sum, coalesce(fams.lam_sum, 0) AS lam_sum
        FROM coaction_edges e LEFT JOIN best USING (a, b) LEFT JOIN fams USING (a, b) LEFT JOIN w USING (a, b))
      SELECT *, row_number() OVER (ORDER BY log10_p, a, b) AS rk, false AS significant,
             NULL::DOUBLE AS group_log10_p FROM p;
    DROP TABLE _sig_kinds; DROP TABLE _sig_ao; DROP TABLE _sig_m; DROP TABLE _sig_r;
    DROP TABLE _sig_pp; DROP VIEW _sig_af; DROP TABLE _sig_fams; DROP TABLE _sig_fam; DROP TABLE _sig_ef;
    CREATE TABLE sig_totals AS SELECT ${accounts}::DOUBLE AS accounts, ${family}::DOUBLE AS family,
      (SELECT n FROM _sig_n) AS posts;
  `);
  const eps = 1e-9;
  const m = Math.max(1, family);
  let condition: string;
  if (o.correction === 'bh') {
    const cut = await store.scalar(
      `SELECT coalesce(max(rk), 0) FROM sig_edges WHERE log10_p <= log10(rk * ${alpha} / ${m}) + ${eps}`,
    );
    condition = `rk <= ${cut}`;
  } else if (o.correction === 'bonferroni') {
    condition = `log10_p <= ${Math.log10(alpha / m)} + ${eps}`;
  } else {
    condition = `log10_p <= ${Math.log10(alpha)} + ${eps}`;
  }
  await store.run(`UPDATE sig_edges SET significant = (${condition}); DROP TABLE _sig_n;`);
  const significant = await store.scalar('SELECT count(*) FROM sig_edges WHERE significant');
  const [row] = await store.all<{ t: number | null }>(
    'SELECT max(log10_p) AS t FROM sig_edges WHERE significant',
  );
  const [strongest] = await store.all<{ s: number | null }>('SELECT min(log10_p) AS s FROM sig_edges');
  return {
    tested,
    family,
    significant,
    kinds,
    families: familiesPresent,
    log10Threshold: row?.t === null || row?.t === undefined ? null : Number(row.t),
    log10Strongest: strongest?.s === null || strongest?.s === undefined ? null : Number(strongest.s),
    log10Needed: o.correction === 'none' ? Math.log10(alpha) : Math.log10(alpha / m),
    fpr: o.fpr,
    correction: o.correction,
  };
}
