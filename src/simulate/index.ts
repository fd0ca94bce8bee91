/**
 * `chorus-cib/simulate`: the seeded planted-campaign benchmark generator behind `chorus simulate` (docs/methods.md §11
 * "Benchmark"): scenarios, the generator and the writer of `posts.csv` / `posts.jsonl` and `truth.json`.
 * Re-exports only.
 *
 * @module
 */
export * from './account-factory.js';
export * from './activity-clock.js';
export * from './campaign-texts.js';
export * from './content-pools.js';
export * from './difficulty-presets.js';
export * from './news-bursts.js';
export * from './organic-activity.js';
export * from './person-names.js';
export * from './plant-campaign.js';
export * from './post-factory.js';
export * from './scenario-spec.js';
export * from './shift-schedule.js';
export * from './sim-post.js';
export * from './sim-random.js';
export * from './simulate-scenario.js';
export * from './standard-scenarios.js';
export * from './text-edits.js';
export * from './write-simulation.js';
