/**
 * Expands `chorus detect` input arguments: arguments with glob characters are matched with tinyglobby (sorted,
 * files only; absolute patterns give absolute paths); plain paths are kept as given, so a missing file is reported by name instead of vanishing.
 */
import { isAbsolute } from 'node:path';

import { glob } from 'tinyglobby';

/** Whether an argument contains glob syntax (`*`, `?`, `[`, `{`). */
export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/**
 * Expand input arguments in order; duplicates after expansion are kept once (first occurrence).
 * @returns the paths and the patterns that matched nothing
 */
export async function expandInputs(
  args: readonly string[],
): Promise<{ paths: string[]; unmatched: string[] }> {
  const paths: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const found = isGlob(arg)
      ? (await glob(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) })).sort()
      : [arg];
    if (found.length === 0) unmatched.push(arg);
    for (const path of found) {
      if (seen.has(path)) continue;
      seen.add(path);
      paths.push(path);
    }
  }
  return { paths, unmatched };
}
