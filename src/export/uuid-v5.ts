/**
 * Name-based UUIDs, version 5 (SHA-1), as defined in RFC 9562 §5.5 (formerly RFC 4122 §4.3): the same namespace and
 * name always give the same UUID, so exports of one case get the same ids on every run.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * Namespace of the UUIDs Chorus derives for its exports: `uuidV5("https://chorus-cib/misp", NAMESPACE_URL)` (the URL
 * namespace `6ba7b811-9dad-11d1-80b4-00c04fd430c8` of RFC 9562 Appendix A), fixed forever so ids stay stable.
 */
export const CHORUS_UUID_NAMESPACE = '6239d5bf-def6-5907-bdb6-14f9241f478c';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A version-5 UUID: SHA-1 over the 16 namespace bytes followed by the UTF-8 bytes of `name`; the first 16 bytes of
 * the digest, with the version nibble set to 5 and the variant bits to `10` (RFC 9562 §5.5).
 * @param name any string (UTF-8 encoded)
 * @param namespace a UUID in the usual 8-4-4-4-12 hex form; default {@link CHORUS_UUID_NAMESPACE}
 * @returns the UUID, lower-case hex with dashes
 * @throws {TypeError} when `namespace` is not a UUID
 * @example uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8') // '886313e1-3b8a-5372-9b90-0c9aee199e5d'
 */
export function uuidV5(name: string, namespace: string = CHORUS_UUID_NAMESPACE): string {
  if (!UUID_PATTERN.test(namespace)) throw new TypeError(`uuidV5: namespace is not a UUID: ${namespace}`);
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
