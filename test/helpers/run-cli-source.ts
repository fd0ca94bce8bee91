/**
 * Run the `chorus` command line from source (src/cli/main.ts through tsx) in a child process, as a user would but
 * without a build: for command tests that must see exit codes and the exact stdout/stderr.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/**
 * Run `chorus …args` from the repository root with CI=1 (no progress bars).
 * @returns exit status and the captured output
 */
export function chorusFromSource(args: readonly string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
