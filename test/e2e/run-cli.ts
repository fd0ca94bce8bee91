/**
 * Test helper: run the built `chorus` binary (dist/cli/main.js, built by `npm run build` / the `pretest` script)
 * the way a user does, and capture its output and exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built command line entry point. */
export const BIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Result of one CLI run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `chorus ...args` in the repository root with `CI=1` (no progress bars).
 * @throws Error when dist/ has not been built
 */
export function runCli(args: readonly string[]): CliRun {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
