/**
 * Chorus: find coordinated inauthentic behaviour (CIB) in social-media exports, with the evidence attached.
 * The public surface: `detect` end to end, every stage on its own, the model types and the error classes.
 * Subpaths (`chorus-cib/ingest`, `/traces`, `/signals`, `/detect`, `/graph`, `/export`, `/store`, `/pipeline`)
 * expose each stage in full.
 * Re-exports only.
 * @module
 */
export {
  computeCoactions,
  coortweetDetectGroups,
  coortweetNetwork,
  parseWindowSpec,
  qutCoretweetNetwork,
} from './detect/index.js';
export { CibError, type CibErrorCode, ConfigError, InputError, NotFoundError, StoreError } from './errors.js';
export { type CaseReport, writeCaseOutputs } from './export/index.js';
export { buildNetwork, filterEdges, findClusters } from './graph/index.js';
export { FORMATS, type FormatName, type IngestOptions, openInput, parseTimestamp } from './ingest/index.js';
export { type Account, AccountSchema, accountKey } from './model/account.js';
export type {
  Cluster,
  ClusterObject,
  CoordinationNetwork,
  EdgeKindStats,
  EvidencePair,
  NetworkAccount,
  NetworkEdge,
  PostRef,
} from './model/network.js';
export { POST_KINDS, type Post, type PostKind, PostSchema } from './model/post.js';
export { type ProgressSink, SILENT_PROGRESS } from './model/progress.js';
export type { QuarantineEntry } from './model/quarantine.js';
export type { CorpusSignalStats, RunInfo, RunInput, RunTotals, StageTiming } from './model/run-info.js';
export { CORPUS_TRACE_KINDS, TRACE_KINDS, type TraceDraft, type TraceKind } from './model/trace.js';
export * from './pipeline/index.js';
export type {
  AccountSignalSummary,
  CaseSignals,
  ClusterSignals,
  Cohort,
  CohortKind,
} from './signals/case-signals.js';
export { DuckStore } from './store/index.js';
export { extractTraces } from './traces/index.js';
