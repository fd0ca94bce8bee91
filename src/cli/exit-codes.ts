/**
 * Exit codes of the `chorus` command, documented in the README and `--help`.
 * - 0 OK: the run finished (records may have been quarantined; see run.json).
 * - 1 internal error: a bug or an unexpected failure (the message says what; please report it).
 * - 2 usage error: bad options or arguments (unknown format, malformed `--map`/`--window`).
 * - 3 no input: no input file could be read or recognised; nothing was detected.
 * - 4 partial input: some input files failed (named on stderr and in run.json); outputs were written from the rest.
 * - 5 store error: the case database could not be opened or written.
 */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  noInput: 3,
  partialInput: 4,
  store: 5,
} as const;
