/**
 * XML escaping for hand-written XML (GraphML): safe in both element content and double- or single-quoted attributes.
 */
import { sanitizeXmlText } from './sanitize-xml-text.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escape `& < > " '` and encode tab/LF/CR as character references (so attribute-value normalisation keeps them),
 * after replacing characters XML 1.0 forbids with U+FFFD (see `sanitizeXmlText`).
 * @example escapeXml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeXml(value: string): string {
  return sanitizeXmlText(value).replace(/[&<>"'\t\n\r]/g, (ch) => XML_ESCAPES[ch]!);
}
