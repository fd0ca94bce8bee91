/**
 * `chorus-cib/traces`: from posts to traces (DESIGN.md §2–§3). Pure functions: canonical URLs, registrable
 * domains, hashtag/mention/text keys, and the per-post trace extractor. Nothing here touches the store or the
 * network.
 *
 * @module
 */
export { canonicalUrl, isTrackingParam, TRACKING_PARAMS } from './canonical-url.js';
export {
  createTraceExtractor,
  extractTraces,
  resolveTraceOptions,
  TRACE_DEFAULTS,
  type TraceOptions,
  validateTraceOptions,
} from './extract-traces.js';
export { foldCase } from './fold-case.js';
export { INVISIBLE_CHARS, stripInvisible } from './invisible-chars.js';
export { normalizeHashtag } from './normalize-hashtag.js';
export { normalizeMention } from './normalize-mention.js';
export { normalizeText } from './normalize-text.js';
export { registrableDomain } from './registrable-domain.js';
