/**
 * XML 1.0 allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]` (XML 1.0 §2.2
 * "Characters"); anything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the file unparseable, even when
 * escaped. Attacker-written strings may contain them.
 */

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Replace every character that XML 1.0 forbids with U+FFFD (the replacement character).
 * @example sanitizeXmlText('a\u0000b') // 'a\uFFFDb'
 */
export function sanitizeXmlText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '\uFFFD');
}
