/**
 * Group support: a test of whole candidate groups under the same null model as the edges, for campaigns whose
 * pairwise evidence is modest but whose members all act together — 30 accounts that each share only six daily
 * hashtag sequences with each other are unremarkable pair by pair, and overwhelming as a group.
 *
 * Method (docs/methods.md §8.3):
 * 1. Candidate edges: p ≤ max(α, {@link CANDIDATE_LEVEL}) per edge, no correction (`sig_edges`, see
 *    `computeEdgeSignificance`).
 * 2. Candidate groups: seeded Louvain communities of the candidate network (Blondel et al. 2008,
 *    doi:10.1088/1742-5468/2008/10/P10008) with at least `minGroupSize` accounts.
 * 3. For a group C: K = Σ over all co-action edges inside C of the edge's count of distinct acts (`k_sum`), minus
 *    the counts on a maximum spanning tree of its candidate edges — the edges that formed the group were selected
 *    for being strong, so a chance chain or star of candidate edges keeps nothing beyond its tree; Λ = an upper
 *    bound of Σ λ over all pairs of C, Σ_f Σ_{a ∈ C} A_{a,f} (r_C − r_a) / (R − r_a) (every λ_{a,b} = max of the
 *    two directions is at most their sum). p_C = P(Poisson(Λ) ≥ K), the same first-term bound as the edges.
 * 4. A group is supported when p_C ≤ α / m, with m the pair family of the edge test (Bonferroni: at least as
 *    strict as one edge test), and its co-acted objects are mostly its own (median share of an object's accounts
 *    inside the group ≥ {@link MIN_EXCLUSIVE_SHARE}). Co-actions are counted per pair, and one event among many
 *    members makes many pairs at once, so the Poisson total is only trusted where the events are the group's
 *    own; measured on organic-only data (news bursts, viral hashtags), groups of burst riders otherwise pass.
 *    The candidate edges inside a supported group with at least {@link MIN_GROUP_EDGE_ACTS} acts are marked
 *    significant, and every edge inside it carries the group's p-value (`group_log10_p`).
 *
 * @module
 */
import { buildAccountGraph } from '../graph/build-account-graph.js';
import { findClusters } from '../graph/find-clusters.js';
import type { NetworkEdge } from '../model/network.js';
import { UnionFind } from '../signals/union-find.js';
import type { DuckStore } from '../store/duck-store.js';

/** Options of {@link supportSignificantGroups}. */
export interface GroupSupportOptions {
  /** Level α, the edge filter's false-positive rate. */
  fpr: number;
  /** Louvain seed (as the clusters). Default 42. */
  seed?: number | string;
  /** Smallest candidate group tested (smaller ones rest on their edge tests). Default 3. */
  minGroupSize?: number;
}

/** What {@link supportSignificantGroups} found. */
export interface GroupSupportStats {
  /** Candidate edges (p ≤ max(α, 0.001) uncorrected). */
  candidateEdges: number;
  /** Candidate groups tested. */
  groups: number;
  /** Groups supported. */
  supportedGroups: number;
  /** Edges newly marked significant because their group is supported. */
  edgesAdded: number;
}

const ln10 = Math.log(10);

/**
 * Smallest median share of an object's accounts that are inside the group, over the objects the group co-acted on,
 * for the group test to apply. A campaign's objects are mostly its own (its texts, links, hashtag sequences, the
 * posts it amplifies); a group riding popular objects (a news burst shared by hundreds) was formed by those objects,
 * so its members' co-occurrence on them is no evidence beyond its edges and it rests on its edge tests.
 */
export const MIN_EXCLUSIVE_SHARE = 0.5;

/**
 * Least uncorrected p-value level of candidate edges: max(α, 0.001). A stricter α tightens the group test (α/m) but
 * not the forming of groups, so a campaign whose pairs sit at p ≈ 10^−3 is still tested as a whole at `--fpr 1e-5`.
 */
export const CANDIDATE_LEVEL = 0.001;

