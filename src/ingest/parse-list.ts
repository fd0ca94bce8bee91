/**
 * List-valued cells (urls, hashtags, mentions, media): JSON arrays, Python-list strings as pandas/QUT/Twitter's
 * archives write them (`['a', 'b']`, `[tag1, tag2]`), or delimited text (`a b`, `a,b`, `a;b`, `a|b`).
 */

const DELIMITERS = /[\s,;|]+/;

/**
 * Split a list-valued cell into its items.
 *
 * - Arrays (from JSON or Parquet) → each item as a string (numbers and bigints stringified; null/empty dropped;
 *   objects are skipped).
 * - Strings starting with `[` and ending with `]` → a JSON array when it parses, else a Python-style list: items
 *   are single- or double-quoted strings (backslash escapes honoured) or bare words, separated by commas.
 * - Other strings → split on runs of white space, `,`, `;` or `|`.
 * - `null`, `undefined`, `''`, `[]`, `nan`/`None`/`null` → `[]`. Numbers and bigints → one item.
 *
 * Items are trimmed and empty items dropped. When `strip` is given, that one leading character is removed from
 * each item (`#` for hashtags, `@` for mentions).
 *
 * @param value the raw cell
 * @param strip optional prefix character to drop from each item, e.g. `'#'`
 * @returns the items, in order (duplicates kept)
 * @example parseList("['http://example.com/2', 'http://x/1']") // ['http://example.com/2', 'http://x/1']
 * @example parseList('#a #b', '#') // ['a', 'b']
 */
export function parseList(value: unknown, strip?: string): string[] {
  let items: string[];
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) items = fromArray(value);
  else if (typeof value === 'string') items = fromString(value);
  else if (typeof value === 'number' || typeof value === 'bigint') items = [String(value)];
  else return [];
  if (strip === undefined) return items;
  const out: string[] = [];
  for (const item of items) {
    const s = item.startsWith(strip) ? item.slice(strip.length).trim() : item;
    if (s !== '') out.push(s);
  }
  return out;
}

function fromArray(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (typeof v === 'string') {
      const s = v.trim();
      if (s !== '') out.push(s);
    } else if (typeof v === 'number' || typeof v === 'bigint') out.push(String(v));
  }
  return out;
}

function fromString(raw: string): string[] {
  const s = raw.trim();
  if (s === '' || s === '[]' || s === 'nan' || s === 'NaN' || s === 'None' || s === 'null') return [];
  if (s.charCodeAt(0) === 91 && s.charCodeAt(s.length - 1) === 93) {
    if (s.length > 1 && (s[1] === '"' || s[1] === '[' || s[1] === ' ' || s[1] === '\n')) {
      try {
        const parsed: unknown = JSON.parse(s);
        if (Array.isArray(parsed)) return fromArray(parsed);
      } catch {
        // not JSON: fall through to the Python-list reading
      }
    }
    return fromPythonList(s.slice(1, -1));
  }
  const out: string[] = [];
  for (const part of s.split(DELIMITERS)) if (part !== '') out.push(part);
  return out;
}

/** Items of a Python list body (without the brackets): quoted strings or bare words, comma-separated. */
function fromPythonList(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && (body[i] === ' ' || body[i] === ',' || body[i] === '\t' || body[i] === '\n')) i++;
    if (i >= n) break;
    const q = body[i];
    if (q === "'" || q === '"') {
      let item = '';
      i++;
      while (i < n && body[i] !== q) {
        if (body[i] === '\\' && i + 1 < n) {
          item += body[i + 1];
          i += 2;
        } else {
          item += body[i];
          i++;
        }
      }
      i++; // closing quote (or end)
      item = item.trim();
      if (item !== '') out.push(item);
    } else {
      const end = body.indexOf(',', i);
      const item = body.slice(i, end < 0 ? n : end).trim();
      i = end < 0 ? n : end + 1;
      if (item !== '' && item !== 'None' && item !== 'nan') out.push(item);
    }
  }
  return out;
}
