/**
 * The export stage (DESIGN.md §3): report.html, report.md, CSV tables, GEXF/GraphML graphs, JSON.
 * Re-exports only.
 */
export { accountLabel } from './account-label.js';
export { accountUrl } from './account-url.js';
export type { CaseReport } from './case-report.js';
export { defangDomain, defangUrl } from './defang.js';
export { encodeListItem } from './encode-list-item.js';
export { escapeMarkdownCell } from './escape-markdown-cell.js';
export { escapeXml } from './escape-xml.js';
export { formatDecimal, roundDecimal } from './format-decimal.js';
export { formatDuration } from './format-duration.js';
export { formatUtc } from './format-utc.js';
export {
  EDGE_ATTRIBUTES,
  type GraphAttributeSpec,
  type GraphAttributeType,
  type GraphAttributeValue,
  type GraphEdgeRow,
  type GraphNodeRow,
  NODE_ATTRIBUTES,
  toGraphExportRows,
} from './graph-export-rows.js';
export { CSV_FORMULA_TRIGGERS, type CsvCell, neutralizeCsvCell } from './neutralize-csv-cell.js';
export {
  HEATMAP_PALETTE,
  HEATMAP_SVG_DEFAULTS,
  type HeatmapSvgOptions,
  heatmapClass,
  renderHeatmapSvg,
} from './render-heatmap-svg.js';
export {
  COMPONENT_LABELS,
  renderClusterScoreHtml,
  renderMethodHtml,
  scoreTtps,
} from './render-score-html.js';
export { describeSchedule, renderClusterSignalsHtml, renderCohortsHtml } from './render-signals-html.js';
export { renderTextDiffHtml } from './render-text-diff.js';
export {
  PLATFORM_PALETTE,
  platformColor,
  renderTimelineSvg,
  TIMELINE_SVG_DEFAULTS,
  type TimelineSvgOptions,
} from './render-timeline-svg.js';
export {
  REPORT_DEFAULTS,
  type ReportOptions,
  resolveReportOptions,
  validateReportOptions,
} from './report-options.js';
export { buildReportView, type ClusterView, type ReportView } from './report-view.js';
export { sanitizeXmlText } from './sanitize-xml-text.js';
export { type ScoredCluster, scoredClusters } from './scored-clusters.js';
export { stableStringify } from './stable-stringify.js';
export { toCsv } from './to-csv.js';
export { truncateText } from './truncate-text.js';
export { CHORUS_UUID_NAMESPACE, uuidV5 } from './uuid-v5.js';
export { ACCOUNTS_CSV_COLUMNS, writeAccountsCsv } from './write-accounts-csv.js';
export { CASE_OUTPUT_FILES, writeCaseOutputs } from './write-case-outputs.js';
export { WRITE_BUFFER_CHARS, writeChunks } from './write-chunks.js';
export { CLUSTERS_CSV_COLUMNS, writeClustersCsv } from './write-clusters-csv.js';
export { COHORTS_CSV_COLUMNS, writeCohortsCsv } from './write-cohorts-csv.js';
export {
  COORTWEET_GROUPS_COLUMNS,
  COORTWEET_NETWORK_COLUMNS,
  writeCoortweetGroupsCsv,
  writeCoortweetNetworkCsv,
} from './write-coortweet-tables.js';
export { EDGES_CSV_COLUMNS, writeEdgesCsv, writeEdgesCsvChunks } from './write-edges-csv.js';
export {
  MISP_EVENT_DEFAULTS,
  MISP_TLP_LEVELS,
  type MispAttribute,
  type MispEvent,
  type MispEventDocument,
  type MispEventOptions,
  type MispObject,
  type MispTag,
  resolveMispEventOptions,
  validateMispEventOptions,
  writeMispEvent,
} from './write-misp-event.js';
export { writeNetworkGexf, writeNetworkGexfChunks } from './write-network-gexf.js';
export { writeNetworkGraphml, writeNetworkGraphmlChunks } from './write-network-graphml.js';
export { writeNetworkJson, writeNetworkJsonChunks } from './write-network-json.js';
export { REPORT_CSP, writeReportHtml } from './write-report-html.js';
export { writeReportMarkdown } from './write-report-markdown.js';
export { writeRunJson } from './write-run-json.js';
export { writeScoresJson } from './write-scores-json.js';
export { writeSignalsJson } from './write-signals-json.js';
export {
  CHORUS_STIX_NAMESPACE,
  resolveStixBundleOptions,
  STIX_ACCOUNT_TYPES,
  STIX_BUNDLE_DEFAULTS,
  STIX_SCO_NAMESPACE,
  type StixBundle,
  type StixBundleOptions,
  type StixObject,
  stixScoId,
  validateStixBundleOptions,
  writeStixBundle,
} from './write-stix-bundle.js';
export { TTP_CSV_COLUMNS, TTP_CSV_MIN_SCORE, writeTtpCsv } from './write-ttp-csv.js';
