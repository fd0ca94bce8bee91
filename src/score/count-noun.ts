/**
 * Counted nouns with thousands separators ("1 account", "4,950 account pairs"), for the plain-words reasons of the
 * scores and the summaries and report blocks built on them. (src/export/pluralize.ts writes the bare count, as the
 * older report prose does.)
 */

/**
 * The count, with `en-US` thousands separators, and the singular or plural noun.
 * @param pluralForm plural, default `singular + 's'`
 * @example countNoun(1, 'edge') // '1 edge'
 * @example countNoun(4950, 'account pair') // '4,950 account pairs'
 */
export function countNoun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
