/**
 * The pipeline stages wired end to end (`detect`) and each store-level stage on its own. Re-exports only.
 * @module
 */

export {
  CASE_SIGNAL_DEFAULTS,
  type CaseSignalOptions,
  computeCaseSignals,
  resolveCaseSignalOptions,
} from './compute-case-signals.js';
export {
  type CorpusTraceOptions,
  type CorpusTraceStats,
  computeCorpusTraces,
} from './compute-corpus-traces.js';
export {
  DETECT_DEFAULTS,
  type DetectOptions,
  type DetectResult,
  detect,
  resolveDetectOptions,
  type SignalOptions,
  validateDetectOptions,
} from './detect.js';
export { type EncodeResult, encodeTraces } from './encode-traces.js';
export { type IngestFilesResult, ingestFiles } from './ingest-files.js';
export { loadAccountFacts } from './load-accounts.js';
export {
  ABSOLUTE_EDGE_FILTER,
  EDGE_FILTER_DEFAULTS,
  type EdgeFilter,
  type EdgeObjectCount,
  type LoadedNetwork,
  loadNetwork,
  validateEdgeFilter,
} from './load-network.js';
export { CHORUS_VERSION } from './version.js';
export { writeQuarantine } from './write-quarantine.js';
