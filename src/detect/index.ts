/**
 * `chorus-cib/detect`: co-action detection in the case store (DESIGN.md §3–§4), plus the CooRTweet and QUT
 * toolkit compatibility layers. Re-exports only.
 *
 * @module
 */
export {
  BOUNDED_TOP_OBJECTS,
  COACTION_DDL,
  COACTION_TABLES,
  type CoactionHooks,
  type CoactionStats,
  type CoactionTable,
  computeCoactions,
} from './co-action.js';
export {
  COACTION_DEFAULTS,
  type CoactionOptions,
  type CoactionOptionsInput,
  resolveCoactionOptions,
  validateCoactionOptions,
  type WindowSpec,
  windowMs,
} from './co-action-options.js';
export * from './coortweet-compat.js';
export {
  CORRECTIONS,
  type Correction,
  computeEdgeSignificance,
  EDGE_SIGNIFICANCE_DEFAULTS,
  type EdgeSignificanceOptions,
  type EdgeSignificanceStats,
  SIGNIFICANCE_TABLES,
  validateEdgeSignificanceOptions,
} from './edge-significance.js';
export {
  COORD_INTERVAL_DEFAULTS,
  type CoordInterval,
  type CoordIntervalOptions,
  type CoordIntervalOptionsInput,
  estimateCoordInterval,
  resolveCoordIntervalOptions,
  validateCoordIntervalOptions,
} from './estimate-coord-interval.js';
export {
  DEFAULT_WINDOW_GRID_SECONDS,
  estimateWindows,
  resolveWindowEstimateOptions,
  validateWindowEstimateOptions,
  WINDOW_ESTIMATE_DEFAULTS,
  type WindowEstimate,
  type WindowEstimateOptions,
  type WindowEstimateOptionsInput,
} from './estimate-windows.js';
export { parseWindowSpec } from './parse-window-spec.js';
export * from './qut-compat.js';
export {
  amplificationProcedure,
  BEHAVIOUR_IDS,
  BEHAVIOURS,
  type BehaviourId,
  type BehaviourTtps,
  DISARM_TECHNIQUES,
  type DisarmTechnique,
  describeTtps,
  KILLCHAIN,
  type KillchainEntry,
  type TtpDescription,
  type TtpRef,
  ttpUrl,
} from './ttp-vocabulary.js';
