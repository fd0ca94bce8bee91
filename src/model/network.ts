/**
 * Shapes of a detection result: the coordination network (account pairs with co-action counts and evidence),
 * its clusters, and the per-account view. Produced by `src/detect` + `src/graph`, read by `src/export`.
 * Sources: co-action within a time window (Giglietto et al. 2020, doi:10.1080/1369118X.2020.1739732; Righetti &
 * Balluff, CooRTweet; Graham et al. 2024 QUT toolkit).
 */
import type { TraceKind } from './trace.js';

/** A pointer to one stored post, with what an investigator needs to check it. */
export interface PostRef {
  /** Platform name. */
  platform: string;
  /** Platform post id. */
  postId: string;
  /** Global account key `platform:accountId`. */
  accountKey: string;
  /** UTC epoch milliseconds. */
  tsMs: number;
  /** Post text as read (attacker-written: escape before display). */
  text?: string;
  /** Input file and 1-based line/record. */
  source: { file: string; record: number };
}

/** One co-action behind an edge: both accounts acted on `object` of `kind`, `dtSeconds` apart (≤ the window). */
export interface EvidencePair {
  kind: TraceKind;
  /** Canonical object value (URL, hashtag, parent post key, text hash…). */
  object: string;
  /** The post of account `a` of the edge. */
  postA: PostRef;
  /** The post of account `b` of the edge. */
  postB: PostRef;
  /** |t_a − t_b| in seconds (may be fractional). */
  dtSeconds: number;
}

/** Per-kind breakdown of an edge. */
export interface EdgeKindStats {
  kind: TraceKind;
  /** Co-action pairs of this kind. */
  coactions: number;
  /** Distinct objects of this kind the two accounts co-acted on. */
  objects: number;
  /**
   * Objects of this kind on which the two would co-act by chance (λ of the null model, `computeEdgeSignificance`);
   * absent when significance was not computed.
   */
  expected?: number;
  /** log10 of the probability of `objects` or more co-acted objects under the null model (≤ 0). */
  log10PValue?: number;
}

/**
 * An undirected edge of the account network, `a < b` by account key.
 * - `coactions`: number of co-action pairs (CooRTweet's `weight`); `objects`: distinct objects.
 * - `meanDtSeconds` / `medianDtSeconds`: over all co-action pairs.
 * - `symmetry`: CooRTweet's `edge_symmetry_score` = min/max of the two accounts' distinct posts in the pairs (0..1].
 * - `evidence`: a deterministic capped sample (smallest Δt first); `evidenceTotal` the full pair count.
 * - `pValue`, `log10PValue`, `expected`, `idfWeight`: the null-model test (present when significance was computed).
 */
export interface NetworkEdge {
  a: string;
  b: string;
  coactions: number;
  objects: number;
  meanDtSeconds: number;
  medianDtSeconds: number;
  symmetry: number;
  perKind: EdgeKindStats[];
  evidence: EvidencePair[];
  evidenceTotal: number;
  /**
   * Louvain weight when it is not `coactions`: in significance mode the sum of the inverse document frequencies of
   * the co-acted objects (Pacheco et al. 2021, doi:10.1609/icwsm.v15i1.18075). Absent: `coactions` is the weight.
   */
  weight?: number;
  /** Sum of the co-acted objects' inverse document frequencies (always set when significance was computed). */
  idfWeight?: number;
  /**
   * Probability of co-action at least this strong by chance under the null model (smallest per-kind p-value times
   * the number of kinds; see `computeEdgeSignificance`); may underflow to 0, so read `log10PValue` for ranking.
   */
  pValue?: number;
  /** log10 of {@link pValue} (≤ 0). */
  log10PValue?: number;
  /** Null-model expectation λ of co-acted objects in the edge's strongest kind. */
  expected?: number;
  /**
   * log10 p-value of the edge's group tested as a whole, when the edge lies in a supported group
   * (`supportSignificantGroups`); the group's evidence can be far stronger than the edge's own.
   */
  groupLog10PValue?: number;
}

/** An account of the network (a node), with its cluster. */
export interface NetworkAccount {
  /** Global key `platform:accountId`. */
  key: string;
  platform: string;
  accountId: string;
  handle?: string;
  displayName?: string;
  /** Cluster id (e.g. `C0001`), see {@link Cluster}. */
  cluster: string;
  /** Connected component index (0-based, largest first). */
  component: number;
  /** Number of neighbours in the kept network. */
  degree: number;
  /** Sum of co-actions over the account's kept edges. */
  coactions: number;
  /** Posts of the account in the case. */
  posts: number;
}

/** A top object of a cluster: what the cluster pushes together. */
export interface ClusterObject {
  kind: TraceKind;
  object: string;
  /** Co-action pairs on this object inside the cluster. */
  coactions: number;
  /** Distinct cluster accounts that co-acted on it. */
  accounts: number;
}

/**
 * A cluster (community) of coordinated accounts. Ids `C0001…` are assigned in a stable order: size descending, then
 * co-actions descending, then the smallest account key.
 */
export interface Cluster {
  id: string;
  size: number;
  /** Account keys, sorted. */
  accounts: string[];
  /** Platforms present, sorted. */
  platforms: string[];
  /** First and last co-action post time, UTC epoch ms. */
  firstTsMs: number;
  lastTsMs: number;
  /** Kept edges inside the cluster and their co-action total. */
  edges: number;
  coactions: number;
  /** Edge density inside the cluster (0..1). */
  density: number;
  /** Median Δt (s) over the cluster's evidence pairs. */
  medianDtSeconds: number;
  /** Per-kind co-actions inside the cluster. */
  perKind: EdgeKindStats[];
  /** Objects pushed together, most co-actions first (capped). */
  topObjects: ClusterObject[];
  /** Posts behind the cluster's evidence pairs, oldest first (capped). */
  evidencePosts: PostRef[];
}

/** The network part of a case: what exports and the UI read. */
export interface CoordinationNetwork {
  accounts: NetworkAccount[];
  edges: NetworkEdge[];
  clusters: Cluster[];
}
