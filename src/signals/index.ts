/**
 * `chorus-cib/signals`: the signals of issue 3 (DESIGN.md §4) as pure functions. Corpus trace kinds
 * (near-duplicate text, shared misspellings, hashtag sequences, perceptual-hash media groups), time fingerprints
 * (hour of week, office-hours offset, holiday gaps, synchronized starts) and account signals (creation bursts,
 * handle patterns, reuse, renames, follower anomalies). Nothing here touches the store; `src/pipeline` wires them.
 *
 * @module
 */
export * from './account-signals.js';
export * from './case-signals.js';
export * from './compute-image-phash.js';
export * from './creation-bursts.js';
export * from './english-words.js';
export * from './find-misspellings.js';
export * from './find-near-duplicates.js';
export * from './fit-work-schedule.js';
export * from './fold-confusables.js';
export * from './group-media-hashes.js';
export * from './hamming-bk-tree.js';
export * from './hamming-pairs-within.js';
export * from './handle-pattern.js';
export * from './hashtag-sequences.js';
export * from './holiday-gaps.js';
export * from './hour-of-week.js';
export * from './minhash.js';
export * from './minhash-kernel.js';
export * from './neardup-normalize.js';
export {
  findPersonaLinks,
  PERSONA_EVIDENCE_KINDS,
  PERSONA_LINK_DEFAULTS,
  type PersonaEvidence,
  type PersonaEvidenceKind,
  type PersonaLink,
  type PersonaLinkOptions,
  type PersonaLinkResult,
} from './persona-links.js';
export * from './radix-sort-by-key.js';
export * from './shingles.js';
export * from './synchronized-bursts.js';
export * from './time-fingerprint.js';
export * from './union-find.js';
