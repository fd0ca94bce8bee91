/**
 * Options of the human-readable reports (`report.html`, `report.md`): how much evidence each cluster shows.
 */
import { ConfigError } from '../errors.js';
import { definedFields, type OptionsInput } from '../graph/options-input.js';

/** Options of `writeReportHtml`, `writeReportMarkdown` and `writeCaseOutputs`. */
export interface ReportOptions {
  // — Text —
  /** Report title (ours, still escaped). */
  title: string;
  /** Post texts longer than this many characters (code points) are cut and end with `…` (integer ≥ 1). */
  maxTextChars: number;
  // — Clusters —
  /**
   * Clusters that get a detailed section, in id order (largest first; integer ≥ 0). The cluster table always lists
   * every cluster; the rest are in clusters.csv and network.json.
   */
  clusterSections: number;
  // — Evidence per cluster —
  /** Most accounts listed per cluster (integer ≥ 0); the rest are counted. */
  accountsPerCluster: number;
  /** Most evidence posts listed per cluster (integer ≥ 0); the cluster itself carries at most 50. */
  evidencePostsPerCluster: number;
  /** Most internal edges listed per cluster, strongest (most co-actions) first (integer ≥ 0). */
  strongestEdgesPerCluster: number;
  /** Most evidence pairs listed under each of those edges, smallest Δt first (integer ≥ 0). */
  evidencePairsPerEdge: number;
}

/** Defaults of {@link ReportOptions}. */
export const REPORT_DEFAULTS: Readonly<ReportOptions> = Object.freeze({
  title: 'Chorus case report',
  maxTextChars: 1000,
  clusterSections: 500,
  accountsPerCluster: 200,
  evidencePostsPerCluster: 50,
  strongestEdgesPerCluster: 10,
  evidencePairsPerEdge: 3,
});

/**
 * Merge partial options over {@link REPORT_DEFAULTS}, then validate.
 * @throws {ConfigError} `CONFIG_INVALID`, see {@link validateReportOptions}
 */
export function resolveReportOptions(input: OptionsInput<ReportOptions> = {}): ReportOptions {
  const options = { ...REPORT_DEFAULTS, ...definedFields(input) } as ReportOptions;
  validateReportOptions(options);
  return options;
}

/**
 * Check resolved {@link ReportOptions}.
 * @throws {ConfigError} `CONFIG_INVALID` when `title` is not a string, `maxTextChars` is not an integer ≥ 1, or a
 * per-cluster cap is not an integer ≥ 0
 */
export function validateReportOptions(options: ReportOptions): void {
  if (typeof options.title !== 'string') {
    throw new ConfigError('export/report: invalid `title`. Expecting a string.');
  }
  const minimums = {
    maxTextChars: 1,
    clusterSections: 0,
    accountsPerCluster: 0,
    evidencePostsPerCluster: 0,
    strongestEdgesPerCluster: 0,
    evidencePairsPerEdge: 0,
  } as const;
  for (const [key, min] of Object.entries(minimums) as [keyof typeof minimums, number][]) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new ConfigError(
        `export/report: invalid \`${key}\` ${String(value)}. Expecting an integer ≥ ${min}.`,
      );
    }
  }
}
