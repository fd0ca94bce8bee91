/**
 * Split a global account key `platform:accountId` (DESIGN.md §2) back into its parts.
 */
import { CibError } from '../errors.js';

/**
 * Split `platform:accountId` at the first `:` (platform names never contain one; account ids may).
 * @returns `{ platform, accountId }`
 * @throws {CibError} `INPUT_INVALID` when the key has no `:` or an empty platform or account id
 * @example splitAccountKey('bluesky:did:plc:abc') // { platform: 'bluesky', accountId: 'did:plc:abc' }
 */
export function splitAccountKey(key: string): { platform: string; accountId: string } {
  const i = key.indexOf(':');
  if (i <= 0 || i === key.length - 1) {
    throw new CibError(
      'INPUT_INVALID',
      `graph: invalid account key ${JSON.stringify(key)}. Expecting "platform:accountId".`,
    );
  }
  return { platform: key.slice(0, i), accountId: key.slice(i + 1) };
}
