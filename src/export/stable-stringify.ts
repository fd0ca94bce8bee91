/**
 * JSON with a stable key order: object keys sorted (code-unit order) at every depth, so the bytes do not depend on
 * the order in which an object's fields were assigned.
 */
import { compareStrings } from '../graph/compare-strings.js';

/**
 * Like `JSON.stringify(value, null, indent)`, with object keys sorted recursively. Array order is kept. JSON
 * semantics otherwise: `undefined` fields are dropped, non-finite numbers become `null`, `toJSON` is honoured.
 * @param indent spaces per level (default 2)
 * @example stableStringify({ b: 1, a: { d: 2, c: 3 } }, 0) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function stableStringify(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort(compareStrings))
        sorted[key] = (v as Record<string, unknown>)[key];
      return sorted;
    },
    indent,
  );
}
