/**
 * Refanging: undoing the defanging that threat reports apply to indicators so they cannot be clicked
 * (`hxxps://twitter[.]com/x`, `evil(.)example`, `user[@]mail`, `hxxp[:]//`). The forms handled are those of Meta's
 * `facebook/threat-research` files and the common CTI conventions (as listed by the ioc-fanger project).
 *
 * @module
 */

const REPLACEMENTS: readonly [RegExp, string][] = [
  [/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}|\[dot\]|\(dot\)/gi, '.'],
  [/\[\s*:\s*\]/g, ':'],
  [/\[\s*\/\s*\]/g, '/'],
  [/\[\s*@\s*\]|\[at\]|\(at\)/gi, '@'],
  [/^h(?:xx|\*\*|XX)p(s?)(?=(?:\[?:\]?|:)\/\/)/i, 'http$1'],
  [/^(https?)\[:\/\/\]/i, '$1://'],
];

/**
 * Refang one indicator: `[.]`, `(.)`, `{.}`, `[dot]` → `.`; `[:]` → `:`; `[/]` → `/`; `[@]`, `[at]` → `@`; a
 * leading `hxxp`/`hxxps` (also `h**p`) scheme → `http`/`https`. Everything else is kept as written.
 * @example refang('hxxps://twitter[.]com/x') // 'https://twitter.com/x'
 */
export function refang(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}
