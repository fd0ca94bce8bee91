/**
 * How every command reports a failure: one line on stderr (`chorus: …`, terminal-safe) or, with `--log-format
 * json`, one JSON object; and which exit code a thrown error maps to (exit-codes.ts).
 */
import { CibError, ConfigError, InputError, StoreError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './terminal-safe.js';

/** A failure printer for one command run: writes the message and returns `code`. */
export type FailurePrinter = (code: number, kind: string, message: string) => number;

/**
 * The failure printer of a command.
 * @param logFormat the global `--log-format` (`json` prints JSON objects)
 */
export function failurePrinter(logFormat: string | undefined): FailurePrinter {
  return (code, kind, message) => {
    if (logFormat === 'json') process.stderr.write(`${JSON.stringify({ level: 'error', kind, message })}\n`);
    else process.stderr.write(`chorus: ${terminalSafe(message)}\n`);
    return code;
  };
}

/**
 * Print a thrown error and return its exit code: usage (2) for {@link ConfigError}, no input (3) for
 * {@link InputError}, store (5) for {@link StoreError}, internal (1) for anything else (with the stack when it is
 * not a Chorus error).
 */
export function exitForError(error: unknown, fail: FailurePrinter): number {
  if (error instanceof ConfigError) return fail(EXIT.usage, 'usage', error.message);
  if (error instanceof InputError) return fail(EXIT.noInput, 'input', error.message);
  if (error instanceof StoreError) return fail(EXIT.store, 'store', error.message);
  if (error instanceof CibError) return fail(EXIT.internal, error.code, error.message);
  return fail(EXIT.internal, 'internal', (error as Error).stack ?? String(error));
}
