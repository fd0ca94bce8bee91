/**
 * Parquet reading through DuckDB's `read_parquet` (an in-memory `@duckdb/node-api` instance per call, one
 * thread so file order is kept), streamed in DuckDB data chunks (2,048 rows) so memory stays flat. Naive
 * TIMESTAMP/DATE columns come back as ISO-like text so the `tz` option applies to them; TIMESTAMP WITH TIME ZONE
 * columns come back as `Date`s. DuckDB is loaded lazily, only when a Parquet file is read.
 *
 * Note: DuckDB expands glob characters (`*`, `?`, `[`) in paths; a Parquet file whose name contains them must be
 * renamed.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

import { InputError } from '../errors.js';

/** One Parquet row. */
export interface ParquetRow {
  /** 1-based row number in the file. */
  record: number;
  /** Values in column order: strings, numbers, bigints, booleans, Dates, arrays, objects or null. */
  values: unknown[];
}

/** Column name and DuckDB type of a Parquet file. */
export interface ParquetColumn {
  name: string;
  /** DuckDB type name, e.g. `VARCHAR`, `BIGINT`, `TIMESTAMP WITH TIME ZONE`. */
  type: string;
}

const NAIVE_TIME_TYPES = /^(?:TIMESTAMP(?:_S|_MS|_NS)?|DATE)$/;

/**
 * Read the schema of a Parquet file.
 * @param path file path
 * @returns columns in file order
 * @throws {InputError} `INPUT_UNREADABLE` when DuckDB cannot open the file or read its metadata
 * @example (await describeParquet('posts.parquet')).map((c) => c.name) // ['id', 'user_id', …]
 */
export async function describeParquet(path: string): Promise<ParquetColumn[]> {
  return withConnection(path, async (connection) => {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(path)})`);
    return (described.getRowObjectsJS() as { column_name: string; column_type: string }[]).map((c) => ({
      name: c.column_name,
      type: c.column_type,
    }));
  });
}

/**
 * Stream the rows of a Parquet file in file order, one batch per DuckDB chunk.
 * @param path file path
 * @param columns its schema, from {@link describeParquet}
 * @returns an async generator of row batches; stopping early releases DuckDB
 * @throws {InputError} `INPUT_UNREADABLE` when DuckDB fails (corrupt file)
 * @example for await (const rows of readParquetRows(p, await describeParquet(p))) total += rows.length;
 */
export async function* readParquetRows(
  path: string,
  columns: readonly ParquetColumn[],
): AsyncGenerator<ParquetRow[]> {
  const parts = columns.map((c) => {
    const quoted = `"${c.name.replaceAll('"', '""')}"`;
    return NAIVE_TIME_TYPES.test(c.type) ? `CAST(${quoted} AS VARCHAR) AS ${quoted}` : quoted;
  });
  const sql = `SELECT ${[...parts, 'file_row_number'].join(', ')} FROM read_parquet(${literal(path)}, file_row_number = true)`;
  const width = columns.length;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
    const result = await connection.stream(sql);
    for await (const chunk of result.yieldRowsJs()) {
      const batch: ParquetRow[] = new Array(chunk.length);
      for (let i = 0; i < chunk.length; i++) {
        const row = chunk[i]!;
        batch[i] = { record: Number(row[width]) + 1, values: row.slice(0, width) };
      }
      yield batch;
    }
  } catch (cause) {
    throw unreadable(path, cause);
  } finally {
    close(instance, connection);
  }
}

async function withConnection<T>(
  path: string,
  run: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
    return await run(connection);
  } catch (cause) {
    throw unreadable(path, cause);
  } finally {
    close(instance, connection);
  }
}

function close(instance: DuckDBInstance | undefined, connection: DuckDBConnection | undefined): void {
  try {
    connection?.closeSync();
  } catch {
    /* already closed */
  }
  try {
    instance?.closeSync();
  } catch {
    /* already closed */
  }
}

function literal(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

function unreadable(path: string, cause: unknown): InputError {
  return new InputError(
    'INPUT_UNREADABLE',
    path,
    `ingest: cannot read Parquet "${path}": ${(cause as Error).message}`,
    {
      cause,
    },
  );
}
