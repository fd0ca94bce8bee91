/**
 * Shapes of the scores (issue 4): per cluster and per clustered account, a 0–1 score that combines the evidence of
 * coordination (co-action significance, synchrony, content duplication, signal diversity, shift pattern, creation
 * batches, handle patterns, cross-platform span), with its reasons in plain words, links to the evidence in the
 * report, and the DISARM / Meta kill-chain ids of the behaviours behind it. Produced by `src/score`, read by
 * `src/export`. The formula is documented in `scoreCase` and docs/methods.md §9.
 */

/** Components of a score, each in [0, 1]. */
export const SCORE_COMPONENTS = [
  'significance',
  'synchrony',
  'duplication',
  'diversity',
  'schedule',
  'creation',
  'handles',
  'crossPlatform',
] as const;

/** One of {@link SCORE_COMPONENTS}. */
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** A technique id with its name (and, for DISARM, a link to its page). */
export interface TtpTag {
  id: string;
  name: string;
  url?: string;
}

/** One reason behind a score. */
export interface ScoreReason {
  /** Behaviour id of the TTP vocabulary (e.g. `copypasta`), or null for the significance summary. */
  behaviour: string | null;
  /**
   * Plain words, e.g. "29 accounts re-shared the same 14 posts together (310 co-actions)". Built from counts; only
   * platform names come from the data, so escape it like any other text when rendering.
   */
  text: string;
  /** Anchor of the evidence in report.html (e.g. `C0001-evidence`, `cohort-B001`). */
  evidence: string;
  /** DISARM techniques of the behaviour. */
  disarm: TtpTag[];
  /** Meta Online Operations Kill Chain entries of the behaviour. */
  killchain: TtpTag[];
}

/** The score of a cluster or an account. */
export interface Score {
  /** 0–1, see `scoreCase`. */
  score: number;
  /** Each component in [0, 1], before weighting. */
  components: Record<ScoreComponent, number>;
  /** Reasons, strongest first. */
  reasons: ScoreReason[];
}

/** The score of one cluster. */
export interface ClusterScore extends Score {
  cluster: string;
}

/** The score of one clustered account. */
export interface AccountScore extends Score {
  key: string;
  cluster: string;
}

/** Scores of a case. */
export interface CaseScores {
  /** Per cluster, in cluster order. */
  clusters: ClusterScore[];
  /** Per clustered account, sorted by key. */
  accounts: AccountScore[];
  /** The weights used per component (the combination is documented in `scoreCase`). */
  weights: Record<ScoreComponent, number>;
}
