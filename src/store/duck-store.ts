/**
 * The embedded case store: a DuckDB database (file or in memory) through `@duckdb/node-api`.
 * A resource with a static async factory and an explicit `close()` (duckdb-node-neo `DuckDBInstance.ts` style).
 */
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBValue,
} from '@duckdb/node-api';

import { StoreError } from '../errors.js';
import { CASE_DDL } from './schema.js';

/** Options of {@link DuckStore.create}. */
export interface DuckStoreOptions {
  /** DuckDB worker threads. Default: DuckDB's own (all cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'`. Default: DuckDB's own (80% of RAM). */
  memoryLimit?: string;
}

/** A JS row as returned by {@link DuckStore.all}: BIGINT → bigint, lists → arrays, NULL → null. */
export type Row = Record<string, unknown>;

/**
 * A Chorus case in DuckDB.
 * @example
 * const store = await DuckStore.create(':memory:');
 * const rows = await store.all('SELECT count(*) AS n FROM posts');
 * store.close();
 */
export class DuckStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    /** The raw DuckDB connection, for appenders and streaming reads. */
    readonly connection: DuckDBConnection,
    /** Path of the case file, or `:memory:`. */
    readonly path: string,
  ) {}

  /**
   * Open (or create) a case and make sure its tables exist.
   * @param path case file path, or `':memory:'` (default)
   * @throws {StoreError} `STORE_FAILED` when the file cannot be opened (locked, not a DuckDB file, no permission),
   *   or when it is a DuckDB database holding other tables than a Chorus case's (it is left untouched)
   */
  static async create(path = ':memory:', options: DuckStoreOptions = {}): Promise<DuckStore> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config.threads = String(options.threads);
    if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (cause) {
      throw new StoreError(`store: cannot open case database "${path}": ${(cause as Error).message}`, {
        cause,
      });
    }
    const connection = await instance.connect();
    const store = new DuckStore(instance, connection, path);
    try {
      await store.assertCaseOrEmpty();
    } catch (error) {
      store.close();
      throw error;
    }
    for (const ddl of CASE_DDL) await store.run(ddl);
    return store;
  }

  /**
   * Run one or more SQL statements, discarding results.
   * @throws {StoreError} when DuckDB rejects the SQL
   */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    try {
      await this.connection.run(sql, params);
    } catch (cause) {
      throw new StoreError(`store: query failed: ${(cause as Error).message}\n${sql.slice(0, 400)}`, {
        cause,
      });
    }
  }

  /**
   * Run a query and read every row as a plain JS object (BIGINT as bigint, lists as arrays).
   * @throws {StoreError} when DuckDB rejects the SQL
   */
  async all<T extends Row = Row>(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>,
  ): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    } catch (cause) {
      throw new StoreError(`store: query failed: ${(cause as Error).message}\n${sql.slice(0, 400)}`, {
        cause,
      });
    }
  }

  /**
   * Stream a query's rows as plain JS objects, one DuckDB chunk (≤ 2,048 rows) at a time, so large results never
   * sit in memory twice.
   * @throws {StoreError} when DuckDB rejects the SQL
   */
  async *rows<T extends Row = Row>(sql: string): AsyncGenerator<T[]> {
    let result: Awaited<ReturnType<DuckDBConnection['stream']>>;
    try {
      result = await this.connection.stream(sql);
    } catch (cause) {
      throw new StoreError(`store: query failed: ${(cause as Error).message}\n${sql.slice(0, 400)}`, {
        cause,
      });
    }
    for await (const chunk of result.yieldRowObjectJs()) yield chunk as T[];
  }

  /** Run a query returning one number (first column of the first row), or 0 when no row. */
  async scalar(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<number> {
    const rows = await this.all(sql, params);
    const first = rows[0];
    if (!first) return 0;
    const value = Object.values(first)[0];
    return value === null || value === undefined ? 0 : Number(value);
  }

  /**
   * Empty the case: drop every table and create the case tables afresh. `detect` calls this so a reused case file
   * never mixes two runs. A database that holds tables but is not a Chorus case (no `posts`, `files` and
   * `traces` tables) is never touched.
   * @throws {StoreError} `STORE_FAILED` when the database holds tables of something else than a Chorus case
   */
  async reset(): Promise<void> {
    const tables = await this.assertCaseOrEmpty();
    for (const name of tables) await this.run(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
    for (const ddl of CASE_DDL) await this.run(ddl);
  }

  /** The base tables of `main`, after checking the database is empty or a Chorus case. */
  private async assertCaseOrEmpty(): Promise<string[]> {
    const tables = (
      await this.all<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name",
      )
    ).map((row) => row.table_name);
    const isCase = ['posts', 'files', 'traces'].every((name) => tables.includes(name));
    if (tables.length > 0 && !isCase) {
      throw new StoreError(
        `store: "${this.path}" is a DuckDB database but not a Chorus case (it holds ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}); refusing to change it. Give --db a new file.`,
      );
    }
    return tables;
  }

  /** A bulk appender on `table` (DuckDB's Appender: columnar bulk load, not row-by-row INSERTs). */
  async appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  /** Close the connection and the database. Safe to call twice. */
  close(): void {
    try {
      this.connection.closeSync();
    } catch {
      /* already closed */
    }
    try {
      this.instance.closeSync();
    } catch {
      /* already closed */
    }
  }
}
