/**
 * JSON path of a valibot issue, for error messages that point at the bad field of an input file.
 */
import type * as v from 'valibot';

/**
 * Format the path of a valibot issue as `campaigns[0].tactics[1]` (array indexes in brackets, keys after dots),
 * prefixed to `base`; the root is `$`.
 * @param issue the valibot issue (its `path` may be missing for a root-level issue)
 * @param base path of the value that was validated; default `$`
 * @example formatIssuePath({ path: [{ key: 'campaigns' }, { key: 0 }, { key: 'id' }] }) // '$.campaigns[0].id'
 */
export function formatIssuePath(
  issue: { path?: readonly Pick<v.IssuePathItem, 'key'>[] | undefined },
  base = '$',
): string {
  let path = base;
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  }
  return path;
}