/**
 * Fewest distinct acts (`k_sum`) a candidate edge needs to be kept through its group: one shared act with a member
 * (replying to the same post once, say) does not make an account part of a campaign.
 */
export const MIN_GROUP_EDGE_ACTS = 2;

/** log10 P(Poisson(λ) ≥ k), first-term upper bound (as the SQL of `computeEdgeSignificance`). */
export function log10PoissonTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return -324;
  if (lambda >= k + 1) return 0;
  let lnFact = 0;
  for (let i = 2; i <= k; i++) lnFact += Math.log(i);
  return Math.min(0, (-lambda + k * Math.log(lambda) - lnFact - Math.log(1 - lambda / (k + 1))) / ln10);
}

/**
 * Test candidate groups and mark the candidate edges of supported groups significant in `sig_edges`.
 * @param store a case after `computeEdgeSignificance`
 * @param options α, Louvain seed, smallest group
 * @returns counts
 * @throws {StoreError} when a query fails
 */
export async function supportSignificantGroups(
  store: DuckStore,
  options: GroupSupportOptions,
): Promise<GroupSupportStats> {
  const minGroupSize = options.minGroupSize ?? 3;
  const limit = Math.log10(Math.max(options.fpr, CANDIDATE_LEVEL));
  const candidates = await store.all<{ a: number; b: number; ka: string; kb: string; w: number; k: number }>(
    `SELECT e.a, e.b, da.key AS ka, db.key AS kb, e.weight AS w, e.k_sum AS k
     FROM sig_edges e JOIN account_dict da ON da.account = e.a JOIN account_dict db ON db.account = e.b
     WHERE e.log10_p <= ${limit} + 1e-9 ORDER BY ka, kb`,
  );
  const stats: GroupSupportStats = {
    candidateEdges: candidates.length,
    groups: 0,
    supportedGroups: 0,
    edgesAdded: 0,
  };
  if (candidates.length === 0) return stats;
  const edges = candidates.map(
    (c): NetworkEdge => ({
      a: c.ka,
      b: c.kb,
      coactions: Number(c.k),
      objects: Number(c.k),
      meanDtSeconds: 0,
      medianDtSeconds: 0,
      symmetry: 1,
      perKind: [],
      evidence: [],
      evidenceTotal: 0,
      weight: Number(c.w),
    }),
  );
  const { assignment } = findClusters(buildAccountGraph(edges), {
    seed: options.seed ?? 42,
    resolution: 1,
    minClusterSize: minGroupSize,
  });
  if (assignment.size === 0) return stats;
  const idOf = new Map<string, number>();
  for (const c of candidates) {
    idOf.set(c.ka, Number(c.a));
    idOf.set(c.kb, Number(c.b));
  }
  const groupOf = new Map<string, string>(assignment);
  const groups = [...new Set(groupOf.values())].sort();
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  stats.groups = groups.length;

  // Maximum spanning tree of each group's candidate edges (Kruskal, strongest first; ties by key order).
  const treeK = new Float64Array(groups.length);
  const uf = new UnionFind(idOf.size);
  const node = new Map([...idOf.keys()].map((key, i) => [key, i]));
  const internal = candidates
    .filter((c) => groupOf.get(c.ka) !== undefined && groupOf.get(c.ka) === groupOf.get(c.kb))
    .sort((x, y) => Number(y.k) - Number(x.k));
  for (const c of internal) {
    if (uf.union(node.get(c.ka)!, node.get(c.kb)!))
      treeK[groupIndex.get(groupOf.get(c.ka)!)!]! += Number(c.k);
  }

  const members = [...groupOf].map(([key, g]) => `(${idOf.get(key)}, ${groupIndex.get(g)})`);
  await store.run(`CREATE OR REPLACE TEMP TABLE _grp (account INTEGER, grp INTEGER);
    INSERT INTO _grp VALUES ${members.join(', ')};`);
  try {
    const rows = await store.all<{
      grp: number;
      k: number | null;
      lam: number | null;
      exclusive: number | null;
    }>(`
      WITH k AS (
        SELECT ga.grp, sum(e.k_sum) AS k FROM sig_edges e
        JOIN _grp ga ON ga.account = e.a JOIN _grp gb ON gb.account = e.b AND gb.grp = ga.grp GROUP BY ga.grp),
      rc AS (SELECT g.grp, sum(f.r) AS rc FROM _grp g
             JOIN (SELECT DISTINCT account, r FROM sig_account_families) f USING (account) GROUP BY g.grp),
      lam AS (
        SELECT g.grp, sum(round(f.s * (rc.rc - f.r) / greatest(1, t.posts - f.r) * 1e15)::HUGEINT)::DOUBLE / 1e15 AS lam
        FROM _grp g JOIN sig_account_families f USING (account) JOIN rc USING (grp) CROSS JOIN sig_totals t
        GROUP BY g.grp),
      go AS (SELECT DISTINCT ga.grp, eo.object FROM coaction_edge_objects eo
             JOIN _grp ga ON ga.account = eo.a JOIN _grp gb ON gb.account = eo.b AND gb.grp = ga.grp),
      ins AS (SELECT go.grp, go.object, count(DISTINCT t.account) AS inside FROM go
              JOIN traces t ON t.object = go.object JOIN _grp g ON g.account = t.account AND g.grp = go.grp
              GROUP BY go.grp, go.object),
      x AS (SELECT ins.grp, median(ins.inside / s.n) AS exclusive FROM ins JOIN sig_objects s USING (object)
            GROUP BY ins.grp)
      SELECT k.grp, k.k, lam.lam, x.exclusive FROM k LEFT JOIN lam USING (grp) LEFT JOIN x USING (grp)
      ORDER BY k.grp`);
    const [totals] = await store.all<{ family: number }>('SELECT family FROM sig_totals');
    const threshold = Math.log10(options.fpr / Math.max(1, Number(totals?.family ?? 1)));
    const supported: number[] = [];
    const groupP: string[] = [];
    for (const row of rows) {
      const g = Number(row.grp);
      const k = Math.max(0, Math.round(Number(row.k ?? 0) - treeK[g]!));
      const lp = log10PoissonTail(k, Number(row.lam ?? 0));
      if (lp <= threshold && Number(row.exclusive ?? 0) >= MIN_EXCLUSIVE_SHARE) {
        supported.push(g);
        groupP.push(`(${g}, ${lp})`);
      }
    }
    stats.supportedGroups = supported.length;
    if (supported.length === 0) return stats;
    await store.run(`CREATE OR REPLACE TEMP TABLE _grp_p (grp INTEGER, lp DOUBLE); INSERT INTO _grp_p VALUES ${groupP.join(', ')};
      UPDATE sig_edges SET group_log10_p = x.lp
      FROM (SELECT ga.account AS ga, gb.account AS gb, p.lp FROM _grp ga JOIN _grp gb ON ga.grp = gb.grp
            JOIN _grp_p p ON p.grp = ga.grp) x
      WHERE sig_edges.a = x.ga AND sig_edges.b = x.gb;
      DROP TABLE _grp_p;`);
    const before = await store.scalar('SELECT count(*) FROM sig_edges WHERE significant');
    await store.run(`UPDATE sig_edges SET significant = true
      FROM (SELECT ga.account AS ga, gb.account AS gb FROM _grp ga JOIN _grp gb ON ga.grp = gb.grp
            WHERE ga.grp IN (${supported.join(', ')})) x
      WHERE sig_edges.a = x.ga AND sig_edges.b = x.gb AND NOT sig_edges.significant
        AND sig_edges.log10_p <= ${limit} + 1e-9 AND sig_edges.k_sum >= ${MIN_GROUP_EDGE_ACTS}`);
    stats.edgesAdded = (await store.scalar('SELECT count(*) FROM sig_edges WHERE significant')) - before;
    return stats;
  } finally {
    await store.run('DROP TABLE IF EXISTS _grp').catch(() => undefined);
  }
}
