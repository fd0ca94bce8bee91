/**
 * The shape callers pass for an options object: every field optional, `undefined` meaning "use the default"
 * (so CLI flags that were not given can be passed straight through under `exactOptionalPropertyTypes`).
 */

/** Every field of `T` optional and possibly `undefined`; `resolve…()` functions fill in the defaults. */
export type OptionsInput<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Drop the fields whose value is `undefined`, so that spreading the result over defaults keeps the defaults.
 * @example definedFields({ a: 1, b: undefined }) // { a: 1 }
 */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
