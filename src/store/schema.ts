/**
 * DDL of a Chorus case store (DuckDB). One table per concept; accounts and objects are dictionary-encoded to
 * integers (`account_dict`, `object_dict`) so the co-action self-join works on narrow integer columns.
 *
 * Tables
 * - `files`: one row per input file (`file_idx`, path, sha256, format, counts).
 * - `posts`: accepted, de-duplicated post records. `rec` is the global record id (unique, assigned at ingest in
 *   input order); `file_idx` + `record` point back to the input line/record. List columns (`urls`, `hashtags`,
 *   `mentions`, `media_hashes`, `objects`) are JSON arrays of the raw entities (lists through the appender cost
 *   10× more than JSON text; query them with DuckDB's JSON functions).
 * - `traces_raw`: traces as extracted at ingest (`rec`, `kind`, canonical `value`), before encoding; the time
 *   and account come from the post (`rec`).
 * - `accounts`: profile records as read (several per account possible; readers take the latest).
 * - `quarantine`: rejected records with file, record, field, code, reason and a raw excerpt.
 * - `account_dict`: `account` INTEGER ↔ (`platform`, `account_id`), numbered in sorted key order.
 * - `object_dict`: `object` INTEGER ↔ (`kind`, `value`), numbered in sorted (kind, value) order.
 * - `traces`: (`account`, `rec`, `ts_ms`, `kind`, `object`): one behavioural act on one object.
 * - `runs`: one row per `detect` run on this case: times, Chorus version, and the whole `run.json` as JSON.
 */

/** DDL statements creating an empty case, in order. Idempotent (`IF NOT EXISTS`). */
export const CASE_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS files (
     file_idx INTEGER PRIMARY KEY, path VARCHAR NOT NULL, sha256 VARCHAR, bytes BIGINT, format VARCHAR,
     read BIGINT, accepted BIGINT, quarantined BIGINT, duplicates BIGINT, error VARCHAR, time_rules VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS posts (
     rec BIGINT NOT NULL, file_idx INTEGER NOT NULL, record BIGINT NOT NULL,
     platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL, account_id VARCHAR NOT NULL, ts_ms BIGINT NOT NULL,
     kind VARCHAR NOT NULL, text VARCHAR, lang VARCHAR, urls JSON, hashtags JSON, mentions JSON,
     media_hashes JSON, parent_post_id VARCHAR, parent_account_id VARCHAR, objects JSON, metrics JSON)`,
  `CREATE TABLE IF NOT EXISTS accounts (
     platform VARCHAR NOT NULL, account_id VARCHAR NOT NULL, handle VARCHAR, display_name VARCHAR,
     created_at_ms BIGINT, followers DOUBLE, following DOUBLE, bio VARCHAR, profile_image_hash VARCHAR,
     label VARCHAR, file_idx INTEGER, seq BIGINT)`,
  `CREATE TABLE IF NOT EXISTS quarantine (
     file_idx INTEGER, file VARCHAR, record BIGINT, field VARCHAR, code VARCHAR, reason VARCHAR, raw VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS account_dict (account INTEGER PRIMARY KEY, platform VARCHAR, account_id VARCHAR, key VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS object_dict (object INTEGER PRIMARY KEY, kind VARCHAR, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS traces_raw (rec BIGINT NOT NULL, kind VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS runs (
     started_at VARCHAR NOT NULL, finished_at VARCHAR, chorus_version VARCHAR, run JSON NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS traces (account INTEGER NOT NULL, rec BIGINT NOT NULL, ts_ms BIGINT NOT NULL, kind VARCHAR NOT NULL, object INTEGER NOT NULL)`,
];
