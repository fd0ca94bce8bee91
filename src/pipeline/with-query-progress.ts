/**
 * Reports a running DuckDB stage to a progress sink by polling the connection's query progress
 * (`duckdb_query_progress`: percent done and rows processed of the statement running now).
 */
import type { ProgressSink } from '../model/progress.js';
import type { DuckStore } from '../store/duck-store.js';

/** How often the query progress is read, in milliseconds. */
export const QUERY_PROGRESS_POLL_MS = 200;

/**
 * Run `fn` as stage `stage`, updating `progress` from DuckDB's query progress while it runs.
 * @returns what `fn` returns; errors of `fn` propagate after the stage is ended
 */
export async function withQueryProgress<T>(
  store: DuckStore,
  progress: ProgressSink,
  stage: string,
  fn: () => Promise<T>,
): Promise<T> {
  progress.start(stage, 100);
  let rows = 0;
  const timer = setInterval(() => {
    try {
      const p = store.connection.progress;
      if (p.percentage >= 0) {
        rows = Math.max(rows, Number(p.rows_processed));
        progress.update(p.percentage, rows);
      }
    } catch {
      /* no query running */
    }
  }, QUERY_PROGRESS_POLL_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    progress.end();
  }
}
