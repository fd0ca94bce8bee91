/**
 * Writes `quarantine.jsonl`: one JSON object per rejected record (`file`, `record`, `field`, `code`, `reason`,
 * `raw`), ordered by input file and record, through DuckDB's own JSON writer.
 */
import type { DuckStore } from '../store/duck-store.js';

/**
 * Write the case's quarantine table to `path` as JSON lines (an empty file when nothing was quarantined).
 * @returns the number of entries written
 * @throws {StoreError} when the file cannot be written
 */
export async function writeQuarantine(store: DuckStore, path: string): Promise<number> {
  const quoted = path.replaceAll("'", "''");
  await store.run(`COPY (SELECT file, record, field, code, reason, raw FROM quarantine ORDER BY file_idx, record, field)
    TO '${quoted}' (FORMAT json)`);
  return store.scalar('SELECT count(*) FROM quarantine');
}
