/**
 * Narrowing helpers for untrusted parsed JSON.
 */

/** A JSON object (not null, not an array). */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * `value` as an object, or `undefined` when it is not a (non-array) object.
 * @example asObject({ a: 1 }) // { a: 1 }
 */
export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/**
 * `value` as an array, or `[]` when it is not one.
 * @example asArray(null) // []
 */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A short name for the JSON type of `value`, for messages (`null`, `array`, `object`, `string`…).
 * @example jsonTypeName([]) // 'array'
 */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
