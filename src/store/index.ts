/**
 * `chorus-cib/store`: the embedded DuckDB case store and its schema. Re-exports only.
 * @module
 */
export { DuckStore, type DuckStoreOptions, type Row } from './duck-store.js';
export { CASE_DDL } from './schema.js';
