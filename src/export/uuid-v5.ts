/**
 * Name-based UUIDs, version 5 (SHA-1), as defined in RFC 9562 §5.5 (formerly RFC 4122 §4.3): the same namespace and
 * name always give the same UUID, so exports of one case get the same ids on every run.
 *
 * @module
 */
import { v5, validate } from 'uuid';

/**
 * Namespace of the UUIDs Chorus derives for its exports: `uuidV5("https://chorus-cib/misp", NAMESPACE_URL)` (the URL
 * namespace `6ba7b811-9dad-11d1-80b4-00c04fd430c8` of RFC 9562 Appendix A), fixed forever so ids stay stable.
 */
export const CHORUS_UUID_NAMESPACE = '6239d5bf-def6-5907-bdb6-14f9241f478c';

/**
 * A version-5 UUID (RFC 9562 §5.5), computed by the `uuid` package, with Chorus's namespace as the default.
 * @param name any string (UTF-8 encoded)
 * @param namespace a UUID in the usual 8-4-4-4-12 hex form; default {@link CHORUS_UUID_NAMESPACE}
 * @returns the UUID, lower-case hex with dashes
 * @throws {TypeError} when `namespace` is not a UUID
 * @example uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8') // '886313e1-3b8a-5372-9b90-0c9aee199e5d'
 */
export function uuidV5(name: string, namespace: string = CHORUS_UUID_NAMESPACE): string {
  if (!validate(namespace)) throw new TypeError(`uuidV5: namespace is not a UUID: ${namespace}`);
  return v5(name, namespace);
}
