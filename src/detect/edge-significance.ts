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
 * - The observed count k = distinct objects of kind k the two co-acted on; under the null it is approximately
 *   Poisson(λ) (a sum of many rare, nearly independent indicators; Le Cam 1960, doi:10.2140/pjm.1960.10.1181),
 *   so p_k = P(Poisson(λ) ≥ k). Computed in log space as the first-term bound
 *   P(X ≥ k) ≤ e^{−λ} λ^k / k! · 1 / (1 − λ/(k + 1)) for λ < k + 1 (conservative, and tight when λ ≪ k, i.e. for
 *   every edge that can be significant); p = 1 when λ ≥ k + 1.
 * - An edge is tested once: its p-value is the smallest per-kind p-value times the number of kinds that produced
 *   co-actions in the case (Bonferroni over kinds, since kinds overlap: one shared link is a URL and a domain).
 * Multiple testing over the m candidate edges (every account pair with ≥ 1 co-action):
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

/** What {@link computeEdgeSignificance} found. */
export interface EdgeSignificanceStats {
  /** Candidate edges tested (m). */
  tested: number;
  /** Edges significant after the correction. */
  significant: number;
  /** Trace kinds that produced co-actions (the Bonferroni factor over kinds). */
  kinds: number;
  /** The largest p-value kept (log10), or null when nothing was kept. */
  log10Threshold: number | null;
  /** The options used. */
  fpr: number;
  correction: Correction;
}

/** Tables written by {@link computeEdgeSignificance}. */
export const SIGNIFICANCE_TABLES = ['sig_objects', 'sig_accounts', 'sig_edge_kinds', 'sig_edges'] as const;

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
 * - `sig_edges(a, b, weight, log10_p, best_kind, expected, rk, significant)` — per candidate edge.
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
  await store.run(`
    DROP TABLE IF EXISTS sig_objects; DROP TABLE IF EXISTS sig_accounts;
    DROP TABLE IF EXISTS sig_edge_kinds; DROP TABLE IF EXISTS sig_edges;
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
      WITH x AS (SELECT ao.account, ao.kind, count(*)::DOUBLE AS d, sum((s.n - 1) * s.q) AS s
                 FROM _sig_ao ao JOIN sig_objects s USING (object) GROUP BY ao.account, ao.kind)
      SELECT x.*, r.r FROM x JOIN _sig_r r USING (account);
    CREATE TEMP TABLE _sig_n AS SELECT sum(r) AS n FROM _sig_r;
    CREATE TABLE sig_edge_kinds AS
      WITH l AS (
        SELECT ek.a, ek.b, ek.kind, ek.objects::DOUBLE AS k,
               greatest(xb.r * xa.s / greatest(1, tot.n - xa.r), xa.r * xb.s / greatest(1, tot.n - xb.r)) AS lam
        FROM coaction_edge_kinds ek
        JOIN sig_accounts xa ON xa.account = ek.a AND xa.kind = ek.kind
        JOIN sig_accounts xb ON xb.account = ek.b AND xb.kind = ek.kind
        CROSS JOIN _sig_n tot)
      SELECT a, b, kind, k, lam AS expected,
             CASE WHEN lam <= 0 THEN -324.0
                  WHEN lam < k + 1 THEN least(0.0, (-lam + k * ln(lam) - lgamma(k + 1) - ln(1 - lam / (k + 1))) / ln(10))
                  ELSE 0.0 END AS log10_p
      FROM l;
  `);
  const kinds = await store.scalar('SELECT count(*) FROM _sig_kinds');
  const tested = await store.scalar('SELECT count(*) FROM coaction_edges');
  const alpha = o.fpr;
  // Per-edge p: best kind × number of kinds, capped at 1; rank for Benjamini–Hochberg.
  await store.run(`
    CREATE TABLE sig_edges AS
      WITH best AS (
        SELECT a, b, arg_min(kind, (log10_p, kind)) AS best_kind, min(log10_p) AS lp,
               arg_min(expected, (log10_p, kind)) AS expected
        FROM sig_edge_kinds GROUP BY a, b),
      w AS (SELECT eo.a, eo.b, sum(s.idf) AS weight
            FROM coaction_edge_objects eo JOIN sig_objects s USING (object) GROUP BY eo.a, eo.b)
      SELECT e.a, e.b, coalesce(w.weight, 0) AS weight,
             least(0.0, coalesce(best.lp, 0) + log10(${Math.max(1, kinds)})) AS log10_p,
             best.best_kind, coalesce(best.expected, 0) AS expected,
             row_number() OVER (ORDER BY least(0.0, coalesce(best.lp, 0) + log10(${Math.max(1, kinds)})), e.a, e.b) AS rk,
             false AS significant
      FROM coaction_edges e LEFT JOIN best USING (a, b) LEFT JOIN w USING (a, b);
    DROP TABLE _sig_kinds; DROP TABLE _sig_ao; DROP TABLE _sig_m; DROP TABLE _sig_n; DROP TABLE _sig_r;
  `);
  const eps = 1e-9;
  const m = Math.max(1, tested);
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
  await store.run(`UPDATE sig_edges SET significant = (${condition})`);
  const significant = await store.scalar('SELECT count(*) FROM sig_edges WHERE significant');
  const [row] = await store.all<{ t: number | null }>(
    'SELECT max(log10_p) AS t FROM sig_edges WHERE significant',
  );
  return {
    tested,
    significant,
    kinds,
    log10Threshold: row?.t === null || row?.t === undefined ? null : Number(row.t),
    fpr: o.fpr,
    correction: o.correction,
  };
}
