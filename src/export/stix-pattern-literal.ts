/**
 * String constants of the STIX 2.1 Patterning language (STIX 2.1 §9.2, "Constants": a string constant is enclosed
 * in single quotes, and any `'` or `\` inside it MUST be escaped with `\`).
 */

/**
 * `value` as a STIX pattern string constant: wrapped in `'…'`, with `\` → `\\` and `'` → `\'`. Nothing else is
 * escaped (the pattern travels inside a JSON string, which JSON escaping covers).
 * @example stixPatternLiteral("it's") // "'it\\'s'" (i.e. the characters 'it\'s')
 */
export function stixPatternLiteral(value: string): string {
  return `'${value.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
}
