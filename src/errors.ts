/**
 * Chorus error hierarchy. Every error carries a stable machine-readable `code`; tests and callers branch on the
 * class or the code, never on the message text. Pattern from graphology `src/graphology/src/errors.js` and Zod v4
 * `core/errors.ts` (errors as data, with a `code`).
 */

/** Stable error codes. Add new ones at the end; never rename. */
export type CibErrorCode =
  | 'INPUT_UNREADABLE'
  | 'INPUT_FORMAT_UNKNOWN'
  | 'INPUT_INVALID'
  | 'CONFIG_INVALID'
  | 'STORE_FAILED'
  | 'NOT_FOUND';

/** Base class of every error Chorus throws on purpose. */
export class CibError extends Error {
  /** Stable machine-readable code, e.g. `CONFIG_INVALID`. */
  readonly code: CibErrorCode;
  constructor(code: CibErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A whole input file cannot be read or recognised (missing, permission denied, unknown format). */
export class InputError extends CibError {
  /** The file path that failed. */
  readonly file: string;
  constructor(
    code: 'INPUT_UNREADABLE' | 'INPUT_FORMAT_UNKNOWN' | 'INPUT_INVALID',
    file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.file = file;
  }
}

/** Options or configuration are invalid (bad window, unknown format name, malformed `--map`). */
export class ConfigError extends CibError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
  }
}

/** The DuckDB store failed (cannot open the case file, a query failed). */
export class StoreError extends CibError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_FAILED', message, options);
  }
}

/** A requested case, cluster or account does not exist. */
export class NotFoundError extends CibError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
